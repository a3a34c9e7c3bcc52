import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../server/src/engine/document/wordCount';

/** What section-length rules have always counted as words: this RegExp's matches. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const byRegExp = (text: string): number => text.match(WORD)?.length ?? 0;

/** Letters and digits of every kind (two-unit ones too), joiners, marks, symbols and lone surrogates. */
const PIECES = ['a', 'Z', '7', 'é', 'ß', 'Ω', '中', '²', 'Ⅻ', '٣', '𝐀', '𠀀', '😀', '\u0301', "'", '’', '-', '--', ' ', '\n', '.', ',', '_', '‘', '—', '\ud800', '\udc00', '\u00a0', 'K', 'ſ'];

describe('word count of a block', () => {
	it('counts what the RegExp of words matches, in any text', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
				const text = pieces.join('');
				expect(countWords(text), JSON.stringify(text)).toBe(byRegExp(text));
			}),
			{ numRuns: 3000 },
		);
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
				expect(countWords(text), JSON.stringify(text)).toBe(byRegExp(text));
			}),
			{ numRuns: 2000 },
		);
	});

	it('joins runs by one apostrophe or hyphen between them, and only then', () => {
		expect(countWords("the survivor's state-funded shelter")).toBe(4);
		expect(countWords('re--entry')).toBe(2);
		expect(countWords("rock 'n' roll")).toBe(3);
		expect(countWords('𝐀𝐁 𠀀-𠀁 😀x')).toBe(3);
		expect(countWords('')).toBe(0);
	});
});
