import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatePolicy, loadCorpus } from '../bench/generate';
import { ROOT, TestClient } from './lspClient';
import { sameDiagnostics as same, wholeReviewDiagnostics as wholeReview } from './wholeReview';

/**
 * A long document opened in the editor: its first diagnostics come from its start, at once, and the rest
 * follow without holding up edits; what is published in the end is exactly one whole review.
 */
const corpus = loadCorpus(ROOT);
const CLAUSE = 'Persons found during an operation may be held in protective custody until they agree to testify.\n\n';

let dir: string;
let client: TestClient;

beforeEach(async () => {
	dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-staged-')));
	client = new TestClient({ workspaceFolder: dir, transport: 'in-process' });
	await client.initialize();
});

afterEach(async () => {
	await client.dispose();
	fs.rmSync(dir, { recursive: true, force: true });
});


describe('language server: the first review of a long document', () => {
	// Its waits allow 120 s (about 3 s on a quiet machine, up to 11 s measured on CI's loaded two cores): a timeout to match, not vitest's 30 s.
	it('publishes diagnostics of the start first, each one of the whole review, then exactly the whole review', async () => {
		const text = generatePolicy(400_000, corpus, { seed: 7 });
		const uri = client.open(path.join(dir, 'policy.md'), text);
		const expected = wholeReview(text, uri);
		await client.waitForDiagnostics(uri, same(expected), 'the whole review', 0, 120_000);
		const published = client.diagnostics.get(uri)!;
		expect(published.length).toBeGreaterThan(2);
		const whole = new Set(expected.map((d) => JSON.stringify(d)));
		const first = published[0]!;
		expect(first.version).toBe(1);
		expect(first.diagnostics.length).toBeGreaterThan(0);
		// The first covers the start of the document (its first screens), not the whole.
		const lines = text.split('\n').length;
		expect(Math.max(...first.diagnostics.map((d) => d.range.end.line))).toBeLessThan(lines / 4);
		for (const p of published) for (const d of p.diagnostics) expect(whole.has(JSON.stringify(d)), String(d.code)).toBe(true);
		// Nothing after the whole review.
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(JSON.stringify(client.latest(uri))).toBe(JSON.stringify(expected));
	}, 180_000);

	// Its waits allow 120 s (about 1.5 s on a quiet machine, up to 9 s measured on a loaded one): a timeout to match, not vitest's 30 s.
	it('reviews edits made while the first review is under way, and ends with one whole review of the edited text', async () => {
		const text = generatePolicy(400_000, corpus, { seed: 8 });
		const uri = client.open(path.join(dir, 'policy.md'), text);
		await client.waitForDiagnostics(uri, () => true, 'the first stage', 0, 60_000);
		const late = text.indexOf('\n\n', 350_000) + 2;
		const at = client.documents.get(uri)!.positionAt(late);
		const version = client.change(uri, [{ range: { start: at, end: at }, text: CLAUSE }]);
		const early = text.indexOf('\n\n', 3_000) + 2;
		const start = client.documents.get(uri)!.positionAt(early);
		const last = client.change(uri, [{ range: { start, end: start }, text: CLAUSE }]);
		expect(last).toBe(version + 1);
		const expected = wholeReview(client.text(uri), uri);
		await client.waitForDiagnostics(uri, same(expected), 'the whole review of the edited text', 0, 120_000);
		expect(client.diagnostics.get(uri)!.at(-1)!.version).toBe(last);
		// The clause typed far past the first stage is reviewed: its findings are there.
		const lateLine = client.documents.get(uri)!.positionAt(late + CLAUSE.length).line;
		expect(expected.some((d) => d.range.start.line === lateLine)).toBe(true);
	}, 180_000);
});
