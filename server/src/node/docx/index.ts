/**
 * Word documents (.docx): converted to Markdown with mammoth, reviewed by the engine like any draft, and
 * findings mapped back to Word paragraphs. Lives beside the engine (not in it) because it reads files.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { convertDocx } from './convert';
import { WordLocator } from './locate';
import type { WordParagraph } from './markdown';

export { DocxError } from './convert';
export { WordLocator, describeLocation, type WordLocation } from './locate';
export type { WordParagraph } from './markdown';

export interface WordDocument {
	/** The converted text the engine reviews (its offsets are what findings' ranges refer to). */
	markdown: string;
	paragraphs: WordParagraph[];
	locator: WordLocator;
}

export function isWordDocument(file: string): boolean {
	return path.extname(file).toLowerCase() === '.docx';
}

/** Converts Word document bytes; throws DocxError with a message for the user when it cannot. */
export async function convertWordDocument(bytes: Buffer): Promise<WordDocument> {
	const { markdown, paragraphs } = await convertDocx(bytes);
	return { markdown, paragraphs, locator: new WordLocator(markdown, paragraphs) };
}

/** Reads and converts a .docx file. File-system errors are thrown as they are; content problems as DocxError. */
export async function readWordDocument(file: string): Promise<WordDocument> {
	return convertWordDocument(await fs.readFile(file));
}
