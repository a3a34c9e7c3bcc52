import { parseHtml } from './html';
import { renderMarkdown, type ConvertedMarkdown } from './markdown';
import { openPackage, PackageError, type RawInflate } from './package';
import { containsBytes, latin1, startsWith, utf16le } from './bytes';

/** A .docx that cannot be reviewed, with a message a Word user can act on. */
export class DocxError extends Error {
	constructor(
		message: string,
		readonly reason: 'encrypted' | 'legacy-word' | 'corrupt' | 'not-word' | 'limit' | 'too-large',
	) {
		super(message);
	}
}

const ZIP_MAGIC = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = new Uint8Array([0x50, 0x4b, 0x05, 0x06]);
/** Every OLE compound file (encrypted Office files, Word 97–2003 .doc) starts with these bytes. */
const OLE_MAGIC = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Office stores a password-protected .docx as an OLE file holding a stream with this (UTF-16) name. */
const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage');

/**
 * Word's own styles that mean "heading" beyond mammoth's defaults. A Title becomes a level-1 heading so the
 * sections under it are still found.
 */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='title'] => h1:fresh"];

/**
 * Converts a .docx file's bytes to reviewable Markdown and the table of where each Word paragraph went. The
 * package is unpacked within limits (see package.ts) with `inflateRaw`; `maxTextLength` bounds the text of
 * the document body.
 */
export async function convertDocx(bytes: Uint8Array, inflateRaw: RawInflate, maxTextLength = Infinity): Promise<ConvertedMarkdown> {
	refuseNonDocx(bytes);
	let file;
	try {
		file = openPackage(bytes, maxTextLength, inflateRaw);
	} catch (e) {
		throw e instanceof PackageError ? packageFailure(e) : classifyFailure(e as Error);
	}
	// Loaded on first use, so reviewing Markdown alone never pays for mammoth's start-up.
	const { default: mammoth } = await import('mammoth');
	let html: string;
	try {
		const result = await mammoth.convertToHtml(
			{ file } as unknown as { arrayBuffer: ArrayBuffer },
			{
				styleMap: STYLE_MAP,
				// Never follow links to other files named in the document, and do not inline images (not reviewed).
				externalFileAccess: false,
				convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
			},
		);
		html = result.value;
	} catch (e) {
		throw e instanceof PackageError ? packageFailure(e) : classifyFailure(e as Error);
	}
	return renderMarkdown(parseHtml(html));
}

function refuseNonDocx(bytes: Uint8Array): void {
	if (startsWith(bytes, OLE_MAGIC)) {
		if (containsBytes(bytes, ENCRYPTED_PACKAGE)) {
			throw new DocxError('is password-protected (encrypted); remove the password in Word (File › Info › Protect Document) and save again, or review a copy without one', 'encrypted');
		}
		throw new DocxError('is a Word 97–2003 document (.doc) or another OLE file, not a .docx; open it in Word and save it as .docx', 'legacy-word');
	}
	if (bytes.length === 0) throw new DocxError('is empty (0 bytes), not a Word document', 'corrupt');
	if (!startsWith(bytes, ZIP_MAGIC) && !startsWith(bytes, EMPTY_ZIP_MAGIC)) {
		throw new DocxError(`is not a Word document (.docx): it is not a ZIP package${describeContent(bytes)}`, 'not-word');
	}
}

function packageFailure(e: PackageError): DocxError {
	if (e.kind === 'too-large-text') return new DocxError(`is not reviewed: ${e.message}`, 'too-large');
	if (e.kind === 'limit') return new DocxError(`is refused: it ${e.message}`, 'limit');
	return new DocxError(`is damaged and cannot be read: it ${e.message}; open it in Word to repair it, or save a fresh copy`, 'corrupt');
}

function classifyFailure(e: Error): DocxError {
	const message = e.message ?? String(e);
	if (/main document part|word\/document\.xml/i.test(message)) {
		return new DocxError('is a ZIP file but not a Word document (it has no word/document.xml)', 'not-word');
	}
	return new DocxError(`is damaged and cannot be read (${message.replace(/\s+/g, ' ').trim()}); open it in Word to repair it, or save a fresh copy`, 'corrupt');
}

/** A hint about what the file is instead, from its first bytes. */
function describeContent(bytes: Uint8Array): string {
	const head = latin1(bytes.subarray(0, 8));
	if (head.startsWith('%PDF')) return ' (it looks like a PDF)';
	if (head.startsWith('{\\rtf')) return ' (it looks like an RTF file; save it as .docx)';
	if (/^\s*</.test(head)) return ' (it looks like HTML or XML)';
	if (!bytes.subarray(0, 512).some((b) => b === 0)) return ' (it looks like plain text)';
	return '';
}
