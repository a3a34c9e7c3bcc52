import type { Hash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileRuleData, loadRuleSet, type CompiledRules, type LoadError, type RuleSet, type SourceFile } from '../engine';
import { readBoundedText } from './safeRead';

/**
 * Limits on what a rule pack may hold. Rules are matched against every sentence, so review time grows with
 * their number: past these a pack is refused (an error on its folder) and the review goes on without it.
 */
export const PACK_LIMITS = {
	/** Rule files in one pack; the built-in set has about a hundred. */
	maxRules: 2000,
	/** Bytes of one rule or vocabulary file. */
	maxFileBytes: 256 * 1024,
};

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

/**
 * Rule files (`<category>/<name>.md`) and vocabularies (`vocabularies/*.yaml`) under a rules folder. An
 * unreadable folder, a file that is not a regular file or is too large, or a pack over the rule limit is an
 * error on that path; everything else still loads.
 */
export function readRuleFolder(dir: string, errors: LoadError[], limits = PACK_LIMITS): { rules: SourceFile[]; vocabularies: SourceFile[] } {
	return readListed(listRuleFolder(dir, errors, limits), errors, limits);
}

/** The files of a rules folder that readRuleFolder reads, in its order (none when the folder cannot be read or is over the limit). */
interface ListedFiles {
	ruleFiles: string[];
	vocabularyFiles: string[];
}

function listRuleFolder(dir: string, errors: LoadError[], limits = PACK_LIMITS): ListedFiles {
	let entries: fs.Dirent[];
	try {
		entries = fs.readdirSync(dir, { withFileTypes: true });
	} catch (e) {
		errors.push({ file: dir, line: 1, message: `cannot read rule folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
		return { ruleFiles: [], vocabularyFiles: [] };
	}
	const ruleFiles: string[] = [];
	const vocabularyFiles: string[] = [];
	for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
		if (!isRuleSubfolder(entry)) continue;
		const sub = path.join(dir, entry.name);
		let names: string[];
		try {
			names = fs.readdirSync(sub).sort();
		} catch (e) {
			errors.push({ file: sub, line: 1, message: `cannot read rule folder: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : ((e as NodeJS.ErrnoException).code ?? (e as Error).message)}; its rules are not loaded` });
			continue;
		}
		for (const name of names) {
			const kind = ruleFileKind(entry.name, name);
			if (kind === 'vocabulary') vocabularyFiles.push(path.join(sub, name));
			else if (kind === 'rule') ruleFiles.push(path.join(sub, name));
		}
	}
	// Refused before anything is read or compiled: loading and matching grow with the number of rules.
	if (ruleFiles.length > limits.maxRules) {
		errors.push({ file: dir, line: 1, message: `rule pack has ${ruleFiles.length} rules, over the limit of ${limits.maxRules}; the pack is not loaded (split it, or keep the rules you use)` });
		return { ruleFiles: [], vocabularyFiles: [] };
	}
	return { ruleFiles, vocabularyFiles };
}

/** Whether a folder entry holds rule files or vocabularies (not the schemas, nor hidden folders). */
function isRuleSubfolder(entry: fs.Dirent): boolean {
	return entry.isDirectory() && entry.name !== 'schema' && !entry.name.startsWith('.');
}

/** What a file `name` in the rules folder's subfolder `sub` is, if anything loadRules reads. */
function ruleFileKind(sub: string, name: string): 'rule' | 'vocabulary' | undefined {
	if (sub === 'vocabularies') return /\.ya?ml$/i.test(name) ? 'vocabulary' : undefined;
	return /\.md$/i.test(name) && name.toLowerCase() !== 'readme.md' ? 'rule' : undefined;
}

function readListed(listed: ListedFiles, errors: LoadError[], limits: typeof PACK_LIMITS): { rules: SourceFile[]; vocabularies: SourceFile[] } {
	const rules: SourceFile[] = [];
	const vocabularies: SourceFile[] = [];
	for (const file of listed.vocabularyFiles) pushSource(vocabularies, file, errors, limits);
	for (const file of listed.ruleFiles) pushSource(rules, file, errors, limits, pathToFileURL(file).href);
	return { rules, vocabularies };
}

function pushSource(into: SourceFile[], file: string, errors: LoadError[], limits: typeof PACK_LIMITS, url?: string): void {
	try {
		into.push({ path: file, text: readBoundedText(file, limits.maxFileBytes), ...(url ? { url } : {}) });
	} catch (e) {
		errors.push({ file, line: 1, message: `rule file ${(e as Error).message}; not loaded` });
	}
}

/**
 * Where the build step writes the compiled built-in rules: beside the bundle that loads them (out/). Run
 * from the TypeScript sources (the tests) there is none there, and the rule files are loaded as they are.
 */
export const COMPILED_RULES_FILE = path.join(__dirname, 'builtin-rules.json');
/** Changes whenever what writeCompiledRules stores changes shape. */
const COMPILED_FORMAT = 4;

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
	let compiled: (CompiledRules & { setFingerprint: string }) | undefined;
	for (const folder of folders) {
		let read: { rules: SourceFile[]; vocabularies: SourceFile[] } | undefined;
		const contents = (): { rules: SourceFile[]; vocabularies: SourceFile[] } => (read ??= readListed(listRuleFolder(folder, errors), errors, PACK_LIMITS));
		// Only the built-in rules are trusted with JavaScript regular expressions; packs get the linear-time engine.
		const trusted = folder === builtin;
		if (trusted) {
			compiled = readCompiledRules(options.compiledFile ?? COMPILED_RULES_FILE, folder, contents);
			if (compiled) continue;
		}
		const found = contents();
		rules.push(...found.rules.map((f) => ({ ...f, trusted })));
		vocabularies.push(...found.vocabularies.map((f) => ({ ...f, trusted })));
	}
	const set = loadRuleSet({ rules, vocabularies, compiled });
	set.errors.unshift(...errors);
	// The built-in rules alone, as compiled: the fingerprint the build worked out is theirs.
	if (compiled && folders.length === 1 && set.errors.length === 0) setFingerprints.set(set, compiled.setFingerprint);
	return set;
}

interface CompiledRulesFile extends CompiledRules {
	format: number;
	/** Of the rule files the copy was made from (fingerprint()). */
	fingerprint: string;
	/**
	 * Of the rule set they compile to (ruleSetFingerprint): every CLI run with --format json records it, and
	 * hashing the whole rule set cost each new process tens of milliseconds.
	 */
	setFingerprint: string;
	/**
	 * The rule files (relative to the rules folder, in readRuleFolder's order) and each one's status as the
	 * build found it before reading it (stampOf), null where that cannot vouch for its content (see
	 * settledStamp). A process whose rule files all have these statuses has the files the copy was made from,
	 * without reading them; any other compares their content with `fingerprint`.
	 */
	stamps: { files: string[]; stamps: Array<string | null> };
}

/**
 * The build step: loads the built-in rules from their files (YAML, schema and all) and writes what they
 * compile to into `file`. Returns the problems instead when there are any, and then writes nothing (removing
 * an older copy), so every process loads the files and reports those problems itself.
 */
export function writeCompiledRules(file: string = COMPILED_RULES_FILE, dir: string = builtinRulesDir()): LoadError[] {
	const errors: LoadError[] = [];
	const listed = listRuleFolder(dir, errors);
	// Before the files are read: a file written after this has another status, and is then compared by content.
	const now = BigInt(Date.now()) * 1_000_000n;
	const stamps = listedFiles(listed).map((f) => settledStamp(f, now));
	const found = readListed(listed, errors, PACK_LIMITS);
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
		patternPrefixes: data.patternPrefixes,
		foldedPatterns: data.foldedPatterns,
		termWords: data.termWords,
		termKeys: data.termKeys,
		setFingerprint: ruleSetFingerprint(set),
		stamps: { files: listedFiles(listed).map(relative), stamps },
	};
	fs.writeFileSync(file, `${JSON.stringify(stored)}\n`);
	return [];
}

/**
 * The compiled copy of the rules in `dir`, when `file` holds one made from exactly the rule files there:
 * files with the statuses the build recorded, or else (read by `contents`) with the content it hashed.
 */
function readCompiledRules(file: string, dir: string, contents: () => { rules: SourceFile[]; vocabularies: SourceFile[] }): (CompiledRules & { setFingerprint: string }) | undefined {
	let stored: CompiledRulesFile;
	try {
		stored = JSON.parse(fs.readFileSync(file, 'utf8')) as CompiledRulesFile;
	} catch {
		return undefined;
	}
	if (stored.format !== COMPILED_FORMAT) return undefined;
	if (!unchangedSinceBuild(dir, stored.stamps) && stored.fingerprint !== fingerprint(dir, contents())) return undefined;
	const absolute = (p: string): string => path.join(dir, ...p.split('/'));
	return {
		rules: stored.rules.map((r) => ({ ...r, path: absolute(r.path), docUrl: pathToFileURL(absolute(r.path)).href })),
		vocabularies: stored.vocabularies.map((v) => ({ ...v, path: absolute(v.path), trusted: true })),
		patternPrefixes: stored.patternPrefixes,
		foldedPatterns: stored.foldedPatterns,
		termWords: stored.termWords,
		termKeys: stored.termKeys,
		setFingerprint: stored.setFingerprint,
	};
}

function listedFiles(listed: ListedFiles): string[] {
	return [...listed.vocabularyFiles, ...listed.ruleFiles];
}

/**
 * A file's status as a string: device, inode, size, modification and change times. Writing to a file or
 * replacing it changes its change time (ctime), which no program can set back.
 */
function stampOf(file: string): string | undefined {
	try {
		const s = fs.statSync(file, { bigint: true });
		return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
	} catch {
		return undefined;
	}
}

/**
 * The status of a file about to be read at `nowNs`, when it vouches for the content read: not when the file
 * changed in the last second, since file times are kept to a clock tick of a few milliseconds, and a write
 * in the same tick just after the read would leave the same status (git's "racily clean" files).
 */
function settledStamp(file: string, nowNs: bigint): string | null {
	const stamp = stampOf(file);
	if (stamp === undefined) return null;
	const ctimeNs = BigInt(stamp.slice(stamp.lastIndexOf(':') + 1));
	return ctimeNs < nowNs - 1_000_000_000n ? stamp : null;
}

/**
 * Whether the rule files in `dir` are those recorded, each with the status recorded. Listed in the order the
 * folder gives (loadRules sorts folders by localeCompare, and the collator that needs costs a new process
 * several milliseconds): compared as a set, which is all that is asked here.
 */
function unchangedSinceBuild(dir: string, recorded: CompiledRulesFile['stamps'] | undefined): boolean {
	if (!recorded || recorded.files.length !== recorded.stamps.length) return false;
	const stampOfFile = new Map<string, string | null>();
	recorded.files.forEach((f, i) => stampOfFile.set(f, recorded.stamps[i]!));
	let count = 0;
	try {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			if (!isRuleSubfolder(entry)) continue;
			for (const name of fs.readdirSync(`${dir}${path.sep}${entry.name}`)) {
				if (!ruleFileKind(entry.name, name)) continue;
				const stamp = stampOfFile.get(`${entry.name}/${name}`);
				if (!stamp || stampOf(`${dir}${path.sep}${entry.name}${path.sep}${name}`) !== stamp) return false;
				count++;
			}
		}
	} catch {
		return false;
	}
	return count === stampOfFile.size;
}

/** A hash of the rule files' names (relative to `dir`) and contents. */
function fingerprint(dir: string, found: { rules: SourceFile[]; vocabularies: SourceFile[] }): string {
	const hash = sha256();
	for (const f of [...found.rules, ...found.vocabularies]) hash.update(`${path.relative(dir, f.path).split(path.sep).join('/')}\0${f.text}\0`);
	return hash.digest('hex');
}

const setFingerprints = new WeakMap<RuleSet, string>();

/** A SHA-256 hash. node:crypto is loaded when first needed: a process whose rules are current never hashes them. */
function sha256(): Hash {
	return (require('node:crypto') as typeof import('node:crypto')).createHash('sha256');
}

/**
 * What the rules of a loaded set say (ids, specs, documentation, vocabularies), as a short hash: two reviews
 * made with the same fingerprint applied the same rules, wherever they ran. File locations are left out, so a
 * checkout in another folder has the same fingerprint. `accountable merge` refuses outputs whose rules differ.
 */
export function ruleSetFingerprint(set: RuleSet): string {
	let known = setFingerprints.get(set);
	if (known === undefined) {
		const hash = sha256();
		for (const r of set.rules) hash.update(`${JSON.stringify([r.id, r.category, r.spec, r.doc.markdown])}\0`);
		for (const v of set.vocabularies.values()) hash.update(`${JSON.stringify([v.name, v.terms, v.patterns])}\0`);
		known = `sha256:${hash.digest('hex').slice(0, 16)}`;
		setFingerprints.set(set, known);
	}
	return known;
}
