import * as zlib from 'node:zlib';

/**
 * ZIP packages built byte by byte for hostile-input tests: zip bombs, forged part names, packages of many
 * parts. Sizes and checksums in the headers are written as given (a forger's are lies), never trusted.
 */

export interface ZipPart {
	name: string;
	/** The part's bytes as stored: raw deflate data when `deflated`, else the content itself. */
	data: Buffer;
	deflated: boolean;
	/** What the headers claim the part unpacks to (default: the stored size). */
	claimedSize?: number;
}

export function zip(parts: ZipPart[]): Buffer {
	const locals: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const part of parts) {
		const name = Buffer.from(part.name, 'utf8');
		const header = Buffer.alloc(30);
		header.writeUInt32LE(0x04034b50, 0);
		header.writeUInt16LE(20, 4);
		header.writeUInt16LE(0x0800, 6); // UTF-8 names
		header.writeUInt16LE(part.deflated ? 8 : 0, 8);
		header.writeUInt32LE(0, 14); // CRC: not checked by the reader under test
		header.writeUInt32LE(part.data.length, 18);
		header.writeUInt32LE(Math.min(part.claimedSize ?? part.data.length, 0xfffffffe), 22);
		header.writeUInt16LE(name.length, 26);
		locals.push(header, name, part.data);
		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(0x02014b50, 0);
		entry.writeUInt16LE(20, 4);
		entry.writeUInt16LE(20, 6);
		entry.writeUInt16LE(0x0800, 8);
		entry.writeUInt16LE(part.deflated ? 8 : 0, 10);
		entry.writeUInt32LE(part.data.length, 20);
		entry.writeUInt32LE(Math.min(part.claimedSize ?? part.data.length, 0xfffffffe), 24);
		entry.writeUInt16LE(name.length, 28);
		entry.writeUInt32LE(offset, 42);
		central.push(entry, name);
		offset += 30 + name.length + part.data.length;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(Math.min(parts.length, 0xffff), 8);
	end.writeUInt16LE(Math.min(parts.length, 0xffff), 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

/**
 * Raw deflate data for `head`, then `repeat` copies of `unit`, then `tail`, built without ever holding the
 * whole: `unit` is compressed once as a self-contained block (a full flush resets the dictionary) and its
 * bytes repeated. 5 GB of zeros this way take about 5 MB.
 */
export function deflatedRepeat(head: string, unit: Buffer, repeat: number, tail: string): Buffer {
	const flushed = (data: Buffer): Buffer => zlib.deflateRawSync(data, { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 });
	const headBlock = flushed(Buffer.from(head));
	const unitBlock = flushed(unit);
	const tailBlock = zlib.deflateRawSync(Buffer.from(tail), { level: 9 });
	const blocks: Buffer[] = [headBlock];
	for (let i = 0; i < repeat; i++) blocks.push(unitBlock);
	blocks.push(tailBlock);
	return Buffer.concat(blocks);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
export const BODY_OPEN = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
export const BODY_CLOSE = '</w:t></w:r></w:p></w:body></w:document>';

const stored = (name: string, text: string): ZipPart => ({ name, data: Buffer.from(text), deflated: false });

/** A Word package whose body is the given raw-deflated document.xml, with the parts Word needs around it. */
export function wordPackage(documentXml: Buffer, extra: ZipPart[] = []): Buffer {
	return zip([stored('[Content_Types].xml', CONTENT_TYPES), stored('_rels/.rels', RELS), { name: 'word/document.xml', data: documentXml, deflated: true }, ...extra]);
}

/** A small, ordinary Word package holding `paragraphs`. */
export function plainWordPackage(paragraphs: string[]): Buffer {
	const body = `${BODY_OPEN.replace(/<w:p><w:r><w:t>$/, '')}${paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`;
	return wordPackage(zlib.deflateRawSync(Buffer.from(body)));
}
