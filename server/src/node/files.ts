import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';
import type { ConfigResolver } from './config';

export const REVIEWED_EXTENSIONS = ['md', 'markdown', 'txt', 'docx'];
/** Word's lock files (`~$proposal.docx`) sit beside open documents and are not documents. */
const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**', '**/~$*'];

/**
 * Expands the CLI's arguments into files: named files as given, folders recursively (reviewed
 * extensions only), and globs. Files found through folders or globs honour the configuration's `ignore`.
 * `missing` lists paths that do not exist, `unmatched` globs that match no file at all (before `ignore`).
 */
export function expandPaths(args: readonly string[], configs: ConfigResolver, cwd = process.cwd()): { files: string[]; missing: string[]; unmatched: string[] } {
	const files = new Set<string>();
	const missing: string[] = [];
	const unmatched: string[] = [];
	for (const arg of args) {
		const abs = path.resolve(cwd, arg);
		let stat: fs.Stats | undefined;
		try {
			stat = fs.statSync(abs);
		} catch {
			stat = undefined;
		}
		if (stat?.isFile()) {
			files.add(abs);
			continue;
		}
		const found = stat?.isDirectory()
			? globSync(`**/*.{${REVIEWED_EXTENSIONS.join(',')}}`, { cwd: abs, absolute: true, ignore: SKIPPED_FOLDERS, dot: false })
			: picomatch.scan(arg).isGlob
				? globSync(arg, { cwd, absolute: true, ignore: SKIPPED_FOLDERS })
				: undefined;
		if (!found) {
			missing.push(arg);
			continue;
		}
		if (found.length === 0 && !stat) unmatched.push(arg);
		for (const file of found.sort()) if (!isIgnored(file, configs)) files.add(path.normalize(file));
	}
	return { files: [...files], missing, unmatched };
}

export function isIgnored(file: string, configs: ConfigResolver): boolean {
	const { ignore } = configs.forDirectory(path.dirname(file));
	return ignore.some(({ dir, pattern }) => {
		const relative = path.relative(dir, file).split(path.sep).join('/');
		return picomatch.isMatch(relative, pattern, { dot: true }) || picomatch.isMatch(relative, `${pattern.replace(/\/$/, '')}/**`, { dot: true });
	});
}
