import type { AreaStatus, Report, ReportItem } from '../model';
import type { Portfolio } from '../portfolio';
import { fill, type Translate } from '../../translate';

/**
 * Every word the report's renderers print around the draft's own text, in one table: headings, status words,
 * table headers and the sentences that carry counts (`{0}` placeholders). A language replaces the table:
 * `reportLabels(t)` passes each entry through a translator (the bundle's key is the English entry), so the
 * renderers stay free of any editor's API. The paper's areas and recommendations, and the rules' messages,
 * are the paper's and the rules' words, in English.
 */
export const ENGLISH_REPORT_LABELS = {
	/** The language of the table (the HTML page's lang attribute): a translation's bundle gives its own code. */
	lang: 'en',
	contradicted: 'Contradicted',
	addressed: 'Addressed',
	notAddressed: 'Not addressed',
	statusRule:
		'Contradicted: at least one finding of a rule for the area. Addressed: no finding, and at least one rights-respecting provision recognised. Not addressed: neither (the draft is silent, as far as the rules can tell). Suppressed findings are listed with their reasons but do not change a status. There is no overall score.',
	statusRuleHeading: 'How statuses are decided.',
	pageTitle: 'Accountability report: {0}',
	kicker: 'Accountability report',
	meta: '{0} (profile: {1}), {2} against the recommendations of Ditmore and Thukral, {3}.',
	reviewedOn: 'reviewed on {0} with Accountable {1}',
	reviewed: 'reviewed with Accountable {0}',
	paperTitle: 'Accountability in anti-trafficking efforts',
	footer: 'Source: {0} Made on the reviewer’s own machine; nothing was sent over the network.',
	summary: 'Summary',
	summarySentence: 'Of the paper’s {0} recommendation areas, this draft contradicts {1}, addresses {2} and does not address {3}.',
	countsSentence: '{0} ({1} about wording only), {2} recognised, {3}.',
	scorecard: 'Scorecard',
	scorecardCaption: 'The paper’s ten recommendation areas and what this draft does about each',
	areaColumn: 'Recommendation area',
	statusColumn: 'Status',
	evidenceColumn: 'Evidence',
	areas: 'Recommendation areas',
	chartTitle: 'Recommendation areas by status',
	chartCount: '{0} of {1}',
	language: 'Language',
	languageIntro: 'Findings about wording (sensationalised or stigmatising terms) rather than one of the recommendations.',
	none: 'None.',
	suppressed: 'Suppressed',
	nothingFound: 'Nothing in the draft was found for or against this recommendation.',
	nothingFoundNoProvisionRule: 'Nothing in the draft was found against this recommendation. Accountable has no rule yet that recognises provisions for it: check by hand.',
	findingsHeading: 'Findings ({0})',
	provisionsHeading: 'Provisions ({0})',
	suppressedHeading: 'Suppressed ({0}, not counted)',
	findingsLead: '**Findings** ({0}):',
	provisionsLead: '**Provisions** ({0} recognised):',
	suppressedLead: '**Suppressed** ({0}, not counted):',
	suppressedAtLine: 'Suppressed at line {0}: {1}',
	suppressedItem: '{0} ({1}), suppressed at line {2}, {3}',
	reasonQuoted: 'reason “{0}”',
	reasonLabelled: 'reason: “{0}”',
	noReason: 'no reason given',
	evidenceSuppressed: '{0} suppressed',
	evidenceNothing: 'nothing found',
	evidenceNothingNoProvisionRule: 'nothing found; no rule recognises provisions here yet',
	lineInList: 'line {0}',
	line: 'Line {0}',
	oneFinding: '1 finding',
	manyFindings: '{0} findings',
	oneProvision: '1 provision',
	manyProvisions: '{0} provisions',
	oneSuppressedFinding: '1 suppressed finding',
	manySuppressedFindings: '{0} suppressed findings',
	oneArea: '1 area',
	manyAreas: '{0} areas',
	oneDocument: '1 document',
	manyDocuments: '{0} documents',
	portfolioMeta: '{0}, {1} against the recommendations of Ditmore and Thukral, {2}.',
	overview: 'Overview',
	overviewSentence: 'Documents that contradict at least one recommendation area: {0} of {1}.',
	overviewCounts: 'In all: {0}, {1} recognised, {2}.',
	overviewCaption: 'Each document’s status in the paper’s ten recommendation areas, numbered as listed below the table',
	documentColumn: 'Document',
	fileColumn: 'File',
	findingsColumn: 'Findings',
	provisionsColumn: 'Provisions',
	contradictingRow: 'Documents contradicting the area',
	areaKey: 'The recommendation areas:',
	documentMeta: '{0} (profile: {1}).',
} as const;

export type ReportLabels = { readonly [K in keyof typeof ENGLISH_REPORT_LABELS]: string };

/** The table in the translator's language (each entry's English is its key in the translation bundle). */
export function reportLabels(t: Translate): ReportLabels {
	return Object.fromEntries(Object.entries(ENGLISH_REPORT_LABELS).map(([key, text]) => [key, t(text)])) as unknown as ReportLabels;
}

/** Status words: every renderer shows the word (and a shape), never a colour alone. */
export function statusLabels(labels: ReportLabels): Readonly<Record<AreaStatus, string>> {
	return { contradicted: labels.contradicted, addressed: labels.addressed, 'not-addressed': labels.notAddressed };
}

/** The English status words. */
export const STATUS_LABELS = statusLabels(ENGLISH_REPORT_LABELS);

/** Plain-text symbols for Markdown and terminals; each has its own shape, not only its own colour. */
export const STATUS_SYMBOLS: Readonly<Record<AreaStatus, string>> = {
	contradicted: '✗',
	addressed: '✓',
	'not-addressed': '○',
};

/** How statuses are decided, in the words every renderer prints beside the counts. */
export const STATUS_RULE = ENGLISH_REPORT_LABELS.statusRule;

type Counted = 'Findings' | 'Provisions' | 'SuppressedFindings' | 'Areas' | 'Documents';

/** “1 finding”, “3 findings”: a count in words, from the table's pair for one and for many. */
export function counted(n: number, what: Counted, labels: ReportLabels = ENGLISH_REPORT_LABELS): string {
	const one = `one${what.replace(/s$/, '')}` as keyof ReportLabels;
	return n === 1 ? labels[one] : fill(labels[`many${what}`], n);
}

/** “Of the paper’s 10 recommendation areas, this draft contradicts 4, addresses 1 and does not address 5.” */
export function summarySentence(report: Report, labels: ReportLabels = ENGLISH_REPORT_LABELS): string {
	const s = report.summary;
	return fill(labels.summarySentence, s.areas, s.contradicted, s.addressed, s.notAddressed);
}

export function countsSentence(report: Report, labels: ReportLabels = ENGLISH_REPORT_LABELS): string {
	const s = report.summary;
	return fill(labels.countsSentence, counted(s.findings, 'Findings', labels), s.languageFindings, counted(s.provisions, 'Provisions', labels), counted(s.suppressed, 'SuppressedFindings', labels));
}

/** “In all: 43 findings, 9 provisions recognised, 2 suppressed findings.”: a portfolio's totals. */
export function overviewCounts(portfolio: Portfolio, labels: ReportLabels = ENGLISH_REPORT_LABELS): string {
	const s = portfolio.summary;
	return fill(labels.overviewCounts, counted(s.findings, 'Findings', labels), counted(s.provisions, 'Provisions', labels), counted(s.suppressed, 'SuppressedFindings', labels));
}

/** A short evidence note for a scorecard row: “2 findings (lines 14, 34)”. */
export function evidenceNote(area: { findings: ReportItem[]; provisions: ReportItem[]; suppressed: ReportItem[]; coverage: { provisionRules: number } }, labels: ReportLabels = ENGLISH_REPORT_LABELS): string {
	const parts: string[] = [];
	if (area.findings.length > 0) parts.push(`${counted(area.findings.length, 'Findings', labels)} (${lineList(area.findings, labels)})`);
	if (area.provisions.length > 0) parts.push(`${counted(area.provisions.length, 'Provisions', labels)} (${lineList(area.provisions, labels)})`);
	if (area.suppressed.length > 0) parts.push(fill(labels.evidenceSuppressed, area.suppressed.length));
	if (parts.length === 0) return area.coverage.provisionRules > 0 ? labels.evidenceNothing : labels.evidenceNothingNoProvisionRule;
	return parts.join('; ');
}

function lineList(items: ReportItem[], labels: ReportLabels): string {
	const lines = [...new Set(items.map((i) => i.location ?? fill(labels.lineInList, i.line)))];
	const shown = lines.slice(0, 4).join(', ');
	return lines.length > 4 ? `${shown}, …` : shown;
}

export function itemWhere(item: ReportItem, labels: ReportLabels = ENGLISH_REPORT_LABELS): string {
	return item.location ?? fill(labels.line, item.line);
}

/** Links to rule documentation are shown only when a reader elsewhere can open them (not file: URLs). */
export function isWebUrl(url: string): boolean {
	return /^https?:\/\//i.test(url);
}
