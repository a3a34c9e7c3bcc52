import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, findAll, mayMatchText } from '../../server/src/engine/matching/matcher';
import { patternPrefixes, symbolStarts, wordStarts, type WordStarts } from '../../server/src/engine/matching/prefilter';
import { TermIndex } from '../../server/src/engine/matching/termIndex';
import { builtinReviewer } from '../helpers/rules';
import { compiledMatchers } from '../../server/src/engine';
import { generatePolicy, loadCorpus } from '../bench/generate';

/** Paragraphs of a generated policy, where the built-in rules find things. */
const policy = generatePolicy(3_000, loadCorpus(path.resolve(__dirname, '..', '..')), { seed: 7 }).split(/\n\n+/);

const PATTERNS = [
	'\\bnothing\\s+in\\s+th(?:is|e)', '(?:prevent\\w*|(?:arrest\\w*|prosecut\\w*)\\s+\\w+)', 'colou?r', 'st+ing', '(?:raid|sweep)s?', 'we|this\\s+(?:brief|report)', 'k\\w+',
	'[Vv]iolat\\w*', '(?:a|b)?c', '(?<![“"])(?:rescued|saved)\\s+women', '\\b\\d[\\d,]*\\s+rescues\\b', '(?:the\\s+)?purposes?\\s+of', '(?:attempt\\w*\\s+to\\s+)?purchas\\w*', 'u\\.s\\.',
	'^(?:an?\\s+act)', '(?=raid)r\\w+', 'x{0,2}raid', 'ra{2,}id', '[a-c]{2}t', 'b(?:e|ei)ng\\s+\\w+', '21st\\s+century', 'raid\\p{Lu}?', 'na[iï]ve',
	// Does not fold (a property of letter case): runs apart from the terms, as written with `i`.
	'raids?\\s+by\\s+(?:local\\s+|\\p{Lu}\\p{Ll}+\\s+)?police',
];
const TERMS = ['law enforcement', 'raid', 'operation', 'any', 'use', 'cooperate', 'victim*', '=exact words', 'U.S.', 'naïve', 'skill', 'as', 'k', 'detention', 'supply', 'police-led', 'sting'];
/** Text pieces: words of the terms in other cases and inflections, and letters that fold like ASCII (K, ſ). */
const PIECES = ['Nothing in this', 'prevented', 'Arrests', 'prosecution', 'colour', 'color', 'sttting', 'Raids', 'sweeps', 'We', 'this brief', 'kit', 'violated', 'bc', 'c', 'Law', 'ENFORCEMENT', 'raids', 'Operational', 'anies', 'using', 'cooperation', 'victims', 'exact', 'words', 'u.s.', 'U.S.', 'naïve', 'NAÏVE', '\u212Aill', 'ſting', 'Sting', 'aſ', 'detained', 'supplies', 'police-led', 'xlaw', 'éraid', '1raid', '_raid', ' ', ' ', '\n', '-', '—', '.', '(', '"', 'rescued women', 'Saved  women', '“rescued women', '12 rescues', '1,000 rescues', 'x1 rescues', 'the purposes of', 'Purpose of', 'attempted to purchase', 'purchasing', 'An act', 'a act', 'raaid', 'xxraid', 'abt', 'CAT', 'being x', 'beng y', '21st century', '21ST  Century', 'İ', 'ΟΔΟΣ', 'ß', 'µ', 'RAID', 'Law-ENFORCEMENT', 'raid by Delhi police', 'RAIDS BY DELHI POLICE', 'raids by local police', 'raid by Αθήνα police', 'raid by ΑΘΗΝΑ police'];

describe('matcher prefilter (word-start keys)', () => {
	it('never changes the matches of a matcher of terms and plain patterns', () => {
		let skipped = 0;
		fc.assert(
			fc.property(fc.subarray(TERMS, { minLength: 1 }), fc.subarray(PATTERNS), fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (terms, patterns, pieces) => {
				const matcher = compileMatcher(terms, patterns);
				expect(matcher.prefixes).toBeDefined();
				const text = pieces.join('');
				const filtered = findAll(matcher, text, 5, wordStarts(text));
				const all = findAll(matcher, text, 5);
				if (all.length === 0) skipped++;
				expect(filtered, JSON.stringify({ terms, patterns, text })).toEqual(all);
			}),
			{ numRuns: 400 },
		);
		expect(skipped).toBeGreaterThan(20);
	});

	it('matches as the whole RegExp where a letter or digit of another script, or none, follows what a pattern matched', () => {
		// The patterns' search checks only Latin letters and digits after a match in its RegExp and runs the
		// whole alternation where another follows: these are the places it has to get right.
		const patterns = ['raids?', 'raid(?:s|\\p{L})?', 'sting\\w*', '(?:police|polic(?:e|ing))', 'k\\w*', 'naïve', '\\d+'];
		const pieces = ['raid', 'raids', 'Raids', 'sting', 'police', 'policing', 'kit', 'naïve', '12', ' ', '.', 'α', 'ΟΔΟΣ', 'Ж', 'жк', '日', '𝐀', '٣', 'é', 'ſ', '\u00b2', '\u02b0', '-'];
		let matched = 0;
		fc.assert(
			fc.property(fc.subarray(['raid', 'operation', 'victim*'], { minLength: 1 }), fc.subarray(patterns, { minLength: 1 }), fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (terms, chosen, parts) => {
				const matcher = compileMatcher(terms, chosen);
				const text = parts.join('');
				const filtered = findAll(matcher, text, 0, wordStarts(text));
				matched += filtered.length;
				expect(filtered, JSON.stringify({ terms, chosen, text })).toEqual(findAll(matcher, text, 0));
			}),
			{ numRuns: 1500 },
		);
		expect(matched).toBeGreaterThan(100);
	});

	// CPU-bound: about 3 s on a quiet machine, up to 12 s measured on CI's loaded two cores: a timeout of its own, not vitest's 30 s.
	it('never changes the matches of the built-in rules’ matchers on their examples and a generated policy', () => {
		const reviewer = builtinReviewer();
		let filterable = 0;
		const seen = new Set<string>();
		// One text's word starts are asked by every matcher in turn, as in a review: what the rule set's table
		// found for the text answers them all.
		const startsOf = new Map<string, WordStarts>();
		for (const rule of reviewer.ruleSet.rules) {
			for (const matcher of compiledMatchers(rule)) {
				if (!matcher || seen.has(matcher.key)) continue;
				seen.add(matcher.key);
				if (matcher.prefixes) filterable++;
				for (const text of [...rule.examples.map((e) => e.text), ...policy]) {
					let starts = startsOf.get(text);
					if (!starts) startsOf.set(text, (starts = wordStarts(text)));
					expect(findAll(matcher, text, 0, starts), `${rule.id}: ${text}`).toEqual(findAll(matcher, text, 0));
				}
			}
		}
		expect(filterable).toBeGreaterThan(20);
	}, 120_000);

	it('answers a matcher compiled after a text was asked about, and one none of whose words the text holds', () => {
		const index = new TermIndex();
		const raid = compileMatcher(['raid'], [], [], index);
		const text = 'Police raids and a sweep; the operation used stings.';
		const starts = wordStarts(text);
		const found = (m: ReturnType<typeof compileMatcher>): string[] => findAll(m, text, 0, starts).map((o) => text.slice(o.start, o.end));
		expect(found(raid)).toEqual(['raids']);
		expect(found(compileMatcher(['sweep', 'sting'], [], [], index))).toEqual(['sweep', 'stings']);
		expect(found(compileMatcher(['detention'], [], [], index))).toEqual([]);
		expect(found(raid)).toEqual(['raids']);
	});

	it('reads first letters through optional groups, classes, digits and zero-width assertions, and gives up on anything else', () => {
		expect(patternPrefixes('[Vv]iolat\\w*')).toEqual(['vio']);
		expect(patternPrefixes('(?:a|b)?c')?.sort()).toEqual(['ac$', 'bc$', 'c$']);
		expect(patternPrefixes('(?<![“"])(?:rescued|saved)\\s+women')?.sort()).toEqual(['res', 'sav']);
		expect(patternPrefixes('\\b\\d[\\d,]*\\s+rescues')).toHaveLength(10);
		expect(patternPrefixes('u\\.s\\.')).toEqual(['u$']);
		for (const unreadable of ['\\w+ing', '[^a]b', '.x', '\\$\\s?\\d', 'a|', '(?<name>x)', '\\W*x', '\\s+raid']) {
			expect(patternPrefixes(unreadable), unreadable).toBeUndefined();
		}
		expect(compileMatcher(['raid'], ['\\$\\d+']).prefixes).toBeUndefined();
	});

	it('matches as the whole RegExp where some of a matcher\'s patterns start with a symbol ($, €, a bracket)', () => {
		// Money and citations: no first letters to filter by. Where a text holds none of their first symbols and no
		// word like theirs, the terms and the other patterns are matched at word starts; elsewhere the whole RegExp runs.
		const symbolic = ['\\$\\s?\\d[\\d,.]*', '(?:€|£|\\bRs\\.?|\\bINR)\\s?\\d[\\d,.]*', '\\(\\d{4}\\)', '[$£€]\\s?\\d+\\s+(?:is|was)\\s+(?:spent|allocated)\\b', '\\[\\d+\\]'];
		const others = ['(?:raid|sweep)s?', '\\b\\d[\\d,.]*\\s*(?:million|billion)\\b', 'fund(?:s|ed)?\\s+by'];
		const pieces = ['$5', '$ 10,000', '€ 12', '£3', 'Rs.5', 'RS 10', 'rs', 'INR 40', 'inr', '(2019)', '(201)', 'x(2019)', '[12]', '[x]', '5 million', 'funds by', 'raid', 'Sweeps', 'grant', 'appropriation', ' ', ' ', '.', '(', '$', '€', 'is spent', 'was allocated', 'ΑΘΗΝΑ', 'x'];
		let split = 0;
		let matched = 0;
		fc.assert(
			fc.property(fc.subarray(['grant', 'appropriation', 'fund'], { minLength: 1 }), fc.subarray(symbolic, { minLength: 1 }), fc.subarray(others), fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (terms, symbols, plain, parts) => {
				const matcher = compileMatcher(terms, [...plain, ...symbols].sort());
				expect(matcher.prefixes).toBeUndefined();
				const text = parts.join('');
				if (!/[$€£(\[]|\b(?:rs|inr)/i.test(text)) split++;
				const found = findAll(matcher, text, 3, wordStarts(text));
				matched += found.length;
				expect(found, JSON.stringify({ terms, symbols, plain, text })).toEqual(findAll(matcher, text, 3));
			}),
			{ numRuns: 600 },
		);
		expect(split).toBeGreaterThan(50);
		expect(matched).toBeGreaterThan(200);
		expect(symbolStarts('\\$\\s?\\d')).toEqual({ chars: '$', keys: [] });
		expect(symbolStarts('(?:€|\\bRs\\.?)\\s?\\d')?.chars).toBe('€');
		expect(symbolStarts('(?:€|\\bRs\\.?)\\s?\\d')?.keys.length).toBeGreaterThan(0);
		expect(symbolStarts('\\b[$£€]\\d')?.chars).toBe('$£€');
		for (const unreadable of ['\\s*\\$', '\\$?x', '[a$]x', '.x', '\\W*x', '(?:\\$|)x', '(?:\\$)+', '\\x24', '\\p{Sc}\\d', 'Ⓐx']) {
			expect(symbolStarts(unreadable), unreadable).toBeUndefined();
		}
	});

	it('tells a whole short word from the words it begins: "a" or "the" before a space, a dash or the pattern\'s end', () => {
		expect(patternPrefixes('\\b(?:a|an|the)\\s+(?:form|kind)')?.sort()).toEqual(['a$', 'an$', 'the$']);
		expect(patternPrefixes('\\bno\\b')).toEqual(['no$']);
		expect(patternPrefixes('the[\\s\\-–—/]+x')).toEqual(['the$']);
		expect(patternPrefixes('re-?educat\\w+')?.sort()).toEqual(['re$', 'ree']);
		// Whatever may be a letter or digit next leaves the word open: \w, \d, classes with ranges, repeats.
		for (const open of ['an?\\w', 'the[a-z ]', 'the\\d', 'the.', 'st+ing', 'thes?e', 'the(?<n>x)']) {
			expect(patternPrefixes(open)?.some((p) => p.endsWith('$')), open).toBe(false);
		}
		const matcher = compileMatcher([], ['\\b(?:a|an|the)\\s+form\\b']);
		for (const text of ['A form', 'an form', 'THE form', 'the—form']) expect(findAll(matcher, text, 0, wordStarts(text)), text).toEqual(findAll(matcher, text, 0));
		// Words that only begin like them are no candidates: the patterns are not tried there.
		expect(mayMatchText(matcher, wordStarts('available anthem theory, thematic'))).toBe(false);
		expect(mayMatchText(matcher, wordStarts('in the'))).toBe(true);
		expect(compileMatcher(['raid', '21st century'], ['sweeps?']).prefixes).toBeDefined();
	});
});
