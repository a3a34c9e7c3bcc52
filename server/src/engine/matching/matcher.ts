import type { Offsets } from '../finding';
import { termPattern } from './inflect';
import { compileLinear, findAllLinear, type LinearPattern } from './linear';
import { foldPatternSource } from './caseFold';
import { matcherPrefixes, nextCandidate, type WordStarts } from './prefilter';

/**
 * A compiled group of alternatives: literal terms (inflected), vocabulary references already expanded, and
 * regular expressions. One RegExp per group, so a group costs one pass over a block's prose.
 */
export interface Matcher {
	/** Stable key, so that groups shared by several rules are matched once per block. */
	key: string;
	regex: RegExp;
	/** Patterns from rule packs, run on a linear-time engine (see linear.ts). */
	linear?: LinearPattern;
	/** Its number within its rule set (matcherId); set by the loader. */
	id?: number;
	/** Word-start keys, as a bit set, one of which a match starts with (see prefilter.ts); undefined: scan everything. */
	prefixes?: Uint32Array;
	/** The RegExp in sticky mode, to try at word starts; made when first needed. */
	sticky?: RegExp;
	/**
	 * The same without the `i` flag, for text folded to lower case (caseFold.ts: cheaper to compile and to
	 * run); null when the pattern cannot be folded. Made when first needed.
	 */
	folded?: RegExp | null;
}

const WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{N}])';

/**
 * Compiles alternatives into one case-insensitive, Unicode-aware RegExp with word boundaries.
 * `patterns` are regular expression sources; `terms` are literal terms. `untrusted` are pattern sources from
 * rule packs (checked with checkLinearPattern): they are compiled for the linear-time engine instead.
 */
export function compileMatcher(terms: readonly string[], patterns: readonly string[], untrusted: readonly string[] = []): Matcher {
	const alternatives = [...new Set(terms)]
		.sort((a, b) => b.length - a.length)
		.map(termPattern);
	for (const p of patterns) alternatives.push(`(?:${p})`);
	const source = alternatives.length === 0 ? '(?!)' : `${WORD_BEFORE}(?:${alternatives.join('|')})${WORD_AFTER}`;
	const matcher: Matcher = { key: source, regex: new RegExp(source, 'giu') };
	const prefixes = matcherPrefixes(terms, patterns, untrusted);
	if (prefixes) matcher.prefixes = prefixes;
	if (untrusted.length > 0) {
		matcher.linear = compileLinear(untrusted);
		matcher.key = `${source}\0${JSON.stringify(untrusted)}`;
	}
	return matcher;
}

/**
 * All non-overlapping matches of `matcher` in `text`, as absolute offsets (`base` + index). `starts`, the
 * text's wordStarts, lets a matcher of terms skip a text that holds none of their first letters, and try its
 * RegExp only at the word starts that begin with them.
 */
export function findAll(matcher: Matcher, text: string, base: number, starts?: WordStarts): Offsets[] {
	if (starts && matcher.prefixes) return findAtWordStarts(matcher, matcher.prefixes, text, base, starts);
	if (!matcher.linear) return findAllJs(matcher, text, base);
	const linear = findAllLinear(matcher.linear, text, base);
	if (matcher.regex.source === '(?!)') return linear;
	return mergeMatches(findAllJs(matcher, text, base), linear);
}

/** False when no word of the text (with these wordStarts) starts like the matcher's terms: it cannot match there. */
export function mayMatchText(matcher: Matcher, starts: WordStarts): boolean {
	return !matcher.prefixes || nextCandidate(matcher.prefixes, starts.table, 0) >= 0;
}

/**
 * The matches a global scan finds, found by trying the RegExp (sticky) only where a word starts with one of
 * the matcher's prefixes. Every match starts at such a place (prefilter.ts), so scanning from the left and
 * skipping what a match covers gives the same leftmost, non-overlapping matches; a scan of every character
 * with a large alternation costs several times more.
 */
function findAtWordStarts(matcher: Matcher, prefixes: Uint32Array, text: string, base: number, starts: WordStarts): Offsets[] {
	// Typed as mutable for the callers' sake; NO_CANDIDATES is frozen, and callers never modify results.
	const table = starts.table;
	let i = nextCandidate(prefixes, table, 0);
	if (i < 0) return NO_CANDIDATES as Offsets[];
	const out: Offsets[] = [];
	let sticky = starts.folded === undefined ? null : foldedRegExp(matcher);
	const subject = sticky ? starts.folded! : text;
	sticky ??= matcher.sticky ??= new RegExp(matcher.regex.source, 'iuy');
	let from = 0;
	for (; i >= 0; i = nextCandidate(prefixes, table, i + 4)) {
		const at = table[i]!;
		if (at < from) continue;
		// test() rather than exec(): a sticky RegExp leaves lastIndex at the match's end, and no match array is made.
		sticky.lastIndex = at;
		if (!sticky.test(subject)) continue;
		const end = sticky.lastIndex;
		if (end === at) continue;
		out.push({ start: base + at, end: base + end });
		from = end;
	}
	return out.length === 0 ? NO_MATCHES : out;
}

function foldedRegExp(matcher: Matcher): RegExp | null {
	if (matcher.folded === undefined) {
		const source = foldPatternSource(matcher.regex.source);
		matcher.folded = source === undefined ? null : new RegExp(source, 'uy');
	}
	return matcher.folded;
}

/** Shared by every search that found nothing; never modified. */
const NO_MATCHES: Offsets[] = [];

/**
 * What findAll returns (empty, never modified) when no word of the text starts with one of the matcher's
 * prefixes: the answer costs so little to find again that a caller need not keep it.
 */
export const NO_CANDIDATES: readonly Offsets[] = Object.freeze([]);

/** Leftmost matches first (the longer of two at one place), none overlapping one already taken. */
function mergeMatches(a: Offsets[], b: Offsets[]): Offsets[] {
	const all = [...a, ...b].sort((x, y) => x.start - y.start || y.end - x.end);
	const out: Offsets[] = [];
	for (const m of all) if (out.length === 0 || m.start >= out[out.length - 1]!.end) out.push(m);
	return out;
}

function findAllJs(matcher: Matcher, text: string, base: number): Offsets[] {
	const out: Offsets[] = [];
	const regex = matcher.regex;
	regex.lastIndex = 0;
	for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
		if (m[0].length === 0) {
			regex.lastIndex++;
			continue;
		}
		out.push({ start: base + m.index, end: base + m.index + m[0].length });
	}
	return out;
}

/**
 * A small number that identifies a matcher's pattern within its rule set (the loader numbers them: equal
 * keys get equal ids, see rules/load.ts). Rules that share a vocabulary compile equal but separate key
 * strings, and comparing those long strings on every cache lookup costs more than the lookup itself. The
 * numbering lives with the rule set, not in this module, so a long-running server that reloads its rules
 * does not keep every pattern it ever compiled.
 */
export function matcherId(matcher: Matcher): number {
	if (matcher.id === undefined) throw new Error('a matcher reviewed with must come from a loaded rule set (rules/load.ts numbers them)');
	return matcher.id;
}
