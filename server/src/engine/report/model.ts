import type { Range, Severity } from '../finding';
import type { AreaId } from './areas';

/**
 * The accountability report as data: the JSON contract of `accountable report --format json` and of the
 * language server's `accountable/report` request (schema: rules/schema/report.schema.json). Fields may be
 * added in later versions; none will be removed or renamed without changing `reportVersion`.
 */

export const REPORT_VERSION = 1;

/**
 * contradicted: at least one finding of a rule for the area (whatever provisions there are too);
 * addressed: no finding, and at least one rights-respecting provision recognised;
 * not-addressed: neither: the draft is silent on the area, as far as the rules can tell.
 */
export type AreaStatus = 'contradicted' | 'addressed' | 'not-addressed';

export const AREA_STATUSES: readonly AreaStatus[] = ['contradicted', 'addressed', 'not-addressed'];

/** One piece of evidence: a finding, a provision or a suppressed finding, where it is and what it says. */
export interface ReportItem {
	ruleId: string;
	category: string;
	/** The rule's one-line summary. */
	summary: string;
	/** Findings and suppressed findings only: provisions have no severity. */
	severity?: Severity;
	message: string;
	/** 1-based line, as editors show it. */
	line: number;
	/** 0-based LSP range of the match (UTF-16 characters). */
	range: Range;
	/** The sentence (or heading) the match is in, whitespace collapsed, shortened to about 300 characters. */
	quote: string;
	/** Where the item is in a Word document (“¶7 (SEC. 5 › Services)”); absent for text documents. */
	location?: string;
	/** The same place as data, for tools reading the JSON: Word paragraph number and heading path. */
	word?: WordPlace;
	docUrl: string;
	/** Suppressed findings: the directive that silenced it and its reason. */
	suppression?: { directive: string; reason?: string; line: number };
}

/** A place in a Word document as a Word user finds it (line numbers of the converted text mean nothing there). */
export interface WordPlace {
	/** 1-based paragraph number (non-empty paragraphs, headings, list items and table cells counted). */
	paragraph: number;
	/** The headings above the item, outermost first. */
	headingPath: string[];
	/** For a footnote or endnote: e.g. "footnote 2". */
	note?: string;
}

export interface AreaReport {
	id: AreaId;
	title: string;
	/** The paper's recommendation in one sentence, quoting it with ¶ numbers. */
	recommendation: string;
	/** The paper's paragraphs the recommendation quotes. */
	paragraphs: number[];
	status: AreaStatus;
	findings: ReportItem[];
	provisions: ReportItem[];
	/** Findings silenced by inline comments; listed with their reasons, they do not change the status. */
	suppressed: ReportItem[];
	/** How many loaded rules can flag a problem in this area, and how many recognise a provision. */
	coverage: { rules: number; provisionRules: number };
}

export interface ReportSummary {
	areas: number;
	contradicted: number;
	addressed: number;
	notAddressed: number;
	findings: number;
	provisions: number;
	suppressed: number;
	/** Findings outside the scorecard (framing and rules with no area). */
	languageFindings: number;
}

export interface Report {
	reportVersion: typeof REPORT_VERSION;
	tool: { name: 'accountable'; version: string };
	/** ISO 8601 date-time the report was made, when the caller gives one. */
	generated?: string;
	document: { file: string; title: string; profile: string; profileReason?: string };
	summary: ReportSummary;
	/** The ten areas, always all of them, in the order of the paper's recommendations. */
	areas: AreaReport[];
	/** Findings about wording rather than a recommendation (framing, and rules that name no area). */
	language: { findings: ReportItem[]; suppressed: ReportItem[] };
	source: { citation: string };
}

export const PAPER_CITATION = 'Melissa Ditmore and Juhu Thukral, “Accountability in anti-trafficking efforts”; ¶N is the paper’s Nth paragraph.';
