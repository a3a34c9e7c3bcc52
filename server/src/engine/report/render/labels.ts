import type { AreaStatus, Report, ReportItem } from '../model';

/** Status words: every renderer shows the word (and a shape), never a colour alone. */
export const STATUS_LABELS: Readonly<Record<AreaStatus, string>> = {
	contradicted: 'Contradicted',
	addressed: 'Addressed',
	'not-addressed': 'Not addressed',
};

/** Plain-text symbols for Markdown and terminals; each has its own shape, not only its own colour. */
export const STATUS_SYMBOLS: Readonly<Record<AreaStatus, string>> = {
	contradicted: '✗',
	addressed: '✓',
	'not-addressed': '○',
};

/** How statuses are decided, in the words every renderer prints beside the counts. */
export const STATUS_RULE =
	'Contradicted: at least one finding of a rule for the area. Addressed: no finding, and at least one rights-respecting provision recognised. Not addressed: neither (the draft is silent, as far as the rules can tell). Suppressed findings are listed with their reasons but do not change a status. There is no overall score.';

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** “4 of 10 areas contradicted, 1 addressed, 5 not addressed.” */
export function summarySentence(report: Report): string {
	const s = report.summary;
	return `Of the paper’s ${s.areas} recommendation areas, this draft contradicts ${s.contradicted}, addresses ${s.addressed} and does not address ${s.notAddressed}.`;
}

export function countsSentence(report: Report): string {
	const s = report.summary;
	return `${plural(s.findings, 'finding')} (${s.languageFindings} about wording only), ${plural(s.provisions, 'provision')} recognised, ${plural(s.suppressed, 'suppressed finding')}.`;
}

/** A short evidence note for a scorecard row: “2 findings (lines 14, 34)”. */
export function evidenceNote(area: { findings: ReportItem[]; provisions: ReportItem[]; suppressed: ReportItem[]; coverage: { provisionRules: number } }): string {
	const parts: string[] = [];
	if (area.findings.length > 0) parts.push(`${plural(area.findings.length, 'finding')} (${lineList(area.findings)})`);
	if (area.provisions.length > 0) parts.push(`${plural(area.provisions.length, 'provision')} (${lineList(area.provisions)})`);
	if (area.suppressed.length > 0) parts.push(`${area.suppressed.length} suppressed`);
	if (parts.length === 0) return area.coverage.provisionRules > 0 ? 'nothing found' : 'nothing found; no rule recognises provisions here yet';
	return parts.join('; ');
}

function lineList(items: ReportItem[]): string {
	const lines = [...new Set(items.map((i) => i.location ?? `line ${i.line}`))];
	const shown = lines.slice(0, 4).join(', ');
	return lines.length > 4 ? `${shown}, …` : shown;
}

export function itemWhere(item: ReportItem): string {
	return item.location ?? `Line ${item.line}`;
}

/** Links to rule documentation are shown only when a reader elsewhere can open them (not file: URLs). */
export function isWebUrl(url: string): boolean {
	return /^https?:\/\//i.test(url);
}
