import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempFolder } from '../helpers/cli';
import { generatePolicy, loadCorpus } from '../bench/generate';

const corpus = loadCorpus(path.resolve(__dirname, '..', '..'));

describe('batch review on worker threads', () => {
	afterEach(() => {
		delete process.env.ACCOUNTABLE_JOBS;
	});

	it('gives exactly the output of a single-threaded review, in file order, for every format', () => {
		const files: Record<string, string> = {};
		// Enough text for the worker pool (at least 8 files, 1 MB), with findings in most files.
		for (let i = 0; i < 12; i++) files[`drafts/part-${String(i).padStart(2, '0')}.md`] = generatePolicy(85_000 + i * 1000, corpus, { seed: 50 + i, tricky: i % 3 === 0 });
		files['drafts/unreadable.docx'] = 'not a Word document';
		const dir = tempFolder(files);
		for (const format of ['json', 'text']) {
			process.env.ACCOUNTABLE_JOBS = '1';
			const single = runCli(['--format', format, 'drafts'], { cwd: dir });
			process.env.ACCOUNTABLE_JOBS = '2';
			const pooled = runCli(['--format', format, 'drafts'], { cwd: dir });
			expect(single.code).toBe(2);
			expect(pooled.code).toBe(single.code);
			expect(pooled.stdout).toBe(single.stdout);
			expect(pooled.stderr).toBe(single.stderr);
		}
		const json = JSON.parse(runCli(['--format', 'json', 'drafts'], { cwd: dir }).stdout) as Array<{ file: string; findings: unknown[] }>;
		expect(json.map((r) => r.file)).toEqual([...json.map((r) => r.file)].sort());
		expect(json.filter((r) => r.findings.length > 0).length).toBeGreaterThan(6);
		// Five CLI runs over 1 MB each: generous, for a loaded two-core CI machine.
	}, 240_000);
});
