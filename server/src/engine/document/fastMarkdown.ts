import type { ParseEvent } from './events';
import { blankOut, hasProse } from './builder';
import { frontMatterEnd, listMarkerEnd, showsOwnAddress } from './markdownSyntax';
import { splitSentences } from './sentences';

/**
 * The parse events of a chunk of ordinary policy Markdown, read without remark-parse: ATX headings,
 * paragraphs, bullet and numbered lists (nested, multi-line, loose), simple block quotes, GFM pipe tables,
 * fenced code blocks, HTML comment blocks and front matter, with emphasis and strong emphasis on
 * well-formed delimiter runs, code spans, inline links and images and `<scheme:…>` autolinks inside them.
 * remark-parse spends most of its time on such text (every character goes through micromark's state
 * machines and an mdast tree is built), while this reader makes one pass over the lines and one over each
 * block's characters and emits the events directly.
 *
 * It is deliberately a conservative subset of CommonMark + GFM: whenever a chunk holds anything whose
 * reading it is not certain of — other HTML, entities, backslash escapes, tabs, CR, setext underlines,
 * lazy continuation lines, odd indentation, reference-style links, delimiter runs that could both open and
 * close, nested emphasis, GFM autolink literals or strikethrough — it returns undefined and the chunk goes
 * to remark-parse. Property tests check that every event list returned here equals the one the remark path
 * yields for the same chunk (test/engine/fast-markdown.test.ts).
 */
export function fastMarkdownEvents(text: string, first: boolean): ParseEvent[] | undefined {
	try {
		const reader = new FastReader(text);
		// Front matter, at the very start of the text only (a later "---" is a thematic break); what it holds is not Markdown.
		const from = first && (text.startsWith('---') || text.startsWith('+++')) ? reader.frontMatter() : 0;
		UNSAFE_ANYWHERE.lastIndex = from;
		if (UNSAFE_ANYWHERE.test(text)) return undefined;
		return reader.read(from);
	} catch (e) {
		if (e === BAIL) return undefined;
		throw e;
	}
}

/** Characters this reader never accepts after front matter: no construct it handles contains them (searched from lastIndex). */
const UNSAFE_ANYWHERE = /[\t\r\0\\~@]/g;

/** Thrown (one shared object: no stack trace to build) when the chunk holds something left to remark-parse. */
const BAIL = { bail: true };
function bail(): never {
	throw BAIL;
}

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const STAR = 42;
const UNDERSCORE = 95;
const BACKTICK = 96;
const TILDE = 126;
const GREATER = 62;
const PIPE = 124;
const DASH = 45;
const DOT = 46;
const PAREN_CLOSE = 41;
const PAREN_OPEN = 40;
const BRACKET_OPEN = 91;
const BRACKET_CLOSE = 93;
const BANG = 33;
const LESS = 60;
const AMPERSAND = 38;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const THEMATIC_BREAK = /^(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$/;
const FENCE_LIKE = /^ {1,3}(?:`{3,}|~{3,})/;
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\x00-\x1f&]*>/y;
const DELIMITER_CELL = /^ *:?-+:? *$/;

interface OpenItem {
	/** Where the item's content starts: its continuation lines and nested items stand exactly there. */
	column: number;
}

interface OpenParagraph {
	start: number;
	end: number;
	quoted: boolean;
	listDepth: number;
	/** Index of the list item the paragraph is in (-1: none), for the rule on what may interrupt it. */
	owner: number;
	/** Ranges blanked before inline parsing (block quote markers of continuation lines), as flat pairs. */
	blanks: number[];
}

class FastReader {
	private readonly events: ParseEvent[] = [];
	private readonly items: OpenItem[] = [];
	private paragraph: OpenParagraph | undefined;
	private mode: 'none' | 'quote' | 'table' = 'none';
	private tableColumns = 0;
	/** The end of the current table's delimiter row, which yields no cells. */
	private skipLine = -1;

	constructor(private readonly text: string) {}

	/** Reads the lines from `from` on. */
	read(from: number): ParseEvent[] {
		const text = this.text;
		const length = text.length;
		let previousBlank = true;
		let i = from;
		while (i < length) {
			let end = text.indexOf('\n', i);
			if (end === -1) end = length;
			let indent = i;
			while (indent < end && text.charCodeAt(indent) === SPACE) indent++;
			if (indent === end) {
				this.closeParagraph();
				if (this.mode === 'table') this.mode = 'none';
				previousBlank = true;
				i = end + 1;
				continue;
			}
			// Trailing spaces stay in the block (as remark-parse's positions have them) and are spaces in the prose either way.
			if (indent === i) {
				if (previousBlank) {
					this.items.length = 0;
					this.mode = 'none';
				}
				const next = this.topLine(i, end);
				if (next >= 0) {
					previousBlank = false;
					i = next;
					continue;
				}
			} else {
				this.indentedLine(i, indent, end, previousBlank);
			}
			previousBlank = false;
			i = end + 1;
		}
		this.closeParagraph();
		return this.events;
	}

	/**
	 * YAML ("---") or TOML ("+++") front matter opening the text: one code event up to its closing fence line.
	 * Returns where reading resumes. Fences with anything after them are left to remark-parse.
	 */
	frontMatter(): number {
		const text = this.text;
		const end = frontMatterEnd(text);
		if (end <= 0 || text.charCodeAt(3) !== NEWLINE) bail();
		const fence = text.slice(0, 3);
		const closeEnd = text.charCodeAt(end - 1) === NEWLINE ? end - 1 : end;
		const closeStart = closeEnd - 3;
		// Only fences alone on their lines, and no line between that starts like one: the rest is remark-parse's.
		if (text.slice(closeStart, closeEnd) !== fence || text.charCodeAt(closeStart - 1) !== NEWLINE) bail();
		if (text.startsWith(fence, 4) || text.slice(4, closeStart).includes(`\n${fence}`)) bail();
		this.events.push({ type: 'code', start: 0, end: closeEnd });
		return closeEnd + 1;
	}

	/** A line that starts in column 0. Returns where reading resumes when it consumed more lines (a fenced code block), else -1. */
	private topLine(start: number, end: number): number {
		const text = this.text;
		const c = text.charCodeAt(start);
		if (c === BACKTICK || c === TILDE) {
			const fence = this.fence(start, end);
			if (fence >= 0) return fence;
		}
		if (c === LESS && text.startsWith('<!--', start)) return this.htmlComment(start);
		if (c === HASH) {
			this.closeParagraph();
			this.items.length = 0;
			this.mode = 'none';
			this.heading(start, end);
			return -1;
		}
		if (c === GREATER) {
			this.quoteLine(start, end);
			return -1;
		}
		if (this.mode === 'quote') bail();
		if (c === PIPE) {
			this.tableRow(start, end);
			return -1;
		}
		if (this.mode === 'table') bail();
		if ((c === STAR || c === DASH || c === UNDERSCORE) && THEMATIC_BREAK.test(text.slice(start, end))) {
			if (this.paragraph) bail();
			this.items.length = 0;
			return -1;
		}
		const marker = listMarker(text, start, end);
		if (marker > 0) {
			this.items.length = 0;
			this.listItem(start, start, marker, end);
			return -1;
		}
		// A paragraph line: it continues only a paragraph outside lists (else it would be a lazy continuation).
		if (this.items.length > 0) bail();
		this.paragraphLine(start, end, false, 0, -1);
		return -1;
	}

	/** A line indented by spaces: inside a list item (continuation, nested item or further paragraph), else left to remark. */
	private indentedLine(start: number, contentStart: number, end: number, previousBlank: boolean): void {
		if (this.mode !== 'none' || this.items.length === 0) bail();
		const column = contentStart - start;
		let k = this.items.length - 1;
		while (k >= 0 && this.items[k]!.column !== column) k--;
		if (k < 0) bail();
		const text = this.text;
		const c = text.charCodeAt(contentStart);
		if ((c === STAR || c === DASH || c === UNDERSCORE) && THEMATIC_BREAK.test(text.slice(contentStart, end))) bail();
		const marker = listMarker(text, contentStart, end);
		if (marker > 0) {
			this.items.length = k + 1;
			this.listItem(start, contentStart, marker, end);
			return;
		}
		if (previousBlank) {
			this.items.length = k + 1;
			this.paragraphLine(contentStart, end, false, k + 1, k);
			return;
		}
		// Without a blank line before, only the open paragraph of the innermost item continues here.
		if (k !== this.items.length - 1 || !this.paragraph || this.paragraph.owner !== k) bail();
		this.paragraphLine(contentStart, end, false, k + 1, k);
	}

	/** A list item whose marker (ending at `markerEnd`, one space before the content) stands at `markerStart`. */
	private listItem(lineStart: number, markerStart: number, markerEnd: number, end: number): void {
		const text = this.text;
		const contentStart = markerEnd + 1;
		if (contentStart >= end || text.charCodeAt(markerEnd) !== SPACE) bail();
		const depth = this.items.length;
		const open = this.paragraph;
		if (open) {
			// Only a bullet or the number 1 interrupts a paragraph of the same container; any other number continues it.
			const c = text.charCodeAt(markerStart);
			const ordered = c >= 48 && c <= 57;
			if (open.owner === depth - 1 && ordered && !isOne(text, markerStart, markerEnd - 1)) bail();
		}
		this.closeParagraph();
		this.items.push({ column: contentStart - lineStart });
		this.paragraphLine(contentStart, end, false, depth + 1, depth);
	}

	/** A line of paragraph text from `start` (its content) to `end`, opening a paragraph or continuing the open one. */
	private paragraphLine(start: number, end: number, quoted: boolean, listDepth: number, owner: number): void {
		if (!safeStart(this.text, start, end)) bail();
		const p = this.paragraph;
		if (p) {
			if (p.owner !== owner || p.quoted !== quoted) bail();
			p.end = end;
			return;
		}
		this.paragraph = { start, end, quoted, listDepth, owner, blanks: [] };
	}

	private closeParagraph(): void {
		const p = this.paragraph;
		if (!p) return;
		this.paragraph = undefined;
		// The quote markers were noted line by line, before the inline markup: the two sorted lists are merged
		// (sorting them together could shift every marker past every code span of a long quoted paragraph).
		const inner: number[] = [];
		inline(this.text, p.start, p.end, inner);
		sortPairs(inner);
		const blanks = p.blanks.length === 0 ? inner : mergePairs(p.blanks, inner);
		const prose = blankRanges(this.text, p.start, p.end, blanks);
		if (!hasProse(prose)) return;
		this.events.push({
			type: 'block', kind: p.listDepth > 0 ? 'listItem' : 'paragraph', start: p.start, end: p.end, prose,
			quoted: p.quoted, listDepth: p.listDepth, sentences: splitSentences(prose, p.start),
		});
	}

	private heading(start: number, end: number): void {
		const text = this.text;
		let level = 0;
		while (start + level < end && text.charCodeAt(start + level) === HASH) level++;
		if (level > 6 || start + level >= end || text.charCodeAt(start + level) !== SPACE) bail();
		let contentStart = start + level;
		while (text.charCodeAt(contentStart) === SPACE) contentStart++;
		if (contentStart >= end) bail();
		// A "#" in the text could be (or be mistaken for) a closing sequence.
		if (text.slice(contentStart, end).includes('#')) bail();
		const blanks: number[] = [start, contentStart];
		inline(text, contentStart, end, blanks);
		sortPairs(blanks);
		const prose = blankRanges(text, start, end, blanks);
		this.events.push({ type: 'heading', level, start, end, prose, sentences: splitSentences(prose, start) });
	}

	/** A block quote line: "> " and paragraph text, or ">" alone (a blank line inside the quote). */
	private quoteLine(start: number, end: number): void {
		if (this.mode !== 'quote') {
			this.closeParagraph();
			this.items.length = 0;
			this.mode = 'quote';
		}
		if (end === start + 1) {
			this.closeParagraph();
			return;
		}
		if (this.text.charCodeAt(start + 1) !== SPACE) bail();
		const p = this.paragraph;
		if (p) p.blanks.push(start, start + 2);
		this.paragraphLine(start + 2, end, true, 0, -1);
	}

	/** A GFM table row ("|" … "|"); the first row of a table must be followed by its delimiter row. */
	private tableRow(start: number, end: number): void {
		const text = this.text;
		if (this.paragraph || this.items.length > 0) bail();
		if (text.charCodeAt(end - 1) !== PIPE || end - start < 2) bail();
		const pipes = pipesOf(text, start, end);
		if (this.mode !== 'table') {
			// The header row: the next line must be the delimiter row, with as many cells.
			const delimiterStart = end + 1;
			let delimiterEnd = text.indexOf('\n', delimiterStart);
			if (delimiterEnd === -1) delimiterEnd = text.length;
			if (delimiterStart >= text.length || text.charCodeAt(delimiterStart) !== PIPE || text.charCodeAt(delimiterEnd - 1) !== PIPE) bail();
			const cells = text.slice(delimiterStart + 1, delimiterEnd - 1).split('|');
			if (cells.length !== pipes.length - 1) bail();
			for (const cell of cells) if (!DELIMITER_CELL.test(cell)) bail();
			this.mode = 'table';
			this.tableColumns = cells.length;
			this.cells(pipes);
			this.skipLine = delimiterEnd;
			return;
		}
		if (start <= this.skipLine) return;
		if (pipes.length - 1 !== this.tableColumns) bail();
		this.cells(pipes);
	}

	private cells(pipes: number[]): void {
		const text = this.text;
		const last = pipes.length - 2;
		for (let k = 0; k <= last; k++) {
			const start = pipes[k]!;
			const end = k === last ? pipes[k + 1]! + 1 : pipes[k + 1]!;
			const blanks: number[] = [start, start + 1];
			inline(text, start + 1, pipes[k + 1]!, blanks);
			if (k === last) blanks.push(end - 1, end);
			sortPairs(blanks);
			const prose = blankRanges(text, start, end, blanks);
			if (!hasProse(prose)) continue;
			this.events.push({ type: 'block', kind: 'tableCell', start, end, prose, quoted: false, listDepth: 0, sentences: splitSentences(prose, start) });
		}
	}

	/**
	 * An HTML comment block (an inline suppression comment, say) opening at `start`: it runs to the end of the
	 * line holding "-->" and is a code event. Returns where reading resumes.
	 */
	private htmlComment(start: number): number {
		const text = this.text;
		// "<!-->" and "<!--->" close at once under newer CommonMark: left to remark-parse.
		if (text.startsWith('<!-->', start) || text.startsWith('<!--->', start)) bail();
		const close = text.indexOf('-->', start + 4);
		if (close === -1) bail();
		let lineEnd = text.indexOf('\n', close);
		if (lineEnd === -1) lineEnd = text.length;
		if (text.charCodeAt(lineEnd - 1) === SPACE) bail();
		this.closeParagraph();
		this.items.length = 0;
		this.mode = 'none';
		this.events.push({ type: 'code', start, end: lineEnd });
		return lineEnd + 1;
	}

	/** A fenced code block opening at `start`: its code event, and where reading resumes; -1 when the line opens none. */
	private fence(start: number, end: number): number {
		const text = this.text;
		const c = text.charCodeAt(start);
		let n = 0;
		while (start + n < end && text.charCodeAt(start + n) === c) n++;
		if (n < 3) return -1;
		// A backtick fence's info string holds no backtick (else the line is text with a code span).
		if (c === BACKTICK && text.slice(start + n, end).includes('`')) bail();
		this.closeParagraph();
		this.items.length = 0;
		this.mode = 'none';
		let i = end + 1;
		while (i < text.length) {
			let lineEnd = text.indexOf('\n', i);
			if (lineEnd === -1) lineEnd = text.length;
			if (text.charCodeAt(i) === c) {
				let m = 0;
				while (i + m < lineEnd && text.charCodeAt(i + m) === c) m++;
				if (m >= n && onlySpaces(text, i + m, lineEnd)) {
					this.events.push({ type: 'code', start, end: lineEnd });
					return lineEnd + 1;
				}
				if (m >= n) bail();
			} else if (text.charCodeAt(i) === SPACE && FENCE_LIKE.test(text.slice(i, Math.min(lineEnd, i + 8)))) {
				bail();
			}
			i = lineEnd + 1;
		}
		// Left open: the chunk runs on into the next one, which only the remark path handles.
		return bail();
	}
}

function onlySpaces(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) if (text.charCodeAt(i) !== SPACE) return false;
	return true;
}

/** The end of a list marker at `start` followed by a space (markdownSyntax.listMarkerEnd), else -1. */
function listMarker(text: string, start: number, end: number): number {
	const marker = listMarkerEnd(text, start, end);
	// Ten digits or more make no list marker: left to remark-parse, as is every doubt.
	if (marker < 0 && /^\d{10}/.test(text.slice(start, start + 10))) bail();
	return marker;
}

/** Whether the number `text[start, end)` is written "1" (micromark lets only that interrupt a paragraph, not "01"). */
function isOne(text: string, start: number, end: number): boolean {
	return end - start === 1 && text.charCodeAt(start) === 49;
}

/**
 * Whether a paragraph line may start with the character at `start`: a letter, a digit (not a list marker:
 * those are read before), an opening bracket or quote, or an emphasis, code span, link or image opener.
 * Anything else might start a block construct (or be one this reader does not handle).
 */
function safeStart(text: string, start: number, end: number): boolean {
	const c = text.charCodeAt(start);
	if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
	if (c >= 48 && c <= 57) return listMarker(text, start, end) < 0;
	switch (c) {
		case PAREN_OPEN:
		case BRACKET_OPEN:
		case 34: // "
		case 39: // '
		case 0x201c: // “
		case 0x2018: // ‘
		case 0xa7: // §
		case 36: // $
			return true;
		case STAR:
		case UNDERSCORE: {
			const n = text.charCodeAt(start + 1) === c ? 2 : 1;
			return start + n < end && isLetterOrDigit(text, start + n);
		}
		case BACKTICK:
			return text.charCodeAt(start + 1) !== BACKTICK || text.charCodeAt(start + 2) !== BACKTICK;
		case BANG:
			return text.charCodeAt(start + 1) === BRACKET_OPEN;
		default:
			return c > 127 && LETTER_OR_DIGIT.test(text[start]!);
	}
}

function isLetterOrDigit(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
	return c > 127 && LETTER_OR_DIGIT.test(text[i]!);
}

/** ASCII punctuation, as CommonMark defines it (a delimiter run's neighbour). */
function isAsciiPunctuation(c: number): boolean {
	return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/** Before an opening delimiter run (followed by a letter or digit): the start, whitespace, punctuation or an opening quote. */
function opensAfter(c: number): boolean {
	return Number.isNaN(c) || c === SPACE || c === NEWLINE || isAsciiPunctuation(c) || c === 0x201c || c === 0x2018;
}

/** After a closing delimiter run that follows a letter or digit: the end, whitespace or closing punctuation. */
function closesBefore(c: number): boolean {
	return Number.isNaN(c) || c === SPACE || c === NEWLINE || c === DOT || c === 44 || c === 59 || c === 58 || c === BANG || c === 63 || c === PAREN_CLOSE || c === BRACKET_CLOSE || c === 34 || c === 39 || c === 0x201d || c === 0x2019;
}

/** Punctuation a closing delimiter run may follow, when whitespace or the end comes after it ("**Applicant:** …"). */
function punctuationBeforeClose(c: number): boolean {
	return isAsciiPunctuation(c) || c === 0x201d || c === 0x2019;
}

interface Level {
	/** The open emphasis opener at this level: its character, run length and offset; one at most (no nesting). */
	char: number;
	run: number;
	at: number;
	/** Where the link text of this level opened (`[`), -1 at the block level. */
	link: number;
	/** Number of blanks when the link text opened: a link whose text had markup is not a bare URL. */
	blanks: number;
}

/**
 * Reads the inline content `text[start, end)` and appends the ranges that are markup (blanked in the prose)
 * to `blanks`. Throws BAIL on anything outside the handled subset.
 */
function inline(text: string, start: number, end: number, blanks: number[]): void {
	const levels: Level[] = [{ char: 0, run: 0, at: -1, link: -1, blanks: 0 }];
	let level = levels[0]!;
	let i = start;
	while (i < end) {
		const c = text.charCodeAt(i);
		if (c === STAR || c === UNDERSCORE) {
			let n = 1;
			while (i + n < end && text.charCodeAt(i + n) === c) n++;
			if (n > 2) bail();
			const before = i === start ? NaN : text.charCodeAt(i - 1);
			const after = i + n === end ? NaN : text.charCodeAt(i + n);
			if (opensAfter(before) && !Number.isNaN(after) && isLetterOrDigit(text, i + n)) {
				if (level.at >= 0) bail();
				level.char = c;
				level.run = n;
				level.at = i;
			} else if (
				(!Number.isNaN(before) && isLetterOrDigit(text, i - 1) && closesBefore(after)) ||
				(punctuationBeforeClose(before) && (Number.isNaN(after) || after === SPACE || after === NEWLINE))
			) {
				if (level.at < 0 || level.char !== c || level.run !== n) bail();
				blanks.push(level.at, level.at + n, i, i + n);
				level.at = -1;
			} else {
				bail();
			}
			i += n;
			continue;
		}
		switch (c) {
			case BACKTICK: {
				let n = 1;
				while (i + n < end && text.charCodeAt(i + n) === BACKTICK) n++;
				const close = closingBackticks(text, i + n, end, n);
				blanks.push(i, close);
				i = close;
				continue;
			}
			case BRACKET_OPEN:
				if (level.link >= 0 || text.charCodeAt(i + 1) === 94 /* ^ */) bail();
				blanks.push(i, i + 1);
				level = { char: 0, run: 0, at: -1, link: i, blanks: blanks.length };
				levels.push(level);
				i++;
				continue;
			case BRACKET_CLOSE: {
				if (level.link < 0 || level.at >= 0 || i === level.link + 1) bail();
				const destinationEnd = destination(text, i + 1, end);
				const label = text.slice(level.link + 1, i);
				const url = text.slice(i + 2, destinationEnd - 1);
				// A link that shows its own address is not prose (as in the remark path).
				if (blanks.length === level.blanks && showsOwnAddress(label, url)) {
					blanks.push(level.link + 1, i);
				}
				blanks.push(i, destinationEnd);
				levels.pop();
				level = levels[levels.length - 1]!;
				i = destinationEnd;
				continue;
			}
			case BANG:
				if (text.charCodeAt(i + 1) === BRACKET_OPEN) {
					const close = imageEnd(text, i + 2, end);
					blanks.push(i, close);
					i = close;
					continue;
				}
				break;
			case LESS: {
				AUTOLINK.lastIndex = i;
				const m = AUTOLINK.exec(text);
				if (!m || i + m[0].length > end) bail();
				blanks.push(i, i + m[0].length);
				i += m[0].length;
				continue;
			}
			case AMPERSAND: {
				const next = text.charCodeAt(i + 1);
				if (next === HASH || (next >= 97 && next <= 122) || (next >= 65 && next <= 90)) bail();
				break;
			}
			case PIPE:
			case TILDE:
				bail();
			// GFM autolink literals ("www.", "http:", "https:") are left to remark.
			case 104: // h
			case 72: // H
				if (startsWithInsensitive(text, i, 'http:') || startsWithInsensitive(text, i, 'https:')) bail();
				break;
			case 119: // w
			case 87: // W
				if (startsWithInsensitive(text, i, 'www.')) bail();
				break;
		}
		i++;
	}
	if (levels.length > 1 || level.at >= 0) bail();
}

function startsWithInsensitive(text: string, i: number, word: string): boolean {
	return text.slice(i, i + word.length).toLowerCase() === word;
}

/** The end of the code span whose opening run of `n` backticks ends at `from`. */
function closingBackticks(text: string, from: number, end: number, n: number): number {
	let i = from;
	while (i < end) {
		const at = text.indexOf('`', i);
		if (at === -1 || at >= end) break;
		let m = 1;
		while (at + m < end && text.charCodeAt(at + m) === BACKTICK) m++;
		if (m === n) return at + m;
		i = at + m;
	}
	// No closing run: the backticks are literal, a reading left to remark.
	return bail();
}

/** After a link text's "]" (at `from` - 1): "(" + a destination without spaces, brackets, quotes or entities + ")". Returns the offset after ")". */
function destination(text: string, from: number, end: number): number {
	if (text.charCodeAt(from) !== PAREN_OPEN) bail();
	let i = from + 1;
	while (i < end) {
		const c = text.charCodeAt(i);
		if (c === PAREN_CLOSE) break;
		if (c <= SPACE || c === PAREN_OPEN || c === LESS || c === GREATER || c === 34 || c === 39 || c === AMPERSAND || c === BACKTICK || c === BRACKET_OPEN || c === BRACKET_CLOSE || c === 0x7f) bail();
		i++;
	}
	if (i >= end || i === from + 1) bail();
	return i + 1;
}

/** After "![": alt text of plain characters, "]" and a destination. Returns the offset after the image. */
function imageEnd(text: string, from: number, end: number): number {
	let i = from;
	while (i < end) {
		const c = text.charCodeAt(i);
		if (c === BRACKET_CLOSE) break;
		if (c === BRACKET_OPEN || c === BACKTICK || c === STAR || c === UNDERSCORE || c === LESS || c === AMPERSAND || c === NEWLINE || c === BANG || c === PIPE) bail();
		i++;
	}
	if (i >= end) bail();
	return destination(text, i + 1, end);
}

/** Offsets of the "|" characters of a table row (it starts and ends with one; none is escaped: no backslash reaches here). */
function pipesOf(text: string, start: number, end: number): number[] {
	const pipes: number[] = [];
	for (let i = text.indexOf('|', start); i !== -1 && i < end; i = text.indexOf('|', i + 1)) pipes.push(i);
	return pipes;
}

/** Sorts flat [start, end] pairs by start (insertion sort: the pairs come nearly in order, and few). */
function sortPairs(pairs: number[]): void {
	for (let k = 2; k < pairs.length; k += 2) {
		const a = pairs[k]!;
		const b = pairs[k + 1]!;
		let j = k - 2;
		while (j >= 0 && pairs[j]! > a) {
			pairs[j + 2] = pairs[j]!;
			pairs[j + 3] = pairs[j + 1]!;
			j -= 2;
		}
		pairs[j + 2] = a;
		pairs[j + 3] = b;
	}
}

/** Two lists of flat [start, end] pairs, each sorted by start, as one sorted list. */
function mergePairs(a: number[], b: number[]): number[] {
	const out: number[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (j >= b.length || (i < a.length && a[i]! <= b[j]!)) {
			out.push(a[i]!, a[i + 1]!);
			i += 2;
		} else {
			out.push(b[j]!, b[j + 1]!);
			j += 2;
		}
	}
	return out;
}

/** `text[start, end)` with the ranges in `blanks` (flat sorted pairs) turned into spaces, line feeds kept. */
function blankRanges(text: string, start: number, end: number, blanks: number[]): string {
	if (blanks.length === 0) return text.slice(start, end);
	let out = '';
	let cursor = start;
	for (let k = 0; k < blanks.length; k += 2) {
		const a = blanks[k]!;
		const b = blanks[k + 1]!;
		if (a < cursor) continue;
		out += text.slice(cursor, a);
		out += blankOut(text, a, b);
		cursor = b;
	}
	return out + text.slice(cursor, end);
}
