import type JSZip from 'jszip';

/**
 * jszip and xmldom (with the stream library jszip loads) are required when a Word document is first
 * annotated, not when a process starts: every CLI run paid for loading them.
 */
function jszip(): typeof JSZip {
	return require('jszip') as typeof JSZip;
}
function xmldom(): typeof import('@xmldom/xmldom') {
	return require('@xmldom/xmldom') as typeof import('@xmldom/xmldom');
}

/** WordprocessingML's main namespace (the `w:` prefix). */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';

/**
 * An Open XML package (.docx) opened for editing: a ZIP of XML parts. Parts are read into DOM documents and
 * written back through a serializer, so every element, attribute and namespace the document had (tracked
 * changes, existing comments, w14/w15 extensions) is kept as it was; entries never touched are copied
 * through as they are.
 */
export class WordPackage {
	private readonly parsed = new Map<string, Document>();

	private constructor(private readonly zip: JSZip) {}

	static async open(bytes: Uint8Array): Promise<WordPackage> {
		return new WordPackage(await jszip().loadAsync(bytes));
	}

	has(part: string): boolean {
		return this.zip.file(part) !== null;
	}

	/** A part as a DOM document (parsed once; later edits are kept until save). */
	async part(name: string): Promise<Document> {
		const known = this.parsed.get(name);
		if (known) return known;
		const entry = this.zip.file(name);
		if (!entry) throw new Error(`the package has no part ${name}`);
		const document = parseXml(await entry.async('string'), name);
		this.parsed.set(name, document);
		return document;
	}

	/** Adds a new part, with its relationship from `owner` and its content type. Returns the relationship id. */
	async addPart(name: string, xml: string, contentType: string, owner: string, relationshipType: string): Promise<string> {
		this.parsed.set(name, parseXml(xml, name));
		const types = await this.part('[Content_Types].xml');
		const override = types.createElementNS(CONTENT_TYPES, 'Override');
		override.setAttribute('PartName', `/${name}`);
		override.setAttribute('ContentType', contentType);
		types.documentElement.appendChild(override);

		const relsName = relationshipsPartOf(owner);
		if (!this.has(relsName) && !this.parsed.has(relsName)) this.parsed.set(relsName, parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${RELATIONSHIPS}"/>`, relsName));
		const rels = await this.part(relsName);
		const taken = new Set(Array.from(rels.getElementsByTagNameNS(RELATIONSHIPS, 'Relationship')).map((r) => r.getAttribute('Id')));
		let n = taken.size + 1;
		while (taken.has(`rId${n}`)) n++;
		const relationship = rels.createElementNS(RELATIONSHIPS, 'Relationship');
		relationship.setAttribute('Id', `rId${n}`);
		relationship.setAttribute('Type', relationshipType);
		relationship.setAttribute('Target', name.slice(ownerFolder(owner).length));
		rels.documentElement.appendChild(relationship);
		return `rId${n}`;
	}

	/** The package with every parsed part serialized back in; untouched parts are the original bytes. */
	async save(): Promise<Uint8Array> {
		const serializer = new (xmldom().XMLSerializer)();
		for (const [name, document] of this.parsed) this.zip.file(name, serializer.serializeToString(document));
		return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
	}
}

function parseXml(xml: string, name: string): Document {
	const problems: string[] = [];
	const document = new (xmldom().DOMParser)({
		errorHandler: { warning: () => undefined, error: (m: string) => problems.push(m), fatalError: (m: string) => problems.push(m) },
	}).parseFromString(xml, 'text/xml');
	if (problems.length > 0 || !document?.documentElement) throw new Error(`${name} is not well-formed XML (${problems[0] ?? 'no root element'})`);
	return document as unknown as Document;
}

/** `word/document.xml` → `word/_rels/document.xml.rels`. */
function relationshipsPartOf(part: string): string {
	const folder = ownerFolder(part);
	return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

function ownerFolder(part: string): string {
	return part.slice(0, part.lastIndexOf('/') + 1);
}
