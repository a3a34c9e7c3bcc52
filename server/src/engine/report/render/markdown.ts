import type { AreaReport, Report, ReportItem } from '../model';
import { ENGLISH_REPORT_LABELS, STATUS_SYMBOLS, counted, countsSentence, evidenceNote, isWebUrl, itemWhere, statusLabels, summarySentence, type ReportLabels } from './labels';
import { fill } from '../../translate';

/**
 * The report as Markdown that pastes cleanly into an email or a GitHub comment: headings, one table and
 * lists, no HTML. Text from the draft is escaped so it cannot turn into markup.
 */
export function renderMarkdown(report: Report, labels: ReportLabels = ENGLISH_REPORT_LABELS): string {
	const l = labels;
	const words = statusLabels(l);
	const out: string[] = [];
	out.push(`# ${fill(l.pageTitle, inline(report.document.title))}`, '');
	const reviewed = report.generated ? fill(l.reviewedOn, report.generated.slice(0, 10), report.tool.version) : fill(l.reviewed, report.tool.version);
	const profile = `${report.document.profile}${report.document.profileReason ? ` — ${inline(report.document.profileReason)}` : ''}`;
	out.push(fill(l.meta, inline(report.document.file), profile, reviewed, `*${l.paperTitle}*`), '');
	out.push(`## ${l.summary}`, '');
	out.push(`**${summarySentence(report, l)}**`, '');
	out.push(`- ${STATUS_SYMBOLS.contradicted} ${words.contradicted}: ${report.summary.contradicted}`);
	out.push(`- ${STATUS_SYMBOLS.addressed} ${words.addressed}: ${report.summary.addressed}`);
	out.push(`- ${STATUS_SYMBOLS['not-addressed']} ${words['not-addressed']}: ${report.summary.notAddressed}`, '');
	out.push(`${countsSentence(report, l)} ${l.statusRule}`, '');
	out.push(`## ${l.scorecard}`, '');
	out.push(`| ${l.areaColumn} | ${l.statusColumn} | ${l.evidenceColumn} |`, '|---|---|---|');
	for (const area of report.areas) out.push(`| ${cell(area.title)} | ${STATUS_SYMBOLS[area.status]} ${words[area.status]} | ${cell(evidenceNote(area, l))} |`);
	out.push('');
	for (const area of report.areas) out.push(...areaSection(area, l));
	out.push(`## ${l.language}`, '');
	out.push(l.languageIntro, '');
	if (report.language.findings.length === 0 && report.language.suppressed.length === 0) out.push(l.none, '');
	if (report.language.findings.length > 0) out.push(...items(report.language.findings, l), '');
	if (report.language.suppressed.length > 0) out.push(`${l.suppressed}:`, '', ...suppressedItems(report.language.suppressed, l), '');
	out.push('---', '', fill(l.footer, inline(report.source.citation)), '');
	return out.join('\n');
}

function areaSection(area: AreaReport, l: ReportLabels): string[] {
	const out = [`## ${STATUS_SYMBOLS[area.status]} ${inline(area.title)}: ${statusLabels(l)[area.status]}`, ''];
	out.push(`> ${inline(area.recommendation)}`, '');
	if (area.findings.length > 0) out.push(fill(l.findingsLead, counted(area.findings.length, 'Findings', l)), '', ...items(area.findings, l), '');
	if (area.provisions.length > 0) out.push(fill(l.provisionsLead, area.provisions.length), '', ...items(area.provisions, l), '');
	if (area.findings.length === 0 && area.provisions.length === 0) out.push(area.coverage.provisionRules > 0 ? l.nothingFound : l.nothingFoundNoProvisionRule, '');
	if (area.suppressed.length > 0) out.push(fill(l.suppressedLead, area.suppressed.length), '', ...suppressedItems(area.suppressed, l), '');
	return out;
}

function items(list: ReportItem[], l: ReportLabels): string[] {
	return list.map((i) => `- ${itemWhere(i, l)}: “${inline(i.quote)}” — ${inline(i.message)} (${rule(i)})`);
}

function suppressedItems(list: ReportItem[], l: ReportLabels): string[] {
	return list.map((i) => {
		const reason = i.suppression?.reason ? fill(l.reasonLabelled, inline(i.suppression.reason)) : l.noReason;
		return `- ${fill(l.suppressedItem, `${itemWhere(i, l)}: “${inline(i.quote)}”`, rule(i), i.suppression?.line ?? '?', reason)}`;
	});
}

function rule(i: ReportItem): string {
	return isWebUrl(i.docUrl) ? `[\`${i.ruleId}\`](${i.docUrl})` : `\`${i.ruleId}\``;
}

/** Escapes what Markdown would read as markup (emphasis, links, HTML, code) in text from the draft. */
export function inline(text: string): string {
	return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

function cell(text: string): string {
	return inline(text);
}
