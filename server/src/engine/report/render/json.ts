import type { Report } from '../model';
import type { Portfolio } from '../portfolio';

/** The report as JSON (the documented contract; schemas: rules/schema/report.schema.json, portfolio.schema.json). */
export function renderJson(report: Report | Portfolio): string {
	return `${JSON.stringify(report, null, 2)}\n`;
}
