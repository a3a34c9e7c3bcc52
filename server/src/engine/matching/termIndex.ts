import { detached } from '../detached';
import { ENDINGS, termWords, type InflectionGroup } from './inflect';
import { PatternPrefixes, PrefixTable, type WordStarts } from './prefilter';

/**
 * The literal terms of a rule set's matchers, found on text folded to lower case (caseFold.ts) at word starts
 * by looking words up, not by running RegExps. A matcher finds with it exactly what the terms' part of its
 * RegExp finds there (`(?<![\p{L}\p{N}])(?:term1|term2|…)(?![\p{L}\p{N}])`, terms in the RegExp's order)
 * without that RegExp: V8 compiles a RegExp on its first use, and the built-in rules' term lists (over half a
 * million characters of alternation once inflected) cost a new process most of its first review, while this
 * index of all their terms is made in a few tens of milliseconds.
 *
 * Why it is the same: the RegExp tries its alternatives in order and takes the first that matches with a
 * non-word character after it. Each term can match at most one way at a place, so the first alternative that
 * matches is the term of lowest order among those that match there:
 * - a word whose forms are all letters a–z and digits (every inflected word: its forms are its stem with
 *   a–z endings) must take the whole run of such characters where it starts, since a letter or digit may
 *   not follow it; so it matches where that run is one of its forms and no other letter or digit follows;
 * - `word*` takes the prefix, then every letter after it (a shorter run would leave a letter next);
 * - any other word has one form (only plain a–z words are inflected), compared in place;
 * - between words, a run of separators is taken whole, as no word begins with one.
 * Terms that could break these conditions (a word that starts with a separator, a cased letter other than
 * a–z) are not indexed: a matcher with one of them keeps its RegExp.
 *
 * A block's terms are looked up once for all the rule set's matchers (termsIn): each matcher then only picks
 * the first of its own among them, where a search per matcher repeated the same work for every vocabulary
 * that shares a word.
 */
export class TermIndex {
	/** The prefixes of the rule set's regular expressions, for its matchers' prefilters (prefilter.ts). */
	readonly patternPrefixes: PatternPrefixes;
	/** Which of the rule set's matchers each word-start key may begin a match of. */
	readonly prefixTable = new PrefixTable();
	private readonly ids = new Map<string, number>();
	/** By id: the term's words, or undefined when the index cannot match it (its matcher keeps to its RegExp). */
	private readonly words: Array<readonly TermWord[] | undefined> = [];
	/** The words of terms, by the word (and whether it is exact): vocabularies share words across terms. */
	private readonly wordsByText = new Map<string, TermWord>();
	/** Terms (ids) by the bases of their first word, where it is a run of letters and digits (see TermWord). */
	private readonly byBase = new Map<string, number[]>();
	/** Terms (ids) by their first word's prefix, where it is `word*`; and the lengths of those prefixes. */
	private readonly byPrefix = new Map<string, number[]>();
	private prefixLengths: number[] = [];
	/** termsStartingWith, by run: the terms a run of letters and digits may begin. */
	private readonly byRun = new Map<string, readonly number[]>();
	/** Terms (ids) by the first character of their first word, where it is any other (see TermWord). */
	private readonly byLiteral = new Map<number, number[]>();
	/** Terms of matchers compiled but not yet numbered: numbered before the first search (see expect). */
	private pending: Array<readonly string[]> = [];

	/**
	 * `patternPrefixes`, `foldedPatterns`, `storedWords`, `termKeys`: what the build step worked out for the
	 * rule set's patterns and terms (CompiledRules.patternPrefixes, foldedPatterns, termWords and termKeys).
	 */
	constructor(
		patternPrefixes: Readonly<Record<string, string[] | null>> = {},
		readonly foldedPatterns: Readonly<Record<string, string | null>> = {},
		private readonly storedWords?: StoredTermWords,
		termKeys: Readonly<Record<string, number | null>> = {},
	) {
		this.patternPrefixes = new PatternPrefixes(patternPrefixes, termKeys);
	}

	/**
	 * The words of every term its matchers expect, as the build step keeps them (CompiledRules.termWords), so
	 * that a process loading them makes no term's words again (termWords, inflection groups): the built-in
	 * rules' 1,493 terms cost a new process 15-30 ms before its first search.
	 */
	storedTermWords(): StoredTermWords {
		this.numberPending();
		const keyOf = new Map<TermWord, string>();
		for (const [key, word] of this.wordsByText) keyOf.set(word, key);
		const terms: Record<string, string[] | null> = {};
		const words: Record<string, StoredWord> = {};
		for (const [term, id] of this.ids) {
			const list = this.words[id];
			terms[term] = list ? list.map((w) => keyOf.get(w)!) : null;
			for (const w of list ?? []) words[keyOf.get(w)!] ??= storedWord(w);
		}
		return { terms, words };
	}

	/**
	 * Terms a matcher of the rule set will look up: they are indexed before the first search, all of them, so
	 * what a search finds at a place is complete for every matcher and can be kept for all of them (termsIn).
	 */
	expect(terms: readonly string[]): void {
		if (terms.length > 0) this.pending.push(terms);
	}

	/** The term's number, and whether the index can match it (else its matcher keeps to its RegExp). */
	add(term: string): { id: number; fits: boolean } {
		let id = this.ids.get(term);
		if (id === undefined) {
			id = this.words.length;
			this.ids.set(term, id);
			const words = this.termWordsOf(term);
			this.words.push(words);
			if (words) this.indexFirstWord(id, words[0]!);
		}
		return { id, fits: this.words[id] !== undefined };
	}

	/** How many terms are numbered: what a search found is complete for as many. */
	get size(): number {
		return this.words.length;
	}

	/**
	 * Word starts the index may still look up. A new process reviewing up to about a megabyte of prose finds its
	 * terms without compiling the term lists' RegExps; past that, a block the index has not looked up is matched
	 * with its matchers' RegExps, compiled once: at each place a compiled RegExp costs less than a lookup, and a
	 * block's lookups are kept for the review (4 bytes a word start and more), so a 20 MB document would both
	 * take longer and hold tens of megabytes more. bench-results/issue-16-cold.md has the measurements.
	 */
	budget = 200_000;

	/**
	 * Every term that matches at each word start of a block's folded text (WordStarts.folded), with no letter or
	 * digit after it, found the first time a matcher asks and kept with the word starts; undefined when the
	 * budget does not cover the block's word starts (its matchers then use their RegExps).
	 */
	termsIn(starts: WordStarts): FoundTerms | undefined {
		const found = starts.terms;
		if (found?.index === this && found.size === this.size && this.pending.length === 0) return found;
		if (starts.positions.length > this.budget) return undefined;
		this.budget -= starts.positions.length;
		return this.termsOf(starts);
	}

	private termsOf(starts: WordStarts): FoundTerms {
		this.numberPending();
		const text = starts.folded!;
		const positions = starts.positions;
		const first = new Int32Array(positions.length + 1);
		const pairs: number[] = [];
		for (let i = 0; i < positions.length; i++) {
			first[i] = pairs.length;
			this.matchesAt(text, positions[i]!, pairs);
		}
		first[positions.length] = pairs.length;
		// Not to keep the block's text alive once it is searched.
		lastRun.text = '';
		lastRun.at = -1;
		const found: FoundTerms = { index: this, size: this.size, first, pairs: pairs.length === 0 ? NO_PAIRS : Int32Array.from(pairs) };
		starts.terms = found;
		return found;
	}

	private numberPending(): void {
		const pending = this.pending;
		this.pending = [];
		for (const terms of pending) for (const term of terms) this.add(term);
	}

	/**
	 * Appends to `out` the pairs of id and end of every term that matches at `at` of folded text. `at` must not
	 * follow a letter or digit for a match to count (the caller checks, followsWordCharacter).
	 */
	private matchesAt(text: string, at: number, out: number[]): void {
		const word = runAt(text, at);
		if (word.length > 0 && !isWordCharacterAt(text, at + word.length)) {
			// The terms whose first word has the run among its forms: their first word ends where the run does.
			const end = at + word.length;
			for (const id of this.termsStartingWith(word)) this.tryTerm(id, text, end, out, 1);
		}
		for (const length of this.prefixLengths) {
			if (at + length > text.length) break;
			const ids = this.byPrefix.get(text.slice(at, at + length));
			if (ids) for (const id of ids) this.tryTerm(id, text, at, out);
		}
		const ids = this.byLiteral.get(text.charCodeAt(at));
		if (ids) for (const id of ids) this.tryTerm(id, text, at, out);
	}

	/**
	 * The terms (ids) whose first word is a run of letters and digits with `run` among its forms (isRunForm):
	 * those indexed under the run itself as a base, then under each base the run is with an ending it ends with,
	 * in that order (an id twice where it is found twice). Worked out once per distinct run: a document repeats
	 * its words, and each place asked again for the same bases, slices and endings.
	 */
	private termsStartingWith(run: string): readonly number[] {
		let ids = this.byRun.get(run);
		if (ids !== undefined) return ids;
		const found: number[] = [];
		const take = (base: string): void => {
			for (const id of this.byBase.get(base) ?? NO_IDS) if (isRunForm((this.words[id]![0] as RunWord).groups, run)) found.push(id);
		};
		take(run);
		for (const ending of ENDINGS_BY_LAST.get(run.charCodeAt(run.length - 1)) ?? NO_ENDINGS) {
			if (run.length <= ending.length || !run.endsWith(ending)) continue;
			take(run.slice(0, run.length - ending.length));
		}
		ids = found.length === 0 ? NO_IDS : found;
		// A long-lived rule set (the language server's) meets every word of every document: keep a bounded number.
		if (this.byRun.size >= MAX_RUNS) this.byRun.clear();
		// A copy: the run is a slice of the text, and a long slice kept here would keep that version of the document.
		this.byRun.set(detached(run), ids);
		return ids;
	}

	/** Appends the term's id and end to `out` where it matches at `at`; `from`: its words before it matched, ending at `at`. */
	private tryTerm(id: number, text: string, at: number, out: number[], from = 0): void {
		const words = this.words[id]!;
		let i = at;
		for (let w = from; w < words.length; w++) {
			if (w > 0) {
				if (i >= text.length || !isSeparator(text.charCodeAt(i))) return;
				i++;
				while (i < text.length && isSeparator(text.charCodeAt(i))) i++;
			}
			i = wordEnd(words[w]!, text, i);
			if (i < 0) return;
		}
		out.push(id, i);
	}

	private indexFirstWord(id: number, word: TermWord): void {
		this.byRun.clear();
		if (word.kind === 'run') {
			for (const group of word.groups) {
				const ids = listIn(this.byBase, group.base);
				// A word with two groups may share a base with itself; one entry is enough.
				if (ids[ids.length - 1] !== id) ids.push(id);
			}
		}
		else if (word.kind === 'prefix') {
			listIn(this.byPrefix, word.prefix).push(id);
			if (!this.prefixLengths.includes(word.prefix.length)) this.prefixLengths = [...this.prefixLengths, word.prefix.length].sort((a, b) => a - b);
		} else listIn(this.byLiteral, word.form.charCodeAt(0)).push(id);
	}

	/** The term's words as the index matches them, or undefined when it cannot (see TermIndex). */
	private termWordsOf(term: string): TermWord[] | undefined {
		const stored = this.storedWords;
		if (stored && Object.hasOwn(stored.terms, term)) {
			const keys = stored.terms[term];
			if (keys === null) return undefined;
			if (keys !== undefined && keys.every((key) => Object.hasOwn(stored.words, key)))
				return keys.map((key) => {
					let word = this.wordsByText.get(key);
					if (!word) {
						word = fromStored(stored.words[key]!);
						this.wordsByText.set(key, word);
					}
					return word;
				});
		}
		const words = termWords(term);
		if (words.length === 0 || !words.every((w) => indexable('prefix' in w ? w.prefix : w.word))) return undefined;
		const exact = term.startsWith('=');
		return words.map((w) => {
			// A word's forms depend on the word and on whether the term is exact: the key says both.
			const key = 'prefix' in w ? `*${w.prefix}` : `${exact ? '=' : ' '}${w.word}`;
			let word = this.wordsByText.get(key);
			if (!word) {
				word = toTermWord(w);
				this.wordsByText.set(key, word);
			}
			return word;
		});
	}
}

/**
 * One word of a term, as the index matches it on folded text: `run`, a word of letters a–z and digits only,
 * matched where the run of such characters at a place is one of its forms (a base, alone where that is a
 * form, or with one of its endings); `prefix`, a `word*`; `literal`, the one form of a word with other
 * characters (u.s., and/or), compared in place.
 */
type TermWord = RunWord | { kind: 'prefix'; prefix: string } | { kind: 'literal'; form: string };
type RunWord = { kind: 'run'; groups: readonly RunGroup[] };

interface RunGroup {
	base: string;
	endings: ReadonlySet<string>;
	optional: boolean;
}

function toTermWord(w: { groups: InflectionGroup[] } | { prefix: string }): TermWord {
	if ('prefix' in w) return { kind: 'prefix', prefix: w.prefix };
	if (w.groups.every((g) => isRun(g.base))) return { kind: 'run', groups: w.groups.map((g) => ({ base: g.base, endings: ENDING_SETS.get(g.endings)!, optional: g.optional })) };
	// Only words of plain letters are inflected (inflect.ts): any other is its one form.
	const group = w.groups[0]!;
	if (w.groups.length !== 1 || group.endings.length > 0 || !group.optional) throw new Error(`internal error: an inflected term word "${group.base}" of other characters than letters and digits`);
	return { kind: 'literal', form: group.base };
}

/**
 * Term words as the build step keeps them: each term's word keys (termWordsOf; null: the index cannot match
 * the term), and each key's word: `['r', base, endings, optional, …]` for a run (endings: its list's place in
 * ENDINGS; optional: 1 or 0; a base, endings and optional for each group), `['p', prefix]`, `['l', form]`.
 */
export interface StoredTermWords {
	terms: Record<string, string[] | null>;
	words: Record<string, StoredWord>;
}
type StoredWord = Array<string | number>;

function storedWord(word: TermWord): StoredWord {
	if (word.kind === 'prefix') return ['p', word.prefix];
	if (word.kind === 'literal') return ['l', word.form];
	return ['r', ...word.groups.flatMap((g) => [g.base, ENDINGS.findIndex((list) => ENDING_SETS.get(list) === g.endings), g.optional ? 1 : 0])];
}

function fromStored(stored: StoredWord): TermWord {
	if (stored[0] === 'p') return { kind: 'prefix', prefix: stored[1] as string };
	if (stored[0] === 'l') return { kind: 'literal', form: stored[1] as string };
	const groups: RunGroup[] = [];
	for (let i = 1; i + 2 < stored.length; i += 3) groups.push({ base: stored[i] as string, endings: ENDING_SETS.get(ENDINGS[stored[i + 1] as number]!)!, optional: stored[i + 2] === 1 });
	return { kind: 'run', groups };
}

/** Where the word ends when it matches at `i` of folded text, with no letter or digit after it; -1 where it does not. */
function wordEnd(word: TermWord, text: string, i: number): number {
	let end: number;
	if (word.kind === 'run') {
		const run = runAt(text, i);
		if (run.length === 0 || !isRunForm(word.groups, run)) return -1;
		end = i + run.length;
	} else if (word.kind === 'prefix') {
		if (!text.startsWith(word.prefix, i)) return -1;
		end = lettersEnd(text, i + word.prefix.length);
	} else {
		if (!text.startsWith(word.form, i)) return -1;
		end = i + word.form.length;
	}
	return isWordCharacterAt(text, end) ? -1 : end;
}

/** Whether `run` is one of the forms of a word with these groups. */
function isRunForm(groups: readonly RunGroup[], run: string): boolean {
	for (const g of groups) {
		if (!run.startsWith(g.base)) continue;
		if (run.length === g.base.length ? g.optional : g.endings.has(run.slice(g.base.length))) return true;
	}
	return false;
}

/** Each list of endings (inflect.ts ENDINGS) as a set. */
const ENDING_SETS = new Map(ENDINGS.map((list) => [list, new Set(list)]));
/** Every ending, by its last character: the endings a run may end with. */
const ENDINGS_BY_LAST = new Map<number, string[]>();
for (const ending of new Set(ENDINGS.flat())) listIn(ENDINGS_BY_LAST, ending.charCodeAt(ending.length - 1), ending);
const NO_ENDINGS: readonly string[] = [];

/**
 * What the index found at each word start of a block (TermIndex.termsIn), kept with its WordStarts: for word
 * start i, pairs of term id and end from `pairs[first[i]]` to `pairs[first[i + 1]]` (exclusive).
 */
export interface FoundTerms {
	index: TermIndex;
	/** How many terms the index had: one numbered later is not among them. */
	size: number;
	first: Int32Array;
	pairs: Int32Array;
}

const NO_PAIRS = new Int32Array(0);
const NO_IDS: readonly number[] = [];
/** How many runs TermIndex.termsStartingWith keeps before it starts again. */
const MAX_RUNS = 50_000;

/** The list under `key` (made empty when there is none); `item`, when given, is added to it. */
function listIn<K, T>(map: Map<K, T[]>, key: K, item?: T): T[] {
	let list = map.get(key);
	if (!list) map.set(key, (list = []));
	if (item !== undefined) list.push(item);
	return list;
}

/** A form of letters a–z and digits only. */
function isRun(form: string): boolean {
	for (let i = 0; i < form.length; i++) if (!isRunCharacter(form.charCodeAt(i))) return false;
	return form.length > 0;
}

function isRunCharacter(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * The run of letters a–z and digits at `i`, as a string. The last one is kept: the terms tried at a place
 * mostly share their first word ("the authorities", "the department", …), so their second words are all
 * compared with the run at one place.
 */
function runAt(text: string, i: number): string {
	if (i !== lastRun.at || text !== lastRun.text) {
		lastRun.text = text;
		lastRun.at = i;
		lastRun.run = text.slice(i, runEnd(text, i));
	}
	return lastRun.run;
}

const lastRun = { text: '', at: -1, run: '' };

/** The end of the run of letters a–z and digits from `i`. */
function runEnd(text: string, i: number): number {
	while (i < text.length && isRunCharacter(text.charCodeAt(i))) i++;
	return i;
}

/** A form the index can hold: no cased letter but a–z, and not starting with a separator (see TermIndex). */
function indexable(form: string): boolean {
	if (form.length > 0 && isSeparator(form.charCodeAt(0))) return false;
	for (let i = 0; i < form.length; i++) {
		const c = form.charCodeAt(i);
		if (c < 128) {
			if (c >= 65 && c <= 90) return false;
			continue;
		}
		const ch = form[i]!;
		if (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch) return false;
	}
	return true;
}

/** `[\s\-–—/]`: what may separate a term's words (inflect.ts TERM_SEPARATOR). */
function isSeparator(c: number): boolean {
	if (c < 128) return c === 32 || (c >= 9 && c <= 13) || c === 45 || c === 47;
	return c === 0x2013 || c === 0x2014 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/uy;
const LETTERS = /\p{L}*/uy;

/** Whether a letter or digit (a whole code point) starts at `i`: `(?![\p{L}\p{N}])` fails there. */
function isWordCharacterAt(text: string, i: number): boolean {
	if (i >= text.length) return false;
	const c = text.charCodeAt(i);
	if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
	WORD_CHARACTER.lastIndex = i;
	return WORD_CHARACTER.test(text);
}

/** Whether a letter or digit (a whole code point) ends at `i`: `(?<![\p{L}\p{N}])` fails there. */
export function followsWordCharacter(text: string, i: number): boolean {
	if (i <= 0) return false;
	const c = text.charCodeAt(i - 1);
	if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
	const start = c >= 0xdc00 && c <= 0xdfff && i >= 2 && isHighSurrogate(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
	WORD_CHARACTER.lastIndex = start;
	return WORD_CHARACTER.test(text) && WORD_CHARACTER.lastIndex === i;
}

/** Whether a letter or digit (Unicode's, as `[\p{L}\p{N}]` with the u flag) begins at `i` of the text. */
export function precedesWordCharacter(text: string, i: number): boolean {
	if (i >= text.length) return false;
	const c = text.charCodeAt(i);
	if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
	WORD_CHARACTER.lastIndex = i;
	return WORD_CHARACTER.test(text);
}

function isHighSurrogate(c: number): boolean {
	return c >= 0xd800 && c <= 0xdbff;
}

/** The end of the run of letters (`\p{L}*`, whole code points) from `i`. */
function lettersEnd(text: string, i: number): number {
	LETTERS.lastIndex = i;
	LETTERS.test(text);
	return LETTERS.lastIndex;
}
