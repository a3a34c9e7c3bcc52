import { describe, expect, it } from 'vitest';
import { score, scoreOf } from './metrics';

const item = (id: string, gold: string[], predicted: string[]) => ({ id, gold: new Set(gold), predicted: new Set(predicted) });

describe('evaluation metrics', () => {
	it('computes precision, recall and F1 from counts', () => {
		expect(scoreOf(8, 2, 2)).toEqual({ support: 10, tp: 8, fp: 2, fn: 2, precision: 0.8, recall: 0.8, f1: expect.closeTo(0.8, 10) });
		expect(scoreOf(1, 0, 3)).toMatchObject({ precision: 1, recall: 0.25, f1: 0.4 });
	});

	it('leaves precision undefined when nothing was predicted and recall when nothing is labelled', () => {
		expect(scoreOf(0, 0, 4)).toMatchObject({ precision: null, recall: 0, f1: null });
		expect(scoreOf(0, 3, 0)).toMatchObject({ precision: 0, recall: null, f1: null });
		expect(scoreOf(0, 0, 0)).toMatchObject({ precision: null, recall: null, f1: null });
	});

	it('scores every (item, category) pair: a multi-label item counts once per category', () => {
		const scores = score(
			[
				item('a', ['raids', 'framing'], ['raids']), // raids TP, framing FN
				item('b', [], ['raids', 'consent']), // two FPs
				item('c', ['consent'], ['consent', 'framing']), // consent TP, framing FP
				item('d', [], []), // a true negative changes nothing
			],
			['raids', 'consent', 'framing', 'prevention'],
		);
		expect(scores.categories['raids']).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
		expect(scores.categories['consent']).toMatchObject({ tp: 1, fp: 1, fn: 0 });
		expect(scores.categories['framing']).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
		expect(scores.categories['prevention']).toMatchObject({ tp: 0, fp: 0, fn: 0, precision: null });
		// Micro-average pools the pairs: 2 TP, 3 FP, 1 FN.
		expect(scores.overall).toMatchObject({ tp: 2, fp: 3, fn: 1, precision: 0.4, recall: 2 / 3 });
		expect(scores.falsePositives).toEqual([
			{ id: 'b', category: 'raids' },
			{ id: 'b', category: 'consent' },
			{ id: 'c', category: 'framing' },
		]);
		expect(scores.falseNegatives).toEqual([{ id: 'a', category: 'framing' }]);
	});

	it('keeps categories in the order given and adds unexpected ones at the end', () => {
		const scores = score([item('x', ['other'], [])], ['raids']);
		expect(Object.keys(scores.categories)).toEqual(['raids', 'other']);
	});
});
