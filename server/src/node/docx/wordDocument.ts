/**
 * A Word document converted for review, from its bytes: what Node.js (./index.ts, which reads files) and the
 * web page (server/src/web) share. Needs no file system and no Buffer; the caller brings the inflater.
 */
import { convertDocx } from './convert';
import { WordLocator } from './locate';
import type { WordBlock, WordParagraph } from './markdown';
import type { RawInflate } from './package';

export interface WordDocument {
	/** The converted text the engine reviews (its offsets are what findings' ranges refer to). */
	markdown: string;
	paragraphs: WordParagraph[];
	/** Headings, paragraphs, lists and tables as the reader sees them (the Word review editor draws these). */
	layout: WordBlock[];
	locator: WordLocator;
}

/**
 * Converts Word document bytes; throws DocxError with a message for the user when it cannot. `maxTextLength`
 * (the review's maxDocumentSize) stops the unpacking once the document's text is longer.
 */
export async function convertWordBytes(bytes: Uint8Array, inflateRaw: RawInflate, maxTextLength = Infinity): Promise<WordDocument> {
	const { markdown, paragraphs, layout } = await convertDocx(bytes, inflateRaw, maxTextLength);
	return { markdown, paragraphs, layout, locator: new WordLocator(markdown, paragraphs) };
}
