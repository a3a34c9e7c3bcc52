import type { Report } from '../model';

/** The report as JSON (the documented contract; schema: rules/schema/report.schema.json). */
export function renderJson(report: Report): string {
	return `${JSON.stringify(report, null, 2)}\n`;
}
