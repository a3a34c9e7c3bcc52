/** Severity of a finding, in LSP order (error is the most severe). */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** Numeric rank: lower is more severe. */
export function severityRank(severity: Severity): number {
	return SEVERITIES.indexOf(severity);
}

/** True when `severity` is at least as severe as `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
	return severityRank(severity) <= severityRank(threshold);
}

/** One severity step milder (hint stays hint). */
export function milder(severity: Severity): Severity {
	return SEVERITIES[Math.min(SEVERITIES.length - 1, severityRank(severity) + 1)]!;
}

/** What a finding is anchored on: a phrase, a section (anchored on its heading) or the whole document. */
export type Scope = 'span' | 'section' | 'document';

/** A 0-based line and UTF-16 character, as in LSP. */
export interface Position {
	line: number;
	character: number;
}

export interface Range {
	start: Position;
	end: Position;
}

/** UTF-16 offsets into the reviewed text, end exclusive. */
export interface Offsets {
	start: number;
	end: number;
}

/** The same range `by` characters further on (back, when negative). */
export function shiftOffsets(o: Offsets, by: number): Offsets {
	return { start: o.start + by, end: o.end + by };
}

/**
 * A change the user can apply: replace the matched text, or insert a model clause.
 * `offsets` says where: for a replacement, the text replaced; for an insertion, an empty range.
 */
export interface Suggestion {
	kind: 'replace' | 'insert';
	/** A short label for a quick-fix menu. */
	title: string;
	text: string;
	offsets: Offsets;
	range: Range;
	/** For insertions: where the clause goes (after the sentence, at the end of the block, section or document). */
	where?: 'sentence-end' | 'block-end' | 'section-end' | 'document-end';
}

/** Where a suppressed finding was silenced and why. */
export interface Suppression {
	/** The directive's own text, e.g. `accountable-disable-next-line consent/x`. */
	directive: string;
	reason?: string;
	line: number;
}

/** Another place a finding refers to (e.g. the topic mentions that made a section-level check apply). */
export interface RelatedLocation {
	message: string;
	offsets: Offsets;
	range: Range;
}

/** One problem found in a document. Plain data: the CLI prints it, the server maps it to a Diagnostic. */
export interface Finding {
	ruleId: string;
	category: string;
	severity: Severity;
	scope: Scope;
	message: string;
	range: Range;
	offsets: Offsets;
	/** The text the finding is about (the matched phrase, or the heading for section findings). */
	matchedText: string;
	suggestions: Suggestion[];
	/** Link to the rule's documentation. */
	docUrl: string;
	/** Set when the match sits in a block quote, quotation or reported text; severity is then one step milder. */
	quoted?: boolean;
	related?: RelatedLocation[];
	/** Present on suppressed findings only. */
	suppression?: Suppression;
}
