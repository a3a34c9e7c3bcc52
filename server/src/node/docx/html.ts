/**
 * A small reader for the HTML mammoth writes. Mammoth's output is regular (lower-case tags, double-quoted
 * attributes, the four basic entities escaped), so a tokenizer and a stack are enough: no general HTML
 * parser is needed, and nothing from the document is ever executed or fetched.
 */

export interface HtmlElement {
	kind: 'element';
	name: string;
	attributes: Record<string, string>;
	children: HtmlNode[];
}

export interface HtmlText {
	kind: 'text';
	value: string;
}

export type HtmlNode = HtmlElement | HtmlText;

const VOID_ELEMENTS = new Set(['br', 'img', 'hr']);
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>|<!--[\s\S]*?-->|([^<]+|<)/g;
const ATTRIBUTE = /([^\s=>/]+)(?:="([^"]*)")?/g;

/** Parses mammoth's HTML into a tree. Unbalanced closing tags are ignored; unclosed ones close at the end. */
export function parseHtml(html: string): HtmlNode[] {
	const root: HtmlElement = { kind: 'element', name: '#root', attributes: {}, children: [] };
	const stack: HtmlElement[] = [root];
	for (const m of html.matchAll(TOKEN)) {
		const top = stack[stack.length - 1]!;
		const [, closing, rawName, rawAttributes, selfClosing, text] = m;
		if (text !== undefined) {
			top.children.push({ kind: 'text', value: decodeEntities(text) });
			continue;
		}
		if (rawName === undefined) continue; // an HTML comment
		const name = rawName.toLowerCase();
		if (closing) {
			const at = stack.map((e) => e.name).lastIndexOf(name);
			if (at > 0) stack.length = at;
			continue;
		}
		const element: HtmlElement = { kind: 'element', name, attributes: parseAttributes(rawAttributes ?? ''), children: [] };
		top.children.push(element);
		if (!selfClosing && !VOID_ELEMENTS.has(name)) stack.push(element);
	}
	return root.children;
}

function parseAttributes(raw: string): Record<string, string> {
	const attributes: Record<string, string> = {};
	for (const m of raw.matchAll(ATTRIBUTE)) attributes[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? '');
	return attributes;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
	return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
		if (!name.startsWith('#')) return NAMED[name] ?? whole;
		const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}
