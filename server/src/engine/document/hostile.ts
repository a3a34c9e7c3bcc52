import { listMarkerEnd } from './markdownSyntax';

/**
 * The Markdown parser (micromark, under remark) is fast on documents people write, but some inputs make it
 * overflow the stack or take time that grows with the square of a paragraph's size: thousands of nested
 * block quotes or lists, thousands of emphasis or bracket delimiters in one paragraph, and paragraphs of
 * hundreds of kilobytes without a blank line (GFM autolink literals). Such a text is not a policy draft a
 * person wrote (it is generated, binary or hostile), so it is reviewed as plain text instead: words are
 * still checked, Markdown structure is ignored. This cheap linear scan decides.
 */

/** Deeper container nesting than this (block quotes + list items on one line) is not parsed as Markdown. */
export const MAX_MARKDOWN_NESTING = 100;
/** Budget for Σ (emphasis/bracket delimiters per paragraph)²: ~2 s of parsing at worst. */
export const MAX_DELIMITER_WORK = 25_000_000;
/** Budget for Σ (characters per paragraph)²: a 300 kB paragraph, or 20 MB of 5 kB paragraphs. */
export const MAX_PARAGRAPH_WORK = 1e11;

/** Why `text` should not be parsed as Markdown, or undefined when it is safe to. */
export function markdownHazard(text: string): string | undefined {
	let delimiterWork = 0;
	let paragraphWork = 0;
	let unitChars = 0;
	let unitDelimiters = 0;
	const closeUnit = (): void => {
		delimiterWork += unitDelimiters * unitDelimiters;
		paragraphWork += unitChars * unitChars;
		unitChars = 0;
		unitDelimiters = 0;
	};
	// The scan runs before every review, an editor's too: lines, blank lines and delimiters are found with the
	// engine's native searches rather than by reading each character in JavaScript (delimiters are rare in prose).
	const delimiters = new Delimiters(text);
	const indent = /[ \t\r]*/y;
	let nextDelimiter = delimiters.from(0);
	let lineStart = 0;
	while (lineStart <= text.length) {
		let lineEnd = text.indexOf('\n', lineStart);
		if (lineEnd === -1) lineEnd = text.length;
		const depth = containerDepth(text, lineStart, lineEnd);
		if (depth > MAX_MARKDOWN_NESTING) return `nested more than ${MAX_MARKDOWN_NESTING} levels deep`;
		while (nextDelimiter < lineEnd) {
			unitDelimiters++;
			nextDelimiter = delimiters.from(nextDelimiter + 1);
		}
		indent.lastIndex = lineStart;
		indent.test(text);
		// A line of nothing but spaces, tabs and carriage returns is blank: it ends a paragraph.
		if (indent.lastIndex >= lineEnd) closeUnit();
		else unitChars += lineEnd - lineStart + 1;
		lineStart = lineEnd + 1;
	}
	closeUnit();
	if (delimiterWork > MAX_DELIMITER_WORK) return 'too many emphasis or link delimiters in one paragraph';
	if (paragraphWork > MAX_PARAGRAPH_WORK) return 'paragraphs too long to parse as Markdown in reasonable time';
	return undefined;
}

/** Emphasis and bracket delimiters: * _ [ ] */
const DELIMITERS = ['*', '_', '[', ']'] as const;

/**
 * Where the next delimiter is in a text, asked with `from` never decreasing: one native search per delimiter
 * character, each kept until it is passed. (One RegExp search for any of the four read a megabyte several times
 * slower: a millisecond or more of every keystroke.)
 */
class Delimiters {
	private readonly next: number[] = [-1, -1, -1, -1];

	constructor(private readonly text: string) {}

	/** The first delimiter at or after `from`, or the text's length when there is none. */
	from(from: number): number {
		const text = this.text;
		let first = text.length;
		for (let k = 0; k < DELIMITERS.length; k++) {
			let at = this.next[k]!;
			if (at < from) {
				at = text.indexOf(DELIMITERS[k]!, from);
				if (at === -1) at = text.length;
				this.next[k] = at;
			}
			if (at < first) first = at;
		}
		return first;
	}
}

/**
 * An upper bound on the containers open on a line: each `>` and list marker opens one, and a list item's
 * content is indented by at least two columns, so indentation / 2 bounds the list items it continues.
 */
function containerDepth(text: string, start: number, end: number): number {
	let depth = 0;
	let columns = 0;
	let i = start;
	while (i < end) {
		const c = text.charCodeAt(i);
		if (c === 32) {
			columns++;
			i++;
		} else if (c === 9) {
			columns += 4;
			i++;
		} else if (c === 62) {
			// >
			depth++;
			i++;
		} else {
			// - * + or a number, then a space: a list item
			const marker = listMarkerEnd(text, i, end);
			if (marker < 0) break;
			depth++;
			i = marker + 1;
		}
	}
	return depth + Math.floor(columns / 2);
}
