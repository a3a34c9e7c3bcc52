import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IncrementalReviewer } from '../../server/src/engine';
import { wordStarts } from '../../server/src/engine/matching/prefilter';
import { builtinReviewer } from '../helpers/rules';
import { densePolicy, generatePolicy, loadCorpus } from '../bench/generate';

/**
 * The command line's review of a long document (one that keeps nothing for a next review) runs its block-local
 * rules a stretch of chunks at a time and lets go of each stretch's word starts and matches: what it finds must
 * be exactly what one pass over all the chunks finds, and what an editor's review finds.
 */
const root = path.resolve(__dirname, '..', '..');
const corpus = loadCorpus(root);
const reviewer = builtinReviewer();

describe('a one-off review of a long document, a stretch at a time', () => {
	for (const [name, text] of [
		['a policy dense with findings', densePolicy(300_000, corpus, root)],
		['a generated policy', generatePolicy(300_000, corpus, { seed: 11 })],
	] as const) {
		it(`${name}: stretches of 20,000 characters find exactly what one stretch and an editor's review find`, () => {
			const input = { text, format: 'markdown' as const };
			const one = reviewer.review(input);
			const stretched = new IncrementalReviewer(reviewer, { keep: false, stretch: 20_000 }).review(input);
			const editor = new IncrementalReviewer(reviewer).review(input);
			expect(one.findings.length).toBeGreaterThan(100);
			expect(stretched.findings).toEqual(one.findings);
			expect(stretched.suppressed).toEqual(one.suppressed);
			expect(editor.findings).toEqual(one.findings);
		}, 120_000);
	}
});

describe('word starts', () => {
	it('are the same for a short text before and after a text with thousands of them, and a long text’s are its repeats’', () => {
		const sentence = 'The task force shall refer survivors to services; “raids” are not rescue. ';
		const short = wordStarts(sentence);
		const positions = [...short.positions];
		const letters = [...short.letters];
		expect(positions.length).toBeGreaterThan(10);
		// 3,000 repeats: more word starts than the buffer they are first found in holds, so it grows.
		const long = wordStarts(sentence.repeat(3_000));
		expect(long.positions.length).toBe(positions.length * 3_000);
		for (const k of [0, 1, 1_499, 2_999]) {
			const from = k * positions.length;
			expect([...long.positions.slice(from, from + positions.length)]).toEqual(positions.map((p) => p + k * sentence.length));
			expect([...long.letters.slice(from, from + positions.length)]).toEqual(letters);
		}
		const again = wordStarts(sentence);
		expect([...again.positions]).toEqual(positions);
		expect([...again.letters]).toEqual(letters);
		expect(wordStarts('').positions.length).toBe(0);
	});
});
