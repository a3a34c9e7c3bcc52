import type { NegationKind } from './negation';
import type { Reading, Span } from './reading';

/**
 * The negations that lift a provision when they govern the words a rule anchors on: a negated predicate,
 * a prohibition, a savings clause, independence ("regardless of", "whether or not"), absence ("without
 * requiring"), and the last-resort restriction. Which of them a rule's frame counts is the frame's business;
 * this is the default every rule shares.
 */
export const PROTECTIVE: readonly NegationKind[] = ['not', 'prohibit', 'savings', 'independent', 'without', 'last-resort'];

/** Whether a protective negation governs `span` (offsets relative to the reading's sentence). */
export function isGovernedByNegation(reading: Reading, span: Span, kinds: readonly NegationKind[] = PROTECTIVE): boolean {
	return reading.negationsOver(span, kinds).length > 0;
}
