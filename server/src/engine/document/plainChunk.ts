import type { Parent } from 'unist';

/**
 * The Markdown tree of a chunk so plain that its tree is known without running the parser: ATX headings,
 * paragraphs and lists of one-line items, of words and ordinary punctuation, nothing else. Most of a bill is such text, and
 * remark-parse spends most of its time on it (every character goes through its inline state machine).
 * Returns undefined for anything else, which the parser then reads; a property test checks that every
 * tree built here equals remark-parse's (positions included) on the nodes the document model reads.
 *
 * A chunk qualifies when:
 * - every character is a letter, digit, combining mark, space, line feed or one of PUNCTUATION: no
 *   character that any inline construct needs (`\ * _ [ ] < > & ~ | ! { }` and backquotes), no tab, no CR;
 *   "#" only in a heading's opening sequence (so no heading has a closing sequence);
 * - it holds no GFM autolink literal ("www.", "http:", "https:"; e-mail addresses need "@", excluded above);
 * - every line until the trailing blank lines is non-empty, without trailing spaces, and either an ATX
 *   heading ("#" to "######", spaces, then words), a line that starts with a letter, an opening bracket or
 *   quote, or a digit not followed by "." or ")" (so no line opens a quote, code, a table, a thematic break
 *   or a setext underline, and none can continue anything but a paragraph), or, in a chunk that is a list,
 *   a one-line item (see listItem) whose words start in the same way.
 */
const PLAIN = /^[\p{L}\p{N}\p{M} \n.,;:'"()?/%$§#–—’‘“”+=-]*$/u;
const AUTOLINK = /www\.|https?:/i;
const HEADING = /^(#{1,6}) +(?=\S)/;
const PARAGRAPH_LINE = /^(?:[\p{L}("'“‘]|\d+(?![.)\d]))/u;

/** A list item line: indentation, then "-" or "+" or a number with "." or ")", one space, then its words. */
const ITEM = /^( *)([-+]|\d{1,9}[.)]) (?=\S)/;

interface PlainNode {
	type: 'heading' | 'paragraph' | 'text' | 'list' | 'listItem';
	depth?: number;
	value?: string;
	children?: PlainNode[];
	position: { start: { offset: number }; end: { offset: number } };
}

/** An open list item: its node and the column its content starts at (where a nested item's marker must stand). */
interface OpenItem {
	item: PlainNode;
	column: number;
	/** The item's marker kind: "-", "+", "." or ")"; items of one list share it. */
	marker: string;
}

export function plainChunkTree(text: string): Parent | undefined {
	if (!PLAIN.test(text) || AUTOLINK.test(text)) return undefined;
	const children: PlainNode[] = [];
	let paragraph: { start: number; end: number } | undefined;
	const closeParagraph = (): void => {
		if (!paragraph) return;
		children.push(node('paragraph', paragraph.start, paragraph.end, [textNode(text, paragraph.start, paragraph.end)]));
		paragraph = undefined;
	};
	// Open list items, outermost first; once a chunk is in a list, every further line must be an item.
	const items: OpenItem[] = [];
	let i = 0;
	let trailing = false;
	while (i < text.length) {
		let end = text.indexOf('\n', i);
		if (end === -1) end = text.length;
		if (end === i) {
			// Blank lines only at the end: one inside the chunk is followed by an indented line (else the chunk would be cut there).
			trailing = true;
			i = end + 1;
			continue;
		}
		if (trailing || text.charCodeAt(end - 1) === 32) return undefined;
		const head = text.slice(i, Math.min(end, i + 40));
		const item = ITEM.exec(head);
		if (item) {
			const contentStart = i + item[0].length;
			if (!listItem(text, items, children, paragraph !== undefined, item[1]!.length, item[2]!, i, contentStart, end)) return undefined;
			i = end + 1;
			continue;
		}
		if (items.length > 0 || text.charCodeAt(i) === 32) return undefined;
		const heading = HEADING.exec(head);
		if (heading) {
			closeParagraph();
			const contentStart = i + heading[0].length;
			if (text.slice(contentStart, end).includes('#')) return undefined;
			const h = node('heading', i, end, [textNode(text, contentStart, end)]);
			h.depth = heading[1]!.length;
			children.push(h);
		} else {
			if (!PARAGRAPH_LINE.test(head) || text.slice(i, end).includes('#')) return undefined;
			if (paragraph) paragraph.end = end;
			else paragraph = { start: i, end };
		}
		i = end + 1;
	}
	closeParagraph();
	if (children.length === 0) return undefined;
	return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: text.length } } } as unknown as Parent;
}

/**
 * Adds a one-line list item to the tree: at column 0 (the chunk's first line, or a further item of the same
 * list), or exactly at the content column of an open item (a nested bullet item; nested numbered items are
 * left to the parser, as one numbered other than 1 would continue the paragraph above it). False when the
 * line is not that simple.
 */
function listItem(text: string, items: OpenItem[], children: PlainNode[], afterParagraph: boolean, indent: number, markerText: string, start: number, contentStart: number, end: number): boolean {
	const content = text.slice(contentStart, end);
	if (afterParagraph || !PARAGRAPH_LINE.test(content.slice(0, 12)) || content.includes('#')) return false;
	const marker = markerText.length === 1 ? markerText : markerText[markerText.length - 1]!;
	let depth: number;
	if (indent === 0) {
		if (items.length === 0 && children.length > 0) return false;
		if (items.length > 0 && items[0]!.marker !== marker) return false;
		depth = 0;
	} else {
		depth = items.findIndex((o) => o.column === indent) + 1;
		if (depth === 0 || (marker !== '-' && marker !== '+')) return false;
	}
	const siblings = depth < items.length ? items[depth]! : undefined;
	items.length = depth;
	const itemNode = node('listItem', start, end, [node('paragraph', contentStart, end, [textNode(text, contentStart, end)])]);
	let list: PlainNode | undefined;
	if (siblings && siblings.marker === marker) {
		list = depth === 0 ? children[children.length - 1] : lastChild(items[depth - 1]!.item);
	} else if (siblings) {
		return false;
	}
	if (!list) {
		list = node('list', start, end, []);
		if (depth === 0) children.push(list);
		else items[depth - 1]!.item.children!.push(list);
	}
	list.children!.push(itemNode);
	items.push({ item: itemNode, column: indent + markerText.length + 1, marker });
	return true;
}

function lastChild(parent: PlainNode): PlainNode | undefined {
	const last = parent.children![parent.children!.length - 1];
	return last?.type === 'list' ? last : undefined;
}

function node(type: PlainNode['type'], start: number, end: number, children: PlainNode[]): PlainNode {
	return { type, children, position: { start: { offset: start }, end: { offset: end } } };
}

function textNode(text: string, start: number, end: number): PlainNode {
	return { type: 'text', value: text.slice(start, end), position: { start: { offset: start }, end: { offset: end } } };
}
