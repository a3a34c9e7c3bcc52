import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, findAll } from '../../server/src/engine/matching/matcher';
import { wordStarts } from '../../server/src/engine/matching/prefilter';
import { TermIndex } from '../../server/src/engine/matching/termTrie';

// A matcher's terms are found with a trie on folded text (termTrie.ts) instead of its RegExp, which a new
// process would first have to compile. The trie must find exactly what the RegExp finds: the same leftmost
// matches, the same term where several start at one place, the same ends.

/** Terms that overlap: one word and several, a prefix of another, wildcards, exact words, a slash inside a word. */
const TERMS = ['law', 'law enforcement', 'law enforcement agency', 'enforcement', 'traffick*', 'trafficking victim', 'victim* services', 'and/or', 'shelter', 'safe house', 'house', '=exact words', 'exact', 'detain', 'detention centre', 'cooperate', 'cooperation with police', 'stop', 'u.s.', 'm', 'ab'];
/** Pieces of text: the terms' words inflected and cased, every kind of separator, and letters the trie must not mistake. */
const PIECES = ['law', 'Law', 'LAWS', 'lawful', 'enforcement', 'Enforcements', 'agency', 'agencies', 'trafficked', 'Trafficking', 'traffickér', 'victim', 'victims', 'victimised', 'services', 'service', 'and/or', 'and', 'or', 'shelters', 'safe', 'houses', 'house', 'exact', 'words', 'detained', 'detaining', 'detention', 'centre', 'cooperation', 'cooperating', 'with', 'police', 'stopped', 'stopping', 'u.s.', 'U.S.', 'm', 'M2', 'ab', 'abs',
	' ', '  ', '\n', '-', '–', '—', '/', '\u00a0', '\u2003', '.', ',', '(', '1', 'é', 'É', 'ǅ', '𝐀', '\u212a', 'ſ', 'ﬀ'];

describe('term trie', () => {
	it('finds what the RegExp of the same terms finds, at every place of any text', () => {
		fc.assert(
			fc.property(fc.subarray(TERMS, { minLength: 1 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (terms, pieces) => {
				const matcher = compileMatcher(terms, []);
				const text = pieces.join('');
				const starts = wordStarts(text);
				// Where the text cannot be folded the RegExp runs anyway; elsewhere the trie does.
				expect(findAll(matcher, text, 3, starts), JSON.stringify({ terms, text })).toEqual(findAll(matcher, text, 3));
			}),
			{ numRuns: 1500 },
		);
	});

	it('gives the longer of two terms that start at one place, as the RegExp orders them, and a term that needs more words only when they follow', () => {
		const matcher = compileMatcher(['law', 'law enforcement agency', 'law enforcement'], []);
		const text = 'Law-enforcement agencies and law\u00a0enforcement officers, and lawyers; law.';
		expect(findAll(matcher, text, 0, wordStarts(text)).map((o) => text.slice(o.start, o.end))).toEqual(['Law-enforcement agencies', 'law\u00a0enforcement', 'law']);
	});

	it('hands over to the RegExp where its budget runs out, within a block too, with the same matches', () => {
		const index = new TermIndex();
		index.budget = 5;
		const matcher = compileMatcher(TERMS, ['raids?'], [], index);
		const text = 'Law enforcement agencies will stop raids. '.repeat(20);
		expect(findAll(matcher, text, 0, wordStarts(text))).toEqual(findAll(matcher, text, 0));
		expect(index.budget).toBeLessThanOrEqual(0);
	});

	it('is one trie for a rule set: a term shared by many lists is laid out once, numbered once', () => {
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
