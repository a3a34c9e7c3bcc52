import type { Offsets } from '../finding';

/**
 * Where a Markdown text can be cut into chunks that parse on their own exactly as they parse inside the
 * whole text. Parsing a long document chunk by chunk lets the incremental reviewer re-parse only the chunks
 * an edit touched, and lets a cold review skip the GFM extensions in chunks that use none of their syntax.
 *
 * A cut goes before a line that starts in column 0 after a blank line: there no paragraph, table, block
 * quote or list item can continue (a following list item starts a new list, which gives the same blocks).
 * What can still run across such a line — a fenced code block or an HTML block of CommonMark types 1–5
 * (comments, <script>, <pre>…) — is tracked here as well as cheaply possible, and the parser checks each
 * chunk's last block and merges the chunk with the next when it was left open. Front matter is kept in the
 * first chunk. Link reference and footnote definitions apply to the whole document, so a text that may
 * contain one ("]:") is not cut at all.
 */
export function markdownChunks(text: string): Offsets[] {
	const end = text.length;
	let i = frontMatterEnd(text);
	if (i < 0 || text.includes(']:')) return [{ start: 0, end }];
	const cuts: number[] = [0];
	let previousBlank = false;
	let fence: string | undefined;
	let htmlEnd: RegExp | undefined;
	while (i < end) {
		let next = text.indexOf('\n', i);
		next = next === -1 ? end : next + 1;
		const first = text.charCodeAt(i);
		if (fence !== undefined) {
			if (closesFence(text, i, next, fence)) fence = undefined;
		} else if (htmlEnd !== undefined) {
			if (htmlEnd.test(text.slice(i, next))) htmlEnd = undefined;
		} else {
			const blank = isBlankLine(text, i, next);
			if (!blank && previousBlank && first !== 32 && first !== 9 && i > 0) cuts.push(i);
			if (!blank) {
				fence = opensFence(text, i, next);
				if (fence === undefined) htmlEnd = opensHtmlBlock(text, i, next);
			}
			previousBlank = blank;
			i = next;
			continue;
		}
		previousBlank = false;
		i = next;
	}
	const chunks: Offsets[] = [];
	for (let k = 0; k < cuts.length; k++) chunks.push({ start: cuts[k]!, end: k + 1 < cuts.length ? cuts[k + 1]! : end });
	return chunks;
}

function isBlankLine(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
	}
	return true;
}

const FENCE_OPEN = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;

/** The fence of a code block opened on this line (``` or ~~~, up to three spaces in), if any. */
function opensFence(text: string, start: number, end: number): string | undefined {
	let i = start;
	while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
	const c = text.charCodeAt(i);
	if (c !== 96 && c !== 126) return undefined;
	const m = FENCE_OPEN.exec(text.slice(start, end).replace(/\r?\n$/, ''));
	return m ? m[1]! : undefined;
}

function closesFence(text: string, start: number, end: number, fence: string): boolean {
	const line = text.slice(start, end).replace(/\r?\n$/, '');
	const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
	return m !== null && m[1]![0] === fence[0] && m[1]!.length >= fence.length;
}

/** HTML blocks that a blank line does not end (CommonMark types 1–5), and the pattern that ends each. */
const HTML_BLOCKS: Array<{ open: RegExp; close: RegExp }> = [
	{ open: /^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, close: /<\/(?:script|pre|style|textarea)>/i },
	{ open: /^ {0,3}<!--/, close: /-->/ },
	{ open: /^ {0,3}<\?/, close: /\?>/ },
	{ open: /^ {0,3}<![A-Za-z]/, close: />/ },
	{ open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/ },
];

function opensHtmlBlock(text: string, start: number, end: number): RegExp | undefined {
	// Only the first four characters can open an HTML block; searching further would make the scan quadratic.
	let i = start;
	while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
	if (text.charCodeAt(i) !== 60) return undefined;
	const line = text.slice(start, end);
	for (const { open, close } of HTML_BLOCKS) {
		const m = open.exec(line);
		if (m) return close.test(line.slice(m[0].length)) ? undefined : close;
	}
	return undefined;
}

/**
 * The offset after front matter (--- or +++ fenced, at the very start), or 0 without any. -1 when the text
 * opens with a front-matter fence that never closes: the front-matter extension then changes how the rest
 * of the document parses (list items become paragraphs), which only a whole-text parse reproduces.
 */
function frontMatterEnd(text: string): number {
	const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
	if (!open) return 0;
	const close = new RegExp(`\\n${open[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\r?\\n|$)`, 'g');
	close.lastIndex = open[0].length - 1;
	const m = close.exec(text);
	return m ? m.index + m[0].length : -1;
}
