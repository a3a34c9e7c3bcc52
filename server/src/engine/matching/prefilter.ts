import { inflectionStem } from './inflect';

/**
 * A cheap test that tells most blocks apart from a matcher's terms before its RegExp runs. Every match of a
 * term starts, after a non-word character, with the term's first letters (its stem: inflections only change
 * the end), so a block can match only if one of its words starts with one of those prefixes. A block's word
 * starts are collected once (as numbers, one per prefix of one to three letters) and each matcher asks for
 * its prefixes: a few set lookups instead of a pass of a large case-insensitive RegExp over the block.
 *
 * Regular expressions are filtered when their first letters are plain to see (patternPrefixes); a matcher
 * with any other, or with patterns from rule packs, runs as before. The test
 * over-approximates (any position after a non-ASCII letter counts as a word start), never under-: it only
 * decides when the RegExp need not run, so results are the same with or without it.
 */

/** The first one to three letters of every match of a term, or undefined when they are not plain a–z. */
export function termPrefix(term: string): string | undefined {
	const exact = term.startsWith('=');
	const first = (exact ? term.slice(1) : term).trim().split(/[\s-]+/).find(Boolean);
	if (!first) return undefined;
	const prefixOnly = first.endsWith('*');
	const word = (prefixOnly ? first.slice(0, -1) : first).toLowerCase();
	// What every match of the word starts with: the word itself, or the stem that inflectWord keeps.
	const stem = exact || prefixOnly ? word : inflectionStem(word);
	const letters = /^[a-z]{1,3}/.exec(stem);
	return letters ? letters[0] : undefined;
}

/**
 * Prefixes (one to three lower-case letters) one of which every match of a regular expression source starts
 * with, or undefined when the source does not show them plainly. Understood: leading `\b`, alternation,
 * groups `(…)` and `(?:…)` that are not optional, and letters not made optional by `?`, `*` or `{`.
 * Anything else (classes, escapes, lookarounds, optional groups) ends the prefix, or gives undefined.
 */
export function patternPrefixes(source: string): string[] | undefined {
	return alternation(source, 0, source.length);
}

function alternation(source: string, start: number, end: number): string[] | undefined {
	const out: string[] = [];
	let branch = start;
	let i = start;
	for (; i < end; i = skip(source, i)) {
		if (source[i] !== '|') continue;
		const prefixes = sequence(source, branch, i);
		if (!prefixes) return undefined;
		out.push(...prefixes);
		branch = i + 1;
	}
	const last = i === end ? sequence(source, branch, end) : undefined;
	return last ? [...out, ...last] : undefined;
}

function sequence(source: string, start: number, end: number): string[] | undefined {
	let i = start;
	while (source.startsWith('\\b', i)) i += 2;
	if (source[i] === '(') {
		let open: number;
		if (source.startsWith('(?:', i)) open = i + 3;
		else if (source[i + 1] !== '?') open = i + 1;
		else return undefined;
		const close = skip(source, i) - 1;
		if (close >= end || source[close] !== ')') return undefined;
		const after = source[close + 1];
		if (after === '?' || after === '*' || (after === '{' && /^\{0[,}]/.test(source.slice(close + 1)))) return undefined;
		return alternation(source, open, close);
	}
	let prefix = '';
	while (i < end && prefix.length < 3 && /[a-zA-Z]/.test(source[i]!)) {
		const next = source[i + 1];
		if (next === '?' || next === '*' || next === '{') break;
		prefix += source[i]!.toLowerCase();
		i++;
		if (next === '+') break;
	}
	return prefix ? [prefix] : undefined;
}

/** The index after the token at `i`: an escape, a character class or a whole parenthesised group. */
function skip(source: string, i: number): number {
	const c = source[i];
	if (c === '\\') return i + 2;
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

/** The prefixes of a matcher's terms and patterns, as keys, or undefined when the matcher cannot be filtered. */
export function matcherPrefixes(terms: readonly string[], patterns: readonly string[], untrusted: readonly string[]): Int32Array | undefined {
	if (untrusted.length > 0 || terms.length + patterns.length === 0) return undefined;
	const keys = new Set<number>();
	for (const t of terms) {
		const prefix = termPrefix(t);
		if (prefix === undefined) return undefined;
		keys.add(keyOf(prefix));
	}
	for (const p of patterns) {
		const prefixes = patternPrefixes(p);
		if (!prefixes) return undefined;
		for (const prefix of prefixes) keys.add(keyOf(prefix));
	}
	return Int32Array.from(keys);
}

function keyOf(letters: string): number {
	let key = 0;
	for (let n = 0; n < letters.length; n++) key = key * 27 + (letters.charCodeAt(n) - 96);
	return pad(key, letters.length);
}

/**
 * Keys of every prefix (one, two and three letters) of every word start in `text`: positions not preceded
 * by an ASCII letter or digit. Letters fold as a case-insensitive Unicode RegExp folds them (K and ſ too).
 */
export function wordStartKeys(text: string): Set<number> {
	const keys = new Set<number>();
	let previousWord = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (!previousWord) {
			let key = 0;
			for (let n = 0; n < 3 && i + n < text.length; n++) {
				const letter = foldedLetter(text.charCodeAt(i + n));
				if (letter === 0) break;
				key = key * 27 + letter;
				keys.add(pad(key, n + 1));
			}
		}
		previousWord = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
	}
	return keys;
}

/** Whether a block with these word-start keys may hold a match of a matcher with these prefixes. */
export function mayMatch(prefixes: Int32Array, keys: ReadonlySet<number>): boolean {
	for (let i = 0; i < prefixes.length; i++) if (keys.has(prefixes[i]!)) return true;
	return false;
}

/** 1–26 for a letter that folds to a–z, else 0. */
function foldedLetter(c: number): number {
	if (c >= 97 && c <= 122) return c - 96;
	if (c >= 65 && c <= 90) return c - 64;
	if (c === 0x212a) return 11; // KELVIN SIGN folds to k
	if (c === 0x17f) return 19; // LATIN SMALL LETTER LONG S folds to s
	return 0;
}

/** Keys of different lengths never collide: the length is part of the key. */
function pad(key: number, length: number): number {
	return key * 4 + length;
}
