import type { HtmlElement, HtmlNode } from './html';

/** Where a Word paragraph landed in the converted Markdown. */
export interface WordParagraph {
	/** 1-based, counting the document's non-empty paragraphs from the top (headings, list items and table cells included). */
	number: number;
	kind: 'heading' | 'paragraph' | 'listItem' | 'tableCell' | 'note';
	/** The paragraph's text as Word shows it (no Markdown escapes). */
	text: string;
	/** Offsets of the paragraph's text in the Markdown (after any `#`, list marker or table pipe), end exclusive. */
	start: number;
	end: number;
	/** The headings above the paragraph, outermost first; a heading's own path ends with itself. */
	headingPath: string[];
	/** For footnotes and endnotes: "footnote 2", which is how Word users find them. */
	note?: string;
}

/**
 * The document's shape as a reader sees it (headings, paragraphs, lists, tables), naming its Word paragraphs
 * by number: what the Word review editor draws, recorded by the same walk that numbers the paragraphs.
 */
export type WordBlock =
	| { kind: 'heading'; level: number; paragraph: number }
	| { kind: 'paragraph'; paragraph: number }
	| { kind: 'list'; ordered: boolean; items: WordListItem[] }
	| { kind: 'table'; rows: WordTableCell[][] };

export interface WordListItem {
	/** Absent for an item with no text of its own (only a sublist). */
	paragraph?: number;
	blocks: WordBlock[];
}

export interface WordTableCell {
	header: boolean;
	/** Word's merged cells: across columns, and down rows (the cells it covers below are absent). */
	colspan: number;
	rowspan: number;
	paragraphs: number[];
}

export interface ConvertedMarkdown {
	markdown: string;
	paragraphs: WordParagraph[];
	layout: WordBlock[];
}

const HEADING = /^h([1-6])$/;
/** Suppression comments typed into Word pass through unescaped, so `<!-- accountable-disable… -->` works there too. */
const DIRECTIVE = /<!--\s*accountable-[\s\S]*?-->/g;
const NOTE_ID = /^(footnote|endnote)-(\d+)$/;
const NOTE_BACKLINK = /^#(footnote|endnote)-ref-/;

/**
 * Renders mammoth's HTML tree as Markdown the engine reviews like any draft: headings stay headings (so
 * section rules work), lists stay lists, tables become GFM tables (one cell, one block). While writing, it
 * records where each Word paragraph's text lands, so a finding's offsets lead back to the paragraph.
 */
export function renderMarkdown(nodes: readonly HtmlNode[]): ConvertedMarkdown {
	const writer = new MarkdownWriter();
	writer.blocks(nodes, '');
	return { markdown: writer.finish(), paragraphs: writer.paragraphs, layout: writer.layout };
}

class MarkdownWriter {
	readonly paragraphs: WordParagraph[] = [];
	readonly layout: WordBlock[] = [];
	/** Where the next block of the layout goes: the document, or the list item being written. */
	private container = this.layout;
	private out = '';
	private readonly headings: Array<{ level: number; text: string }> = [];

	finish(): string {
		return this.out.replace(/\n*$/, '\n');
	}

	blocks(nodes: readonly HtmlNode[], indent: string): void {
		for (const node of nodes) {
			if (node.kind === 'text') {
				if (node.value.trim()) this.addParagraph(this.paragraph(indent, '', plainText([node]), 'paragraph'));
				continue;
			}
			const heading = HEADING.exec(node.name);
			if (heading) this.heading(Number(heading[1]), plainText(node.children));
			else if (node.name === 'p') this.addParagraph(this.paragraph(indent, '', plainText(node.children), 'paragraph'));
			else if (node.name === 'ol' || node.name === 'ul') this.list(node, indent);
			else if (node.name === 'table') this.table(node, indent);
			else if (node.children.some(isBlock)) this.blocks(node.children, indent);
			else this.addParagraph(this.paragraph(indent, '', plainText([node]), 'paragraph'));
		}
	}

	private addParagraph(paragraph: number | undefined): void {
		if (paragraph !== undefined) this.container.push({ kind: 'paragraph', paragraph });
	}

	private heading(level: number, text: string): void {
		if (!text) return;
		while (this.headings.length > 0 && this.headings[this.headings.length - 1]!.level >= level) this.headings.pop();
		this.headings.push({ level, text });
		// A trailing `#` would be read as a closing sequence and dropped.
		const paragraph = this.paragraph('', `${'#'.repeat(level)} `, text, 'heading', escapeLineStart(escapeInline(text)).replace(/#$/, '\\#'));
		if (paragraph !== undefined) this.container.push({ kind: 'heading', level, paragraph });
	}

	/** Writes one Word paragraph as its own Markdown block, recording its offsets; returns its number. */
	private paragraph(indent: string, marker: string, text: string, kind: WordParagraph['kind'], markdown = escapeLineStart(escapeInline(text)), note?: string, separator = '\n\n'): number | undefined {
		if (!text) return undefined;
		this.out += indent + marker;
		const start = this.out.length;
		this.out += markdown;
		this.record(kind, text, start, this.out.length, note);
		// A paragraph made only of a suppression comment is followed directly by the paragraph it silences.
		this.out += isOnlyDirective(text) ? '\n' : separator;
		return this.paragraphs.length;
	}

	private record(kind: WordParagraph['kind'], text: string, start: number, end: number, note?: string): void {
		this.paragraphs.push({
			number: this.paragraphs.length + 1,
			kind,
			text,
			start,
			end,
			headingPath: note ? [] : this.headings.map((h) => h.text),
			...(note ? { note } : {}),
		});
	}

	private list(list: HtmlElement, indent: string): void {
		let n = 0;
		const block: WordBlock = { kind: 'list', ordered: list.name === 'ol', items: [] };
		this.container.push(block);
		const items = list.children.filter((c): c is HtmlElement => c.kind === 'element' && c.name === 'li');
		for (const item of items) {
			const own = item.children.filter((c) => !(c.kind === 'element' && (c.name === 'ol' || c.name === 'ul' || c.name === 'table')));
			const text = plainText(own);
			const noteId = NOTE_ID.exec(item.attributes.id ?? '');
			const marker = list.name === 'ol' ? `${++n}. ` : '- ';
			const nested = item.children.filter((c): c is HtmlElement => c.kind === 'element' && (c.name === 'ol' || c.name === 'ul' || c.name === 'table'));
			const entry: WordListItem = { blocks: [] };
			block.items.push(entry);
			if (text) {
				const note = noteId ? `${noteId[1]} ${noteId[2]}` : undefined;
				const paragraph = this.paragraph(indent, marker, text, note ? 'note' : 'listItem', undefined, note, '\n');
				if (paragraph !== undefined) entry.paragraph = paragraph;
			}
			// Items without text of their own (only a sublist) leave no marker, so keep the sublist's indent.
			const inner = text ? indent + ' '.repeat(marker.length) : indent;
			const outer = this.container;
			this.container = entry.blocks;
			for (const child of nested) {
				if (child.name === 'table') {
					this.out += '\n';
					this.table(child, inner);
				} else this.list(child, inner);
			}
			this.container = outer;
		}
		this.out = this.out.replace(/\n*$/, '\n\n');
	}

	/** A GFM table: the first row is the header; a cell's paragraphs are joined with `<br>`. */
	private table(table: HtmlElement, indent: string): void {
		const shape = descendants(table, 'tr', ['table']).map((tr) => tr.children.filter((c): c is HtmlElement => c.kind === 'element' && (c.name === 'td' || c.name === 'th')));
		// In the Markdown a merged cell is followed by empty ones; the layout keeps it one cell that spans.
		const rows = shape.map((cells) => cells.flatMap((cell) => [cellParagraphs(cell), ...Array.from({ length: spanOf(cell, 'colspan') - 1 }, () => [])]));
		if (rows.length === 0) return;
		const layout: WordTableCell[][] = shape.map((cells) => cells.map((cell) => ({ header: cell.name === 'th', colspan: spanOf(cell, 'colspan'), rowspan: spanOf(cell, 'rowspan'), paragraphs: [] })));
		this.container.push({ kind: 'table', rows: layout });
		const columns = Math.max(1, ...rows.map((r) => r.length));
		rows.forEach((cells, i) => {
			this.out += `${indent}|`;
			const cellAt = layoutCells(layout[i]!);
			for (let c = 0; c < columns; c++) {
				this.out += ' ';
				(cells[c] ?? []).forEach((text, k) => {
					if (k > 0) this.out += '<br>';
					const start = this.out.length;
					this.out += escapeInline(text).replace(/\|/g, '\\|');
					this.record('tableCell', text, start, this.out.length);
					cellAt[c]?.paragraphs.push(this.paragraphs.length);
				});
				this.out += ' |';
			}
			this.out += '\n';
			if (i === 0) this.out += `${indent}|${' --- |'.repeat(columns)}\n`;
		});
		this.out += '\n';
	}
}

function spanOf(cell: HtmlElement, attribute: 'colspan' | 'rowspan'): number {
	const span = Number(cell.attributes[attribute] ?? 1);
	return Number.isInteger(span) && span > 1 ? span : 1;
}

/** The layout cell at each Markdown column of a row (a merged cell's columns after its first get none). */
function layoutCells(row: readonly WordTableCell[]): Array<WordTableCell | undefined> {
	return row.flatMap((cell) => [cell, ...Array.from({ length: cell.colspan - 1 }, () => undefined)]);
}

function isBlock(node: HtmlNode): boolean {
	return node.kind === 'element' && (HEADING.test(node.name) || ['p', 'ol', 'ul', 'table', 'li'].includes(node.name));
}

/** The Word paragraphs inside a table cell (nested lists and tables flattened into it). */
function cellParagraphs(cell: HtmlElement): string[] {
	const texts: string[] = [];
	const inline: HtmlNode[] = [];
	const flush = () => {
		const text = plainText(inline.splice(0));
		if (text) texts.push(text);
	};
	const visit = (nodes: readonly HtmlNode[]) => {
		for (const node of nodes) {
			if (node.kind === 'element' && (HEADING.test(node.name) || node.name === 'p' || node.name === 'li')) {
				flush();
				const own = node.children.filter((c) => !isBlock(c));
				const text = plainText(own);
				if (text) texts.push(text);
				visit(node.children.filter(isBlock));
			} else if (node.kind === 'element' && ['ol', 'ul', 'table', 'tr', 'td', 'th', 'tbody', 'thead'].includes(node.name)) {
				flush();
				visit(node.children);
			} else inline.push(node);
		}
	};
	visit(cell.children);
	flush();
	return texts;
}

function descendants(node: HtmlElement, name: string, stopAt: string[]): HtmlElement[] {
	const found: HtmlElement[] = [];
	for (const child of node.children) {
		if (child.kind !== 'element') continue;
		if (child.name === name) found.push(child);
		else if (!stopAt.includes(child.name)) found.push(...descendants(child, name, stopAt));
	}
	return found;
}

/** The text a Word user sees: line breaks and tabs as spaces, images and footnote back-links dropped. */
function plainText(nodes: readonly HtmlNode[]): string {
	let text = '';
	const visit = (list: readonly HtmlNode[]) => {
		for (const node of list) {
			if (node.kind === 'text') text += node.value;
			else if (node.name === 'br') text += ' ';
			else if (node.name === 'img') continue;
			else if (node.name === 'a' && NOTE_BACKLINK.test(node.attributes.href ?? '')) continue;
			else {
				if (isBlock(node) && text) text += ' ';
				visit(node.children);
			}
		}
	};
	visit(nodes);
	return text.replace(/[ \t\r\n]+/g, ' ').trim();
}

function isOnlyDirective(text: string): boolean {
	return text.replace(DIRECTIVE, '').trim() === '' && text.trim() !== '';
}

/**
 * Escapes what Markdown would read as markup (code spans, HTML, links, emphasis, entities), so the engine
 * reviews Word's words and nothing else. Suppression comments are kept as they are.
 */
export function escapeInline(text: string): string {
	let out = '';
	let last = 0;
	for (const m of text.matchAll(DIRECTIVE)) {
		out += escapePlain(text.slice(last, m.index));
		out += m[0];
		last = m.index + m[0].length;
	}
	return out + escapePlain(text.slice(last));
}

function escapePlain(text: string): string {
	return text
		.replace(/[\\`*[\]<]/g, '\\$&')
		.replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&')
		.replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (m) => m.replace('_', '\\_'));
}

/** Block markers at the start of a line (`#`, `>`, `-`, `+`, `1.`) would turn a paragraph into something else. */
function escapeLineStart(markdown: string): string {
	if (/^[#>+\-=~|]/.test(markdown)) return `\\${markdown}`;
	return markdown.replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** Turns a slice of the Markdown back into the text Word shows (escapes and cell joins removed). */
export function unescapeMarkdown(markdown: string): string {
	return markdown.replace(/<br>/g, ' ').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
