import type { DocumentFormat, ReviewDocument } from './model';
import { parseMarkdown } from './markdown';
import { parsePlainText } from './plaintext';

export type { Block, BlockKind, DocumentFormat, ReviewDocument, Section } from './model';
export { splitSentences, splitClauses } from './sentences';

/** Builds the review document model for a text in the given format. */
export function parseDocument(text: string, format: DocumentFormat): ReviewDocument {
	return format === 'markdown' ? parseMarkdown(text) : parsePlainText(text);
}

/** The format a file name implies: Markdown for .md/.markdown, plain text otherwise. */
export function formatForPath(path: string): DocumentFormat {
	return /\.(?:md|markdown|mdown|mkd)$/i.test(path) ? 'markdown' : 'plaintext';
}
