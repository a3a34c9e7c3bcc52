/**
 * How much of a document is looked at to decide it is binary. Git and grep look at the first 8,000 bytes for
 * a NUL; text documents never hold one, while images, archives and Word files (zip) do within their header.
 */
const SNIFF = 8000;

/** True when `text` is most likely a binary file read as text (a PNG or a zip renamed .md, say). */
export function looksBinary(text: string): boolean {
	return text.slice(0, SNIFF).includes('\u0000');
}

export const BINARY_MESSAGE = 'not reviewed: binary content (a NUL character near the start), not a text document';
