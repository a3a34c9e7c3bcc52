import type { AreaReport, Report, ReportItem } from '../model';
import type { Portfolio } from '../portfolio';
import { ENGLISH_REPORT_LABELS, STATUS_SYMBOLS, counted, countsSentence, evidenceNote, isWebUrl, itemWhere, overviewCounts, statusLabels, summarySentence, type ReportLabels } from './labels';
import { fill } from '../../translate';

/**
 * The report as Markdown that pastes cleanly into an email or a GitHub comment: headings, one table and
 * lists, no HTML. Text from the draft is escaped so it cannot turn into markup.
 */
export function renderMarkdown(report: Report, labels: ReportLabels = ENGLISH_REPORT_LABELS): string {
	const l = labels;
	const out: string[] = [];
	out.push(`# ${fill(l.pageTitle, inline(report.document.title))}`, '');
	const profile = profileText(report);
	out.push(fill(l.meta, inline(report.document.file), profile, reviewedText(report, l), `*${l.paperTitle}*`), '');
	out.push(...sections(report, l, '##'));
	out.push('---', '', fill(l.footer, inline(report.source.citation)), '');
	return out.join('\n');
}

/**
 * The report of many documents: an overview table (a column per recommendation area, numbered, with the
 * areas listed below it), then each document's report as one section, its own sections a level lower.
 */
export function renderPortfolioMarkdown(portfolio: Portfolio, labels: ReportLabels = ENGLISH_REPORT_LABELS): string {
	const l = labels;
	const words = statusLabels(l);
	const s = portfolio.summary;
	const out: string[] = [];
	out.push(`# ${fill(l.pageTitle, counted(s.documents, 'Documents', l))}`, '');
	out.push(fill(l.portfolioMeta, counted(s.documents, 'Documents', l), reviewedText(portfolio, l), `*${l.paperTitle}*`), '');
	out.push(`## ${l.overview}`, '');
	out.push(`**${fill(l.overviewSentence, s.contradicting, s.documents)}** ${overviewCounts(portfolio, l)}`, '');
	const numbers = s.areas.map((_, i) => String(i + 1));
	out.push(`| ${l.documentColumn} | ${l.fileColumn} | ${numbers.join(' | ')} | ${l.findingsColumn} | ${l.provisionsColumn} |`, `|---|---|${numbers.map(() => ':-:|').join('')}--:|--:|`);
	for (const doc of portfolio.documents) {
		const statuses = s.areas.map((area) => STATUS_SYMBOLS[doc.areas.find((a) => a.id === area.id)?.status ?? 'not-addressed']);
		out.push(`| ${cell(doc.document.title)} | ${cell(doc.document.file)} | ${statuses.join(' | ')} | ${doc.summary.findings} | ${doc.summary.provisions} |`);
	}
	out.push(`| ${l.contradictingRow} | | ${s.areas.map((a) => a.contradicted).join(' | ')} | ${s.findings} | ${s.provisions} |`, '');
	out.push(l.areaKey, '', ...s.areas.map((a, i) => `${i + 1}. ${inline(a.title)}`), '');
	out.push(`${STATUS_SYMBOLS.contradicted} ${words.contradicted}, ${STATUS_SYMBOLS.addressed} ${words.addressed}, ${STATUS_SYMBOLS['not-addressed']} ${words['not-addressed']}. ${l.statusRule}`, '');
	for (const doc of portfolio.documents) {
		out.push(`## ${inline(doc.document.title)}`, '');
		out.push(fill(l.documentMeta, inline(doc.document.file), profileText(doc)), '');
		out.push(...sections(doc, l, '###'));
	}
	out.push('---', '', fill(l.footer, inline(portfolio.source.citation)), '');
	return out.join('\n');
}

/** A document's summary, scorecard, areas and language, with headings at `h` (## alone, ### in a portfolio). */
function sections(report: Report, l: ReportLabels, h: string): string[] {
	const words = statusLabels(l);
	const out: string[] = [];
	out.push(`${h} ${l.summary}`, '');
	out.push(`**${summarySentence(report, l)}**`, '');
	out.push(`- ${STATUS_SYMBOLS.contradicted} ${words.contradicted}: ${report.summary.contradicted}`);
	out.push(`- ${STATUS_SYMBOLS.addressed} ${words.addressed}: ${report.summary.addressed}`);
	out.push(`- ${STATUS_SYMBOLS['not-addressed']} ${words['not-addressed']}: ${report.summary.notAddressed}`, '');
	out.push(`${countsSentence(report, l)} ${l.statusRule}`, '');
	out.push(`${h} ${l.scorecard}`, '');
	out.push(`| ${l.areaColumn} | ${l.statusColumn} | ${l.evidenceColumn} |`, '|---|---|---|');
	for (const area of report.areas) out.push(`| ${cell(area.title)} | ${STATUS_SYMBOLS[area.status]} ${words[area.status]} | ${cell(evidenceNote(area, l))} |`);
	out.push('');
	for (const area of report.areas) out.push(...areaSection(area, l, h));
	out.push(`${h} ${l.language}`, '');
	out.push(l.languageIntro, '');
	if (report.language.findings.length === 0 && report.language.suppressed.length === 0) out.push(l.none, '');
	if (report.language.findings.length > 0) out.push(...items(report.language.findings, l), '');
	if (report.language.suppressed.length > 0) out.push(`${l.suppressed}:`, '', ...suppressedItems(report.language.suppressed, l), '');
	return out;
}

function reviewedText(report: Pick<Report, 'generated' | 'tool'>, l: ReportLabels): string {
	return report.generated ? fill(l.reviewedOn, report.generated.slice(0, 10), report.tool.version) : fill(l.reviewed, report.tool.version);
}

function profileText(report: Report): string {
	return `${report.document.profile}${report.document.profileReason ? ` — ${inline(report.document.profileReason)}` : ''}`;
}

function areaSection(area: AreaReport, l: ReportLabels, h: string): string[] {
	const out = [`${h} ${STATUS_SYMBOLS[area.status]} ${inline(area.title)}: ${statusLabels(l)[area.status]}`, ''];
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
