import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT, TestClient } from './lspClient';
import { sameDiagnostics as same, wholeReviewDiagnostics as wholeReview } from './wholeReview';

/**
 * The server counts, from each didChange's ranges, how much of a document's text the edits since its last
 * review left alone at the start and the end, and the engine takes the chunks there as unchanged without
 * comparing them (documents.ts, chunkLookup.ts). Edits sent as an editor sends them (several changes in one
 * notification, each in the text the ones before it left; several notifications before a review) must
 * still publish exactly a whole review of the text. fast-check prints the seed of a failing run.
 */
const BILL = fs.readFileSync(path.join(ROOT, 'examples', 'draft-state-bill.md'), 'utf8');
const TEXT = [BILL, BILL].join('\n');
const INSERTS = ['x', '\n', '\n\n', '# ', '- ', '> ', '```\n', '<!--', 'not ', 'detained', 'cooperate with law enforcement', ''];

let dir: string;
let client: TestClient;

beforeAll(async () => {
	dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-sync-')));
	client = new TestClient({ workspaceFolder: dir, transport: 'in-process' });
	await client.initialize();
});

afterAll(async () => {
	await client.dispose();
	fs.rmSync(dir, { recursive: true, force: true });
});


// `over`: typed over as many characters as it inserts (the text keeps its length, and so do its chunks).
const change = fc.record({ at: fc.nat(), remove: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 200 })), insert: fc.constantFrom(...INSERTS), over: fc.boolean() });
// One notification's changes, and whether the test waits for its review before sending the next.
const notification = fc.record({ changes: fc.array(change, { minLength: 1, maxLength: 3 }), wait: fc.boolean() });

describe('language server: incremental text document sync', () => {
	// Each run opens a document and waits for reviews of it; about 10 s in all on a quiet machine.
	it('publishes exactly a whole review after random edits, however they are batched', async () => {
		let run = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(notification, { minLength: 1, maxLength: 5 }), async (notifications) => {
				const uri = client.open(path.join(dir, `bill-${run++}.md`), TEXT);
				await client.waitForDiagnostics(uri, same(wholeReview(TEXT, uri)), 'the first review', 0, 60_000);
				let after = 0;
				for (const n of notifications) {
					// Each change's range is in the text the changes before it in the notification left.
					let local = TextDocument.create(uri, 'markdown', 0, client.text(uri));
					const changes = n.changes.map((c) => {
						const text = local.getText();
						const at = c.at % (text.length + 1);
						const range = { start: local.positionAt(at), end: local.positionAt(Math.min(text.length, at + (c.over ? c.insert.length : c.remove))) };
						local = TextDocument.update(local, [{ range, text: c.insert }], local.version + 1);
						return { range, text: c.insert };
					});
					after = client.publishCount(uri);
					client.change(uri, changes);
					if (n.wait) await client.waitForDiagnostics(uri, same(wholeReview(client.text(uri), uri)), 'a review after the edit', after, 60_000);
				}
				await client.waitForDiagnostics(uri, same(wholeReview(client.text(uri), uri)), 'a whole review after the last edit', after, 60_000);
				client.close(uri);
			}),
			{ numRuns: 12 },
		);
	}, 600_000);
});
