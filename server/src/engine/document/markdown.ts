import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Node, Parent } from 'unist';
import type { Link, Text } from 'mdast';
import type { ReviewDocument } from './model';
import type { ParseEvent } from './events';
import { blankExcept, DocumentBuilder, hasProse } from './builder';
import { markdownChunks } from './chunks';
import { splitSentences } from './sentences';
import { fastMarkdownEvents } from './fastMarkdown';
import { detached } from '../detached';
import { fenceClosedBy, fenceOpenedBy, htmlBlockOpenedAt, showsOwnAddress } from './markdownSyntax';

/** CommonMark + GFM (tables, task lists, footnotes, strikethrough, autolinks) + front matter. */
const full = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
/** Chunks after the first cannot hold front matter ("---" there is a thematic break). */
const gfmOnly = unified().use(remarkParse).use(remarkGfm);
/** Chunks without any character GFM syntax needs parse the same without it, and faster. */
const commonMark = unified().use(remarkParse);
const commonMarkWithFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

/** Characters without which no GFM construct (table, strikethrough, autolink literal, footnote, task item) can occur. */
const GFM_SYNTAX = /[|~@]|www\.|https?:|\[\^|\[[ xX]\]/i;

interface Context {
	quoted: boolean;
	listDepth: number;
}

const NOT_PROSE = new Set(['code', 'html', 'yaml', 'toml', 'definition', 'math']);

/** Parses Markdown (CommonMark + GFM tables + front matter) into the review document model. */
export function parseMarkdown(text: string): ReviewDocument {
	const builder = new DocumentBuilder(text, 'markdown');
	for (const chunk of parseMarkdownChunks(text)) builder.replay(chunk.events, chunk.start);
	return builder.build();
}

/** Parses the whole text at once, without chunks: the reference the chunked parse must equal (tests). */
export function parseMarkdownWhole(text: string): ReviewDocument {
	const builder = new DocumentBuilder(text, 'markdown');
	const events: ParseEvent[] = [];
	walk(full.parse(keepingBomOffset(text)) as Parent, { quoted: false, listDepth: 0 }, events, text);
	builder.replay(events, 0);
	return builder.build();
}

export interface ParsedChunk {
	start: number;
	end: number;
	/** The chunk's source, the key under which its events can be reused. */
	text: string;
	events: ParseEvent[];
}

/** A chunk's parse, as the incremental reviewer keeps it: its events and whether it ended inside an open block. */
export interface ChunkParse {
	events: ParseEvent[];
	/** The chunk ended inside a fenced code block or HTML block (possible only for the last chunk). */
	open: boolean;
}

/**
 * Parses a Markdown text chunk by chunk (see markdownChunks). `reuse` may return the parse of a chunk with
 * the same text seen before; `remember` is told of each chunk parsed. The incremental reviewer passes its
 * cache through these.
 */
export function parseMarkdownChunks(
	text: string,
	reuse?: (chunkText: string, first: boolean) => ChunkParse | undefined,
	remember?: (chunkText: string, first: boolean, parse: ChunkParse) => void,
	/** Parse each new chunk from a copy of its text (detached.ts): what is kept of it then holds no other part of `text`. */
	detach = false,
): ParsedChunk[] {
	const own = (chunkText: string): string => (detach ? detached(chunkText) : chunkText);
	const cuts = markdownChunks(text);
	const out: ParsedChunk[] = [];
	for (let k = 0; k < cuts.length; k++) {
		const start = cuts[k]!.start;
		let end = cuts[k]!.end;
		const first = start === 0;
		let chunkText = text.slice(start, end);
		const kept = reuse?.(chunkText, first);
		// A chunk that was last and left a block open would run on into the chunk that now follows it.
		if (kept && !(kept.open && k + 1 < cuts.length)) {
			out.push({ start, end, text: chunkText, events: kept.events });
			continue;
		}
		chunkText = own(chunkText);
		// Ordinary policy Markdown (most chunks) is read without remark-parse.
		const fast = fastMarkdownEvents(chunkText, first);
		if (fast) {
			remember?.(chunkText, first, { events: fast, open: false });
			out.push({ start, end, text: chunkText, events: fast });
			continue;
		}
		let tree = parseTree(chunkText, first);
		let open = leftOpen(tree, chunkText);
		// A fenced code block or HTML block left open at the chunk's end runs on into the next chunk.
		while (open && k + 1 < cuts.length) {
			k++;
			end = cuts[k]!.end;
			chunkText = own(text.slice(start, end));
			tree = parseTree(chunkText, first);
			open = leftOpen(tree, chunkText);
		}
		const events: ParseEvent[] = [];
		walk(tree, { quoted: false, listDepth: 0 }, events, chunkText);
		remember?.(chunkText, first, { events, open });
		out.push({ start, end, text: chunkText, events });
	}
	return out;
}

/**
 * Parse events for one stretch of Markdown, offsets relative to its start. `shortcut: false` always runs
 * remark-parse, even where the fast reader applies (tests compare the two).
 */
export function markdownEvents(text: string, first: boolean, shortcut = true): ParseEvent[] {
	const fast = shortcut ? fastMarkdownEvents(text, first) : undefined;
	if (fast) return fast;
	const events: ParseEvent[] = [];
	walk(parseTree(text, first), { quoted: false, listDepth: 0 }, events, text);
	return events;
}

function parseTree(text: string, first: boolean): Parent {
	const gfm = GFM_SYNTAX.test(text);
	const processor = first ? (gfm ? full : commonMarkWithFrontMatter) : gfm ? gfmOnly : commonMark;
	return processor.parse(keepingBomOffset(text)) as Parent;
}

/**
 * The text with a leading byte-order mark read as a space. The parser drops a leading U+FEFF and counts its
 * positions from the character after it, so every offset it gave was one short of the text's: a block ending
 * in a character outside the Basic Multilingual Plane ended inside its surrogate pair. A space of the same
 * length keeps the parser's offsets the text's own.
 */
function keepingBomOffset(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

/** True when the tree's last block is a fenced code block or a type 1–5 HTML block without its end. */
function leftOpen(tree: Parent, text: string): boolean {
	const last = tree.children[tree.children.length - 1];
	if (!last?.position) return false;
	const source = text.slice(last.position.start.offset, last.position.end.offset);
	if (last.type === 'code') {
		const lines = source.split('\n');
		const fence = fenceOpenedBy(lines[0]!);
		if (fence === undefined) return false;
		return !(lines.length > 1 && fenceClosedBy(lines[lines.length - 1]!, fence));
	}
	if (last.type === 'html') {
		const html = htmlBlockOpenedAt(source, 0, source.length);
		return html !== undefined && !html.close.test(source.slice(html.from));
	}
	return false;
}

function walk(node: Node, ctx: Context, events: ParseEvent[], text: string): void {
	const start = node.position?.start.offset ?? 0;
	const end = node.position?.end.offset ?? start;
	switch (node.type) {
		case 'heading': {
			const p = prose(node, text, start, end);
			events.push({ type: 'heading', level: (node as unknown as { depth: number }).depth, start, end, prose: p, sentences: splitSentences(p, start) });
			return;
		}
		case 'paragraph':
			block(events, ctx.listDepth > 0 ? 'listItem' : 'paragraph', start, end, prose(node, text, start, end), ctx);
			return;
		case 'tableCell':
			block(events, 'tableCell', start, end, prose(node, text, start, end), ctx);
			return;
		case 'blockquote':
			ctx = { ...ctx, quoted: true };
			break;
		case 'listItem':
			ctx = { ...ctx, listDepth: ctx.listDepth + 1 };
			break;
		default:
			if (NOT_PROSE.has(node.type)) {
				events.push({ type: 'code', start, end });
				return;
			}
	}
	const children = (node as Parent).children;
	if (children) for (const child of children) walk(child, ctx, events, text);
}

function block(events: ParseEvent[], kind: 'paragraph' | 'listItem' | 'tableCell', start: number, end: number, p: string, ctx: Context): void {
	if (!hasProse(p)) return;
	events.push({ type: 'block', kind, start, end, prose: p, quoted: ctx.quoted, listDepth: ctx.listDepth, sentences: splitSentences(p, start) });
}

/** The block's source with everything but its words blanked. */
function prose(node: Node, text: string, start: number, end: number): string {
	const pieces: Array<{ start: number; end: number; value: string }> = [];
	collectText(node, pieces);
	return blankExcept(text, start, end, pieces);
}

function collectText(node: Node, pieces: Array<{ start: number; end: number; value: string }>): void {
	if (node.type === 'text') {
		const t = node as Text;
		if (t.position?.start.offset !== undefined && t.position.end.offset !== undefined) {
			pieces.push({ start: t.position.start.offset, end: t.position.end.offset, value: t.value });
		}
		return;
	}
	if (node.type === 'inlineCode' || node.type === 'html' || node.type === 'image' || node.type === 'imageReference' || node.type === 'footnoteReference' || node.type === 'inlineMath') return;
	if (node.type === 'link' && isBareUrl(node as Link)) return;
	const children = (node as Parent).children;
	if (children) for (const child of children) collectText(child, pieces);
}

/** Autolinks and bare URLs show their own address: not prose. */
function isBareUrl(link: Link): boolean {
	if (link.children.length !== 1 || link.children[0]!.type !== 'text') return false;
	return showsOwnAddress((link.children[0] as Text).value, link.url);
}
