import type { Offsets } from '../finding';
import { fenceClosedBy, fenceOpenedBy, frontMatterEnd, htmlBlockOpenedAt, isBlankLine } from './markdownSyntax';

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

/** The fence of a code block opened on this line (``` or ~~~, up to three spaces in), if any. */
function opensFence(text: string, start: number, end: number): string | undefined {
	let i = start;
	while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
	const c = text.charCodeAt(i);
	if (c !== 96 && c !== 126) return undefined;
	return fenceOpenedBy(text.slice(start, end).replace(/\r?\n$/, ''));
}

function closesFence(text: string, start: number, end: number, fence: string): boolean {
	return fenceClosedBy(text.slice(start, end).replace(/\r?\n$/, ''), fence);
}

/** The pattern that ends an HTML block (types 1–5) opened on this line and not closed on it, if any. */
function opensHtmlBlock(text: string, start: number, end: number): RegExp | undefined {
	const html = htmlBlockOpenedAt(text, start, end);
	if (!html) return undefined;
	return html.close.test(text.slice(html.from, end)) ? undefined : html.close;
}
