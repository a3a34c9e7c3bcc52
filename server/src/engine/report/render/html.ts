import type { AreaReport, AreaStatus, Report, ReportItem } from '../model';
import { AREA_STATUSES } from '../model';
import { ENGLISH_REPORT_LABELS, counted, countsSentence, evidenceNote, isWebUrl, itemWhere, overviewCounts, statusLabels, summarySentence, type ReportLabels } from './labels';
import { fill } from '../../translate';
import { PORTFOLIO_CSS, STANDALONE_CSS } from './styles';
import type { Portfolio } from '../portfolio';

/**
 * What surrounds the report's content: the page's security policy, stylesheet and script, and how an item's
 * location and rule show. The engine renders the standalone page (for export); an editor's view (VS Code's
 * webview: client/src/report/webviewHtml.ts) brings its own.
 */
export interface HtmlPage {
	/** The content security policy. */
	csp: string;
	css: string;
	/** The nonce that lets the page's <style> and <script> run under its policy, if it needs one. */
	nonce?: string;
	bodyClass: string;
	/** HTML after the masthead's text (an editor's export buttons). */
	actions?: string;
	/** An item's location (`where`, already escaped): plain text unless given. */
	place?: (item: ReportItem, where: string) => string;
	/** Rule ids link to their documentation even when it is not on the web (an editor opens files). */
	linkRules?: boolean;
	script?: string;
}

/** How the report's items show their place and rule: what a page around the sections decides. */
export type ItemLinks = Pick<HtmlPage, 'place' | 'linkRules'>;

/** One self-contained file: inline CSS and SVG, no script, no network; light/dark by prefers-color-scheme; printable. */
export const STANDALONE_PAGE: HtmlPage = { csp: "default-src 'none'; img-src data:; style-src 'unsafe-inline';", css: STANDALONE_CSS, bodyClass: 'standalone' };

/** The report as a page; `labels` (labels.ts) gives its words in the reader's language, English unless given. */
export function renderHtml(report: Report, page: HtmlPage = STANDALONE_PAGE, labels: ReportLabels = ENGLISH_REPORT_LABELS): string {
	const meta = fill(esc(labels.meta), `<span class="file">${esc(report.document.file)}</span>`, profileHtml(report), reviewedHtml(report, labels), `<cite>${esc(labels.paperTitle)}</cite>`);
	return `${pageHead({ csp: page.csp, title: fill(labels.pageTitle, report.document.title), css: page.css, ...(page.nonce !== undefined ? { nonce: page.nonce } : {}), colorScheme: true, lang: labels.lang })}
<body class="${attr(page.bodyClass)}">
<header class="masthead">
<p class="kicker">${esc(labels.kicker)}</p>
<h1>${esc(report.document.title)}</h1>
<p class="meta">${meta}</p>
${page.actions ?? ''}
</header>
<main>
${renderReportSections(report, page, labels)}
</main>
<footer>
<p>${fill(esc(labels.footer), esc(report.source.citation))}</p>
</footer>
${page.script ? `<script${page.nonce !== undefined ? ` nonce="${attr(page.nonce)}"` : ''}>${page.script}</script>` : ''}
</body>
</html>
`;
}

/** Where a report's sections sit in a page: ids unique in it, headings under the page's own. */
export interface SectionPlace {
	/** Put before every id (a portfolio gives each document its own, e.g. `doc-2-`); the page then provides the chart's `#hatch` pattern once. */
	idPrefix?: string;
	/** The sections' heading level (2 alone; 3 under a document's heading in a portfolio). */
	level?: number;
}

/**
 * The report of many documents as one self-contained page: an overview table (a column per recommendation
 * area, numbered, the areas listed below it; each cell the status's shape with its word for screen readers),
 * then each document's report under its heading, the sections the one-document page shows.
 */
export function renderPortfolioHtml(portfolio: Portfolio, labels: ReportLabels = ENGLISH_REPORT_LABELS): string {
	const l = labels;
	const s = portfolio.summary;
	const documents = counted(s.documents, 'Documents', l);
	const reviewed = reviewedHtml(portfolio, l);
	const words = statusLabels(l);
	const head = s.areas.map((a, i) => `<th scope="col"><abbr title="${attr(a.title)}">${i + 1}</abbr></th>`).join('');
	const rows = portfolio.documents.map((doc, d) => {
		const cells = s.areas.map((area) => {
			const status = doc.areas.find((a) => a.id === area.id)?.status ?? 'not-addressed';
			return `<td class="status status-${status}" data-status="${status}">${icon(status)}<span class="visually-hidden">${esc(words[status])}</span></td>`;
		});
		return `<tr><th scope="row"><a href="#doc-${d + 1}">${esc(doc.document.title)}</a></th><td class="file">${esc(doc.document.file)}</td>${cells.join('')}<td class="count">${doc.summary.findings}</td><td class="count">${doc.summary.provisions}</td></tr>`;
	});
	const sections = portfolio.documents.map(
		(doc, d) => `<section id="doc-${d + 1}" class="document" aria-labelledby="doc-${d + 1}-heading">
<h2 id="doc-${d + 1}-heading">${esc(doc.document.title)}</h2>
<p class="meta">${fill(esc(l.documentMeta), `<span class="file">${esc(doc.document.file)}</span>`, profileHtml(doc))}</p>
${renderReportSections(doc, STANDALONE_PAGE, l, { idPrefix: `doc-${d + 1}-`, level: 3 })}
</section>`,
	);
	return `${pageHead({ csp: STANDALONE_PAGE.csp, title: fill(l.pageTitle, documents), css: `${STANDALONE_CSS}${PORTFOLIO_CSS}`, colorScheme: true, lang: l.lang })}
<body class="${attr(STANDALONE_PAGE.bodyClass)} portfolio">
<header class="masthead">
<p class="kicker">${esc(l.kicker)}</p>
<h1>${esc(documents)}</h1>
<p class="meta">${fill(esc(l.portfolioMeta), esc(documents), reviewed, `<cite>${esc(l.paperTitle)}</cite>`)}</p>
</header>
<main>
<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false">${HATCH}</svg>
<section aria-labelledby="overview-heading" class="overview">
<h2 id="overview-heading">${esc(l.overview)}</h2>
<p class="lead">${esc(fill(l.overviewSentence, s.contradicting, s.documents))}</p>
<p>${esc(overviewCounts(portfolio, l))}</p>
<div class="wide">
<table class="overview-table">
<caption>${esc(l.overviewCaption)}</caption>
<thead><tr><th scope="col">${esc(l.documentColumn)}</th><th scope="col">${esc(l.fileColumn)}</th>${head}<th scope="col">${esc(l.findingsColumn)}</th><th scope="col">${esc(l.provisionsColumn)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
<tfoot><tr><th scope="row" colspan="2">${esc(l.contradictingRow)}</th>${s.areas.map((a) => `<td class="count">${a.contradicted}</td>`).join('')}<td class="count">${s.findings}</td><td class="count">${s.provisions}</td></tr></tfoot>
</table>
</div>
<p>${esc(l.areaKey)}</p>
<ol class="area-key">
${s.areas.map((a) => `<li>${esc(a.title)}</li>`).join('\n')}
</ol>
<p class="rule">${AREA_STATUSES.map((status) => badge(status, l)).join(' ')} ${esc(l.statusRule)}</p>
</section>
${sections.join('\n')}
</main>
<footer>
<p>${fill(esc(l.footer), esc(portfolio.source.citation))}</p>
</footer>
</body>
</html>
`;
}

function reviewedHtml(report: Pick<Report, 'generated' | 'tool'>, labels: ReportLabels): string {
	const version = esc(report.tool.version);
	return report.generated
		? fill(esc(labels.reviewedOn), `<time datetime="${attr(report.generated)}">${esc(report.generated.slice(0, 10))}</time>`, version)
		: fill(esc(labels.reviewed), version);
}

function profileHtml(report: Report): string {
	return `${esc(report.document.profile)}${report.document.profileReason ? ` <span class="profile-reason">— ${esc(report.document.profileReason)}</span>` : ''}`;
}

/**
 * The report's sections (summary, scorecard, areas, language) without the page around them: the standalone
 * page puts them in its <main>; the web page (server/src/web) shows them beside the reviewed document; the
 * portfolio page puts each document's under its heading.
 */
export function renderReportSections(report: Report, page: ItemLinks = STANDALONE_PAGE, labels: ReportLabels = ENGLISH_REPORT_LABELS, at: SectionPlace = {}): string {
	const l = labels;
	const id = (name: string): string => `${at.idPrefix ?? ''}${name}`;
	const h = heading(at.level ?? 2);
	return `<section aria-labelledby="${id('summary-heading')}" class="summary">
<${h(0)} id="${id('summary-heading')}">${esc(l.summary)}</${h(0)}>
<p class="lead">${esc(summarySentence(report, l))}</p>
${chart(report, l, at.idPrefix)}
<p>${esc(countsSentence(report, l))}</p>
<p class="rule"><strong>${esc(l.statusRuleHeading)}</strong> ${esc(l.statusRule)}</p>
</section>
<section aria-labelledby="${id('scorecard-heading')}">
<${h(0)} id="${id('scorecard-heading')}">${esc(l.scorecard)}</${h(0)}>
<table class="scorecard">
<caption>${esc(l.scorecardCaption)}</caption>
<thead><tr><th scope="col">${esc(l.areaColumn)}</th><th scope="col">${esc(l.statusColumn)}</th><th scope="col">${esc(l.evidenceColumn)}</th></tr></thead>
<tbody>
${report.areas.map((a) => `<tr class="row-${a.status}"><th scope="row"><a href="#${id(`area-${a.id}`)}">${esc(a.title)}</a></th><td>${badge(a.status, l)}</td><td>${esc(evidenceNote(a, l))}</td></tr>`).join('\n')}
</tbody>
</table>
</section>
<section aria-labelledby="${id('areas-heading')}">
<${h(0)} id="${id('areas-heading')}">${esc(l.areas)}</${h(0)}>
${report.areas.map((a) => areaSection(a, page, l, id, h)).join('\n')}
</section>
<section aria-labelledby="${id('language-heading')}">
<${h(0)} id="${id('language-heading')}">${esc(l.language)}</${h(0)}>
<p>${esc(l.languageIntro)}</p>
${report.language.findings.length === 0 && report.language.suppressed.length === 0 ? `<p>${esc(l.none)}</p>` : ''}
${itemList(report.language.findings, page, 'finding', l)}
${report.language.suppressed.length > 0 ? `<${h(1)}>${esc(l.suppressed)}</${h(1)}>${itemList(report.language.suppressed, page, 'suppressed', l)}` : ''}
</section>`;
}

/** The tag of a heading `depth` levels below the sections' own (never below h6). */
function heading(level: number): (depth: number) => string {
	return (depth) => `h${Math.min(6, level + depth)}`;
}

function areaSection(area: AreaReport, page: ItemLinks, labels: ReportLabels, id: (name: string) => string, h: (depth: number) => string): string {
	const none = area.coverage.provisionRules > 0 ? labels.nothingFound : labels.nothingFoundNoProvisionRule;
	const anchor = id(`area-${area.id}`);
	return `<article id="${anchor}" class="area area-${area.status}" aria-labelledby="${anchor}-heading">
<${h(1)} id="${anchor}-heading">${esc(area.title)} ${badge(area.status, labels)}</${h(1)}>
<blockquote class="recommendation"><p>${esc(area.recommendation)}</p></blockquote>
${area.findings.length > 0 ? `<${h(2)}>${esc(fill(labels.findingsHeading, area.findings.length))}</${h(2)}>${itemList(area.findings, page, 'finding', labels)}` : ''}
${area.provisions.length > 0 ? `<${h(2)}>${esc(fill(labels.provisionsHeading, area.provisions.length))}</${h(2)}>${itemList(area.provisions, page, 'provision', labels)}` : ''}
${area.findings.length === 0 && area.provisions.length === 0 ? `<p class="none">${esc(none)}</p>` : ''}
${area.suppressed.length > 0 ? `<${h(2)}>${esc(fill(labels.suppressedHeading, area.suppressed.length))}</${h(2)}>${itemList(area.suppressed, page, 'suppressed', labels)}` : ''}
</article>`;
}

function itemList(items: ReportItem[], page: ItemLinks, kind: 'finding' | 'provision' | 'suppressed', labels: ReportLabels): string {
	if (items.length === 0) return '';
	return `<ul class="items items-${kind}">\n${items.map((i) => `<li>${item(i, page, kind, labels)}</li>`).join('\n')}\n</ul>`;
}

function item(i: ReportItem, page: ItemLinks, kind: 'finding' | 'provision' | 'suppressed', labels: ReportLabels): string {
	const where = esc(itemWhere(i, labels));
	const place = page.place ? page.place(i, where) : `<span class="where">${where}</span>`;
	const rule = isWebUrl(i.docUrl) || page.linkRules ? `<a class="rule" href="${attr(i.docUrl)}"><code>${esc(i.ruleId)}</code></a>` : `<code class="rule">${esc(i.ruleId)}</code>`;
	const severity = i.severity && kind !== 'suppressed' ? ` <span class="severity">(${esc(i.severity)})</span>` : '';
	const suppression =
		kind === 'suppressed' && i.suppression
			? `<p class="suppression">${fill(esc(labels.suppressedAtLine), i.suppression.line, i.suppression.reason ? fill(esc(labels.reasonQuoted), esc(i.suppression.reason)) : esc(labels.noReason))}</p>`
			: '';
	return `${place}<q class="quote">${esc(i.quote)}</q><p class="message">${esc(i.message)} ${rule}${severity}</p>${suppression}`;
}

/** The status word with a shape of its own (cross, tick, hollow circle), so colour is never the only cue. */
export function badge(status: AreaStatus, labels: ReportLabels = ENGLISH_REPORT_LABELS): string {
	return `<span class="badge badge-${status}" data-status="${status}">${icon(status)}<span class="badge-text">${esc(statusLabels(labels)[status])}</span></span>`;
}

function icon(status: AreaStatus): string {
	const shape: Record<AreaStatus, string> = {
		contradicted: '<path d="M4 4 L12 12 M12 4 L4 12" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" fill="none"/>',
		addressed: '<path d="M3 8.5 L6.5 12 L13 4.5" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" fill="none"/>',
		'not-addressed': '<circle cx="8" cy="8" r="5" stroke="currentColor" stroke-width="2" fill="none"/>',
	};
	return `<svg class="icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${shape[status]}</svg>`;
}

/** The contradicted bar's fill (the stylesheet's url(#hatch)): once per page. */
const HATCH = '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-bg"/><line x1="0" y1="0" x2="0" y2="6" class="hatch-line" stroke-width="3"/></pattern></defs>';

/**
 * A bar per status, labelled with its word and count: the numbers are the chart (no score). Bars are
 * distinguished by fill pattern as well as colour (hatched, solid, outline).
 */
function chart(report: Report, labels: ReportLabels, idPrefix = ''): string {
	const words = statusLabels(labels);
	const counts: Record<AreaStatus, number> = { contradicted: report.summary.contradicted, addressed: report.summary.addressed, 'not-addressed': report.summary.notAddressed };
	const total = Math.max(1, report.summary.areas);
	const labelWidth = 150;
	const barWidth = 300;
	const rowHeight = 30;
	const rows = AREA_STATUSES.map((status, index) => {
		const y = 10 + index * rowHeight;
		const width = Math.round((counts[status] / total) * barWidth);
		return `<g class="bar bar-${status}">
<text x="0" y="${y + 15}" class="bar-label">${esc(words[status])}</text>
<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="20" class="track"/>
${width > 0 ? `<rect x="${labelWidth}" y="${y}" width="${width}" height="20" class="fill fill-${status}"/>` : ''}
<text x="${labelWidth + barWidth + 10}" y="${y + 15}" class="bar-count">${esc(fill(labels.chartCount, counts[status], report.summary.areas))}</text>
</g>`;
	}).join('\n');
	const description = AREA_STATUSES.map((s) => `${words[s]}: ${counted(counts[s], 'Areas', labels)}`).join('; ');
	return `<figure class="chart">
<svg role="img" aria-labelledby="${idPrefix}chart-title ${idPrefix}chart-desc" viewBox="0 0 ${labelWidth + barWidth + 90} ${20 + AREA_STATUSES.length * rowHeight}">
<title id="${idPrefix}chart-title">${esc(labels.chartTitle)}</title>
<desc id="${idPrefix}chart-desc">${esc(description)}</desc>
${idPrefix ? '' : `${HATCH}\n`}${rows}
</svg>
<figcaption>${esc(description)}.</figcaption>
</figure>`;
}

/**
 * A page up to its body: the content security policy, the title and the one style element (carrying the
 * nonce a webview's policy asks for). Shared by the report and the Word review editor's page.
 */
export function pageHead(head: { csp: string; title: string; css: string; nonce?: string; colorScheme?: boolean; lang?: string }): string {
	const nonce = head.nonce !== undefined ? ` nonce="${attr(head.nonce)}"` : '';
	return `<!DOCTYPE html>
<html lang="${attr(head.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(head.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${head.colorScheme ? '<meta name="color-scheme" content="light dark">\n' : ''}<title>${esc(head.title)}</title>
<style${nonce}>${head.css}</style>
</head>`;
}

export function esc(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** For double-quoted attribute values (so a CSP's 'none' stays readable in the source). */
export function attr(text: string): string {
	return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
