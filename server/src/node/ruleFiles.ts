import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileRuleData, loadRuleSet, type CompiledRules, type LoadError, type RuleSet, type SourceFile } from '../engine';

/** The built-in rules folder: found upward from this module, so it works from sources and from bundles. */
export function builtinRulesDir(): string {
	let dir = __dirname;
	for (let i = 0; i < 6; i++) {
		const candidate = path.join(dir, 'rules');
		if (fs.existsSync(path.join(candidate, 'schema', 'rule.schema.json'))) return candidate;
		dir = path.dirname(dir);
	}
	throw new Error(`Accountable's rules folder was not found above ${__dirname}`);
}

/** Rule files (`<category>/<name>.md`) and vocabularies (`vocabularies/*.yaml`) under a rules folder. */
export function readRuleFolder(dir: string, errors: LoadError[]): { rules: SourceFile[]; vocabularies: SourceFile[] } {
	const rules: SourceFile[] = [];
	const vocabularies: SourceFile[] = [];
	let entries: fs.Dirent[];
	try {
		entries = fs.readdirSync(dir, { withFileTypes: true });
	} catch (e) {
		errors.push({ file: dir, line: 1, message: `cannot read rule folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
		return { rules, vocabularies };
	}
	for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
		if (!entry.isDirectory() || entry.name === 'schema' || entry.name.startsWith('.')) continue;
		const sub = path.join(dir, entry.name);
		for (const name of fs.readdirSync(sub).sort()) {
			const file = path.join(sub, name);
			if (entry.name === 'vocabularies' && /\.ya?ml$/i.test(name)) vocabularies.push(readSource(file, errors));
			else if (entry.name !== 'vocabularies' && /\.md$/i.test(name) && name.toLowerCase() !== 'readme.md') rules.push({ ...readSource(file, errors), url: pathToFileURL(file).href });
		}
	}
	return { rules: rules.filter((r) => r.text !== undefined), vocabularies: vocabularies.filter((v) => v.text !== undefined) };
}

function readSource(file: string, errors: LoadError[]): SourceFile {
	try {
		return { path: file, text: fs.readFileSync(file, 'utf8') };
	} catch (e) {
		errors.push({ file, line: 1, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
		return { path: file, text: undefined as unknown as string };
	}
}

/**
 * Where the build step writes the compiled built-in rules: beside the bundle that loads them (out/). Run
 * from the TypeScript sources (the tests) there is none there, and the rule files are loaded as they are.
 */
export const COMPILED_RULES_FILE = path.join(__dirname, 'builtin-rules.json');
/** Changes whenever what writeCompiledRules stores changes shape. */
const COMPILED_FORMAT = 1;

/**
 * Loads the built-in rules plus any rule packs. Packs may use the built-in vocabularies and add their own;
 * a broken pack file is reported and skipped while everything else loads.
 *
 * The built-in rules come from the build step's compiled copy (`compiledFile`) when it was made from rule
 * files with exactly the content read now: no YAML is parsed and no schema validated for them. A rule file
 * edited since the build (or a copy that is missing) is loaded from the files, as packs always are.
 */
export function loadRules(packDirs: readonly string[] = [], options: { builtin?: boolean; compiledFile?: string; builtinDir?: string } = {}): RuleSet {
	const errors: LoadError[] = [];
	const builtin = options.builtin === false ? undefined : (options.builtinDir ?? builtinRulesDir());
	const folders = [...(builtin ? [builtin] : []), ...packDirs];
	const rules: SourceFile[] = [];
	const vocabularies: SourceFile[] = [];
	let compiled: CompiledRules | undefined;
	for (const folder of folders) {
		const found = readRuleFolder(folder, errors);
		// Only the built-in rules are trusted with JavaScript regular expressions; packs get the linear-time engine.
		const trusted = folder === builtin;
		if (trusted) {
			compiled = readCompiledRules(options.compiledFile ?? COMPILED_RULES_FILE, folder, found);
			if (compiled) continue;
		}
		rules.push(...found.rules.map((f) => ({ ...f, trusted })));
		vocabularies.push(...found.vocabularies.map((f) => ({ ...f, trusted })));
	}
	const set = loadRuleSet({ rules, vocabularies, compiled });
	set.errors.unshift(...errors);
	return set;
}

interface CompiledRulesFile extends CompiledRules {
	format: number;
	/** Of the rule files the copy was made from (fingerprint()). */
	fingerprint: string;
}

/**
 * The build step: loads the built-in rules from their files (YAML, schema and all) and writes what they
 * compile to into `file`. Returns the problems instead when there are any, and then writes nothing (removing
 * an older copy), so every process loads the files and reports those problems itself.
 */
export function writeCompiledRules(file: string = COMPILED_RULES_FILE, dir: string = builtinRulesDir()): LoadError[] {
	const errors: LoadError[] = [];
	const found = readRuleFolder(dir, errors);
	const set = loadRuleSet({ rules: found.rules.map((f) => ({ ...f, trusted: true })), vocabularies: found.vocabularies.map((f) => ({ ...f, trusted: true })) });
	errors.push(...set.errors);
	fs.rmSync(file, { force: true });
	if (errors.length > 0) return errors;
	const data = compileRuleData(set);
	const relative = (p: string): string => path.relative(dir, p).split(path.sep).join('/');
	const stored: CompiledRulesFile = {
		format: COMPILED_FORMAT,
		fingerprint: fingerprint(dir, found),
		// Paths relative to the rules folder, which may sit elsewhere at run time (an installed extension).
		rules: data.rules.map((r) => ({ ...r, path: relative(r.path), docUrl: '' })),
		vocabularies: data.vocabularies.map((v) => ({ ...v, path: relative(v.path) })),
	};
	fs.writeFileSync(file, `${JSON.stringify(stored)}\n`);
	return [];
}

/** The compiled copy of the rules in `dir`, when `file` holds one made from exactly the files `found`. */
function readCompiledRules(file: string, dir: string, found: { rules: SourceFile[]; vocabularies: SourceFile[] }): CompiledRules | undefined {
	let stored: CompiledRulesFile;
	try {
		stored = JSON.parse(fs.readFileSync(file, 'utf8')) as CompiledRulesFile;
	} catch {
		return undefined;
	}
	if (stored.format !== COMPILED_FORMAT || stored.fingerprint !== fingerprint(dir, found)) return undefined;
	const absolute = (p: string): string => path.join(dir, ...p.split('/'));
	return {
		rules: stored.rules.map((r) => ({ ...r, path: absolute(r.path), docUrl: pathToFileURL(absolute(r.path)).href })),
		vocabularies: stored.vocabularies.map((v) => ({ ...v, path: absolute(v.path), trusted: true })),
	};
}

/** A hash of the rule files' names (relative to `dir`) and contents. */
function fingerprint(dir: string, found: { rules: SourceFile[]; vocabularies: SourceFile[] }): string {
	const hash = createHash('sha256');
	for (const f of [...found.rules, ...found.vocabularies]) hash.update(`${path.relative(dir, f.path).split(path.sep).join('/')}\0${f.text}\0`);
	return hash.digest('hex');
}
