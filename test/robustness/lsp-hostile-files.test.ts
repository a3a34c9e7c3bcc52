import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/cli';
import { TestClient, uriOf, waitUntil } from '../server/lspClient';

/**
 * The language server meets the same hostile files as the CLI, in trusted and untrusted workspaces alike: a
 * `.accountable.yaml` that is a link to /dev/zero or a FIFO (it used to grow ~180 MB/s until it died, or
 * hang for ever), and a workspace with links to / and /usr/share (Review Workspace quoted files from
 * outside the repository). The server must answer, show the problem on the file, review the draft, and keep
 * its peak memory bounded (read from /proc: VmHWM of the server's own process).
 */

const FLAGGED = 'Shelter shall be provided to a victim only if the victim is willing to testify against the trafficker.';
const RULE = 'conditional-services/cooperation-required';
const MAX_SERVER_RSS_MB = 400;

function peakRssMb(pid: number | undefined): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

const dirs: string[] = [];
afterAll(() => {
	for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the language server on hostile files', () => {
	let client: TestClient | undefined;
	afterEach(async () => {
		await client?.dispose();
		client = undefined;
	});

	for (const trusted of [true, false]) {
		for (const kind of ['a link to /dev/zero', 'a FIFO'] as const) {
			it(`.accountable.yaml as ${kind} (${trusted ? 'trusted' : 'untrusted'}): an error on it, the draft reviewed, memory bounded`, async () => {
				const dir = tempFolder({ 'draft.md': `${FLAGGED}\n` });
				dirs.push(dir);
				const config = path.join(dir, '.accountable.yaml');
				if (kind === 'a FIFO') execFileSync('mkfifo', [config]);
				else fs.symlinkSync('/dev/zero', config);
				client = new TestClient({ workspaceFolder: dir, initializationOptions: { trusted } });
				await client.initialize();
				const uri = client.open(path.join(dir, 'draft.md'), `${FLAGGED}\n`);
				await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === RULE), 'the draft reviewed');
				const problems = await client.waitForDiagnostics(uriOf(config), (d) => d.length > 0, 'the configuration problem');
				expect(problems[0]!.message).toMatch(/configuration file is not a regular file/);
				const rss = peakRssMb(client.process?.pid);
				console.log(`[hostile] language server, .accountable.yaml as ${kind}: peak RSS ${Math.round(rss)} MB`);
				expect(rss).toBeLessThan(MAX_SERVER_RSS_MB);
			}, 40_000);
		}
	}

	it('Review Workspace does not follow links to / or /usr/share, and reports each file or folder it skipped', async () => {
		const dir = tempFolder({ 'draft.md': `${FLAGGED}\n` });
		dirs.push(dir);
		fs.symlinkSync('/', path.join(dir, 'root'));
		fs.symlinkSync('/usr/share', path.join(dir, 'share'));
		fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
		client = new TestClient({ workspaceFolder: dir });
		await client.initialize();
		const started = Date.now();
		const summary = await client.connection.sendRequest<{ files: number; findings: number; skipped: Array<{ file: string; reason: string }> }>('workspace/executeCommand', { command: 'accountable.reviewWorkspace', arguments: [] });
		const seconds = (Date.now() - started) / 1000;
		const rss = peakRssMb(client.process?.pid);
		console.log(`[hostile] language server, Review Workspace with links to / and /usr/share: ${seconds.toFixed(2)} s, peak RSS ${Math.round(rss)} MB`);
		expect(seconds).toBeLessThan(20);
		expect(rss).toBeLessThan(MAX_SERVER_RSS_MB);
		expect(summary.files).toBe(1);
		expect(summary.skipped.map((s) => path.basename(s.file)).sort()).toEqual(['root', 'share', 'zero.md']);
		expect(summary.skipped.find((s) => s.file.endsWith('root'))!.reason).toMatch(/symbolic link to \/, outside the folder reviewed; not followed/);
		await waitUntil('the warning that files were not reviewed', () => client!.logs.some((l) => l.type === 2 && /3 files or folders not reviewed/.test(l.message)));
	}, 40_000);
});
