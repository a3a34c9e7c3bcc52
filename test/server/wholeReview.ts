import type { Diagnostic } from 'vscode-languageserver-protocol';
import { findingDiagnostics } from '../../server/src/lsp/diagnostics';
import { builtinReviewer } from '../helpers/rules';

const reviewer = builtinReviewer();

/**
 * What one whole review of `text` (Markdown, default settings) publishes: what the server must end with after an
 * incremental, staged or synced review of the same text.
 */
export function wholeReviewDiagnostics(text: string, uri: string): Diagnostic[] {
	return findingDiagnostics(reviewer.review({ text, format: 'markdown' }).findings, uri, 1000);
}

/** A check for waitForDiagnostics: the published diagnostics are exactly `expected`, in order. */
export const sameDiagnostics = (expected: Diagnostic[]) => (d: Diagnostic[]): boolean => JSON.stringify(d) === JSON.stringify(expected);
