import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { AREA_IDS, STATUS_LABELS, STATUS_SYMBOLS, renderMarkdown, statusOf, type ReportItem } from '../../server/src/engine/report';
import { DOCUMENTS, ROOT, reportOf } from './helpers';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules/schema/report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

/** What a reader sees of the draft: the quote must be found on the line the report gives. */
function readable(line: string): string {
	return line.replace(/[*_`#>]|^\s*(?:[-+*]|\d+[.)])\s+/g, ' ').replace(/\s+/g, ' ').trim();
}

// Holds for any rule set: these do not change when rules are added, unlike the goldens.
describe.each(DOCUMENTS)('report structure: $name', ({ file }) => {
	const { report, review, text } = reportOf(file);
	const lines = text.split(/\r?\n/);
	const allItems = (kind: 'findings' | 'provisions' | 'suppressed'): ReportItem[] => [
		...report.areas.flatMap((a) => a[kind]),
		...(kind === 'provisions' ? [] : report.language[kind]),
	];

	it('matches the JSON schema', () => {
		expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors, null, 2)).toBe(true);
	});

	it('has every area once, in order', () => {
		expect(report.areas.map((a) => a.id)).toEqual([...AREA_IDS]);
	});

	it('gives each area the status its findings and provisions imply', () => {
		for (const area of report.areas) expect(area.status, area.id).toBe(statusOf(area.findings.length, area.provisions.length));
	});

	it('accounts for every finding, provision and suppressed finding exactly once', () => {
		expect(allItems('findings')).toHaveLength(review.findings.length);
		expect(allItems('provisions')).toHaveLength(review.provisions.length);
		expect(allItems('suppressed')).toHaveLength(review.suppressed.length);
		const key = (f: { ruleId: string; range: { start: { line: number; character: number } } }) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`;
		expect(allItems('findings').map(key).sort()).toEqual(review.findings.map(key).sort());
	});

	it('counts statuses in the summary as the rows show them', () => {
		const s = report.summary;
		expect(s.contradicted + s.addressed + s.notAddressed).toBe(report.areas.length);
		expect(s.contradicted).toBe(report.areas.filter((a) => a.status === 'contradicted').length);
		expect(s.addressed).toBe(report.areas.filter((a) => a.status === 'addressed').length);
	});

	it('links each item to the line its quote starts on', () => {
		for (const item of [...allItems('findings'), ...allItems('provisions'), ...allItems('suppressed')]) {
			expect(item.line).toBe(item.range.start.line + 1);
			const start = readable(item.quote.replace(/…$/, '')).slice(0, 24);
			expect(readable(lines.slice(item.line - 1, item.line + 2).join(' ')), `${item.ruleId} line ${item.line}`).toContain(start);
		}
	});

	it('shows every area with its status in words and a symbol in the Markdown, which has no HTML', () => {
		const md = renderMarkdown(report);
		for (const area of report.areas) expect(md).toContain(`| ${STATUS_SYMBOLS[area.status]} ${STATUS_LABELS[area.status]} |`);
		expect(md).not.toMatch(/<\/?[a-z][^>]*>/i);
		expect(md).toMatch(/^\| Recommendation area \| Status \| Evidence \|$/m);
	});
});

describe('the rights-respecting fixture', () => {
	const { report } = reportOf('test/report/fixtures/rights-respecting-policy.md');

	it('is addressed where its provisions are recognised, and contradicted nowhere its pack speaks to', () => {
		const addressed = report.areas.filter((a) => a.status === 'addressed').map((a) => a.id);
		expect(addressed).toEqual(expect.arrayContaining(['unconditional-services', 'consent', 'non-punishment', 'rights-counsel', 'community-funding', 'oversight-data']));
		for (const area of report.areas.filter((a) => a.status === 'addressed')) expect(area.provisions.length).toBeGreaterThan(0);
	});

	it('keeps the suppressed quotation of the old ordinance, with its reason', () => {
		const suppressed = report.areas.flatMap((a) => a.suppressed);
		expect(suppressed.map((s) => s.suppression?.reason)).toContain('quoted from the 2005 ordinance this policy repeals');
	});
});

describe('the example draft bill', () => {
	const { report } = reportOf('examples/draft-state-bill.md');
	it('contradicts unconditional services, citing the housing clause of SEC. 5', () => {
		const services = report.areas.find((a) => a.id === 'unconditional-services')!;
		expect(services.status).toBe('contradicted');
		expect(services.findings.some((f) => f.quote.includes('will receive housing assistance'))).toBe(true);
	});
	it('lists the "sex slaves" wording under language, not the scorecard', () => {
		expect(report.language.findings.some((f) => f.ruleId.startsWith('framing/'))).toBe(true);
	});
});
