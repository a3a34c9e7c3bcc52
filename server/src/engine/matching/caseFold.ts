/**
 * Case-insensitive matching without the `i` flag. V8 compiles a RegExp with the `iu` flags by working out
 * the case equivalents of every character in it, which for the large alternations of term lists costs tens of
 * milliseconds each, most of a second for the built-in rules: every new process or worker thread (the CLI,
 * the language server opening a document) paid that before its first reviews. The same RegExp without `i`,
 * run on text folded to lower case, compiles in about a third of the time, runs faster, and finds the same
 * matches:
 *
 * - the text is folded with toLowerCase, plus ſ (U+017F) to s: under `iu`, the only characters equivalent to
 *   an ASCII letter are its other case, K (KELVIN SIGN, which lower-cases to k) and ſ. A text whose length
 *   lower-casing changes (İ becomes i + combining dot) is not folded: its blocks use the `iu` RegExp;
 * - the pattern's letters are lower-cased outside escapes, and a pattern is folded only when its cased
 *   characters are ASCII letters and its property escapes do not depend on case (\p{L}, \p{N}, …): otherwise
 *   the `iu` RegExp runs. \w, \W, \b and \B agree, as ſ and K fold to s and k on both sides.
 *
 * Tests compare both ways of matching at every position of text full of case traps, and on the built-in rules.
 */

/** The text folded to lower case, or undefined when folding would move characters (its length changes). */
export function foldText(text: string): string | undefined {
	const lower = text.toLowerCase();
	if (lower.length !== text.length) return undefined;
	return lower.includes('ſ') ? lower.replace(/ſ/g, 's') : lower;
}

/**
 * Whether a case-insensitive pattern (alternatives with `iu`) matches somewhere in a text, asked of the text
 * folded (foldText) with the pattern folded and without `i`: the same answer, for less (a large `iu`
 * alternation is slow to scan). `unfolded`: alternatives that do not fold, tested with `iu` on the text
 * itself (a RegExp of alternatives matches a text exactly when one of them does). Text that does not fold,
 * or a pattern that does not, is tested as a whole with `iu`.
 */
export class FoldedTest {
	/** All the alternatives, with `iu`. */
	private readonly whole: RegExp;
	private readonly folded?: RegExp;
	private readonly rest?: RegExp;

	constructor(alternatives: readonly string[], unfolded: readonly string[] = []) {
		this.whole = new RegExp([...alternatives, ...unfolded].join('|'), 'iu');
		const source = foldPatternSource(alternatives.join('|'));
		if (source === undefined) return;
		this.folded = new RegExp(source, 'u');
		if (unfolded.length > 0) this.rest = new RegExp(unfolded.join('|'), 'iu');
	}

	/** `folded`: foldText(text), undefined to test the text with `iu` (or when it does not fold). */
	test(text: string, folded: string | undefined): boolean {
		if (!this.folded || folded === undefined) return this.whole.test(text);
		return this.folded.test(folded) || (this.rest !== undefined && this.rest.test(text));
	}
}

/** Property escapes whose meaning does not depend on letter case. */
const CASELESS_PROPERTY = /^\\[pP]\{(?:L|Letter|M|Mark|N|Number|Nd|P|Punctuation|S|Symbol|Z|Separator|Zs|White_Space)\}$/;

/**
 * The source of a RegExp that, without the `i` flag, matches folded text exactly where `source` with `iu`
 * matches the original; undefined when the source holds anything this cannot vouch for.
 */
export function foldPatternSource(source: string): string | undefined {
	let out = '';
	let inClass = false;
	// Whether the previous token was one literal character in a class (a possible start of a range).
	let previousLiteral = false;
	for (let i = 0; i < source.length; ) {
		const c = source[i]!;
		if (c === '\\') {
			const end = escapeEnd(source, i);
			const escape = source.slice(i, end);
			if (/^\\[pP]/.test(escape) && !CASELESS_PROPERTY.test(escape)) return undefined;
			if (/^\\k/.test(escape)) return undefined;
			// An escape at either end of a range in a class ("[\x41-Z]"): not worth reasoning about.
			if (inClass && ((source[end] === '-' && source[end + 1] !== ']') || (source[i - 1] === '-' && source[i - 2] !== '['))) return undefined;
			out += escape;
			i = end;
			previousLiteral = false;
			continue;
		}
		if (!inClass && c === '(' && /^\(\?<[^=!]/.test(source.slice(i, i + 4))) return undefined; // named group
		if (c === '[' && !inClass) inClass = true;
		else if (c === ']' && inClass) inClass = false;
		else if (inClass && c === '-' && previousLiteral && source[i + 1] !== ']') {
			// A range: its ends must be of one kind (a–z, A–Z, 0–9) for lower-casing to keep its meaning.
			if (kind(source[i - 1]!) !== kind(source[i + 1]!) || kind(source[i - 1]!) === 'other') return undefined;
		}
		previousLiteral = inClass && c !== '[' && c !== '-';
		const lower = c.toLowerCase();
		// A cased character other than an ASCII letter (É, ß, µ, K): leave the pattern to the `iu` RegExp.
		if ((lower !== c || c.toUpperCase() !== c) && !/[A-Za-z]/.test(c)) return undefined;
		out += lower;
		i++;
	}
	return out;
}

function kind(c: string): 'lower' | 'upper' | 'digit' | 'other' {
	if (c >= 'a' && c <= 'z') return 'lower';
	if (c >= 'A' && c <= 'Z') return 'upper';
	if (c >= '0' && c <= '9') return 'digit';
	return 'other';
}

/** Where the escape sequence at `i` ends. */
function escapeEnd(source: string, i: number): number {
	const next = source[i + 1];
	if ((next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{') {
		const close = source.indexOf('}', i);
		return close < 0 ? source.length : close + 1;
	}
	if (next === 'u') return i + 6;
	if (next === 'x') return i + 4;
	if (next === 'c') return i + 3;
	return i + 2;
}
