import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempFolder } from '../helpers/cli';
import { runMeasured as runMeasuredProcess, type Measured } from '../helpers/measured';
import { densePolicy, generatePolicy, loadCorpus, prng } from '../bench/generate';
import { grantProposal } from '../docx/fixtures';
import { TestClient } from '../server/lspClient';

/**
 * Large and hostile files, through the CLI and the language server as a user meets them: a 20 MB policy, a
 * single 5 MB line, binary files (a PNG and a Word document, i.e. a zip, opened as .md/.txt) and an empty file.
 * Each must finish in bounded time and memory (the bounds only catch hangs and runaway memory; the measured
 * figures are printed), say clearly why a document was not reviewed, and leave the server answering.
 */

const MB = 1024 * 1024;
/** Generous: the 20 MB review takes about a minute on a loaded two-core machine. Only a hang gets past this. */
const MAX_SECONDS = 240;
const MAX_RSS_MB = 1536;
const FLAGGED = 'Shelter shall be provided to a victim only if the victim is willing to testify against the trafficker.';
const RULE = 'conditional-services/cooperation-required';

/** A PNG signature, header chunk and seeded random "image data": NUL bytes in the first dozen. */
function pngBytes(size: number): Buffer {
	const random = prng(7);
	const head = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
	const body = Buffer.alloc(size - head.length);
	for (let i = 0; i < body.length; i++) body[i] = Math.floor(random() * 256);
	return Buffer.concat([head, body]);
}

/** One sentence after another with no line break: 5 MB on a single line, flagged sentences among them. */
function singleLine(bytes: number): string {
	const sentences = ['The Office shall publish an annual report on the use of funds.', FLAGGED, 'Each county shall establish a referral protocol with service providers.'];
	const parts: string[] = [];
	let length = 0;
	for (let i = 0; length < bytes; i++) {
		const s = sentences[i % sentences.length]!;
		parts.push(s);
		length += s.length + 1;
	}
	return `${parts.join(' ')}\n`;
}

/** Runs the built CLI in `cwd`, measuring its wall time and peak resident memory. */
function runMeasured(args: string[], cwd: string): Promise<Measured> {
	return runMeasuredProcess(args, cwd, { timeoutSeconds: MAX_SECONDS });
}

function report(what: string, m: { seconds: number; peakRssMb: number }, extra = ''): void {
	console.log(`[large-inputs] ${what}: ${m.seconds.toFixed(1)} s, peak RSS ${Math.round(m.peakRssMb)} MB${extra ? `, ${extra}` : ''}`);
}

function expectBounded(m: { seconds: number; peakRssMb: number }): void {
	expect(m.seconds).toBeLessThan(MAX_SECONDS);
	expect(m.peakRssMb).toBeLessThan(MAX_RSS_MB);
}

const findingLines = (stdout: string): string[] => stdout.split('\n').filter((l) => / (error|warning|information|hint) /.test(l));

describe('the CLI on large and hostile files', () => {
	let dir: string;
	let policy: string;

	beforeAll(async () => {
		policy = generatePolicy(20 * MB, loadCorpus(ROOT));
		dir = tempFolder({ 'empty.md': '', 'line.txt': singleLine(5 * MB) });
		fs.writeFileSync(path.join(dir, 'policy.md'), policy);
		fs.writeFileSync(path.join(dir, 'image.md'), pngBytes(MB));
		fs.writeFileSync(path.join(dir, 'proposal.txt'), await grantProposal());
		fs.mkdirSync(path.join(dir, 'raised'));
		fs.writeFileSync(path.join(dir, 'raised', '.accountable.yaml'), 'maxDocumentSize: 25000000\n');
		fs.copyFileSync(path.join(dir, 'policy.md'), path.join(dir, 'raised', 'policy.md'));
	}, 120_000);

	it('an empty file: reviewed, no findings, exit 0', async () => {
		const m = await runMeasured(['empty.md'], dir);
		report('cli empty file', m, `exit ${m.code}`);
		expect(m.code).toBe(0);
		expect(m.stdout).toBe('');
		expect(m.stderr).toContain('0 findings in 1 file');
		expectBounded(m);
	}, MAX_SECONDS * 1000);

	it('binary files opened as text (a PNG named .md, a Word document named .txt): each skipped with a message, exit 2', async () => {
		const m = await runMeasured(['image.md', 'proposal.txt', 'empty.md'], dir);
		report('cli binary files (1 MB PNG, .docx)', m, `exit ${m.code}`);
		expect(m.stderr).toMatch(/^image\.md: not reviewed: binary content/m);
		expect(m.stderr).toMatch(/^proposal\.txt: not reviewed: binary content/m);
		expect(findingLines(m.stdout)).toEqual([]);
		// Not reviewing a file the user named must not pass CI as "no findings".
		expect(m.code).toBe(2);
		expectBounded(m);
	}, MAX_SECONDS * 1000);

	it('a 20 MB policy over the default limit: one clear message naming maxDocumentSize, exit 2, in seconds', async () => {
		const m = await runMeasured(['policy.md'], dir);
		report('cli 20 MB policy, default limit (skipped)', m, `exit ${m.code}`);
		expect(m.stderr).toContain(`policy.md: not reviewed: ${policy.length} characters is over the limit of 10000000 (maxDocumentSize)`);
		expect(m.code).toBe(2);
		expectBounded(m);
	}, MAX_SECONDS * 1000);

	it('the same 20 MB policy with maxDocumentSize raised in .accountable.yaml: reviewed in bounded time and memory', async () => {
		const m = await runMeasured(['policy.md'], path.join(dir, 'raised'));
		const findings = findingLines(m.stdout);
		report('cli 20 MB policy, maxDocumentSize raised (reviewed)', m, `exit ${m.code}, ${findings.length} findings`);
		expect(m.stderr).not.toContain('not reviewed');
		expect(m.code).toBe(1);
		expect(findings.length).toBeGreaterThan(100);
		// Findings near the end of the document are there too: nothing was cut off.
		const lastLine = policy.split('\n').length;
		expect(Math.max(...findings.map((l) => Number(/^policy\.md:(\d+):/.exec(l)?.[1] ?? 0)))).toBeGreaterThan(lastLine * 0.9);
		expectBounded(m);
	}, MAX_SECONDS * 1000);

	it('a 20 MB policy dense with findings (about 55,000): every finding in the JSON, in about 1 GB of memory', async () => {
		fs.writeFileSync(path.join(dir, 'raised', 'dense.md'), densePolicy(16 * 1000 * 1000, loadCorpus(ROOT), ROOT));
		// Three times the plain policy's review: a time bound here only catches a hang.
		const m = await runMeasuredProcess(['--format', 'json', 'dense.md'], path.join(dir, 'raised'), { timeoutSeconds: 3 * MAX_SECONDS });
		const [result] = JSON.parse(m.stdout) as Array<{ file: string; findings: Array<{ ruleId: string; range: { start: { line: number } } }> }>;
		report('cli 20 MB policy dense with findings, --format json', m, `exit ${m.code}, ${result!.findings.length} findings`);
		expect(m.code).toBe(1);
		// The example bill's findings, repeated through the document: to its end.
		expect(result!.findings.length).toBeGreaterThan(50_000);
		const lines = fs.readFileSync(path.join(dir, 'raised', 'dense.md'), 'utf8').split('\n').length;
		expect(result!.findings.at(-1)!.range.start.line).toBeGreaterThan(lines * 0.99);
		expect(m.killed).toBe(false);
		// The issue's target is under 1 GB for a 20 MB document however many findings it holds; measured 930–1,020
		// MiB in most runs (1,620 before the output streamed and the review's tables shrank), up to 1,170 MiB in
		// some, as V8 sizes its heap by how fast garbage is collected. This bound catches a regression without
		// failing on a busy machine; `npm run bench` reports the target itself.
		expect(m.peakRssMb).toBeLessThan(1300);
	}, 3 * MAX_SECONDS * 1000);

	it('a single 5 MB line: reviewed under the default limit, findings at the end of the line too', async () => {
		const m = await runMeasured(['line.txt'], dir);
		const findings = findingLines(m.stdout).filter((l) => l.includes(RULE));
		report('cli single 5 MB line', m, `exit ${m.code}, ${findings.length} findings of ${RULE}`);
		expect(m.code).toBe(1);
		const columns = findings.map((l) => Number(/^line\.txt:1:(\d+) /.exec(l)?.[1]));
		expect(Math.max(...columns)).toBeGreaterThan(5 * MB * 0.99);
		expectBounded(m);
	}, MAX_SECONDS * 1000);
});

function serverMemoryMb(pid: number): { rss: number; peak: number } {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status)?.[1]);
	return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

describe('the language server on large and hostile documents', () => {
	const LIMIT = 6_000_000;
	let client: TestClient;
	let dir: string;

	beforeAll(async () => {
		dir = tempFolder({});
		// The editor's limit (default 2,000,000 characters) raised so that the 5 MB line is reviewed.
		// Every finding published (not the default 1000): the last of them shows a long line was reviewed to its end.
		client = new TestClient({ workspaceFolder: dir, settings: { maxDocumentSize: LIMIT, maxNumberOfProblems: Number.MAX_SAFE_INTEGER } });
		await client.initialize();
	});

	afterAll(async () => {
		await client?.dispose();
	});

	it('answers each with a review or one clear message, stays up, and keeps reviewing afterwards', async () => {
		const pid = client.process!.pid!;
		const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
			const started = Date.now();
			const result = await work();
			const seconds = (Date.now() - started) / 1000;
			const memory = serverMemoryMb(pid);
			console.log(`[large-inputs] server ${what}: ${seconds.toFixed(1)} s, RSS ${Math.round(memory.rss)} MB (peak ${Math.round(memory.peak)} MB)`);
			expect(seconds).toBeLessThan(MAX_SECONDS);
			expect(memory.peak).toBeLessThan(MAX_RSS_MB);
			return result;
		};
		const wait = (uri: string, check: Parameters<TestClient['waitForDiagnostics']>[1], what: string) => client.waitForDiagnostics(uri, check, what, 0, MAX_SECONDS * 1000);

		const empty = client.open(path.join(dir, 'empty.md'), '');
		expect(await timed('empty document', () => wait(empty, () => true, 'diagnostics for the empty document'))).toEqual([]);

		// As an editor shows a binary file forced open as text: bytes decoded as UTF-8 (NULs survive).
		const image = client.open(path.join(dir, 'image.md'), pngBytes(MB).toString('utf8'));
		const imageDiagnostics = await timed('1 MB PNG opened as Markdown', () => wait(image, (d) => d.length > 0, 'the binary-content message'));
		expect(imageDiagnostics.map((d) => d.code)).toEqual(['accountable/binary-document']);
		expect(imageDiagnostics[0]!.message).toContain('binary content');

		const policy = generatePolicy(20 * MB, loadCorpus(ROOT));
		const big = client.open(path.join(dir, 'policy.md'), policy);
		const bigDiagnostics = await timed('20 MB policy (over the limit)', () => wait(big, (d) => d.length > 0, 'the too-large message'));
		expect(bigDiagnostics.map((d) => d.code)).toEqual(['accountable/document-too-large']);
		expect(bigDiagnostics[0]!.message).toContain(`${policy.length} characters is over the limit of ${LIMIT}`);
		expect(bigDiagnostics[0]!.message).toContain('accountable.maxDocumentSize');

		const line = client.open(path.join(dir, 'line.txt'), singleLine(5 * MB));
		const lineDiagnostics = await timed('single 5 MB line', () => wait(line, (d) => d.some((x) => x.code === RULE), 'diagnostics for the 5 MB line'));
		expect(Math.max(...lineDiagnostics.map((d) => d.range.start.character))).toBeGreaterThan(5 * MB * 0.99);

		// Still up and still reviewing: a small document, and an edit to it.
		const draft = client.open(path.join(dir, 'draft.md'), `${FLAGGED}\n`);
		await timed('small document afterwards', () => wait(draft, (d) => d.some((x) => x.code === RULE), 'a review after the large documents'));
		client.change(draft, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: 'Shelter shall be provided to every victim.\n' }]);
		await client.nextDiagnostics(draft, (d) => !d.some((x) => x.code === RULE), 'the review of the edit');
		expect(client.exited).toBe(false);
	}, MAX_SECONDS * 4 * 1000);
});
