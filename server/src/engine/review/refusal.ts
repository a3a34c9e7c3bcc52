/**
 * The checks made before any review, wherever the text comes from (a file, an editor, the web page): a
 * document over the size limit, or one that is binary, is not reviewed and says why, so nothing looks clean
 * because it was never read.
 */

/** The most characters a document may have to be reviewed, unless a configuration or an editor says fewer. */
export const DEFAULT_MAX_DOCUMENT_SIZE = 10_000_000;

/**
 * How much of a document is looked at to decide it is binary. Git and grep look at the first 8,000 bytes for
 * a NUL; text documents never hold one, while images, archives and Word files (zip) do within their header.
 */
const SNIFF = 8000;

/** True when `text` is most likely a binary file read as text (a PNG or a zip renamed .md, say). */
export function looksBinary(text: string): boolean {
	// Character by character: slicing an edited document (a rope of edits) would flatten it on every review.
	const end = Math.min(text.length, SNIFF);
	for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 0) return true;
	return false;
}

export const BINARY_MESSAGE = 'not reviewed: binary content (a NUL character near the start), not a text document';

/** Why a document is not reviewed, as a message for the user; `binary` or `limit` say which check refused it. */
export interface Refusal {
	skipped: string;
	binary?: boolean;
	limit?: number;
}

/** Why `text` must not be reviewed (over `limit` characters, or binary), or undefined when it may be. */
export function refusalOf(text: string, limit: number): Refusal | undefined {
	if (text.length > limit) return { limit, skipped: `not reviewed: ${text.length} characters is over the limit of ${limit} (maxDocumentSize)` };
	// Rules read words: random bytes give random findings (or none), which would pass for a clean review.
	if (looksBinary(text)) return { skipped: BINARY_MESSAGE, binary: true };
	return undefined;
}
