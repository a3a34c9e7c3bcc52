import type { AreaReport, Report, ReportItem } from '../model';
import { STATUS_LABELS, STATUS_RULE, STATUS_SYMBOLS, countsSentence, evidenceNote, isWebUrl, itemWhere, plural, summarySentence } from './labels';

/**
 * The report as Markdown that pastes cleanly into an email or a GitHub comment: headings, one table and
 * lists, no HTML. Text from the draft is escaped so it cannot turn into markup.
 */
export function renderMarkdown(report: Report): string {
	const out: string[] = [];
	out.push(`# Accountability report: ${inline(report.document.title)}`, '');
	const made = report.generated ? ` on ${report.generated.slice(0, 10)}` : '';
	out.push(`${inline(report.document.file)} (profile: ${report.document.profile}${report.document.profileReason ? ` — ${inline(report.document.profileReason)}` : ''}), reviewed${made} with Accountable ${report.tool.version} against the recommendations of Ditmore and Thukral, *Accountability in anti-trafficking efforts*.`, '');
	out.push('## Summary', '');
	out.push(`**${summarySentence(report)}**`, '');
	out.push(`- ${STATUS_SYMBOLS.contradicted} Contradicted: ${report.summary.contradicted}`);
	out.push(`- ${STATUS_SYMBOLS.addressed} Addressed: ${report.summary.addressed}`);
	out.push(`- ${STATUS_SYMBOLS['not-addressed']} Not addressed: ${report.summary.notAddressed}`, '');
	out.push(`${countsSentence(report)} ${STATUS_RULE}`, '');
	out.push('## Scorecard', '');
	out.push('| Recommendation area | Status | Evidence |', '|---|---|---|');
	for (const area of report.areas) out.push(`| ${cell(area.title)} | ${STATUS_SYMBOLS[area.status]} ${STATUS_LABELS[area.status]} | ${cell(evidenceNote(area))} |`);
	out.push('');
	for (const area of report.areas) out.push(...areaSection(area));
	out.push('## Language', '');
	out.push('Findings about wording (sensationalised or stigmatising terms) rather than one of the recommendations.', '');
	if (report.language.findings.length === 0 && report.language.suppressed.length === 0) out.push('None.', '');
	if (report.language.findings.length > 0) out.push(...items(report.language.findings), '');
	if (report.language.suppressed.length > 0) out.push('Suppressed:', '', ...suppressedItems(report.language.suppressed), '');
	out.push('---', '', `Source: ${inline(report.source.citation)} Made on the reviewer’s own machine; nothing was sent over the network.`, '');
	return out.join('\n');
}

function areaSection(area: AreaReport): string[] {
	const out = [`## ${STATUS_SYMBOLS[area.status]} ${inline(area.title)}: ${STATUS_LABELS[area.status]}`, ''];
	out.push(`> ${inline(area.recommendation)}`, '');
	if (area.findings.length > 0) out.push(`**Findings** (${plural(area.findings.length, 'finding')}):`, '', ...items(area.findings), '');
	if (area.provisions.length > 0) out.push(`**Provisions** (${area.provisions.length} recognised):`, '', ...items(area.provisions), '');
	if (area.findings.length === 0 && area.provisions.length === 0) {
		out.push(
			area.coverage.provisionRules > 0
				? 'Nothing in the draft was found for or against this recommendation.'
				: 'Nothing in the draft was found against this recommendation. Accountable has no rule yet that recognises provisions for it: check by hand.',
			'',
		);
	}
	if (area.suppressed.length > 0) out.push(`**Suppressed** (${area.suppressed.length}, not counted):`, '', ...suppressedItems(area.suppressed), '');
	return out;
}

function items(list: ReportItem[]): string[] {
	return list.map((i) => `- ${itemWhere(i)}: “${inline(i.quote)}” — ${inline(i.message)} (${rule(i)})`);
}

function suppressedItems(list: ReportItem[]): string[] {
	return list.map((i) => {
		const reason = i.suppression?.reason ? `reason: “${inline(i.suppression.reason)}”` : 'no reason given';
		return `- ${itemWhere(i)}: “${inline(i.quote)}” (${rule(i)}), suppressed at line ${i.suppression?.line ?? '?'}, ${reason}`;
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
