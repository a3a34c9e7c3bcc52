import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadRuleSet, type LoadError, type RuleSet, type SourceFile } from '../engine';

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
 * Loads the built-in rules plus any rule packs. Packs may use the built-in vocabularies and add their own;
 * a broken pack file is reported and skipped while everything else loads.
 */
export function loadRules(packDirs: readonly string[] = [], options: { builtin?: boolean } = {}): RuleSet {
	const errors: LoadError[] = [];
	const builtin = options.builtin === false ? undefined : builtinRulesDir();
	const folders = [...(builtin ? [builtin] : []), ...packDirs];
	const rules: SourceFile[] = [];
	const vocabularies: SourceFile[] = [];
	for (const folder of folders) {
		const found = readRuleFolder(folder, errors);
		// Only the built-in rules are trusted with JavaScript regular expressions; packs get the linear-time engine.
		const trusted = folder === builtin;
		rules.push(...found.rules.map((f) => ({ ...f, trusted })));
		vocabularies.push(...found.vocabularies.map((f) => ({ ...f, trusted })));
	}
	const set = loadRuleSet({ rules, vocabularies });
	set.errors.unshift(...errors);
	return set;
}
