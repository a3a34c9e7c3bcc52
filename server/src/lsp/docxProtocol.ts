/**
 * How the VS Code extension and the language server talk about Word documents. No imports, so the extension
 * bundle pulls in neither mammoth nor the server.
 */

/** Read-only review views of Word documents: `accountable-docx:/path/to/proposal.docx` (the .docx's own path). */
export const DOCX_SCHEME = 'accountable-docx';

/** Client command: open a .docx in the Word review editor. */
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

/** A Word document's review view, or the .docx itself (whose findings the Word review editor shows). */
export function isWordDocumentUri(uri: string): boolean {
	return isWordReviewView(uri) || (uri.startsWith('file:') && /\.docx$/i.test(uri));
}

/**
 * Why a command that edits the document (apply a suggestion, disable a rule for a line or the file) refuses a
 * review view, in the words of the translator given (the client's vscode.l10n.t, the server's @vscode/l10n t).
 */
export function readOnlyViewMessage(t: (message: string) => string): string {
	return t('the review of a Word document is read-only: make the change in Word (the review follows when the .docx is saved), or disable the rule in the workspace configuration');
}

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

/** The Word review editor: a read-only custom editor for *.docx, the default when a .docx is opened. */
export const WORD_EDITOR_VIEW_TYPE = 'accountable.docxReview';

/** Client command: show the converted text of a .docx (the Markdown the server reviews) in a read-only editor. */
export const SHOW_WORD_DOCUMENT_TEXT_COMMAND = 'accountable.showWordDocumentText';

/**
 * Request: review a .docx (its file: URI) for the Word review editor. The server reads and reviews it as the
 * editor's settings say, publishes its diagnostics on the .docx's URI (messages naming the Word paragraph and
 * headings; line = paragraph − 1, columns within the paragraph), keeps publishing them until the editor is
 * closed, and returns the page body to show. An unreadable file is an error response (and an error diagnostic).
 */
export const WORD_DOCUMENT_VIEW_REQUEST = 'accountable/wordDocumentView';

export interface WordDocumentViewParams {
	uri: string;
}

export interface WordDocumentViewResult {
	/** The document with its findings highlighted, as HTML for the page's body: all text escaped, no scripts, nothing loaded. */
	html: string;
	findings: number;
	profile?: string;
	profileReason?: string;
}

/** Notification (client → server): the Word review editor of `{ uri }` was closed; its diagnostics go. */
export const CLOSE_WORD_DOCUMENT_NOTIFICATION = 'accountable/closeWordDocument';

/** Notification (server → client): configuration or settings changed; ask for the view of `{ uri }` again. */
export const WORD_DOCUMENT_CHANGED_NOTIFICATION = 'accountable/wordDocumentChanged';
