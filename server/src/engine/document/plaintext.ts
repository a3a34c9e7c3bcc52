import type { ReviewDocument } from './model';
import type { ParseEvent } from './events';
import { DocumentBuilder, hasProse } from './builder';
import { splitSentences } from './sentences';

/**
 * Headings as legislation and policy papers write them in plain text, with their section level.
 * Checked against a paragraph's first line; a heading may be followed by text on the same line
 * ("SEC. 4. DEFINITIONS. In this Act…"), and only the heading part is taken.
 */
const HEADING_PATTERNS: Array<{ pattern: RegExp; level: number }> = [
	{ pattern: /^(?:TITLE|PART|CHAPTER|DIVISION)\s+[IVXLC\d]+[A-Z]?\b[^\n]*$/, level: 1 },
	{ pattern: /^(?:Title|Part|Chapter|Division)\s+[IVXLC\d]+[A-Za-z]?\s*(?:[.—–:-][^\n]*)?$/, level: 1 },
	{ pattern: /^(?:SEC(?:TION)?\.?|Sec\.|§)\s*\d+[A-Za-z0-9.-]*\.?\s+[A-Z][A-Z0-9 ,;'’&()\-—–]+\.(?=\s|$)/, level: 2 },
	{ pattern: /^(?:SEC(?:TION)?\.?|Sec\.|§)\s*\d+[A-Za-z0-9.-]*\.?\s*$/, level: 2 },
	// "Sec. 5. Services for victims." as state bills write it (the upper-case form is matched above).
	{ pattern: /^(?:Section|SECTION|Sec\.|Article|ARTICLE)\s+\d+[A-Za-z]?\s*(?:[.—–:-][^\n]{0,120})?$/, level: 2 },
	{ pattern: /^\d+(?:\.\d+)*\.?\s+[A-Z][^\n.;:]{0,100}$/, level: 2 },
	// Markdown written into a .txt ("## Definitions"): a heading in plain text too.
	{ pattern: /^#{1,6}[ \t]+\S[^\n]{0,200}$/, level: 2 },
];

/** A line inside a paragraph that starts a heading of its own: the paragraph ends before it. */
const HEADING_LINE = /\n(?=#{1,6}[ \t]+\S)/g;

const ALL_CAPS_HEADING = /^[^\p{Ll}\n]{4,120}$/u;

/** A line that starts an enumerated provision: "(a)", "(1)", "1.", "a)", "- ", "* ", "•". */
const ITEM_START = /^[ \t]*(?:\(\s*[\da-zA-Z]{1,5}\s*\)|[\da-zA-Z]{1,3}[.)]\s|[-*•]\s)/;

/** Parses plain text: paragraphs split on blank lines, headings as legislation writes them. */
export function parsePlainText(text: string): ReviewDocument {
	const builder = new DocumentBuilder(text, 'plaintext');
	for (const chunk of plainTextChunks(text)) builder.replay(chunk.events(), chunk.start);
	return builder.build();
}

const PARAGRAPH = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;

/**
 * Plain text in chunks that parse independently: each paragraph (with the blank lines after it) is parsed
 * on its own. `events` parses the chunk, offsets relative to its start.
 */
export function plainTextChunks(text: string): Array<{ start: number; end: number; events: (chunkText?: string) => ParseEvent[] }> {
	const starts: number[] = [];
	PARAGRAPH.lastIndex = 0;
	for (let m = PARAGRAPH.exec(text); m !== null; m = PARAGRAPH.exec(text)) starts.push(m.index);
	if (starts[0] !== 0) starts.unshift(0);
	return starts.map((start, k) => {
		const end = k + 1 < starts.length ? starts[k + 1]! : text.length;
		// `chunkText`: the chunk's text (the same characters) to read instead, a copy the events' texts are sliced from.
		return { start, end, events: (chunkText?: string) => plainTextEvents(chunkText ?? text.slice(start, end)) };
	});
}

function plainTextEvents(text: string): ParseEvent[] {
	const events: ParseEvent[] = [];
	const paragraph = new RegExp(PARAGRAPH.source, 'g');
	for (let m = paragraph.exec(text); m !== null; m = paragraph.exec(text)) {
		// A Markdown heading line in the middle of a paragraph starts a new one: "… trafficked.\n# Strategy" must not
		// read as one sentence with whatever follows the heading.
		const parts = splitAtHeadingLines(m[0]);
		for (const part of parts) paragraphEvents(events, part.text, m.index + part.offset);
	}
	return events;
}

function splitAtHeadingLines(paragraph: string): Array<{ text: string; offset: number }> {
	const out: Array<{ text: string; offset: number }> = [];
	let from = 0;
	HEADING_LINE.lastIndex = 0;
	for (let h = HEADING_LINE.exec(paragraph); h !== null; h = HEADING_LINE.exec(paragraph)) {
		out.push({ text: paragraph.slice(from, h.index), offset: from });
		from = h.index + 1;
	}
	out.push({ text: paragraph.slice(from), offset: from });
	return out.filter((p) => p.text.trim() !== '');
}

function paragraphEvents(events: ParseEvent[], paragraphText: string, start: number): void {
	{
		let rest = paragraphText;
		let offset = start;
		const heading = headingAt(rest);
		if (heading) {
			const prose = blankComments(rest.slice(0, heading.length));
			events.push({ type: 'heading', level: heading.level, start: offset, end: offset + heading.length, prose, sentences: splitSentences(prose, offset) });
			offset += heading.length;
			rest = rest.slice(heading.length);
			const lead = rest.length - rest.trimStart().length;
			offset += lead;
			rest = rest.slice(lead);
		}
		addItems(events, rest, offset);
	}
}

function headingAt(paragraph: string): { length: number; level: number } | undefined {
	const firstLine = paragraph.split('\n', 1)[0]!.trimEnd();
	for (const { pattern, level } of HEADING_PATTERNS) {
		const m = pattern.exec(firstLine);
		if (m) return { length: m[0].length, level };
	}
	if (ALL_CAPS_HEADING.test(firstLine) && /\p{Lu}{2}/u.test(firstLine) && !/[.;,]$/.test(firstLine)) {
		return { length: firstLine.length, level: 2 };
	}
	return undefined;
}

/** Splits a paragraph into blocks at lines that start an enumerated item, keeping their indentation depth. */
function addItems(events: ParseEvent[], text: string, base: number): void {
	if (text.trim() === '') return;
	const lines = text.split('\n');
	let itemStart = 0;
	let cursor = 0;
	let depth = depthOf(lines[0]!);
	const flush = (end: number): void => {
		if (end > itemStart) {
			const prose = blankComments(blankUrls(text.slice(itemStart, end)));
			if (!hasProse(prose)) return;
			const start = base + itemStart;
			events.push({ type: 'block', kind: depth > 0 ? 'listItem' : 'paragraph', start, end: base + end, prose, quoted: false, listDepth: depth, sentences: splitSentences(prose, start) });
		}
	};
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (i > 0 && ITEM_START.test(line)) {
			flush(cursor - 1);
			itemStart = cursor;
			depth = depthOf(line);
		}
		cursor += line.length + 1;
	}
	flush(text.length);
}

function depthOf(line: string): number {
	if (!ITEM_START.test(line)) return 0;
	const indent = line.length - line.trimStart().length;
	return 1 + Math.floor(indent / 2);
}

/** HTML comments (suppression directives) are not prose in plain text either. */
export function blankComments(s: string): string {
	return s.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\r\n]/g, ' '));
}

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;

export function blankUrls(s: string): string {
	return s.replace(URL, (u) => ' '.repeat(u.length));
}
