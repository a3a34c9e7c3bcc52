import type { Offsets } from '../finding';
import { termPattern } from './inflect';
import { compileLinear, findAllLinear, type LinearPattern } from './linear';
import { foldPatternSource } from './caseFold';
import { isCandidate, matcherPrefixKeys, nextCandidate, prefixBits, symbolStarts, type PatternPrefixes, type PrefixTable, type WordStarts } from './prefilter';
import { followsWordCharacter, precedesWordCharacter, TermIndex, type FoundTerms } from './termIndex';

/**
 * A compiled group of alternatives: literal terms (inflected), vocabulary references already expanded, and
 * regular expressions. One pass per group over a block's prose. What it runs is made when first needed: a
 * process that never meets a word one of the group's terms starts like never builds its RegExp.
 */
export interface Matcher {
	/** Stable key, so that groups shared by several rules are matched once per block. */
	key: string;
	/** All its alternatives as one case-insensitive RegExp with word boundaries; made when first needed. */
	readonly regex: RegExp;
	/** Patterns from rule packs, run on a linear-time engine (see linear.ts). */
	linear?: LinearPattern;
	/** Its number within its rule set (matcherId); set by the loader. */
	id?: number;
	/** Word-start keys, as a bit set, one of which a match starts with (see prefilter.ts); undefined: scan everything. */
	readonly prefixes?: Uint32Array;
}

const WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{N}])';

/**
 * What runs at a word start of folded text (caseFold.ts): the terms, looked up in the rule set's TermIndex,
 * then, where no term matches, the patterns' RegExp (null when there are none): without the `i` flag on the
 * folded text, or, where a pattern cannot be folded (`\p{Lu}`), as written with `i` on the text itself. Null
 * where a term cannot go in the index: the whole RegExp runs instead.
 */
interface FoldedSearch {
	/** The order of each of its terms (by TermIndex id) in the RegExp; empty when it has none. */
	order: Map<number, number>;
	/** `order` by id, one more than the order (0: not its term), up to its largest id: looked up at every place a term was found. */
	ranks: Int32Array;
	patterns: BoundedPatterns | null;
	/**
	 * The patterns' own prefixes (prefixBits), where the matcher's are those of its terms too: a word start
	 * that begins with none of them is one no pattern matches at. Undefined: try the patterns at every candidate.
	 */
	patternPrefixes?: Uint32Array;
}

class CompiledMatcher implements Matcher {
	key: string;
	linear?: LinearPattern;
	id?: number;
	private compiled?: RegExp;
	private prefixKeys?: number[] | null;
	private prefixBits?: Uint32Array | null;
	/** Its number in the rule set's PrefixTable. */
	readonly slot: number;
	private stickyRegExp?: RegExp;
	private foldedRegExp?: RegExp | null;
	private foldedGlobalRegExp?: RegExp | null;
	private foldedSourceText?: string | null;
	private foldedSearch?: FoldedSearch | null;

	private splitPatterns?: SplitMatcher | null;

	/**
	 * `terms` in the RegExp's order: longest first. `registered`: false for a part of another matcher
	 * (SplitMatcher), which has no slot in the PrefixTable (-1): one registered during a review would lay the
	 * table out again and have every block's word starts read again.
	 */
	constructor(
		readonly terms: readonly string[],
		readonly patterns: readonly string[],
		readonly untrusted: readonly string[],
		readonly index: TermIndex,
		registered = true,
	) {
		this.key = JSON.stringify([terms, patterns]);
		this.slot = registered ? index.prefixTable.register(() => this.keys) : -1;
		index.expect(terms);
		if (untrusted.length > 0) {
			this.linear = compileLinear(untrusted);
			this.key = `${this.key}\0${JSON.stringify(untrusted)}`;
		}
	}

	/**
	 * For a matcher without prefixes (some of its patterns start with a symbol: `\$\s?\d`, `\(\d{4}\)`), its
	 * terms and the patterns with prefixes as a matcher of their own, and what the others start with; null
	 * where that cannot be told (SplitMatcher).
	 */
	get split(): SplitMatcher | null {
		if (this.splitPatterns === undefined) this.splitPatterns = splitMatcher(this);
		return this.splitPatterns;
	}

	get isEmpty(): boolean {
		return this.terms.length + this.patterns.length === 0;
	}

	get regex(): RegExp {
		this.compiled ??= new RegExp(alternation(this.terms.map(termPattern).concat(this.patterns.map((p) => `(?:${p})`))), 'giu');
		return this.compiled;
	}

	/** The keys of its prefixes (prefilter.ts matcherPrefixKeys), or undefined when it cannot be filtered. */
	get keys(): number[] | undefined {
		if (this.prefixKeys === undefined) this.prefixKeys = matcherPrefixKeys(this.terms, this.patterns, this.untrusted, this.index.patternPrefixes) ?? null;
		return this.prefixKeys ?? undefined;
	}

	get prefixes(): Uint32Array | undefined {
		if (this.prefixBits === undefined) {
			const keys = this.keys;
			this.prefixBits = keys ? prefixBits(keys) : null;
		}
		return this.prefixBits ?? undefined;
	}

	/** The RegExp in sticky mode, to try at word starts. */
	get sticky(): RegExp {
		this.stickyRegExp ??= new RegExp(this.regex.source, 'iuy');
		return this.stickyRegExp;
	}

	/**
	 * The same without the `i` flag, for text folded to lower case (caseFold.ts: cheaper to compile and to
	 * run); null when the pattern cannot be folded.
	 */
	get folded(): RegExp | null {
		if (this.foldedRegExp === undefined) {
			const source = this.foldedSource;
			this.foldedRegExp = source === null ? null : new RegExp(source, 'uy');
		}
		return this.foldedRegExp;
	}

	/** The same as `folded`, global rather than sticky: to scan folded text from end to end. */
	get foldedGlobal(): RegExp | null {
		if (this.foldedGlobalRegExp === undefined) {
			const source = this.foldedSource;
			this.foldedGlobalRegExp = source === null ? null : new RegExp(source, 'gu');
		}
		return this.foldedGlobalRegExp;
	}

	private get foldedSource(): string | null {
		if (this.foldedSourceText === undefined) this.foldedSourceText = foldedAlternation(this.index, this.terms, this.patterns) ?? null;
		return this.foldedSourceText;
	}

	/**
	 * The search for folded text (the rule set's TermIndex for terms, a RegExp for patterns), or null where the
	 * index cannot stand for the RegExp.
	 */
	get search(): FoldedSearch | null {
		if (this.foldedSearch === undefined) {
			const order = new Map<number, number>();
			let fits = true;
			this.terms.forEach((term, i) => {
				const added = this.index.add(term);
				fits &&= added.fits;
				if (!order.has(added.id)) order.set(added.id, i);
			});
			const folded = this.patterns.length > 0 ? foldedAlternatives(this.index, [], this.patterns) : null;
			if (!fits) this.foldedSearch = null;
			else {
				// Patterns that do not fold run apart from the terms, all of them as written with `i`: the matcher's
				// whole RegExp (its terms' inflected alternatives and all) cost a new process tens of milliseconds to compile.
				const patterns = folded === null ? null : folded === undefined ? new BoundedPatterns(this.patterns.map((p) => `(?:${p})`), true) : new BoundedPatterns(folded, false);
				const patternKeys = patterns !== null && this.terms.length > 0 ? matcherPrefixKeys([], this.patterns, this.untrusted, this.index.patternPrefixes) : undefined;
				const ranks = new Int32Array(order.size === 0 ? 0 : Math.max(...order.keys()) + 1);
				for (const [id, rank] of order) ranks[id] = rank + 1;
				this.foldedSearch = { order, ranks, patterns, patternPrefixes: patternKeys ? prefixBits(patternKeys) : undefined };
			}
		}
		return this.foldedSearch;
	}
}

/**
 * The letters and digits of Unicode (`[\p{L}\p{N}]`) up to U+024F (Basic Latin to Latin Extended-B), as a
 * character class of explicit ranges: worked out once from the property itself.
 */
const LATIN_WORD_CHARACTER = (() => {
	const word = /[\p{L}\p{N}]/u;
	const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
	const ranges: string[] = [];
	for (let c = 0; c <= 0x24f; c++) {
		if (!word.test(String.fromCharCode(c))) continue;
		let end = c;
		while (end < 0x24f && word.test(String.fromCharCode(end + 1))) end++;
		ranges.push(end === c ? hex(c) : `${hex(c)}-${hex(end)}`);
		c = end;
	}
	return `[${ranges.join('')}]`;
})();

/**
 * A matcher's patterns, folded, tried at a word start of folded text as the RegExp of their alternation
 * (`alternation`, made only when needed) matches there, but compiled at a fraction of its cost. V8 compiles a
 * RegExp when it is first run, and the word boundaries around the alternation, `[\p{L}\p{N}]` with the u flag,
 * cost it about a quarter of a millisecond each time (the class's hundreds of ranges), more than most patterns
 * themselves: the matchers' pattern RegExps were about 48 ms of compiling in a new process reviewing the example
 * bill. So the RegExp run first (`fast`) has no boundary before (the caller has checked it:
 * followsWordCharacter) and, after, only that no Latin letter or digit (LATIN_WORD_CHARACTER) follows. It
 * accepts every end the alternation accepts, and more, in the same order of trying, so where it finds no match
 * the alternation finds none, and where its match is not followed by a letter or digit of any script it is the
 * alternation's match. Otherwise (a Greek, Cyrillic or other letter right after the match) the alternation
 * itself is made and run.
 */
class BoundedPatterns {
	private fast?: RegExp;
	private exact?: RegExp;

	/**
	 * The RegExps are made when first run: a short document never runs some matchers' patterns at all.
	 * `unfolded`: the alternatives are as written, to run with `i` on the text itself rather than on folded text.
	 * With `i`, LATIN_WORD_CHARACTER also matches what folds to a Latin letter (K, the Kelvin sign), all of
	 * them letters, so `fast` still accepts every end the alternation accepts.
	 */
	constructor(
		private readonly alternatives: readonly string[],
		readonly unfolded: boolean,
	) {}

	/** Where the alternation matches at `at` of `subject` (not after a letter or digit: the caller's check), or -1. */
	endAt(subject: string, at: number): number {
		const flags = this.unfolded ? 'iuy' : 'uy';
		const fast = (this.fast ??= new RegExp(`(?:${this.alternatives.join('|')})(?!${LATIN_WORD_CHARACTER})`, flags));
		fast.lastIndex = at;
		if (!fast.test(subject)) return -1;
		const end = fast.lastIndex;
		if (!precedesWordCharacter(subject, end)) return end;
		this.exact ??= new RegExp(alternation(this.alternatives), flags);
		this.exact.lastIndex = at;
		return this.exact.test(subject) ? this.exact.lastIndex : -1;
	}
}

/** Alternatives as one pattern with word boundaries around it; one that never matches when there are none. */
function alternation(alternatives: readonly string[]): string {
	return alternatives.length === 0 ? '(?!)' : `${WORD_BEFORE}(?:${alternatives.join('|')})${WORD_AFTER}`;
}

/**
 * The alternatives folded (caseFold.ts), each once per rule set, by term or pattern: the matchers of a rule
 * set share vocabularies, and a new process that folded each matcher's whole source (and had the `iu` RegExp
 * made first, only to read its source back) spent a fifth of a second of a 100 KB review on it.
 */
const foldedByIndex = new WeakMap<TermIndex, Map<string, string | null>>();

/**
 * foldPatternSource of the matcher's RegExp source (`alternation`, terms then patterns), folded an
 * alternative at a time: folding reads a pattern character by character and carries nothing past an
 * alternative that is a pattern of its own (its classes and escapes close within it), and the word
 * boundaries around them hold no letter to fold. Undefined when one alternative cannot be folded.
 */
function foldedAlternation(index: TermIndex, terms: readonly string[], patterns: readonly string[]): string | undefined {
	const folded = foldedAlternatives(index, terms, patterns);
	return folded && alternation(folded);
}

/** The alternatives of foldedAlternation, folded, in its order; undefined when one cannot be folded. */
function foldedAlternatives(index: TermIndex, terms: readonly string[], patterns: readonly string[]): string[] | undefined {
	let byAlternative = foldedByIndex.get(index);
	if (!byAlternative) foldedByIndex.set(index, (byAlternative = new Map()));
	const folded: string[] = [];
	const fold = (key: string, source: () => string): boolean => {
		let f = byAlternative.get(key);
		if (f === undefined) byAlternative.set(key, (f = foldPatternSource(source()) ?? null));
		if (f !== null) folded.push(f);
		return f !== null;
	};
	for (const term of terms) if (!fold(`t${term}`, () => termPattern(term))) return undefined;
	for (const pattern of patterns) {
		// Folded by the build step for the built-in rules (CompiledRules.foldedPatterns).
		if (!byAlternative.has(`p${pattern}`) && Object.hasOwn(index.foldedPatterns, pattern)) byAlternative.set(`p${pattern}`, index.foldedPatterns[pattern]!);
		if (!fold(`p${pattern}`, () => `(?:${pattern})`)) return undefined;
	}
	return folded;
}

/** The matcher's patterns folded (foldPatternSource of `(?:source)`, null: cannot be), by source: for the build step's CompiledRules.foldedPatterns. */
export function foldedPatternsOf(matcher: Matcher): Record<string, string | null> {
	const out: Record<string, string | null> = {};
	for (const pattern of (matcher as CompiledMatcher).patterns) out[pattern] = foldPatternSource(`(?:${pattern})`) ?? null;
	return out;
}

/**
 * Compiles alternatives into a matcher: as one case-insensitive, Unicode-aware RegExp with word boundaries,
 * and for folded text as the terms in the rule set's TermIndex and a RegExp of the patterns (made when first
 * needed).
 * `patterns` are regular expression sources; `terms` are literal terms. `untrusted` are pattern sources from
 * rule packs (checked with checkLinearPattern): they are compiled for the linear-time engine instead.
 */
export function compileMatcher(terms: readonly string[], patterns: readonly string[], untrusted: readonly string[] = [], index: TermIndex = new TermIndex()): Matcher {
	return new CompiledMatcher([...new Set(terms)].sort((a, b) => b.length - a.length), patterns, untrusted, index);
}

/**
 * All non-overlapping matches of `matcher` in `text`, as absolute offsets (`base` + index). `starts`, the
 * text's wordStarts, lets a matcher of terms skip a text that holds none of their first letters, and try its
 * RegExp only at the word starts that begin with them.
 */
export function findAll(matcher: Matcher, text: string, base: number, starts?: WordStarts): Offsets[] {
	const compiled = matcher as CompiledMatcher;
	if (starts && matcher.prefixes) return findAtWordStarts(compiled, matcher.prefixes, text, base, starts);
	if (!matcher.linear) {
		// Where none of the patterns without prefixes can match, the others' matches are the whole RegExp's.
		const split = starts ? compiled.split : null;
		if (split && !mayStartLikeRest(split, text, starts!)) return findAtWordStarts(split.keyed, split.keyed.prefixes!, text, base, starts!);
		// A matcher with no prefixes to filter by scans the whole text: the folded text without `i` where it folds
		// (the same matches, caseFold.ts; a 1 MB review ran the `giu` RegExps of these few for about 0.2 s).
		const folded = starts?.folded === undefined ? null : compiled.foldedGlobal;
		return folded ? findAllIn(folded, starts!.folded!, base) : findAllIn(matcher.regex, text, base);
	}
	const linear = findAllLinear(matcher.linear, text, base);
	if (compiled.isEmpty) return linear;
	return mergeMatches(findAllJs(matcher, text, base), linear);
}

/** False when no word of the text (with these wordStarts) starts like the matcher's terms: it cannot match there. */
export function mayMatchText(matcher: Matcher, starts: WordStarts): boolean {
	const compiled = matcher as CompiledMatcher;
	return !compiled.keys || compiled.index.prefixTable.mayStartIn(compiled.slot, starts);
}

/**
 * Where the word-start test of mayMatchText looks the matcher up: its rule set's PrefixTable and its slot
 * there (PrefixTable.candidateSlots), or undefined when the matcher cannot be filtered (it may match anywhere).
 */
export function prefixSlot(matcher: Matcher): { table: PrefixTable; slot: number } | undefined {
	const compiled = matcher as CompiledMatcher;
	return compiled.keys ? { table: compiled.index.prefixTable, slot: compiled.slot } : undefined;
}

/**
 * The matches a global scan finds, found by trying the RegExp (sticky) only where a word starts with one of
 * the matcher's prefixes. Every match starts at such a place (prefilter.ts), so scanning from the left and
 * skipping what a match covers gives the same leftmost, non-overlapping matches; a scan of every character
 * with a large alternation costs several times more.
 */
function findAtWordStarts(matcher: CompiledMatcher, prefixes: Uint32Array, text: string, base: number, starts: WordStarts): Offsets[] {
	// Typed as mutable for the callers' sake; NO_CANDIDATES is frozen, and callers never modify results.
	const positions = starts.positions;
	if (matcher.slot >= 0 && !matcher.index.prefixTable.mayStartIn(matcher.slot, starts)) return NO_CANDIDATES as Offsets[];
	let i = nextCandidate(prefixes, starts, 0);
	// No word start begins like a match: nothing to search with (a matcher's search is made when first needed).
	if (i < 0) return NO_MATCHES;
	const out: Offsets[] = [];
	const folded = starts.folded;
	let search = folded === undefined ? null : matcher.search;
	// The terms at each word start, where the index looks the block up (its budget, termIndex.ts); else the RegExp runs.
	const terms = i >= 0 && search && search.order.size > 0 ? matcher.index.termsIn(starts) : undefined;
	if (search && search.order.size > 0 && !terms) search = null;
	let sticky: RegExp | null = null;
	let subject = folded ?? text;
	let from = 0;
	for (; i >= 0; i = nextCandidate(prefixes, starts, i + 1)) {
		const at = positions[i]!;
		if (at < from) continue;
		let end = -1;
		if (search) {
			// The RegExp's lookbehind: a place after a letter other than a–z is a candidate word start too.
			if (followsWordCharacter(subject, at)) continue;
			if (terms) end = firstTermEnd(terms, i, search.ranks);
			if (end < 0 && search.patterns && (!search.patternPrefixes || isCandidate(search.patternPrefixes, starts, i))) end = search.patterns.endAt(search.patterns.unfolded ? text : subject, at);
		} else {
			if (sticky === null) {
				// On folded text without the `i` flag where the pattern folds, else on the text with it.
				sticky = folded === undefined ? null : matcher.folded;
				subject = sticky ? folded! : text;
				sticky ??= matcher.sticky;
			}
			// test() rather than exec(): a sticky RegExp leaves lastIndex at the match's end, and no match array is made.
			sticky.lastIndex = at;
			if (sticky.test(subject)) end = sticky.lastIndex;
		}
		if (end <= at) continue;
		out.push({ start: base + at, end: base + end });
		from = end;
	}
	// A copy of exactly its length: a block's matches are kept for the whole review (and by an editor's
	// memos between reviews), and a pushed-to array keeps room for 16 more.
	return out.length === 0 ? NO_MATCHES : out.slice();
}

/**
 * A matcher without prefixes, split: `keyed`, its terms and the patterns with prefixes (in the RegExp's order),
 * and what every match of the rest starts with: one of `chars` or a word start with one of the keys in
 * `restBits` (prefilter.ts symbolStarts). In a text that holds neither, no pattern of the rest can match, and
 * the alternation of the whole matcher finds exactly what `keyed`'s finds: the first alternative that matches
 * at a place is one of `keyed`'s, in the same order.
 */
interface SplitMatcher {
	keyed: CompiledMatcher;
	chars: string;
	restBits: Uint32Array | null;
}

function splitMatcher(matcher: CompiledMatcher): SplitMatcher | null {
	if (matcher.untrusted.length > 0 || matcher.isEmpty) return null;
	const keyedPatterns: string[] = [];
	let chars = '';
	const restKeys: number[] = [];
	for (const pattern of matcher.patterns) {
		if (matcherPrefixKeys([], [pattern], [], matcher.index.patternPrefixes) !== undefined) {
			keyedPatterns.push(pattern);
			continue;
		}
		const starts = symbolStarts(pattern);
		if (starts === undefined) return null;
		chars += starts.chars;
		restKeys.push(...starts.keys);
	}
	if (keyedPatterns.length === matcher.patterns.length || matcher.terms.length + keyedPatterns.length === 0) return null;
	const keyed = new CompiledMatcher(matcher.terms, keyedPatterns, [], matcher.index, false);
	if (keyed.prefixes === undefined) return null;
	return { keyed, chars: [...new Set(chars)].join(''), restBits: restKeys.length > 0 ? prefixBits(restKeys) : null };
}

/** Whether the text holds one of the split's chars, or a word that starts like a pattern of its rest. */
function mayStartLikeRest(split: SplitMatcher, text: string, starts: WordStarts): boolean {
	for (let k = 0; k < split.chars.length; k++) if (text.includes(split.chars[k]!)) return true;
	return split.restBits !== null && nextCandidate(split.restBits, starts, 0) >= 0;
}

/** Where the matcher's first term (in its RegExp's order) among those found at word start `i` ends, or -1. */
function firstTermEnd(found: FoundTerms, i: number, ranks: Int32Array): number {
	const pairs = found.pairs;
	let best = Infinity;
	let end = -1;
	for (let k = found.first[i]!, to = found.first[i + 1]!; k < to; k += 2) {
		const id = pairs[k]!;
		// ranks holds one more than the order: 0 (or an id past its end) is not the matcher's term.
		const rank = id < ranks.length ? ranks[id]! : 0;
		if (rank !== 0 && rank < best) {
			best = rank;
			end = pairs[k + 1]!;
		}
	}
	return end;
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
	return findAllIn(matcher.regex, text, base);
}

/** The matches of a global RegExp in `text`, as absolute offsets (`base` + index); empty matches skipped. */
function findAllIn(regex: RegExp, text: string, base: number): Offsets[] {
	const out: Offsets[] = [];
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

/** The TermIndex of the matcher's rule set (for the build step's CompiledRules.termWords). */
export function matcherTermIndex(matcher: Matcher): TermIndex {
	return (matcher as CompiledMatcher).index;
}

/** What the matcher's rule set knows of its patterns' prefixes (kept with compiled rules: rules/load.ts compileRuleData). */
export function matcherPatternPrefixes(matcher: Matcher): PatternPrefixes {
	return (matcher as CompiledMatcher).index.patternPrefixes;
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
