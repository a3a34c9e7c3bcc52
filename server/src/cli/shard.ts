import * as path from 'node:path';

/**
 * `--shard k/n`, as Playwright and Jest shard: a CI matrix of n jobs, each given the same paths, reviews
 * every file exactly once between them. The files are sorted by their path relative to the working folder
 * and dealt out in turn, so each job's share depends only on the file list, not on the order of arguments or
 * of the file system, and the shares differ in size by at most one file.
 */
export interface Shard {
	/** 1-based. */
	index: number;
	count: number;
}

/** The shard `k/n` names, or a sentence saying what is wrong with it. */
export function parseShard(text: string): Shard | string {
	const m = /^(\d+)\/(\d+)$/.exec(text.trim());
	if (!m) return `--shard takes k/n (this job's shard and the number of shards, e.g. 2/4), not "${text}"`;
	const index = Number(m[1]);
	const count = Number(m[2]);
	if (count < 1 || index < 1 || index > count) return `--shard ${text}: k must be between 1 and n`;
	return { index, count };
}

/** The files of `shard`, in the order given. */
export function filesOfShard(files: readonly string[], shard: Shard, cwd: string): string[] {
	const key = (file: string): string => path.relative(cwd, file).split(path.sep).join('/');
	const sorted = [...files].sort((a, b) => comparePaths(key(a), key(b)));
	const mine = new Set(sorted.filter((_, i) => i % shard.count === shard.index - 1));
	return files.filter((f) => mine.has(f));
}

/** The order --shard deals files out in (and `merge` lists them in): by path, compared by code unit. */
export function comparePaths(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
