import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldPatternSource, foldText } from '../../server/src/engine/matching/caseFold';
import { builtinReviewer } from '../helpers/rules';
import { compiledMatchers } from '../../server/src/engine';

/** Patterns as rules write them, and near misses that must not be folded. */
const FOLDABLE = ['raid', 'law[\\s-]+enforcement', '\\bnot\\s+(?:be\\s+)?detained\\b', '[a-z]+ing', '[A-Z]{2}\\d', 'u\\.s\\.c', '(?<![\\p{L}\\p{N}])k\\w+', 'st+ing', '[^a-z]x', '\\W+and\\W+', 'SS', 'colou?r', '“rescued”'];
const NOT_FOLDABLE = ['\\p{Lu}\\w+', 'naïve', 'ÉTAT', '(?<name>x)\\k<name>', '[A-z]', '[\\x41-Z]', 'ß', 'µ', '\u212Aelvin', '[a\\d-z]'];
/** Text pieces: every case-sensitivity trap: the Kelvin sign and long s (which fold to k and s), dotted İ (lower-casing lengthens it), ß, Greek sigma, µ. */
const PIECES = ['Raid', 'RAIDS', 'raid', 'law enforcement', 'LAW-Enforcement', 'not detained', 'NOT BE DETAINED', 'walking', 'WALKING', 'AB1', 'ab1', 'U.S.C', 'u.s.c', '\u212Ait', '\u212AIT', 'ſting', 'STTING', 'İ', 'ı', 'ß', 'SS', 'ss', 'ΟΔΟΣ', 'µ', 'μ', 'NAÏVE', 'naïve', 'État', 'colour', 'COLOR', '“Rescued”', '1x', 'Ax', ' ', ' ', '\n', '-', '.', ' and ', ' AND '];

describe('case-insensitive matching on folded text', () => {
	it('matches exactly where the pattern with the i flag matches, at every position of any text', () => {
		let matched = 0;
		fc.assert(
			fc.property(fc.constantFrom(...FOLDABLE), fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (source, pieces) => {
				const text = pieces.join('');
				const folded = foldPatternSource(source);
				expect(folded, source).toBeDefined();
				const foldedText = foldText(text);
				if (foldedText === undefined) {
					expect(text).toMatch(/İ/);
					return;
				}
				const withI = new RegExp(source, 'iuy');
				const without = new RegExp(folded!, 'uy');
				for (let at = 0; at <= text.length; at++) {
					withI.lastIndex = at;
					without.lastIndex = at;
					const a = withI.test(text) ? withI.lastIndex : -1;
					const b = without.test(foldedText) ? without.lastIndex : -1;
					expect(b, `${source} at ${at} of ${JSON.stringify(text)}`).toBe(a);
					if (a >= 0) matched++;
				}
			}),
			{ numRuns: 600 },
		);
		// Matches (not only misses) must be compared, or the test proves little: 144 to 316 positions matched over
		// 60 seeds (the seed is new each run), so fewer than 60 means the generator stopped reaching matches.
		expect(matched).toBeGreaterThan(60);
	});

	it('leaves patterns it cannot vouch for, and text whose length folding changes, to the i flag', () => {
		for (const source of NOT_FOLDABLE) expect(foldPatternSource(source), source).toBeUndefined();
		expect(foldText('İstanbul')).toBeUndefined();
		expect(foldText('Raid ſ \u212A')).toBe('raid s k');
	});

	it('folds the patterns of nearly every built-in term list', () => {
		const sources = new Set<string>();
		for (const rule of builtinReviewer().ruleSet.rules) for (const m of compiledMatchers(rule)) sources.add(m.regex.source);
		const folded = [...sources].filter((s) => foldPatternSource(s) !== undefined);
		expect(folded.length / sources.size).toBeGreaterThan(0.95);
	});

	it('folds a matcher an alternative at a time into what folding its whole RegExp gives, for every built-in matcher', () => {
		let compared = 0;
		for (const rule of builtinReviewer().ruleSet.rules) {
			for (const m of compiledMatchers(rule)) {
				const whole = foldPatternSource(m.regex.source);
				// The source V8 keeps (a / escaped as \/): the two are compared as RegExps, not as the strings given.
				const expected = whole === undefined ? null : new RegExp(whole, 'uy').source;
				expect((m as unknown as { folded: RegExp | null }).folded?.source ?? null, m.key.slice(0, 80)).toBe(expected);
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(100);
	});
});
