/**
 * Word documents (.docx): converted to Markdown with mammoth, reviewed by the engine like any draft, and
 * findings mapped back to Word paragraphs. Lives beside the engine (not in it) because it reads files.
 */
import * as path from 'node:path';
import { readBoundedFile } from '../safeRead';
import { inflateRawNode } from './inflateNode';
import { convertWordBytes, type WordDocument } from './wordDocument';

export { DocxError } from './convert';
export { WordLocator, describeLocation, type WordLocation } from './locate';
export type { WordBlock, WordParagraph } from './markdown';
export type { WordDocument } from './wordDocument';

export function isWordDocument(file: string): boolean {
	return path.extname(file).toLowerCase() === '.docx';
}

/** The largest .docx file read (pictures included; they are never unpacked). */
export const MAX_WORD_FILE_BYTES = 200 * 1024 * 1024;

/**
 * Converts Word document bytes; throws DocxError with a message for the user when it cannot. `maxTextLength`
 * (the review's maxDocumentSize) stops the unpacking once the document's text is longer.
 */
export function convertWordDocument(bytes: Uint8Array, maxTextLength = Infinity): Promise<WordDocument> {
	return convertWordBytes(bytes, inflateRawNode, maxTextLength);
}

/**
 * Reads and converts a .docx file, refusing what is not a regular file of bounded size before reading it.
 * File problems are thrown as UnreadableFileError; content problems as DocxError.
 */
export async function readWordDocument(file: string, maxTextLength = Infinity): Promise<WordDocument> {
	return convertWordDocument(readBoundedFile(file, MAX_WORD_FILE_BYTES), maxTextLength);
}
