import type { Offsets } from '../finding';

/**
 * Abbreviations that end in a period without ending a sentence, common in legal and policy text.
 * Compared lower-case, without the final period.
 */
const ABBREVIATIONS = new Set([
	'u.s.c', 'u.s', 'sec', 'secs', 'seq', 'i.e', 'e.g', 'etc', 'no', 'nos', 'pub', 'l', 'stat', 'art', 'arts',
	'para', 'paras', 'p', 'pp', 'v', 'vs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr',
	'st', 'cf', 'ch', 'cl', 'subsec', 'subch', 'c.f.r', 'cfr', 'fed', 'reg', 'regs', 'ibid', 'op', 'cit', 'al',
	'approx', 'dept', 'govt', 'u.n', 'e.u', 'u.k', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
	'sept', 'oct', 'nov', 'dec', 'ann', 'rev', 'vol', 'ed', 'eds', 'fig', 'cal', 'n.y', 'd.c', 'h.r', 's',
	'r', 'div', 'tit', 'pt', 'par', 'approx', 'est', 'min', 'max', 'gen', 'assn', 'ass\'n', 'comm', 'cong',
]);

/**
 * Abbreviations that often close a sentence ("… 22 U.S.C. 7101 et seq. The Secretary shall …"): they end one
 * when a capitalised word follows, and only then.
 */
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['seq', 'etc']);
const CAPITALISED_WORD_NEXT = /\s+\p{Lu}[\p{Ll}\s]/uy;

const ROMAN = /^[ivxlcdm]+$/i;

/** Candidate sentence ends: terminal punctuation, closing quotes or brackets, then whitespace. */
const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s)/g;

function isNonTerminal(prose: string, punctuationAt: number): boolean {
	if (prose[punctuationAt] !== '.') return false;
	let wordStart = punctuationAt;
	while (wordStart > 0 && isWordCharacter(prose, wordStart - 1)) wordStart--;
	const word = prose.slice(wordStart, punctuationAt).toLowerCase();
	if (word === '') return false;
	if (SENTENCE_FINAL_ABBREVIATIONS.has(word)) {
		CAPITALISED_WORD_NEXT.lastIndex = punctuationAt + 1;
		return !CAPITALISED_WORD_NEXT.test(prose);
	}
	if (ABBREVIATIONS.has(word)) return true;
	// "et seq." / "op. cit." are caught above; numbered clauses ("4.", "(a)(1).", "IV.") and initials ("J.").
	// Initials ("J.") and enumerators that open a block ("4. The Act…"); a number elsewhere ("in 2005.") ends a sentence.
	if (/^\p{L}$/u.test(word)) return true;
	if (/^\d+[a-z]?$/.test(word) && /^[\s(]*$/.test(prose.slice(0, wordStart))) return true;
	if (ROMAN.test(word) && word.length <= 4 && word === word.toLowerCase() && prose[wordStart - 1] === '(') return true;
	// Dotted abbreviations such as "U.S.C." or "i.e." not in the list.
	return /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/**
 * Splits one block's prose into sentences. Works per block so the cost stays linear in document size.
 * A boundary needs terminal punctuation followed by whitespace and an upper-case letter, digit, quote or
 * bracket (or, after a line break, anything but a lower-case letter), and is ignored after abbreviations,
 * numbered clauses and initials.
 */
export function splitSentences(prose: string, base: number): Offsets[] {
	const sentences: Offsets[] = [];
	let start = skipSpace(prose, 0);
	BOUNDARY.lastIndex = 0;
	for (let m = BOUNDARY.exec(prose); m !== null; m = BOUNDARY.exec(prose)) {
		const end = m.index + m[0].length;
		const next = skipSpace(prose, end);
		if (next >= prose.length) break;
		// After a line break only a lower-case letter continues the sentence: a line that opens with a symbol
		// ("> quoted", "§ 3", "- item") after a full stop starts a new one, as a capital does.
		if (!/[\p{Lu}\p{N}"'“‘(\[]/u.test(prose[next]!) && (/\p{Ll}/u.test(prose[next]!) || !prose.slice(end, next).includes('\n'))) continue;
		if (isNonTerminal(prose, m.index)) continue;
		if (end > start) sentences.push({ start: base + start, end: base + end });
		start = next;
	}
	const end = trimEnd(prose);
	if (end > start) sentences.push({ start: base + start, end: base + end });
	return sentences;
}

/**
 * Clause boundaries inside a sentence: semicolons, colons, dashes and ", but"/", except"/", provided that".
 * Used to keep negation and co-occurrence from reaching across independent clauses.
 */
const CLAUSE_BREAK = /;|:(?=\s)|\s[—–]\s|—|,\s+(?=(?:but|except|provided|however|whereas|unless|and\s+(?:shall|may|must|will))\b)/g;

export function splitClauses(text: string, base: number): Offsets[] {
	const clauses: Offsets[] = [];
	let start = 0;
	CLAUSE_BREAK.lastIndex = 0;
	for (let m = CLAUSE_BREAK.exec(text); m !== null; m = CLAUSE_BREAK.exec(text)) {
		clauses.push({ start: base + start, end: base + m.index });
		start = m.index + m[0].length;
	}
	clauses.push({ start: base + start, end: base + text.length });
	return clauses;
}

const WORD_CHARACTER = /[\p{L}\p{N}.'’]/u;

/** A letter, digit, period or apostrophe (ASCII answered without a regular expression: this runs for every period). */
function isWordCharacter(s: string, i: number): boolean {
	const c = s.charCodeAt(i);
	if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 39;
	return WORD_CHARACTER.test(s[i]!);
}

const WHITESPACE = /\s/;

/** Whether s[i] is whitespace as `\s` defines it (ASCII answered without a regular expression). */
function isSpace(s: string, i: number): boolean {
	const c = s.charCodeAt(i);
	if (c < 128) return c === 32 || (c >= 9 && c <= 13);
	return WHITESPACE.test(s[i]!);
}

function skipSpace(s: string, i: number): number {
	while (i < s.length && isSpace(s, i)) i++;
	return i;
}

function trimEnd(s: string): number {
	let i = s.length;
	while (i > 0 && isSpace(s, i - 1)) i--;
	return i;
}
