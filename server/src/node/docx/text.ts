import type { Finding } from '../../engine';
import { describeLocation, type WordLocation } from './locate';

const QUOTE_LIMIT = 120;

/**
 * One text-output line for a finding in a Word document: `proposal.docx: ¶12 (Services › Housing) error
 * rule-id message “quote”`. Lines and columns of the converted text mean nothing in Word, so none are shown.
 */
export function wordFindingLine(file: string, finding: Finding, location: WordLocation): string {
	const quote = location.quote.length > QUOTE_LIMIT ? `${location.quote.slice(0, QUOTE_LIMIT - 1)}…` : location.quote;
	// Messages that already quote the match (“{match}”) are not quoted twice.
	const withQuote = quote && !finding.message.includes(quote.replace(/…$/, '')) ? `${finding.message} “${quote}”` : finding.message;
	return `${file}: ${describeLocation(location)} ${finding.severity} ${finding.ruleId} ${withQuote}`;
}
