import type { Finding, Rule } from '../../../engine';
import { explainFinding, plainText } from '../../../engine/explain';
import { STATUS_LABELS, STATUS_SYMBOLS, type Report } from '../../../engine/report';
import { counted, evidenceNote, summarySentence } from '../../../engine/report/render/labels';
import { describeLocation, type WordLocation } from '../locate';
import type { CommentText } from './commentsPart';

/**
 * A finding's Word comment: the finding, why (with the paper's ¶), what to write instead, and the rewrite or
 * model clause on offer; the same parts as the editor's hover, in plain words (comments show no Markdown).
 */
export function findingComment(finding: Finding, rule: Rule | undefined, place?: string): CommentText {
	const e = explainFinding(finding, rule);
	const paragraphs = [`${e.title} (${e.severity}, ${e.ruleId})`];
	if (place) paragraphs.push(place);
	paragraphs.push(e.message);
	if (e.why) paragraphs.push(`Why: ${plainText(e.why)}`);
	if (e.instead) paragraphs.push(`What to write instead: ${plainText(e.instead)}`);
	for (const s of e.suggestions) paragraphs.push(`${s.label}: ${s.text}`);
	if (/^https?:/i.test(e.docUrl)) paragraphs.push(`More: ${e.docUrl}`);
	return { paragraphs };
}

/** The cover comment on the first paragraph: counts, the profile and why, and the scorecard's ten areas. */
export function coverComment(report: Report, profileReason: string | undefined, unanchored: readonly Finding[], locate: (f: Finding) => WordLocation | undefined): CommentText {
	const s = report.summary;
	const paragraphs = [
		`Accountable review: ${counted(s.findings, 'Findings')}, each in a comment on its words`,
		`Profile: ${report.document.profile}${profileReason ? ` (${profileReason})` : ''}. If that is the wrong kind of document, set the profile (accountable.profile, or --profile) and review again.`,
		summarySentence(report),
		...report.areas.map((a) => `${STATUS_SYMBOLS[a.status]} ${a.title}: ${STATUS_LABELS[a.status]} (${evidenceNote(a)})`),
	];
	if (unanchored.length > 0) {
		paragraphs.push(`Not placed on the text (${unanchored.length}):`);
		for (const f of unanchored) {
			const where = locate(f);
			paragraphs.push(`${where ? `${describeLocation(where)}: ` : ''}${f.message} (${f.ruleId})`);
		}
	}
	paragraphs.push(`Against the recommendations of Ditmore and Thukral, “Accountability in anti-trafficking efforts” (¶N is the paper’s Nth paragraph). Existing comments and tracked changes are unchanged.`);
	return { paragraphs };
}
