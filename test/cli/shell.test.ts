/**
 * The CLI in a shell pipeline and in CI scripts: a reader that stops early, a glob that matches nothing.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempFolder } from '../helpers/cli';

const BAD = 'Victims who agree to testify shall be eligible for shelter.\n';

/** Runs the CLI with stdout closed after its first chunk, as `accountable … | head -c 100` does. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string; received: number }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'accountable.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
		let stderr = '';
		let received = 0;
		child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
		child.stdout.once('data', (chunk: Buffer) => {
			received = chunk.length;
			child.stdout.destroy();
		});
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stderr, received }));
	});
}

describe('the CLI in shell pipelines', () => {
	it('stops quietly when the reader closes the pipe early, still exiting 1 for the findings', async () => {
		// SARIF for the example is far larger than a pipe's buffer, so the CLI is still writing when the pipe closes.
		const run = await runIntoClosedPipe(['--format', 'sarif', 'examples/']);
		expect(run.received).toBeGreaterThan(0);
		expect(run.stderr).not.toMatch(/EPIPE|Unhandled|at .*\.js:\d+/);
		expect(run.stderr).toMatch(/\d+ findings \(/);
		expect(run.code).toBe(1);
	});
});

describe('globs', () => {
	it('expand to the matching files, honouring the configuration\'s ignore globs', () => {
		const dir = tempFolder({ '.accountable.yaml': 'ignore:\n  - drafts/old/**\n', 'drafts/a.md': BAD, 'drafts/sub/b.md': BAD, 'drafts/sub/c.txt': BAD, 'drafts/old/d.md': BAD });
		const run = runCli(['drafts/**/*.md', '--format', 'json'], { cwd: dir });
		expect(run.code).toBe(1);
		expect(JSON.parse(run.stdout).map((r: { file: string }) => r.file)).toEqual(['drafts/a.md', 'drafts/sub/b.md']);
	});

	it('that match no file are an error (exit 2), so a mistyped pattern cannot pass CI silently', () => {
		const dir = tempFolder({ 'drafts/a.md': BAD });
		const run = runCli(['drafts/*.markdwn'], { cwd: dir });
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^accountable: no files match drafts\/\*\.markdwn$/m);
		// The other arguments are still reviewed and reported.
		const mixed = runCli(['drafts/*.md', 'proposals/**/*.md', '--format', 'json'], { cwd: dir });
		expect(mixed.code).toBe(2);
		expect(JSON.parse(mixed.stdout).map((r: { file: string }) => r.file)).toEqual(['drafts/a.md']);
		expect(mixed.stderr).toMatch(/no files match proposals\/\*\*\/\*\.md/);
	});
});

describe('--config', () => {
	it('uses the named file instead of the one found upward, and --no-config wins over both', () => {
		const dir = tempFolder({
			'.accountable.yaml': 'rules:\n  conditional-services: off\n',
			'ci/strict.yaml': 'rules:\n  framing: off\n',
			'bill.md': `${BAD}Sex slaves are everywhere.\n`,
		});
		const ids = (args: string[]) => JSON.parse(runCli([...args, '--format', 'json', 'bill.md'], { cwd: dir }).stdout)[0].findings.map((f: { ruleId: string }) => f.ruleId);
		expect(ids([])).toEqual(['framing/sensational-slavery-language']);
		expect(ids(['--config', 'ci/strict.yaml'])).toEqual(['conditional-services/cooperation-required']);
		expect(ids(['--config', 'ci/strict.yaml', '--no-config'])).toEqual(['conditional-services/cooperation-required', 'framing/sensational-slavery-language']);
	});
});
