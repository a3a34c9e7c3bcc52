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
