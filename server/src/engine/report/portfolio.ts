import { AREAS, type AreaId } from './areas';
import { PAPER_CITATION, REPORT_VERSION, type Report } from './model';

/**
 * The accountability report of many documents (a legislature's bills, a funder's portfolio): an overview of
 * every document's status in each recommendation area, then each document's own report. Made from the
 * documents' reports alone, so `accountable report <folder>` and `accountable merge --report` (from the
 * reports a CI matrix's jobs wrote into their JSON) make the same one.
 */
export interface Portfolio {
	reportVersion: typeof REPORT_VERSION;
	kind: 'portfolio';
	tool: { name: 'accountable'; version: string };
	/** ISO 8601 date-time the report was made, when the caller gives one (each document's report carries it too). */
	generated?: string;
	summary: PortfolioSummary;
	/** Every document's report, in path order (the order `--shard` deals files out in). */
	documents: Report[];
	source: { citation: string };
}

export interface PortfolioSummary {
	documents: number;
	/** Documents that contradict at least one recommendation area. */
	contradicting: number;
	findings: number;
	provisions: number;
	suppressed: number;
	/** Per area, in the paper's order: how many documents contradict, address or do not address it. */
	areas: Array<{ id: AreaId; title: string; contradicted: number; addressed: number; notAddressed: number }>;
}

export interface PortfolioOptions {
	version: string;
	/** When the report was made (ISO 8601): stamped on the portfolio and on each document's report. */
	generated?: string;
}

/** The portfolio of these documents' reports, which must already be in the order to print them in. */
export function buildPortfolio(reports: readonly Report[], options: PortfolioOptions): Portfolio {
	const documents = reports.map((r) => dated(r, options.generated));
	const sum = (count: (r: Report) => number): number => documents.reduce((n, r) => n + count(r), 0);
	const areas = AREAS.map((area) => {
		const statuses = documents.map((r) => r.areas.find((a) => a.id === area.id)?.status);
		const count = (status: string): number => statuses.filter((s) => s === status).length;
		return { id: area.id, title: area.title, contradicted: count('contradicted'), addressed: count('addressed'), notAddressed: count('not-addressed') };
	});
	return {
		reportVersion: REPORT_VERSION,
		kind: 'portfolio',
		tool: { name: 'accountable', version: options.version },
		...(options.generated ? { generated: options.generated } : {}),
		summary: {
			documents: documents.length,
			contradicting: documents.filter((r) => r.summary.contradicted > 0).length,
			findings: sum((r) => r.summary.findings),
			provisions: sum((r) => r.summary.provisions),
			suppressed: sum((r) => r.summary.suppressed),
			areas,
		},
		documents,
		source: { citation: PAPER_CITATION },
	};
}

/** The report with its date set (or removed), its fields in the order buildReport writes them. */
export function dated(report: Report, generated: string | undefined): Report {
	const { reportVersion, tool, generated: _previous, ...rest } = report;
	return { reportVersion, tool, ...(generated ? { generated } : {}), ...rest };
}
