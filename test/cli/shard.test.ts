import { describe, expect, it } from 'vitest';
import { runCli, tempFolder } from '../helpers/cli';

// `accountable --shard k/n`: n jobs of a CI matrix, each given the same paths, review every file once between them.

const BAD = 'Victims who agree to testify shall be eligible for shelter.\n';
const RAID = 'The task force will conduct raids on massage parlours to rescue victims.\n';
const CLEAN = 'Services shall be provided regardless of whether the person cooperates with law enforcement.\n';

interface FileResult {
	file: string;
	findings: unknown[];
}

function review(args: string[], cwd: string): FileResult[] {
	const run = runCli([...args, '--format', 'json', '--quiet'], { cwd });
	expect(run.code, run.stderr).toBeLessThan(2);
	return JSON.parse(run.stdout) as FileResult[];
}

describe('accountable --shard', () => {
	it('n shards together give exactly the findings of one run, each file in one shard, whatever the order of the paths', () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 7; i++) files[`${i % 3 === 0 ? 'bills/' : i % 3 === 1 ? 'grants/nested/' : ''}draft-${i}.md`] = [BAD, RAID, CLEAN][i % 3]!;
		const dir = tempFolder(files);
		const whole = review(['.'], dir);
		expect(whole).toHaveLength(7);
		// Some jobs name the folders in another order (and one of them twice): the shares must not change.
		const paths = (k: number): string[] => (k % 2 === 0 ? ['.'] : ['grants', 'bills', '.']);
		// Three shards, and more shards than files (some jobs get none and succeed).
		for (const n of [3, 8]) {
			const shards = Array.from({ length: n }, (_, k) => review([...paths(k), '--shard', `${k + 1}/${n}`], dir));
			const together = shards.flat().sort((a, b) => a.file.localeCompare(b.file));
			expect(together, `${n} shards`).toEqual([...whole].sort((a, b) => a.file.localeCompare(b.file)));
			const sizes = shards.map((s) => s.length);
			expect(Math.max(...sizes) - Math.min(...sizes), `${n} shards: ${sizes}`).toBeLessThanOrEqual(1);
		}
	}, 180_000);

	it('refuses a shard that is not k/n with 1 ≤ k ≤ n, and standard input', () => {
		const dir = tempFolder({ 'a.md': BAD });
		for (const bad of ['0/3', '4/3', '1/0', 'x', '1-2']) {
			const run = runCli(['.', '--shard', bad], { cwd: dir });
			expect(run.code, bad).toBe(2);
			expect(run.stderr).toContain('--shard');
		}
		expect(runCli(['--stdin', '--shard', '1/2'], { cwd: dir, input: BAD }).code).toBe(2);
	}, 120_000);
});
