import * as fs from 'node:fs';
import type { DocumentFormat, Finding } from '../../engine';
import { isWordDocument, readWordDocument } from './index';
import type { WordLocation } from './locate';

/** A file's text as the engine reviews it, and for Word documents the way back to Word paragraphs. */
export interface ReviewableFile {
	text: string;
	/** Set when the file's extension does not say it (a .docx is reviewed as its converted Markdown). */
	format?: DocumentFormat;
	locate?: (finding: Finding) => WordLocation | undefined;
}

/**
 * Reads a file the CLI was asked to review: text files as UTF-8, .docx through the converter.
 * Throws the file system's error, or a DocxError whose message completes "<file> …".
 */
export async function readReviewable(file: string): Promise<ReviewableFile> {
	if (!isWordDocument(file)) return { text: fs.readFileSync(file, 'utf8') };
	const word = await readWordDocument(file);
	return { text: word.markdown, format: 'markdown', locate: (finding) => word.locator.locate(finding.offsets) };
}
