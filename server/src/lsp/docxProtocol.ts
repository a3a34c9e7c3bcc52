/**
 * How the VS Code extension and the language server talk about Word documents. No imports, so the extension
 * bundle pulls in neither mammoth nor the server.
 */

/** Read-only review views of Word documents: `accountable-docx:/path/to/proposal.docx` (the .docx's own path). */
export const DOCX_SCHEME = 'accountable-docx';

/** Client command: open a .docx in a read-only review view. */
export const REVIEW_WORD_DOCUMENT_COMMAND = 'accountable.reviewWordDocument';

/** Request: convert a .docx (its file: URI, or the review view's accountable-docx: URI) to reviewable Markdown. */
export const CONVERT_DOCX_REQUEST = 'accountable/convertDocx';

export interface ConvertDocxParams {
	uri: string;
}

/** A Word paragraph's place in the converted Markdown (offsets in UTF-16 code units, end exclusive). */
export interface ConvertedParagraph {
	paragraph: number;
	headingPath: string[];
	start: number;
	end: number;
	note?: string;
}

export interface ConvertDocxResult {
	markdown: string;
	paragraphs: ConvertedParagraph[];
}

export function isWordReviewView(uri: string): boolean {
	return uri.startsWith(`${DOCX_SCHEME}:`);
}

/** Why a command that edits the document (apply a suggestion, disable a rule for a line or the file) refuses a review view. */
export const READ_ONLY_VIEW_MESSAGE =
	'the review of a Word document is read-only: make the change in Word (the review follows when the .docx is saved), or disable the rule in the workspace configuration';

/** The file: URI of the .docx a review view shows (`accountable-docx:/a/b.docx` → `file:///a/b.docx`). */
export function docxFileUri(uri: string): string {
	return uri.startsWith(`${DOCX_SCHEME}:`) ? `file://${uri.slice(DOCX_SCHEME.length + 1).replace(/^\/\//, '')}` : uri;
}

/** Client command: write the reviewed copy of a .docx with a Word comment on each finding. */
export const SAVE_REVIEWED_COPY_COMMAND = 'accountable.saveReviewedCopy';

/** Request: write `<name>.reviewed.docx` beside the .docx (its file: URI or its view's URI). */
export const ANNOTATE_DOCX_REQUEST = 'accountable/annotateDocx';

export interface AnnotateDocxParams {
	uri: string;
	/** Replace an existing reviewed copy (the user said so). */
	force?: boolean;
}

export interface AnnotateDocxResult {
	/** The copy's file: URI. */
	target: string;
	comments: number;
	unanchored: number;
	profile: string;
	profileReason: string;
}

/** The error code of an annotate request refused because the copy exists (ask, then send force: true). */
export const REVIEWED_COPY_EXISTS = 1;
