import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IncrementalReviewer, nextStageEnd, type Finding, type ReviewResult } from '../../server/src/engine';
import { FIRST_STAGE_LENGTH } from '../../server/src/engine/incremental/stages';
import { ruleKind } from '../../server/src/engine/rules/kinds';
import { builtinReviewer } from '../helpers/rules';
import { densePolicy, generatePolicy, loadCorpus } from '../bench/generate';

/**
 * A long document's first review in stages (an editor publishes each): every stage shows only findings the
 * whole review makes too, and the review after the last stage is exactly one whole review, edits between
 * stages included.
 */
const root = path.resolve(__dirname, '..', '..');
const corpus = loadCorpus(root);
const reviewer = builtinReviewer();

const key = (f: Finding): string => JSON.stringify(f);

/** Reviews `texts[k]` at stage k (the last text for every stage after), each stage of the text then current; returns the stages' results and the final one. */
function staged(texts: string[]): { parts: Array<{ end: number; result: ReviewResult }>; final: ReviewResult; text: string } {
	const incremental = new IncrementalReviewer(reviewer);
	const parts: Array<{ end: number; result: ReviewResult }> = [];
	let reviewed: number | undefined;
	for (let k = 0; ; k++) {
		const text = texts[Math.min(k, texts.length - 1)]!;
		const end = nextStageEnd(text, 'markdown', reviewed);
		if (end === undefined) return { parts, final: incremental.review({ text, format: 'markdown' }), text };
		expect(end).toBeGreaterThan(reviewed ?? FIRST_STAGE_LENGTH - 1);
		parts.push({ end, result: incremental.review({ text, format: 'markdown' }, {}, end) });
		reviewed = end;
	}
}

describe('a long document reviewed in stages', () => {
	for (const [name, text] of [
		['a generated policy', generatePolicy(400_000, corpus, { seed: 7 })],
		['a policy dense with findings', densePolicy(300_000, corpus, root)],
	] as const) {
		it(`${name}: each stage shows findings of the whole review only, and the last equals one whole review`, () => {
			const whole = reviewer.review({ text, format: 'markdown' });
			const { parts, final } = staged([text]);
			expect(parts.length).toBeGreaterThan(2);
			expect(final).toEqual(whole);
			const all = new Set(whole.findings.map(key));
			for (const { end, result } of parts) {
				expect(result.findings.length).toBeGreaterThan(0);
				for (const f of result.findings) {
					expect(f.offsets.end).toBeLessThanOrEqual(end);
					expect(all.has(key(f)), `${f.ruleId} at ${f.offsets.start} (stage ending at ${end})`).toBe(true);
				}
			}
			// The first stage already shows most of what the whole review finds in its part.
			const first = parts[0]!;
			const inFirst = whole.findings.filter((f) => f.offsets.end <= first.end).length;
			expect(first.result.findings.length).toBeGreaterThan(inFirst / 2);
		});
	}

	it('takes edits made between stages, before and after the part reviewed, and ends with one whole review of the edited text', () => {
		const text = generatePolicy(400_000, corpus, { seed: 8 });
		const clause = 'Persons found during an operation may be held in protective custody until they agree to testify.\n\n';
		const early = text.indexOf('\n\n', 5_000) + 2;
		const late = text.indexOf('\n\n', 300_000) + 2;
		const edited = text.slice(0, early) + clause + text.slice(early, late) + clause + text.slice(late);
		const removed = edited.slice(0, early) + edited.slice(early + clause.length);
		const { final, text: last } = staged([text, edited, edited, removed]);
		expect(last).toBe(removed);
		expect(final).toEqual(reviewer.review({ text: removed, format: 'markdown' }));
	});

	it('shows no finding about the whole document before the whole document is read', () => {
		// Sex trafficking throughout, and labour sectors only in the last paragraph: not a sex-sector-only scope.
		const paragraphs = Array.from({ length: 1_500 }, (_, i) => `## Part ${i + 1}\n\nThe unit shall investigate sex trafficking and prostitution in district ${i + 1}, and report on brothels found there.\n`);
		const text = `# Sex Trafficking Act\n\n${paragraphs.join('\n')}\nLabour inspectors shall visit agriculture, construction and domestic work.\n`;
		const RULE = 'labour-blindness/sex-sector-only-scope';
		expect(reviewer.review({ text: text.slice(0, 60_000), format: 'markdown' }).findings.map((f) => f.ruleId)).toContain(RULE);
		const { parts, final } = staged([text]);
		expect(parts.length).toBeGreaterThan(1);
		for (const { result } of parts) expect(result.findings.map((f) => f.ruleId)).not.toContain(RULE);
		expect(final).toEqual(reviewer.review({ text, format: 'markdown' }));
		expect(final.findings.map((f) => f.ruleId)).not.toContain(RULE);
	});

	it('keeps, after the stages, the findings an edit does not reach: repeated paragraphs each have their own', () => {
		// The dense policy repeats its paragraphs: a later stage finds their text among the chunks already reviewed.
		const text = densePolicy(300_000, corpus, root);
		const incremental = new IncrementalReviewer(reviewer);
		for (let end = nextStageEnd(text, 'markdown'); end !== undefined; end = nextStageEnd(text, 'markdown', end)) incremental.review({ text, format: 'markdown' }, {}, end);
		const first = incremental.review({ text, format: 'markdown' });
		expect(first).toEqual(reviewer.review({ text, format: 'markdown' }));
		const middle = text.indexOf(' ', text.length >> 1) + 1;
		const edited = `${text.slice(0, middle)}x${text.slice(middle)}`;
		for (const [previous, version] of [[first, edited], [undefined, text]] as const) {
			const last = previous ?? incremental.review({ text: edited, format: 'markdown' });
			const result = incremental.review({ text: version, format: 'markdown' });
			expect(result).toEqual(reviewer.review({ text: version, format: 'markdown' }));
			// Findings of chunks well before the edit are the very findings of the review before (an editor
			// publishes their diagnostics as they were): none was moved away to another repeat of its paragraph.
			const before = (r: ReviewResult): Finding[] => r.findings.filter((f) => f.scope === 'span' && f.offsets.end < middle - 2_000);
			expect(before(result).length).toBeGreaterThan(100);
			const kept = new Set(before(last));
			expect(before(result).filter((f) => !kept.has(f))).toEqual([]);
		}
	});

	it('after the stages, equals a whole review through edits that remove, restore and add repeats of a paragraph, and a change of severities', () => {
		// Each repeat of a paragraph takes one of its text's findings lists: the lists are kept in the order the
		// repeats last took them, so removing an early repeat (the later ones then take the lists in another order),
		// restoring it, adding one and changing severities must still give each repeat exactly its own findings.
		const text = densePolicy(200_000, corpus, root);
		const incremental = new IncrementalReviewer(reviewer);
		for (let end = nextStageEnd(text, 'markdown'); end !== undefined; end = nextStageEnd(text, 'markdown', end)) incremental.review({ text, format: 'markdown' }, {}, end);
		const counts = new Map<string, number>();
		for (const p of text.split(/\n\n/)) counts.set(p, (counts.get(p) ?? 0) + 1);
		// A paragraph with a span finding whose text occurs at least three times.
		const paragraphOf = (at: number): string => text.slice(text.lastIndexOf('\n\n', at) + 2, text.indexOf('\n\n', at));
		// Of a rule that looks at one block at a time: its findings are those kept in the chunks' lists.
		const blockLocal = (id: string): boolean => ruleKind(reviewer.ruleSet.rules.find((r) => r.id === id)!.spec.kind).locality === 'block';
		const found = incremental.review({ text, format: 'markdown' }).findings.find((f) => blockLocal(f.ruleId) && counts.get(paragraphOf(f.offsets.start))! >= 3 && !paragraphOf(f.offsets.start).startsWith('#'))!;
		const repeated = paragraphOf(found.offsets.start);
		const firstAt = text.indexOf(`\n\n${repeated}\n\n`) + 2;
		const without = text.slice(0, firstAt) + text.slice(firstAt + repeated.length + 2);
		const lastAt = text.lastIndexOf(`\n\n${repeated}\n\n`) + 2;
		const added = `${text.slice(0, lastAt)}${repeated}\n\n${text.slice(lastAt)}`;
		const off = { rules: { [found.ruleId]: 'off' as const } };
		for (const [version, settings] of [[text, {}], [without, {}], [text, {}], [added, {}], [added, off], [without, off], [text, {}]] as const) {
			expect(incremental.review({ text: version, format: 'markdown' }, settings)).toEqual(reviewer.review({ text: version, format: 'markdown' }, settings));
		}
	}, 180_000);

	it('is not used for short documents or Markdown that cannot be cut (link reference definitions)', () => {
		const text = generatePolicy(400_000, corpus, { seed: 9 });
		expect(nextStageEnd(text.slice(0, 100_000), 'markdown')).toBeUndefined();
		expect(nextStageEnd(`${text}\n[ref]: https://example.org\n`, 'markdown')).toBeUndefined();
		expect(nextStageEnd(text, 'plaintext')).toBeGreaterThanOrEqual(FIRST_STAGE_LENGTH);
	});
});
