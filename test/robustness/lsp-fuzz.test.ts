import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/cli';
import { builtinReviewer, builtinRules } from '../helpers/rules';
import { TestClient, waitUntil } from '../server/lspClient';

/**
 * Random incremental edits, as an editor sends them while someone types, pastes and deletes: the server's
 * copy of the text must stay the client's. Checked through what the server says: at each checkpoint its
 * diagnostics for the latest version must equal a fresh full review of the client's text by the engine (the
 * server re-reviews incrementally, so this also checks the incremental reviewer). The server's resident
 * memory is read from /proc at each checkpoint and must stay flat over ten thousand edits.
 */

const EDITS = 10_000;
const CHECKPOINT_EVERY = 500;
const reviewer = builtinReviewer();
const EXAMPLES = builtinRules()
	.rules.flatMap((r) => r.examples.filter((e) => e.format === 'markdown').map((e) => e.text.trim()))
	.filter((t) => t.length > 0 && t.length < 400);
const INSERTS = ['', '', ' ', 'a', 'e', '\n', '\r\n', '\n\n', '# ', '## Services\n', '> ', '- ', 'victims ', 'shall ', 'only if ', 'not ', 'raid ', '😀', 'שלום ', '```\n', '<!-- accountable-disable-next-line -->\n', '*', '|'];

interface Edit {
	range: Range;
	text: string;
}

/** A stream of edits against whatever the text is when each is made, the same for the same seed (the run's: test/helpers/property-seed.ts). */
function editMaker(seed: number): (doc: TextDocument) => Edit {
	const [pick] = fc.sample(fc.infiniteStream(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(1000), fc.nat(1000))), { seed, numRuns: 1 });
	const stream = pick![Symbol.iterator]();
	return (doc) => {
		const [where, span, kind, which] = stream.next().value as [number, number, number, number];
		const text = doc.getText();
		let start = Math.floor(where * (text.length + 1));
		// Long documents shrink, short ones grow, so the text stays between a few hundred and ~20 000 characters.
		const maxDelete = text.length > 20_000 ? 2000 : text.length > 3000 ? 60 : 10;
		let end = Math.min(text.length, start + Math.floor(span * maxDelete));
		// Editors never split a surrogate pair.
		if (isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
		if (isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end++;
		const insert = kind % 10 === 0 ? EXAMPLES[which % EXAMPLES.length]! : INSERTS[which % INSERTS.length]!;
		return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: insert };
	};
}

function isHigh(c: number): boolean {
	return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
	return c >= 0xdc00 && c <= 0xdfff;
}

function residentMemoryMb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
	return kb / 1024;
}

const shape = (d: { code?: unknown; range: Range; message: unknown }): string => JSON.stringify([d.code, d.range, d.message]);

/** The server's old-space limit in this test, well above what a 4 KB document needs. */
const HEAP_MB = 192;

describe('the language server under a storm of incremental edits', () => {
	let client: TestClient;
	let dir: string;

	beforeAll(async () => {
		dir = tempFolder({});
		// A bounded heap: V8 then collects instead of growing lazily (RSS was a sawtooth that landed anywhere on a
		// quiet machine with memory to spare), and a leak exhausts the heap and ends the server, which fails below.
		client = new TestClient({ workspaceFolder: dir, nodeArgs: [`--max-old-space-size=${HEAP_MB}`] });
		await client.initialize();
	});

	afterAll(async () => {
		await client?.dispose();
	});

	it(`keeps its text identical to the client's over ${EDITS} edits, with diagnostics equal to a full review, and its memory flat`, async () => {
		const initial = `# Draft bill\n\n${EXAMPLES.slice(0, 12).join('\n\n')}\n`;
		const uri = client.open(path.join(dir, 'draft.md'), initial);
		const next = editMaker(fc.readConfigureGlobal().seed!);
		const memory: number[] = [];
		let compared = 0;
		for (let i = 1; i <= EDITS; i++) {
			const doc = client.documents.get(uri)!;
			// Several changes in one notification now and then, as editors send for multi-cursor edits.
			const edits = i % 7 === 0 ? [next(doc), next(doc)].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start)) : [next(doc)];
			const nonOverlapping = edits.length === 1 || doc.offsetAt(edits[1]!.range.end) <= doc.offsetAt(edits[0]!.range.start) ? edits : [edits[0]!];
			client.change(uri, nonOverlapping);
			if (i % CHECKPOINT_EVERY !== 0) {
				// Let the server read its input now and then, as a typist's pauses would.
				if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
				continue;
			}
			const version = client.documents.get(uri)!.version;
			const published = await waitUntil(`diagnostics for version ${version}`, () => {
				const all = client.diagnostics.get(uri) ?? [];
				const last = all[all.length - 1];
				return last && last.version === version ? last.diagnostics : undefined;
			}, 60_000);
			const text = client.text(uri);
			const expected = reviewer.review({ text, format: 'markdown' }).findings;
			expect((published as Diagnostic[]).map(shape), `diagnostics after ${i} edits (version ${version}, ${text.length} characters)`).toEqual(expected.map((f) => shape({ code: f.ruleId, range: f.range, message: f.message })));
			compared++;
			memory.push(residentMemoryMb(client.process!.pid!));
		}
		expect(compared).toBe(EDITS / CHECKPOINT_EVERY);
		expect(client.exited).toBe(false);
		// Flat: after warming up (the first two checkpoints), resident memory grows by less than 150 MB over
		// the remaining ~9,000 edits and stays under 700 MB. V8 collects garbage late, so RSS is a sawtooth
		// (measured: up to ~390 MB, then back to ~200); a leak raises its troughs, so the lowest of the last five
		// checkpoints is compared, not the last one, which lands anywhere on the saw.
		const warm = Math.max(memory[1]!, memory[2]!);
		const trough = Math.min(...memory.slice(-5));
		expect(trough - warm, `RSS by checkpoint (MB): ${memory.map((m) => m.toFixed(0)).join(', ')}`).toBeLessThan(150);
		expect(Math.max(...memory)).toBeLessThan(700);
		console.log(`lsp-fuzz: ${EDITS} edits, ${compared} checkpoints equal; server RSS MB ${memory.map((m) => m.toFixed(0)).join(' ')}`);
	}, 300_000);
});
