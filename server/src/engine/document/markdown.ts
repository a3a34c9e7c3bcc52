import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Node, Parent } from 'unist';
import type { Link, Text } from 'mdast';
import type { ReviewDocument } from './model';
import { DocumentBuilder, blankExcept } from './builder';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

interface Context {
	quoted: boolean;
	listDepth: number;
}

const NOT_PROSE = new Set(['code', 'html', 'yaml', 'toml', 'definition', 'math']);

/** Parses Markdown (CommonMark + GFM tables + front matter) into the review document model. */
export function parseMarkdown(text: string): ReviewDocument {
	const tree = processor.parse(text) as Parent;
	const builder = new DocumentBuilder(text, 'markdown');
	walk(tree, { quoted: false, listDepth: 0 }, builder, text);
	return builder.build();
}

function walk(node: Node, ctx: Context, builder: DocumentBuilder, text: string): void {
	const start = node.position?.start.offset ?? 0;
	const end = node.position?.end.offset ?? start;
	switch (node.type) {
		case 'heading':
			builder.heading((node as unknown as { depth: number }).depth, start, end, prose(node, text, start, end));
			return;
		case 'paragraph':
			builder.block(ctx.listDepth > 0 ? 'listItem' : 'paragraph', start, end, prose(node, text, start, end), ctx.quoted, ctx.listDepth);
			return;
		case 'tableCell':
			builder.block('tableCell', start, end, prose(node, text, start, end), ctx.quoted, ctx.listDepth);
			return;
		case 'blockquote':
			ctx = { ...ctx, quoted: true };
			break;
		case 'listItem':
			ctx = { ...ctx, listDepth: ctx.listDepth + 1 };
			break;
		default:
			if (NOT_PROSE.has(node.type)) {
				builder.code(start, end);
				return;
			}
	}
	const children = (node as Parent).children;
	if (children) for (const child of children) walk(child, ctx, builder, text);
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
	const value = (link.children[0] as Text).value;
	return link.url === value || link.url === `mailto:${value}` || link.url === `http://${value}` || link.url === `https://${value}`;
}
