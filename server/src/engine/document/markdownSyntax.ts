/**
 * What Accountable knows of Markdown syntax (CommonMark + GFM + front matter) outside remark-parse, in one
 * place: the fast reader (fastMarkdown.ts), the chunker (chunks.ts), the check of a parsed chunk's last
 * block (markdown.ts), the hostile-input guard (hostile.ts) and the suppression edits of the language
 * server all ask here, so a rule of the syntax cannot be read one way by one and another way by another.
 * Each answer is the one remark-parse (with remark-gfm and remark-frontmatter) gives; the differential
 * tests (test/engine/fast-markdown.test.ts, chunked-parse.test.ts) check the readers built on them.
 */

const SPACE = 32;
const TAB = 9;

/** The front-matter fences remark-frontmatter is given: YAML and TOML. */
const FRONT_MATTER_OPEN = /^(---|\+\+\+)[ \t]*\r?\n/;

/**
 * The offset after front matter (--- or +++ fenced, at the very start: the same fence closes it), 0 without
 * any, -1 when the text opens with a front-matter fence that never closes (then it is no front matter, and
 * the fence line is a thematic break or a paragraph).
 */
export function frontMatterEnd(text: string): number {
	const open = FRONT_MATTER_OPEN.exec(text);
	if (!open) return 0;
	const close = new RegExp(`\\n${open[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\r?\\n|$)`, 'g');
	close.lastIndex = open[0].length - 1;
	const m = close.exec(text);
	return m ? m.index + m[0].length : -1;
}

/** Whether `text[start, end)` is a blank line (spaces, tabs and the line break only). */
export function isBlankLine(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c !== SPACE && c !== TAB && c !== 10 && c !== 13) return false;
	}
	return true;
}

/** An ATX heading line ("# Title", up to three spaces in). */
export function isAtxHeadingLine(line: string): boolean {
	return /^ {0,3}#{1,6}(?:[ \t]|$)/.test(line);
}

/** A fenced code block's opening: ``` (whose info string holds no backtick) or ~~~, up to three spaces in. */
const FENCE_OPEN = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;

/** The fence (its run of ` or ~) of a code block opened by `line` (without its line break), if any. */
export function fenceOpenedBy(line: string): string | undefined {
	const m = FENCE_OPEN.exec(line);
	return m ? m[1]! : undefined;
}

/** Whether `line` (without its line break) closes a code block opened by `fence`: the same character, at least as many, nothing after but spaces. */
export function fenceClosedBy(line: string, fence: string): boolean {
	const m = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/.exec(line);
	return m !== null && m[1]![0] === fence[0] && m[1]!.length >= fence.length;
}

/** HTML blocks that a blank line does not end (CommonMark types 1–5), and the pattern that ends each. */
const HTML_BLOCKS: ReadonlyArray<{ open: RegExp; close: RegExp }> = [
	{ open: /^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, close: /<\/(?:script|pre|style|textarea)>/i },
	{ open: /^ {0,3}<!--/, close: /-->/ },
	{ open: /^ {0,3}<\?/, close: /\?>/ },
	{ open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/ },
	{ open: /^ {0,3}<![A-Za-z]/, close: />/ },
];

/**
 * For an HTML block of types 1–5 opened at `start` (its line, or the whole block, up to `end`): the pattern
 * that ends it, and the offset where the search for the end starts. Undefined when none opens there.
 */
export function htmlBlockOpenedAt(text: string, start: number, end: number): { close: RegExp; from: number } | undefined {
	// Only the first four characters can open an HTML block: look no further before slicing (a scan of every line).
	let i = start;
	while (i < end && i - start < 3 && text.charCodeAt(i) === SPACE) i++;
	if (text.charCodeAt(i) !== 60) return undefined;
	const source = text.slice(start, end);
	for (const { open, close } of HTML_BLOCKS) {
		const m = open.exec(source);
		if (m) return { close, from: start + m[0].length };
	}
	return undefined;
}

/**
 * The end of a list marker ("-", "+", "*", or up to nine digits then "." or ")") at `start`, when a space,
 * a tab or the line's end follows it; -1 otherwise.
 */
export function listMarkerEnd(text: string, start: number, end: number): number {
	const c = text.charCodeAt(start);
	let i = start;
	if (c === 45 || c === 43 || c === 42) i++;
	else {
		while (i < end && i - start < 10 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
		const marker = text.charCodeAt(i);
		if (i === start || i - start > 9 || (marker !== 46 && marker !== 41)) return -1;
		i++;
	}
	const after = text.charCodeAt(i);
	return i === end || after === SPACE || after === TAB ? i : -1;
}

/** A link that shows its own address (an autolink, a bare URL or e-mail address) is not prose. */
export function showsOwnAddress(label: string, url: string): boolean {
	return url === label || url === `mailto:${label}` || url === `http://${label}` || url === `https://${label}`;
}
