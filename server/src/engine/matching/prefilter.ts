import { foldText } from './caseFold';
import { inflectionStem } from './inflect';
import type { FoundTerms } from './termIndex';

/**
 * A cheap test that tells most blocks apart from a matcher's terms before its RegExp runs. Every match of a
 * term starts, after a non-word character, with the term's first letters (its stem: inflections only change
 * the end), so a block can match only if one of its words starts with one of those prefixes. A block's word
 * starts are collected once, with their first three letters; one pass over them with the rule set's table
 * of prefixes (PrefixTable) tells which matchers may match in the block at all, and a matcher that may
 * looks up its prefixes at each word start: bit tests instead of a pass of a large case-insensitive RegExp.
 *
 * Regular expressions are filtered when their first letters are plain to see (patternPrefixes); a matcher
 * with any other, or with patterns from rule packs, runs as before. The test
 * over-approximates (any position after a non-ASCII letter counts as a word start), never under-: it only
 * decides when the RegExp need not run, so results are the same with or without it.
 */

/** The first one to three letters or digits of every match of a term, or undefined when they are not plain a–z, 0–9. */
export function termPrefix(term: string): string | undefined {
	const exact = term.startsWith('=');
	const first = (exact ? term.slice(1) : term).trim().split(/[\s-]+/).find(Boolean);
	if (!first) return undefined;
	const prefixOnly = first.endsWith('*');
	const word = (prefixOnly ? first.slice(0, -1) : first).toLowerCase();
	// What every match of the word starts with: the word itself, or the stem that inflectWord keeps.
	const stem = exact || prefixOnly ? word : inflectionStem(word);
	const letters = /^[a-z0-9]{1,3}/.exec(stem);
	return letters ? letters[0] : undefined;
}

/**
 * Prefixes (one to three lower-case letters or digits) one of which every match of a regular expression
 * source starts with, or undefined when the source does not show them plainly. Understood: alternation,
 * groups (optional or repeated too), zero-width assertions (`\b`, `^`, lookarounds), literal letters and
 * digits, classes of letters and digits, `\d`, and quantifiers. Anything else (`\w`, `\s`, `.`, negated
 * classes, a leading symbol) ends a prefix where it stands, or gives undefined when nothing precedes it.
 */
export function patternPrefixes(source: string): string[] | undefined {
	const states = alternation(source, 0, source.length, [{ text: '', open: true, exact: false }]);
	if (!states || states.some((s) => s.text === '')) return undefined;
	// Where the pattern ends with a prefix still open, the word ends there too: every matcher's patterns are
	// followed by a word boundary (no letter or digit of any script).
	const prefixes = new Set(states.map((s) => (s.exact || s.open ? `${s.text}${WORD_END}` : s.text)));
	// A word that starts with a prefix needs no key of its own for being one of its whole words too.
	const starts = [...prefixes].filter((p) => !p.endsWith(WORD_END));
	return [...prefixes].filter((p) => !p.endsWith(WORD_END) || !starts.some((q) => p.startsWith(q)));
}

/**
 * For a pattern whose first letters are not plain to see (patternPrefixes is undefined) because it starts with
 * a symbol (`\$\s?\d`, `[$£€]`, `\(\d{4}\)`): what every match starts with, either one of `chars` (characters
 * that are neither letters nor digits, nor have a case) or a word start with one of `keys` (keyOf of its
 * prefixes, as matcherPrefixKeys gives them). A text that holds none of the chars and no word starting so holds
 * no match. Undefined when that cannot be vouched for (a letter class, `\s`, `.`, an optional first atom).
 */
export function symbolStarts(source: string): { chars: string; keys: number[] } | undefined {
	const prefixes = patternPrefixes(source);
	if (prefixes) return { chars: '', keys: prefixes.map(keyOf) };
	const branches = topLevelBranches(source);
	if (branches === undefined) return undefined;
	if (branches.length > 1) return joinedStarts(branches.map(symbolStarts));
	let i = 0;
	// Zero-width assertions consume nothing: the match starts with what follows them.
	for (;;) {
		if (source.startsWith('\\b', i) || source.startsWith('\\B', i)) i += 2;
		else if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) i = skip(source, i);
		else break;
	}
	if (i >= source.length) return undefined;
	const end = skip(source, i);
	const quantifier = readQuantifier(source, end);
	if (quantifier.min === 0) return undefined;
	const c = source[i]!;
	if (c === '(') {
		// A group's branches, each followed by the rest of the pattern; not one repeated (its branches may be empty).
		if (quantifier.end !== end || !source.startsWith('(?:', i)) return undefined;
		const inner = topLevelBranches(source.slice(i + 3, end - 1));
		const rest = source.slice(end);
		return inner === undefined ? undefined : joinedStarts(inner.map((b) => (b === '' ? undefined : symbolStarts(b + rest))));
	}
	const chars = symbolChars(source.slice(i, end));
	return chars === undefined ? undefined : { chars, keys: [] };
}

/** The union of branches' starts (symbolStarts), undefined if any is. */
function joinedStarts(all: Array<{ chars: string; keys: number[] } | undefined>): { chars: string; keys: number[] } | undefined {
	if (all.some((s) => s === undefined)) return undefined;
	const chars = new Set<string>();
	const keys = new Set<number>();
	for (const s of all) {
		for (const c of s!.chars) chars.add(c);
		for (const k of s!.keys) keys.add(k);
	}
	return { chars: [...chars].join(''), keys: [...keys] };
}

/**
 * The characters one atom matches, when it is a symbol (an escaped punctuation mark, a character that is no
 * letter or digit and has no case) or a class of nothing else; undefined otherwise.
 */
function symbolChars(atom: string): string | undefined {
	const one = (ch: string): string | undefined => (ch.length === 1 && isSymbol(ch) ? ch : undefined);
	if (atom.startsWith('\\')) return atom.length === 2 && /[!-\/:-@[-`{-~]/.test(atom[1]!) ? atom[1] : undefined;
	if (!atom.startsWith('[')) return atom === '.' || atom === '^' || atom === '$' || atom === '|' ? undefined : one(atom);
	if (atom[1] === '^' || atom.length < 3) return undefined;
	let out = '';
	for (let j = 1; j < atom.length - 1; j++) {
		let ch = atom[j]!;
		if (ch === '\\') {
			ch = atom[++j]!;
			if (!/[!-\/:-@[-`{-~]/.test(ch)) return undefined;
		} else if (ch === '-' && j > 1 && j < atom.length - 2) return undefined; // a range
		const symbol = one(ch);
		if (symbol === undefined) return undefined;
		out += symbol;
	}
	return out;
}

function isSymbol(ch: string): boolean {
	return !/[\p{L}\p{N}\p{M}\s]/u.test(ch) && ch.toLowerCase() === ch && ch.toUpperCase() === ch && !(ch >= '\ud800' && ch <= '\udfff');
}

/** The alternatives of `source` at its top level, or undefined where a group or class is not closed. */
function topLevelBranches(source: string): string[] | undefined {
	const out: string[] = [];
	let from = 0;
	for (let i = 0; i < source.length; ) {
		if (source[i] === '|') {
			out.push(source.slice(from, i));
			from = ++i;
			continue;
		}
		const end = skip(source, i);
		if (end <= i || end > source.length) return undefined;
		i = end;
	}
	out.push(source.slice(from));
	return out;
}

/**
 * Marks a prefix (patternPrefixes) after which the word ends: "a$" is the word "a", not every word starting
 * with "a" (`\b(?:a|an|the)\s+…` asks thousands of words starting with a or an otherwise).
 */
const WORD_END = '$';

/**
 * The prefixes of a rule set's regular expressions (patternPrefixes), each worked out once: vocabularies put
 * one pattern in many matchers, and reading the built-in rules' 300 patterns cost a new process tens of
 * milliseconds before its first review. The build step keeps the answers with the compiled rules
 * (CompiledRules.patternPrefixes), so a process that loads those reads none of the patterns.
 */
export class PatternPrefixes {
	private readonly bySource = new Map<string, string[] | undefined>();
	private readonly byTerm = new Map<string, number | undefined>();

	/**
	 * `known`: answers patternPrefixes gave before (null for undefined), by source; `knownTerms`: the keys of
	 * terms' prefixes (termKey; null for none), by term, which the build step keeps too (CompiledRules.termKeys):
	 * the built-in matchers list 4,830 terms, and a new process worked out each one's prefix when it first
	 * filtered a text.
	 */
	constructor(known: Readonly<Record<string, string[] | null>> = {}, knownTerms: Readonly<Record<string, number | null>> = {}) {
		for (const source in known) this.bySource.set(source, known[source] ?? undefined);
		for (const term in knownTerms) this.byTerm.set(term, knownTerms[term] ?? undefined);
	}

	/** The key (keyOf) of the term's prefix (termPrefix), or undefined when it has none. */
	termKey(term: string): number | undefined {
		if (this.byTerm.has(term)) return this.byTerm.get(term);
		const prefix = termPrefix(term);
		const key = prefix === undefined ? undefined : keyOf(prefix);
		this.byTerm.set(term, key);
		return key;
	}

	/** Every term's key so far, as the constructor takes them. */
	termKeysJSON(): Record<string, number | null> {
		const out: Record<string, number | null> = {};
		for (const [term, key] of this.byTerm) out[term] = key ?? null;
		return out;
	}

	of(source: string): string[] | undefined {
		if (this.bySource.has(source)) return this.bySource.get(source);
		const prefixes = patternPrefixes(source);
		this.bySource.set(source, prefixes);
		return prefixes;
	}

	/** Every answer so far, as the constructor takes them. */
	toJSON(): Record<string, string[] | null> {
		const out: Record<string, string[] | null> = {};
		for (const [source, prefixes] of this.bySource) out[source] = prefixes ?? null;
		return out;
	}
}

/**
 * A prefix being read: its letters so far (up to three), whether the next atom still tells something of the
 * word (a letter to add, or that the word ends after three), and, once closed, whether the word certainly ends
 * right after these letters (`exact`: the next atom matches no letter or digit).
 */
interface Partial {
	text: string;
	open: boolean;
	exact: boolean;
}

/** Beyond this many partial prefixes a pattern is not worth filtering. */
const MAX_STATES = 4096;

function alternation(source: string, start: number, end: number, before: Partial[]): Partial[] | undefined {
	const out: Partial[] = [];
	let branch = start;
	for (let i = start; ; i = skip(source, i)) {
		if (i < end && source[i] !== '|') continue;
		const states = sequence(source, branch, Math.min(i, end), before);
		if (!states) return undefined;
		out.push(...states);
		if (i >= end) break;
		branch = i + 1;
	}
	return dedupe(out);
}

function sequence(source: string, start: number, end: number, before: Partial[]): Partial[] | undefined {
	let states = before;
	let i = start;
	while (i < end && states.some((s) => s.open)) {
		const atomEnd = skip(source, i);
		const quantifier = readQuantifier(source, atomEnd);
		const next = quantifier.end;
		const c = source[i]!;
		if (c === '^' || source.startsWith('\\b', i) || source.startsWith('\\B', i) || /^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
			// Zero-width: consumes nothing, so the prefix continues after it.
			i = next;
			continue;
		}
		let after: Partial[] | undefined;
		if (c === '(') {
			const open = source.startsWith('(?:', i) ? i + 3 : source[i + 1] === '?' ? -1 : i + 1;
			after = open < 0 ? undefined : alternation(source, open, atomEnd - 1, states);
			// A group not understood after three letters only leaves open whether the word ends there.
			if (!after && states.every((s) => !s.open || s.text.length === 3)) after = ended(states, false);
		} else {
			const chars = atomChars(source, i, atomEnd);
			if (chars === undefined) {
				// Not a letter or digit: a prefix ends here; a match cannot start here (not a word start).
				after = ended(states, endsWord(source, i, atomEnd));
				if (after.some((s) => s.text === '')) return undefined;
			} else after = extend(states, chars);
		}
		if (!after) return undefined;
		// A repeated atom may occur again: what it read is all that is certain. An optional one may be absent.
		if (quantifier.max !== 1) after = ended(after, false);
		if (quantifier.min === 0) after = dedupe([...states, ...after]);
		if (after.length > MAX_STATES) return undefined;
		states = after;
		i = next;
	}
	return states;
}

/** The characters (folded lower-case letters and digits) an atom matches, or undefined for anything else. */
function atomChars(source: string, start: number, end: number): string[] | undefined {
	const c = source[start]!;
	if (/[a-zA-Z0-9]/.test(c) && end === start + 1) return [c.toLowerCase()];
	if (source.slice(start, end) === '\\d') return [...'0123456789'];
	if (c !== '[' || source[start + 1] === '^') return undefined;
	const out = new Set<string>();
	for (let j = start + 1; j < end - 1; j++) {
		const ch = source[j]!;
		if (!/[a-zA-Z0-9]/.test(ch)) return undefined;
		if (source[j + 1] === '-' && j + 2 < end - 1) {
			const last = source[j + 2]!;
			if (!/[a-zA-Z0-9]/.test(last)) return undefined;
			for (let k = ch.charCodeAt(0); k <= last.charCodeAt(0); k++) {
				const folded = String.fromCharCode(k).toLowerCase();
				if (!/[a-z0-9]/.test(folded)) return undefined;
				out.add(folded);
			}
			j += 2;
		} else out.add(ch.toLowerCase());
	}
	return out.size > 0 ? [...out] : undefined;
}

function extend(states: Partial[], chars: string[]): Partial[] {
	const out: Partial[] = [];
	for (const s of states) {
		if (!s.open) out.push(s);
		// A fourth letter: the word goes on past the three the prefix keeps.
		else if (s.text.length === 3) out.push({ text: s.text, open: false, exact: false });
		else for (const c of chars) out.push({ text: s.text + c, open: true, exact: false });
	}
	return dedupe(out);
}

/** The states with those still open closed: the word ends after their letters (`exact`), or may go on. */
function ended(states: Partial[], exact: boolean): Partial[] {
	return dedupe(states.map((s) => (s.open ? { text: s.text, open: false, exact } : s)));
}

/**
 * Whether an atom matches only characters that are no letter or digit a word start's letters hold (foldedChar
 * 0): whitespace, and ASCII punctuation or non-ASCII characters that are no letter or digit, alone or in a
 * class. False for anything else (`.`, `\w`, `\d`, negated classes, ranges, escapes of code points, `$`).
 */
function endsWord(source: string, start: number, end: number): boolean {
	const atom = source.slice(start, end);
	if (atom.length === 1) return atom !== '.' && atom !== '$' && atom !== '^' && notWordCharacter(atom);
	if (atom.startsWith('\\')) return atom === '\\s' || (atom.length === 2 && /[!-\/:-@[-`{-~]/.test(atom[1]!));
	if (!atom.startsWith('[') || atom[1] === '^') return false;
	const body = atom.slice(1, -1);
	for (let j = 0; j < body.length; j++) {
		const ch = body[j]!;
		if (ch === '\\') {
			const escaped = body[j + 1];
			if (escaped === undefined || !(escaped === 's' || /[!-\/:-@[-`{-~]/.test(escaped))) return false;
			j++;
		} else if (ch === '-' ? j > 0 && j < body.length - 1 : !notWordCharacter(ch)) return false;
	}
	return body.length > 0;
}

/** A character that is no letter or digit of any script, nor one that folds to a–z (K, ſ are letters). */
function notWordCharacter(ch: string): boolean {
	return !/[\p{L}\p{N}]/u.test(ch);
}

function dedupe(states: Partial[]): Partial[] {
	const seen = new Map<string, Partial>();
	for (const s of states) {
		const key = `${s.text}${s.open ? '+' : s.exact ? '$' : '.'}`;
		if (!seen.has(key)) seen.set(key, s);
	}
	return [...seen.values()];
}

/** The quantifier after an atom: how often it may occur, and where it ends (a lazy `?` included). */
function readQuantifier(source: string, i: number): { min: number; max: number; end: number } {
	let q: { min: number; max: number; end: number } = { min: 1, max: 1, end: i };
	const c = source[i];
	if (c === '?') q = { min: 0, max: 1, end: i + 1 };
	else if (c === '*') q = { min: 0, max: Infinity, end: i + 1 };
	else if (c === '+') q = { min: 1, max: Infinity, end: i + 1 };
	else if (c === '{') {
		const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
		if (m) q = { min: Number(m[1]), max: m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity, end: i + m[0].length };
	}
	if (q.end > i && source[q.end] === '?') q.end++;
	return q;
}

/** The index after the token at `i`: an escape, a character class or a whole parenthesised group. */
function skip(source: string, i: number): number {
	const c = source[i];
	if (c === '\\') {
		// \p{…} and \u{…} carry their argument in braces.
		if ((source[i + 1] === 'p' || source[i + 1] === 'P' || source[i + 1] === 'u') && source[i + 2] === '{') return source.indexOf('}', i) + 1;
		return i + 2;
	}
	if (c === '[') {
		let j = i + 1;
		if (source[j] === '^') j++;
		if (source[j] === ']') j++;
		while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
		return j + 1;
	}
	if (c === '(') {
		let j = i + 1;
		while (j < source.length && source[j] !== ')') j = skip(source, j);
		return j + 1;
	}
	return i + 1;
}

/**
 * The keys of a matcher's terms' and patterns' prefixes (keyOf), or undefined when the matcher cannot be
 * filtered.
 */
export function matcherPrefixKeys(terms: readonly string[], patterns: readonly string[], untrusted: readonly string[], known: PatternPrefixes = new PatternPrefixes()): number[] | undefined {
	if (untrusted.length > 0 || terms.length + patterns.length === 0) return undefined;
	const keys: number[] = [];
	for (const t of terms) {
		const key = known.termKey(t);
		if (key === undefined) return undefined;
		keys.push(key);
	}
	for (const p of patterns) {
		const prefixes = known.of(p);
		if (!prefixes) return undefined;
		for (const prefix of prefixes) keys.push(keyOf(prefix));
	}
	return [...new Set(keys)];
}

/** Keys (matcherPrefixKeys) as a bit set (bit k set for key k): a bit test is the cheapest question a word start can ask. */
export function prefixBits(keys: readonly number[]): Uint32Array {
	const bits = new Uint32Array((MAX_KEY >>> 5) + 1);
	for (const k of keys) bits[k >>> 5]! |= 1 << (k & 31);
	return bits;
}

/**
 * For a rule set's matchers, which of them each key is a prefix of: one pass over a text's word starts then
 * tells every matcher at once whether any word starts like its terms (candidatesIn), where asking each
 * matcher in turn read every word start of a block once per matcher (hundreds of times). Kept with the rule
 * set (termIndex.ts TermIndex), and what it found for a text with the text's word starts.
 */
export class PrefixTable {
	/** Each registered matcher's keys, by its slot; undefined: the matcher is not filtered. */
	private readonly keysOf: Array<() => readonly number[] | undefined> = [];
	/** By key: where its slots start in `slots` (compressed rows); made when first needed, for `laidOut` matchers. */
	private firstOf?: Int32Array;
	private slots?: Int32Array;
	private laidOut = 0;

	/** A matcher's number in the table; `keys` is asked for when the table is first used. */
	register(keys: () => readonly number[] | undefined): number {
		this.keysOf.push(keys);
		return this.keysOf.length - 1;
	}

	/**
	 * Whether any word start of the text begins with one of the prefixes of the matcher in `slot`: false means
	 * it cannot match there. A matcher registered after the text was last asked about lays the table out again.
	 */
	mayStartIn(slot: number, starts: WordStarts): boolean {
		let found = starts.candidates;
		if (found?.table !== this || slot >= found.size) found = this.candidatesIn(starts);
		return (found.slots[slot >>> 5]! & (1 << (slot & 31))) !== 0;
	}

	/**
	 * mayStartIn of every registered matcher at once, as bits by slot: one word per 32 matchers, so a caller
	 * with several matchers to ask about many texts tests bits rather than asking matcher by matcher.
	 */
	candidateSlots(starts: WordStarts): Uint32Array {
		let found = starts.candidates;
		if (found?.table !== this || found.size !== this.keysOf.length) found = this.candidatesIn(starts);
		return found.slots;
	}

	private candidatesIn(starts: WordStarts): Candidates {
		if (this.laidOut !== this.keysOf.length) this.layOut();
		const firstOf = this.firstOf!;
		const slots = this.slots!;
		const found = new Uint32Array((this.laidOut >>> 5) + 1);
		const letters = starts.letters;
		for (let i = 0; i < letters.length; i++) {
			const l = letters[i]!;
			const first = l & 63;
			mark(found, firstOf, slots, pad(first, 1));
			const second = (l >>> 6) & 63;
			const third = (l >>> 12) & 63;
			if (l < LONGER) mark(found, firstOf, slots, pad((first * BASE + second) * BASE + third, 0));
			if (second === 0) continue;
			mark(found, firstOf, slots, pad(first * BASE + second, 2));
			if (third === 0) continue;
			mark(found, firstOf, slots, pad((first * BASE + second) * BASE + third, 3));
		}
		const candidates = { table: this, size: this.laidOut, slots: found };
		starts.candidates = candidates;
		return candidates;
	}

	/** Sorts every registered matcher's slot under each of its keys. */
	private layOut(): void {
		const keys = this.keysOf.map((of) => of() ?? []);
		const firstOf = new Int32Array(MAX_KEY + 2);
		for (const list of keys) for (const k of list) firstOf[k + 1]!++;
		for (let k = 1; k < firstOf.length; k++) firstOf[k]! += firstOf[k - 1]!;
		const slots = new Int32Array(firstOf[firstOf.length - 1]!);
		const next = firstOf.slice(0, MAX_KEY + 1);
		keys.forEach((list, slot) => {
			for (const k of list) slots[next[k]!++] = slot;
		});
		this.firstOf = firstOf;
		this.slots = slots;
		this.laidOut = keys.length;
	}
}

/** Sets the bits of the slots (by key in compressed rows: firstOf, slots) listed under `key`. */
function mark(found: Uint32Array, firstOf: Int32Array, slots: Int32Array, key: number): void {
	for (let j = firstOf[key]!, end = firstOf[key + 1]!; j < end; j++) found[slots[j]! >>> 5]! |= 1 << (slots[j]! & 31);
}

/** What a PrefixTable found for a text: bits by slot, of the matchers one of whose prefixes a word of it starts with. */
interface Candidates {
	table: PrefixTable;
	/** How many matchers the table had: a matcher registered later is not among the bits. */
	size: number;
	slots: Uint32Array;
}

function keyOf(letters: string): number {
	// A whole word of one to three letters (WORD_END): its letters with 0 for those it lacks, as a word start of
	// it holds them (lettersAt), under length 0.
	const word = letters.endsWith(WORD_END);
	const length = word ? letters.length - 1 : letters.length;
	let key = 0;
	for (let n = 0; n < length; n++) key = key * BASE + foldedChar(letters.charCodeAt(n));
	if (!word) return pad(key, length);
	for (let n = length; n < 3; n++) key *= BASE;
	return pad(key, 0);
}

/** Letters fold to 1–26, digits to 27–36. */
const BASE = 37;
/** The largest key: three times "9". */
const MAX_KEY = pad((36 * BASE + 36) * BASE + 36, 3);

/**
 * A text's word starts: positions not preceded by an ASCII letter or digit whose first character folds to a
 * letter (as a case-insensitive Unicode RegExp folds: K and ſ too). A start's keys (of its first one, two and
 * three letters; 0 where the word is shorter; no key is 0) are worked out from its `letters` when asked. Any
 * position after a non-ASCII letter counts as a word start: the test over-approximates, never under-.
 */
export interface WordStarts {
	/**
	 * The positions, in a typed array of exactly their number: every block's word starts are kept for the
	 * whole review, and a number[] of positions and keys (8 bytes a number, and up to half again as spare
	 * capacity) made a 20 MB document's several hundred megabytes.
	 */
	positions: Int32Array;
	/**
	 * By word start, its first three characters folded (foldedChar, 0 past the word's end), six bits each
	 * (lettersAt): what its keys are made of, read once here rather than from the text by every matcher that
	 * asks (hundreds per block).
	 */
	letters: Int32Array;
	/** The text (not a copy). */
	text: string;
	/** The text folded to lower case, where matchers run (caseFold.ts); undefined when it cannot be folded. */
	folded: string | undefined;
	/** Which matchers of a rule set may match here (PrefixTable), once one of them asked. */
	candidates: Candidates | undefined;
	/** The rule set's terms found at each word start (TermIndex.termsIn), once one of its matchers asked. */
	terms?: FoundTerms;
}

export function wordStarts(text: string): WordStarts {
	// The positions are found in a buffer of this module's (doubled when a text has more), then copied into one
	// array of exactly twice their number: the positions, then their letters. Two arrays of their own and a third
	// to find them in cost each block two more ArrayBuffers (about 200 bytes apiece beside a block's hundred
	// bytes of positions), kept for the whole review, and the garbage of a third.
	let found = positionsFound;
	let n = 0;
	let previousWord = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (!previousWord && foldedChar(c) !== 0) {
			if (n === found.length) {
				const grown = new Int32Array(found.length * 2);
				grown.set(found);
				positionsFound = found = grown;
			}
			found[n++] = i;
		}
		previousWord = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
	}
	const both = new Int32Array(2 * n);
	for (let k = 0; k < n; k++) both[k] = found[k]!;
	const positions = both.subarray(0, n);
	const letters = both.subarray(n);
	for (let k = 0; k < n; k++) letters[k] = lettersAt(text, positions[k]!);
	return { positions, letters, text, folded: n > 0 ? foldText(text) : undefined, candidates: undefined };
}

/** Where wordStarts finds a text's word starts before it copies them (grown as texts need). */
let positionsFound = new Int32Array(1024);

/**
 * The folded characters (foldedChar) at `at` and the two after it, six bits each, none after the first 0; and
 * LONGER where a fourth follows the three.
 */
function lettersAt(text: string, at: number): number {
	const first = foldedChar(text.charCodeAt(at));
	const second = at + 1 < text.length ? foldedChar(text.charCodeAt(at + 1)) : 0;
	if (second === 0) return first;
	const third = at + 2 < text.length ? foldedChar(text.charCodeAt(at + 2)) : 0;
	if (third === 0) return first | (second << 6);
	const longer = at + 3 < text.length && foldedChar(text.charCodeAt(at + 3)) !== 0;
	return first | (second << 6) | (third << 12) | (longer ? LONGER : 0);
}

/** The bit of a word start's letters (lettersAt) that says its word has more than three. */
const LONGER = 1 << 18;

/** The first word start (from index `from` of the positions) that begins with one of the prefixes: its index, or -1. */
export function nextCandidate(bits: Uint32Array, starts: WordStarts, from: number): number {
	const letters = starts.letters;
	// isCandidate at each word start, written out: the loop runs over every word start of a block for each matcher.
	for (let i = from; i < letters.length; i++) {
		const l = letters[i]!;
		const first = l & 63;
		const k1 = pad(first, 1);
		if ((bits[k1 >>> 5]! & (1 << (k1 & 31))) !== 0) return i;
		const second = (l >>> 6) & 63;
		const third = (l >>> 12) & 63;
		if (l < LONGER) {
			const k0 = pad((first * BASE + second) * BASE + third, 0);
			if ((bits[k0 >>> 5]! & (1 << (k0 & 31))) !== 0) return i;
		}
		if (second === 0) continue;
		const k2 = pad(first * BASE + second, 2);
		if ((bits[k2 >>> 5]! & (1 << (k2 & 31))) !== 0) return i;
		if (third === 0) continue;
		const k3 = pad((first * BASE + second) * BASE + third, 3);
		if ((bits[k3 >>> 5]! & (1 << (k3 & 31))) !== 0) return i;
	}
	return -1;
}

/** Whether word start `i` begins with one of the prefixes (nextCandidate at `i` alone). */
export function isCandidate(bits: Uint32Array, starts: WordStarts, i: number): boolean {
	const l = starts.letters[i]!;
	const first = l & 63;
	const k1 = pad(first, 1);
	if ((bits[k1 >>> 5]! & (1 << (k1 & 31))) !== 0) return true;
	const second = (l >>> 6) & 63;
	const third = (l >>> 12) & 63;
	if (l < LONGER) {
		// A word of at most three letters: the key of the whole word (keyOf of "…$").
		const k0 = pad((first * BASE + second) * BASE + third, 0);
		if ((bits[k0 >>> 5]! & (1 << (k0 & 31))) !== 0) return true;
	}
	if (second === 0) return false;
	const k2 = pad(first * BASE + second, 2);
	if ((bits[k2 >>> 5]! & (1 << (k2 & 31))) !== 0) return true;
	if (third === 0) return false;
	const k3 = pad((first * BASE + second) * BASE + third, 3);
	return (bits[k3 >>> 5]! & (1 << (k3 & 31))) !== 0;
}

/** 1–26 for a letter that folds to a–z, 27–36 for a digit, else 0. */
function foldedChar(c: number): number {
	if (c >= 97 && c <= 122) return c - 96;
	if (c >= 65 && c <= 90) return c - 64;
	if (c >= 48 && c <= 57) return c - 21;
	if (c === 0x212a) return 11; // KELVIN SIGN folds to k
	if (c === 0x17f) return 19; // LATIN SMALL LETTER LONG S folds to s
	return 0;
}

/** Keys of different lengths never collide: the length is part of the key. */
function pad(key: number, length: number): number {
	return key * 4 + length;
}
