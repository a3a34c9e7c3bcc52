import type { DocumentFormat, ReviewDocument } from './model';
import { parseMarkdown } from './markdown';
import { parsePlainText } from './plaintext';
import { markdownHazard } from './hostile';

export type { Block, BlockKind, DocumentFormat, ReviewDocument, Section } from './model';
export { splitSentences, splitClauses } from './sentences';

/**
 * Builds the review document model for a text in the given format. Markdown the parser cannot handle in
 * bounded time and stack (thousands of nested quotes, megabyte paragraphs: see hostile.ts) is read as plain text.
 */
export function parseDocument(text: string, format: DocumentFormat): ReviewDocument {
	return format === 'markdown' && markdownHazard(text) === undefined ? parseMarkdown(text) : parsePlainText(text);
}

/** The format a file name implies: Markdown for .md/.markdown, plain text otherwise. */
export function formatForPath(path: string): DocumentFormat {
	return /\.(?:md|markdown|mdown|mkd)$/i.test(path) ? 'markdown' : 'plaintext';
}
