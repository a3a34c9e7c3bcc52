import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';
import type { ConfigResolver } from './config';
import { isIgnoredPath } from '../engine/configFile';
import { kindOf } from './safeRead';

/** Whether a path as given is a glob to expand (the review and \`accountable report\` decide alike). */
export function isGlob(arg: string): boolean {
	return picomatch.scan(arg).isGlob;
}

export const REVIEWED_EXTENSIONS = ['md', 'markdown', 'txt', 'docx'];
/** Extensions are matched whatever their case: `BILL.MD` and `Proposal FINAL.DOCX` are documents too. */
const REVIEWED = new RegExp(`\\.(?:${REVIEWED_EXTENSIONS.join('|')})$`, 'i');
/** Word 97–2003 documents cannot be read; a folder review says so instead of passing over them. */
const LEGACY_WORD = /\.doc$/i;
export const LEGACY_WORD_MESSAGE = 'is a Word 97–2003 document (.doc), which Accountable cannot read; open it in Word and save it as .docx';
/** Folders never reviewed: dependencies and version control. Word's lock files (`~$proposal.docx`) are not documents. */
const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**', '**/~$*'];
const SKIPPED_FOLDER_NAMES = new Set(['node_modules', '.git']);

/** A file or folder not reviewed, and why. `failed` when it should have been (the run then exits 2). */
export interface SkippedPath {
	path: string;
	reason: string;
	failed: boolean;
}

export interface ExpandOptions {
	/** Follow symbolic links that lead out of the folder reviewed (off: they are reported and skipped). */
	followLinks?: boolean;
}

/**
 * Expands the CLI's arguments into files: named files as given, folders recursively (reviewed extensions
 * only, whatever their case), and globs. Files found through folders or globs honour the configuration's
 * `ignore`, stay inside the folder (or, for globs, the working folder) unless `followLinks`, and are regular
 * files: devices, FIFOs and sockets are never read. `missing` lists paths that do not exist, `unmatched`
 * globs that match no file at all (before `ignore`), `skipped` everything passed over with its reason.
 */
export function expandPaths(args: readonly string[], configs: ConfigResolver, cwd = process.cwd(), options: ExpandOptions = {}): { files: string[]; missing: string[]; unmatched: string[]; skipped: SkippedPath[] } {
	const files = new Set<string>();
	const missing: string[] = [];
	const unmatched: string[] = [];
	const skipped: SkippedPath[] = [];
	for (const arg of args) {
		const abs = path.resolve(cwd, arg);
		let stat: fs.Stats | undefined;
		try {
			stat = fs.statSync(abs);
		} catch {
			stat = undefined;
		}
		if (stat && !stat.isDirectory()) {
			// A file the user named is read as named (the reader refuses devices and FIFOs with a message).
			files.add(abs);
			continue;
		}
		let found: string[] | undefined;
		if (stat?.isDirectory()) found = walkFolder(abs, skipped, options);
		else if (isGlob(arg)) {
			const walkRoot = realOrSelf(cwd);
			found = globSync(arg, { cwd, absolute: true, ignore: SKIPPED_FOLDERS, caseSensitiveMatch: false, followSymbolicLinks: false }).filter((file) => {
				const verdict = classify(path.normalize(file), walkRoot, options);
				if (verdict.skip) skipped.push({ path: path.normalize(file), ...verdict.skip });
				return verdict.kind === 'file';
			});
		}
		if (!found) {
			missing.push(arg);
			continue;
		}
		if (found.length === 0 && !stat) unmatched.push(arg);
		for (const file of found.sort()) if (!isIgnored(file, configs)) files.add(path.normalize(file));
	}
	return { files: [...files], missing, unmatched, skipped };
}

type Verdict = { kind: 'file' | 'folder' | 'none'; real?: string; skip?: { reason: string; failed: boolean } };

/**
 * What one entry found in a walk is: a reviewable file, a folder to enter, or something passed over (with a
 * reason when the user should hear of it). Links are resolved and must stay under `root` unless allowed.
 */
function classify(entry: string, root: string, options: ExpandOptions): Verdict {
	let lstat: fs.Stats;
	try {
		lstat = fs.lstatSync(entry);
	} catch (e) {
		return { kind: 'none', skip: { reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, failed: true } };
	}
	let stat = lstat;
	let real = entry;
	if (lstat.isSymbolicLink()) {
		try {
			real = fs.realpathSync(entry);
			stat = fs.statSync(real);
		} catch {
			return REVIEWED.test(entry) ? { kind: 'none', skip: { reason: 'is a broken symbolic link (its target does not exist)', failed: true } } : { kind: 'none' };
		}
		if (!options.followLinks && !isInside(real, root)) {
			return { kind: 'none', skip: { reason: `is a symbolic link to ${real}, outside the folder reviewed; not followed (--follow-links reviews it)`, failed: false } };
		}
	}
	if (stat.isDirectory()) return { kind: 'folder', real };
	if (!REVIEWED.test(entry)) {
		return LEGACY_WORD.test(entry) && stat.isFile() ? { kind: 'none', skip: { reason: LEGACY_WORD_MESSAGE, failed: false } } : { kind: 'none' };
	}
	if (!stat.isFile()) return { kind: 'none', skip: { reason: `is not a regular file (${kindOf(stat)}); not read`, failed: true } };
	return { kind: 'file', real };
}

/** The reviewable files under `root`, sorted, without following links out of it; what was passed over goes to `skipped`. */
function walkFolder(root: string, skipped: SkippedPath[], options: ExpandOptions): string[] {
	const realRoot = realOrSelf(root);
	const files: string[] = [];
	// Real paths of folders entered and files taken: links inside the tree can make loops or repeat files.
	const seen = new Set<string>([realRoot]);
	const pending = [root];
	while (pending.length > 0) {
		const dir = pending.pop()!;
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(dir, { withFileTypes: true });
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code;
			skipped.push({ path: dir, reason: code === 'EACCES' || code === 'EPERM' ? 'is a folder that cannot be read (permission denied); its files were not reviewed' : `is a folder that cannot be read (${code ?? 'error'})`, failed: true });
			continue;
		}
		for (const entry of entries) {
			// Hidden files and folders (.git, .vscode) are not documents; node_modules holds other people's.
			if (entry.name.startsWith('.') || entry.name.startsWith('~$') || SKIPPED_FOLDER_NAMES.has(entry.name)) continue;
			const full = path.join(dir, entry.name);
			const verdict = classify(full, realRoot, options);
			if (verdict.skip) skipped.push({ path: full, ...verdict.skip });
			if (verdict.kind === 'none' || seen.has(verdict.real ?? full)) continue;
			seen.add(verdict.real ?? full);
			if (verdict.kind === 'folder') pending.push(full);
			else files.push(full);
		}
	}
	return files.sort();
}

function realOrSelf(p: string): string {
	try {
		return fs.realpathSync(p);
	} catch {
		return path.resolve(p);
	}
}

/** Whether `file` is `dir` or below it (paths already resolved). */
export function isInside(file: string, dir: string): boolean {
	const relative = path.relative(dir, file);
	return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

export function isIgnored(file: string, configs: ConfigResolver): boolean {
	const { ignore } = configs.forDirectory(path.dirname(file));
	return ignore.some(({ dir, pattern }) => {
		const relative = path.relative(dir, file).split(path.sep).join('/');
		return isIgnoredPath(relative, pattern);
	});
}
