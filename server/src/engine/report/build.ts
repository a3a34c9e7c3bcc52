import type { Finding } from '../finding';
import type { ReviewResult } from '../review';
import type { Rule } from '../rules/types';
import type { ReviewDocument } from '../document';
import { AREAS, areaFor, type AreaId } from './areas';
import { PAPER_CITATION, REPORT_VERSION, type AreaReport, type AreaStatus, type Report, type ReportItem, type WordPlace } from './model';

export interface ReportOptions {
	/** The document's name as the reader should see it (a relative path, or the file name). */
	file: string;
	/** Accountable's version, printed in the report. */
	version: string;
	/** When the report was made (ISO 8601); omitted from the report when not given. */
	generated?: string;
	/** For Word documents: the paragraph and heading path of an item, shown as “¶7 (SEC. 5 › Services)”. */
	locate?: (finding: Finding) => WordPlace | undefined;
}

/** What the report needs from a review: the three lists, the profile and the parsed document. */
export type ReportInput = Pick<ReviewResult, 'findings' | 'suppressed' | 'provisions' | 'profile'> & Partial<Pick<ReviewResult, 'profileReason'>> & { document: Pick<ReviewDocument, 'text' | 'blocks' | 'sections'> };

const QUOTE_LIMIT = 300;

/**
 * Builds the accountability scorecard of one reviewed document. Pure: the same review and rules always give
 * the same report. A finding counts towards its rule's `recommendation:` area (else its category's; see
 * CATEGORY_AREAS); findings with no area (framing) go to `language`.
 */
export function buildReport(review: ReportInput, rules: readonly Rule[], options: ReportOptions): Report {
	const byId = new Map(rules.map((r) => [r.id, r] as [string, Rule]));
	const areaOf = (f: Finding): AreaId | undefined => {
		const rule = byId.get(f.ruleId);
		return areaFor(rule?.spec.recommendation, rule?.category ?? f.category);
	};
	const item = (f: Finding, withSeverity: boolean): ReportItem => toItem(f, byId.get(f.ruleId), review.document, withSeverity, options.locate);

	const areas: AreaReport[] = AREAS.map((area) => {
		const mine = (f: Finding): boolean => areaOf(f) === area.id;
		const findings = review.findings.filter(mine).map((f) => item(f, true));
		const provisions = review.provisions.filter(mine).map((f) => item(f, false));
		const suppressed = review.suppressed.filter(mine).map((f) => item(f, true));
		const areaRules = rules.filter((r) => areaFor(r.spec.recommendation, r.category) === area.id);
		return {
			id: area.id,
			title: area.title,
			recommendation: area.recommendation,
			paragraphs: [...new Set(area.quotes.map((q) => q.paragraph))].sort((a, b) => a - b),
			// Reported text (a study, a critique, a descriptive document) shows what others do, not what this
			// document provides: it is listed, but only the document's own provisions contradict an area.
			status: statusOf(review.findings.filter((f) => mine(f) && !f.quoted).length, provisions.length),
			findings,
			provisions,
			suppressed,
			coverage: { rules: areaRules.filter((r) => !r.spec.provision).length, provisionRules: areaRules.filter((r) => r.spec.provision).length },
		};
	});
	const count = (status: AreaStatus): number => areas.filter((a) => a.status === status).length;
	const language = {
		findings: review.findings.filter((f) => !areaOf(f)).map((f) => item(f, true)),
		suppressed: review.suppressed.filter((f) => !areaOf(f)).map((f) => item(f, true)),
	};
	return {
		reportVersion: REPORT_VERSION,
		tool: { name: 'accountable', version: options.version },
		...(options.generated ? { generated: options.generated } : {}),
		document: { file: options.file, title: documentTitle(review.document, options.file), profile: review.profile, ...(review.profileReason ? { profileReason: review.profileReason } : {}) },
		summary: {
			areas: areas.length,
			contradicted: count('contradicted'),
			addressed: count('addressed'),
			notAddressed: count('not-addressed'),
			findings: review.findings.length,
			provisions: review.provisions.length,
			suppressed: review.suppressed.length,
			languageFindings: language.findings.length,
		},
		areas,
		language,
		source: { citation: PAPER_CITATION },
	};
}

/** Findings win over provisions: one contradicting clause is what a reviewer must act on. */
export function statusOf(findings: number, provisions: number): AreaStatus {
	if (findings > 0) return 'contradicted';
	if (provisions > 0) return 'addressed';
	return 'not-addressed';
}

function toItem(f: Finding, rule: Rule | undefined, doc: ReportInput['document'], withSeverity: boolean, locate: ReportOptions['locate']): ReportItem {
	const place = locate?.(f);
	const word: WordPlace | undefined = place && { paragraph: place.paragraph, headingPath: [...place.headingPath], ...(place.note ? { note: place.note } : {}) };
	const item: ReportItem = {
		ruleId: f.ruleId,
		category: f.category,
		summary: rule?.spec.summary ?? f.ruleId,
		...(withSeverity ? { severity: f.severity } : {}),
		message: f.message,
		line: f.range.start.line + 1,
		range: f.range,
		quote: quoteFor(f, doc),
		...(word ? { location: wordLabel(word), word } : {}),
		docUrl: f.docUrl,
	};
	if (f.suppression) {
		item.suppression = { directive: f.suppression.directive, line: f.suppression.line + 1, ...(f.suppression.reason ? { reason: f.suppression.reason } : {}) };
	}
	return item;
}

/**
 * The sentence the match starts in, as prose (Markdown markup blanked by the parser), so the quote reads
 * like the draft. Section and document findings quote their heading. Falls back to the matched text.
 */
export function quoteFor(f: Pick<Finding, 'offsets' | 'matchedText'>, doc: ReportInput['document']): string {
	const at = f.offsets.start;
	const block = doc.blocks.find((b) => b.start <= at && at < Math.max(b.end, b.start + 1));
	let text = f.matchedText;
	if (block) {
		const sentence = block.sentences.find((s) => s.start <= at && at < s.end);
		text = sentence ? block.prose.slice(sentence.start - block.start, sentence.end - block.start) : block.prose;
	}
	return shorten(collapse(text) || collapse(f.matchedText), QUOTE_LIMIT);
}

function collapse(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function shorten(text: string, limit: number): string {
	if (text.length <= limit) return text;
	const cut = text.lastIndexOf(' ', limit - 1);
	return `${text.slice(0, cut > limit / 2 ? cut : limit - 1)}…`;
}

function documentTitle(doc: ReportInput['document'], file: string): string {
	const heading = doc.sections.find((s) => s.level === 1) ?? doc.sections.find((s) => s.level > 0);
	return heading?.title || baseName(file);
}

function baseName(file: string): string {
	return file.split(/[\\/]/).pop() || file;
}

/** “¶7 (SEC. 5 › Services)”, or “footnote 2 (SEC. 5)” for a note: what a Word user looks for. */
export function wordLabel(place: WordPlace): string {
	const where = place.note ?? `¶${place.paragraph}`;
	return place.headingPath.length > 0 ? `${where} (${place.headingPath.join(' › ')})` : where;
}
