import type { DocumentFormat, Finding } from '../../engine';
import { bytesForCharacters, describeFsError, readBoundedText, UnreadableFileError } from '../safeRead';
import { DocxError, isWordDocument, readWordDocument } from './index';
import type { WordLocation } from './locate';

/** A file's text as the engine reviews it, and for Word documents the way back to Word paragraphs. */
export interface ReviewableFile {
	text: string;
	/** Set when the file's extension does not say it (a .docx is reviewed as its converted Markdown). */
	format?: DocumentFormat;
	locate?: (finding: Finding) => WordLocation | undefined;
}

/** Word 97–2003 documents are OLE files, not text: reading one as text would give a binary-content message at best. */
const LEGACY_WORD = /\.doc$/i;

/**
 * Reads a file the CLI was asked to review: text files as UTF-8, .docx through the converter. Nothing is read
 * that is not a regular file, nor more than a text of `maxCharacters` can take (the review's maxDocumentSize):
 * a larger file is refused before it is read. Throws UnreadableFileError or DocxError, whose messages
 * complete "<file> …".
 */
export async function readReviewable(file: string, maxCharacters: number): Promise<ReviewableFile> {
	if (LEGACY_WORD.test(file)) throw new DocxError('is a Word 97–2003 document (.doc), which Accountable cannot read; open it in Word and save it as .docx', 'legacy-word');
	if (!isWordDocument(file)) {
		try {
			return { text: readBoundedText(file, bytesForCharacters(maxCharacters)) };
		} catch (e) {
			if (e instanceof UnreadableFileError && e.reason === 'too-large') throw new UnreadableFileError(`is not reviewed: ${e.message.replace(/^is /, 'it is ')} (maxDocumentSize is ${maxCharacters} characters)`, 'too-large');
			throw e;
		}
	}
	const word = await readWordDocument(file, maxCharacters);
	return { text: word.markdown, format: 'markdown', locate: (finding) => word.locator.locate(finding.offsets) };
}

/** Why a file could not be read, as one line for the user: "<display> is a folder, not a file". */
export function readFailureMessage(display: string, e: unknown): string {
	if (e instanceof DocxError || e instanceof UnreadableFileError) return `${display} ${e.message}`;
	return `${display} ${describeFsError(e).message}`;
}
