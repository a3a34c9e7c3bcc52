/**
 * The accountability report: a scorecard of the paper's recommendation areas for one reviewed document,
 * and its renderers (HTML, Markdown, JSON). Pure, like the rest of the engine: callers read files.
 */
export { AREAS, AREA_IDS, CATEGORY_AREAS, areaFor, isAreaId, type AreaDefinition, type AreaId, type PaperQuote } from './areas';
export { buildReport, quoteFor, statusOf, wordLabel, type ReportInput, type ReportOptions } from './build';
export { AREA_STATUSES, PAPER_CITATION, REPORT_VERSION, type AreaReport, type AreaStatus, type Report, type ReportItem, type ReportSummary, type WordPlace } from './model';
export { attr, esc, renderHtml, renderPortfolioHtml, renderReportSections, STANDALONE_PAGE, type HtmlPage, type ItemLinks, type SectionPlace } from './render/html';
export { buildPortfolio, type Portfolio, type PortfolioOptions, type PortfolioSummary } from './portfolio';
export { REPORT_LAYOUT_CSS, STANDALONE_CSS } from './render/styles';
export { renderMarkdown, renderPortfolioMarkdown } from './render/markdown';
export { renderJson } from './render/json';
export { ENGLISH_REPORT_LABELS, STATUS_LABELS, STATUS_SYMBOLS, STATUS_RULE, reportLabels, type ReportLabels } from './render/labels';

import type { Report } from './model';
import type { ReportLabels } from './render/labels';
import type { Portfolio } from './portfolio';
import { renderHtml, renderPortfolioHtml } from './render/html';
import { renderMarkdown, renderPortfolioMarkdown } from './render/markdown';
import { renderJson } from './render/json';

export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Renders a report in a file format (HTML: the standalone, self-contained page), in English unless `labels` are given. */
export function renderReport(report: Report, format: ReportFormat, labels?: ReportLabels): string {
	return format === 'html' ? renderHtml(report, undefined, labels) : format === 'json' ? renderJson(report) : renderMarkdown(report, labels);
}

/** Renders the report of many documents in a file format, in English unless `labels` are given. */
export function renderPortfolio(portfolio: Portfolio, format: ReportFormat, labels?: ReportLabels): string {
	return format === 'html' ? renderPortfolioHtml(portfolio, labels) : format === 'json' ? renderJson(portfolio) : renderPortfolioMarkdown(portfolio, labels);
}
