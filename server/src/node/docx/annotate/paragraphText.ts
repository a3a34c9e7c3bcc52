import { W } from './wordPackage';

/**
 * One character of a paragraph's visible text and where it lives: a character of a `w:t`, or a run child
 * that reads as one character (a tab or line break reads as a space, as the converter reads it).
 */
interface SourceChar {
	char: string;
	run: Element;
	/** The `w:t`, `w:tab` or `w:br` element in the run. */
	node: Element;
	/** Index in the `w:t`'s text; 0 for elements that read as one character. */
	index: number;
}

/** A paragraph's text as Word shows it (whitespace collapsed like the converter's), and each character's source. */
export interface ParagraphText {
	text: string;
	/** For each character of `text`, the source character it came from. */
	sources: SourceChar[];
}

/** Content that is not part of the visible text: deleted tracked changes, properties, text boxes (read on their own). */
const SKIPPED = new Set(['del', 'moveFrom', 'pPr', 'rPr', 'txbxContent', 'delText', 'instrText']);
const AS_SPACE = new Set(['tab', 'br', 'cr', 'ptab']);

/**
 * Reads a `w:p`'s visible text: runs directly in it and in hyperlinks, insertions (tracked), fields, content
 * controls and smart tags; deleted text is left out, as Word's "final" view and the converter leave it out.
 */
export function paragraphText(paragraph: Element, notes: NoteNumbers = NO_NOTES): ParagraphText {
	const raw: SourceChar[] = [];
	const visit = (parent: Element): void => {
		for (const child of elements(parent)) {
			if (child.namespaceURI !== W || SKIPPED.has(child.localName)) continue;
			if (child.localName === 'r') readRun(child, raw, notes);
			else if (child.localName !== 'p') visit(child);
		}
	};
	visit(paragraph);
	// Collapse whitespace and trim, as the converter does, keeping each kept character's source.
	let text = '';
	const sources: SourceChar[] = [];
	for (const c of raw) {
		const space = /[ \t\r\n]/.test(c.char);
		if (space && (text === '' || text.endsWith(' '))) continue;
		text += space ? ' ' : c.char;
		sources.push(c);
	}
	if (text.endsWith(' ')) {
		text = text.slice(0, -1);
		sources.pop();
	}
	return { text, sources };
}

/** The "[n]" the converter writes for each footnote or endnote reference, numbered through the body. */
export type NoteNumbers = ReadonlyMap<Element, number>;
const NO_NOTES: NoteNumbers = new Map();

export function noteNumbers(document: Document): NoteNumbers {
	const references = Array.from(document.getElementsByTagNameNS(W, '*')).filter((e) => (e.localName === 'footnoteReference' || e.localName === 'endnoteReference') && !hasAncestor(e, 'del'));
	return new Map(references.map((e, i) => [e, i + 1] as [Element, number]));
}

function readRun(run: Element, out: SourceChar[], notes: NoteNumbers): void {
	for (const child of elements(run)) {
		if (child.namespaceURI !== W) continue;
		if (child.localName === 't') {
			const value = child.textContent ?? '';
			for (let i = 0; i < value.length; i++) out.push({ char: value[i]!, run, node: child, index: i });
		} else if (AS_SPACE.has(child.localName)) out.push({ char: ' ', run, node: child, index: 0 });
		else if (child.localName === 'noBreakHyphen') out.push({ char: '-', run, node: child, index: 0 });
		else if (notes.has(child)) for (const char of `[${notes.get(child)}]`) out.push({ char, run, node: child, index: 0 });
	}
}

export function elements(parent: Node): Element[] {
	const out: Element[] = [];
	for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
	return out;
}

/** The body's paragraphs in reading order (table cells and content controls included; text boxes not). */
export function bodyParagraphs(document: Document): Element[] {
	const body = document.getElementsByTagNameNS(W, 'body')[0];
	if (!body) return [];
	return Array.from(body.getElementsByTagNameNS(W, 'p')).filter((p) => !hasAncestor(p, 'txbxContent'));
}

function hasAncestor(node: Element, localName: string): boolean {
	for (let n = node.parentNode; n; n = n.parentNode) if ((n as Element).localName === localName && (n as Element).namespaceURI === W) return true;
	return false;
}

/**
 * Marks characters `start` to `end` (end exclusive, in `paragraphText(paragraph).text`) as the range of
 * comment `id`: `w:commentRangeStart` before the first character, `w:commentRangeEnd` after the last and the
 * comment's reference run after that. Runs are split where the range starts or ends inside them; each half
 * keeps the run's properties, and a run inside a tracked insertion stays inside it.
 */
export function markCommentRange(paragraph: Element, start: number, end: number, id: number, notes: NoteNumbers = NO_NOTES): void {
	const document = paragraph.ownerDocument;
	const source = (i: number): SourceChar => {
		const c = paragraphText(paragraph, notes).sources[i];
		if (!c) throw new Error(`characters ${start}-${end} are outside the paragraph`);
		return c;
	};
	// The end first: splitting there leaves the positions before it where they were.
	splitAfter(source(end - 1));
	const firstRun = splitBefore(source(start));
	const endRun = source(end - 1).run;

	const rangeStart = wElement(document, 'commentRangeStart', { id: String(id) });
	firstRun.parentNode!.insertBefore(rangeStart, firstRun);
	const rangeEnd = wElement(document, 'commentRangeEnd', { id: String(id) });
	endRun.parentNode!.insertBefore(rangeEnd, endRun.nextSibling);
	// The reference run goes outside any tracked change, so accepting or rejecting it leaves the comment alone.
	let after: Node = rangeEnd;
	while (after.parentNode && after.parentNode !== paragraph && isTrackedChange(after.parentNode as Element)) after = after.parentNode;
	const reference = wElement(document, 'r');
	reference.appendChild(wElement(document, 'commentReference', { id: String(id) }));
	after.parentNode!.insertBefore(reference, after.nextSibling);
}

function isTrackedChange(element: Element): boolean {
	return element.namespaceURI === W && ['ins', 'moveTo'].includes(element.localName);
}

export function wElement(document: Document, localName: string, attributes: Record<string, string> = {}): Element {
	const element = document.createElementNS(W, `w:${localName}`);
	for (const [name, value] of Object.entries(attributes)) element.setAttributeNS(W, `w:${name}`, value);
	return element;
}

/** Splits `c.run` so that `c` is its first visible character; returns the run that now starts with it. */
function splitBefore(c: SourceChar): Element {
	if (c.node.localName === 't' && c.index > 0) return splitRun(c.run, c.node, c.index);
	const content = elements(c.run).filter((e) => e.localName !== 'rPr');
	return content[0] === c.node ? c.run : splitRun(c.run, c.node, 0);
}

/** Splits `c.run` so that `c` is its last visible character (the run keeps it). */
function splitAfter(c: SourceChar): void {
	if (c.node.localName === 't' && c.index + 1 < (c.node.textContent ?? '').length) {
		splitRun(c.run, c.node, c.index + 1);
		return;
	}
	const next = elements(c.run).slice(elements(c.run).indexOf(c.node) + 1)[0];
	if (next) splitRun(c.run, next, 0);
}

/**
 * Moves `node` (from character `at` of its text when it is a `w:t`) and everything after it in `run` to a
 * new run right after `run`, with a copy of the run's attributes and properties. Returns the new run.
 */
function splitRun(run: Element, node: Element, at: number): Element {
	const document = run.ownerDocument;
	const second = run.cloneNode(false) as Element;
	const properties = elements(run).find((e) => e.localName === 'rPr' && e.namespaceURI === W);
	if (properties) second.appendChild(properties.cloneNode(true));
	let moveFrom: Node | null = node;
	if (at > 0) {
		const value = node.textContent ?? '';
		const tail = node.cloneNode(false) as Element;
		tail.appendChild(document.createTextNode(value.slice(at)));
		setText(node, value.slice(0, at));
		preserveSpace(node);
		preserveSpace(tail);
		second.appendChild(tail);
		moveFrom = node.nextSibling;
	}
	while (moveFrom) {
		const next: Node | null = moveFrom.nextSibling;
		second.appendChild(moveFrom);
		moveFrom = next;
	}
	run.parentNode!.insertBefore(second, run.nextSibling);
	return second;
}

function setText(element: Element, value: string): void {
	while (element.firstChild) element.removeChild(element.firstChild);
	element.appendChild(element.ownerDocument.createTextNode(value));
}

/** A `w:t` that starts or ends with a space loses it unless it says xml:space="preserve". */
function preserveSpace(t: Element): void {
	t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
}
