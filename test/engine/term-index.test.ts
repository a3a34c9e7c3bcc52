import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, findAll } from '../../server/src/engine/matching/matcher';
import { wordStarts } from '../../server/src/engine/matching/prefilter';
import { TermIndex } from '../../server/src/engine/matching/termIndex';

// A matcher's terms are found by looking words up on folded text (termIndex.ts) instead of with its RegExp,
// which a new process would first have to compile. The index must find exactly what the RegExp finds: the
// same leftmost matches, the same term where several start at one place, the same ends.

/** Terms that overlap: one word and several, a prefix of another, wildcards, exact words, a slash inside a word, digits, an apostrophe. */
const TERMS = ['law', 'law enforcement', 'law enforcement agency', 'enforcement', 'traffick*', 'trafficking victim', 'victim* services', 'and/or', 'shelter', 'safe house', 'house', '=exact words', 'exact', 'detain', 'detention centre', 'cooperate', 'cooperation with police', 'stop', 'u.s.', 'm', 'ab', '18 months', 'covid19', "o'brien", 'anti*'];
/** Pieces of text: the terms' words inflected and cased, every kind of separator, and letters the index must not mistake. */
const PIECES = ['law', 'Law', 'LAWS', 'lawful', 'enforcement', 'Enforcements', 'agency', 'agencies', 'trafficked', 'Trafficking', 'traffickér', 'victim', 'victims', 'victimised', 'services', 'service', 'and/or', 'and', 'or', 'shelters', 'safe', 'houses', 'house', 'exact', 'words', 'detained', 'detaining', 'detention', 'centre', 'cooperation', 'cooperating', 'with', 'police', 'stopped', 'stopping', 'u.s.', 'U.S.', 'm', 'M2', 'ab', 'abs', '18', '180', 'month', 'Months', 'covid19', 'COVID', "o'brien", "O'Briens", "'", 'anti', 'Antitrafficking',
	' ', '  ', '\n', '-', '–', '—', '/', '\u00a0', '\u2003', '.', ',', '(', '1', 'é', 'É', 'ǅ', '𝐀', '\u212a', 'ſ', 'ﬀ'];

describe('term index', () => {
	// CPU-bound: about 4 s on a quiet machine, up to 18 s measured on CI's loaded two cores: a timeout of its own, not vitest's 30 s.
	it('finds what the RegExp of the same terms finds, at every place of any text', () => {
		fc.assert(
			fc.property(fc.subarray(TERMS, { minLength: 1 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (terms, pieces) => {
				const matcher = compileMatcher(terms, []);
				const text = pieces.join('');
				const starts = wordStarts(text);
				// Where the text cannot be folded the RegExp runs anyway; elsewhere the index does.
				expect(findAll(matcher, text, 3, starts), JSON.stringify({ terms, text })).toEqual(findAll(matcher, text, 3));
			}),
			{ numRuns: 1500 },
		);
	}, 120_000);

	it('gives the longer of two terms that start at one place, as the RegExp orders them, and a term that needs more words only when they follow', () => {
		const matcher = compileMatcher(['law', 'law enforcement agency', 'law enforcement'], []);
		const text = 'Law-enforcement agencies and law\u00a0enforcement officers, and lawyers; law.';
		expect(findAll(matcher, text, 0, wordStarts(text)).map((o) => text.slice(o.start, o.end))).toEqual(['Law-enforcement agencies', 'law\u00a0enforcement', 'law']);
	});

	it('hands a block its budget does not cover over to the RegExp, with the same matches, and keeps what it looked up', () => {
		const index = new TermIndex();
		const matcher = compileMatcher(TERMS, ['raids?'], [], index);
		const short = 'Law enforcement agencies will stop raids.';
		const long = 'Law enforcement agencies will stop raids. '.repeat(20);
		index.budget = 8;
		const shortStarts = wordStarts(short);
		expect(findAll(matcher, short, 0, shortStarts)).toEqual(findAll(matcher, short, 0));
		expect(shortStarts.terms).toBeDefined();
		expect(index.budget).toBe(2);
		const longStarts = wordStarts(long);
		expect(findAll(matcher, long, 0, longStarts)).toEqual(findAll(matcher, long, 0));
		expect(longStarts.terms).toBeUndefined();
		expect(index.budget).toBe(2);
	});

	it('finds the terms of a matcher compiled after a text was searched, in the same text', () => {
		const index = new TermIndex();
		const raids = compileMatcher(['raid', 'police raid'], [], [], index);
		const text = 'A police raid, then a sweep by the task force.';
		const starts = wordStarts(text);
		expect(findAll(raids, text, 0, starts).map((o) => text.slice(o.start, o.end))).toEqual(['police raid']);
		const later = compileMatcher(['sweep', 'task force', 'police'], [], [], index);
		expect(findAll(later, text, 0, starts).map((o) => text.slice(o.start, o.end))).toEqual(['police', 'sweep', 'task force']);
		expect(findAll(later, text, 0, starts)).toEqual(findAll(later, text, 0));
	});

	it('is one index for a rule set: a term shared by many lists is numbered once', () => {
		const index = new TermIndex();
		const a = compileMatcher(['raid', 'police raid'], [], [], index);
		const b = compileMatcher(['police raid', 'sweep'], [], [], index);
		const text = 'A police raid, then a sweep.';
		expect(findAll(a, text, 0, wordStarts(text)).map((o) => text.slice(o.start, o.end))).toEqual(['police raid']);
		expect(findAll(b, text, 0, wordStarts(text)).map((o) => text.slice(o.start, o.end))).toEqual(['police raid', 'sweep']);
		expect(index.add('police raid').id).toBe(index.add('police raid').id);
		expect(index.add('Straße').fits).toBe(false);
	});
});
