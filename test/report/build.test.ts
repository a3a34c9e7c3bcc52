import { describe, expect, it } from 'vitest';
import { Reviewer } from '../../server/src/engine';
import { AREA_IDS, buildReport, statusOf } from '../../server/src/engine/report';
import { ruleFile, ruleSetFrom } from '../helpers/rules';

// A small rule set of our own, so these tests do not move when the built-in rules change.
const rules = ruleSetFrom([
	ruleFile('conditional-services/test-testify', 'kind: phrase\nscope: span\nseverity: error\nmatch: ["/only if the victim testifies/"]\nnegation: false'),
	ruleFile('conditional-services/test-unconditional-provision', 'kind: phrase\nscope: span\nseverity: information\nprovision: true\nnegation: false\nmatch: ["/regardless of cooperation/"]'),
	ruleFile('raids/test-raid', 'kind: phrase\nscope: span\nseverity: warning\nnegation: false\nmatch: ["/raids on massage parlours/"]'),
	ruleFile('raids/test-last-resort-provision', 'kind: phrase\nscope: span\nseverity: information\nprovision: true\nnegation: false\nmatch: ["/only as a last resort/"]'),
	ruleFile('funding-accountability/test-outcome-data-provision', 'kind: phrase\nscope: span\nseverity: information\nprovision: true\nrecommendation: oversight-data\nnegation: false\nmatch: ["/publish outcome data/"]'),
	ruleFile('framing/test-slaves', 'kind: phrase\nscope: span\nseverity: hint\nnegation: false\nmatch: ["/sex slaves/"]'),
]);

function report(text: string) {
	expect(rules.errors).toEqual([]);
	const review = new Reviewer(rules).review({ text, format: 'markdown' });
	return buildReport(review, rules.rules, { file: 'draft.md', version: 'test' });
}

const area = (r: ReturnType<typeof report>, id: string) => r.areas.find((a) => a.id === id)!;

describe('buildReport', () => {
	it('lists every area, in order, even for an empty document', () => {
		const r = report('');
		expect(r.areas.map((a) => a.id)).toEqual([...AREA_IDS]);
		expect(r.areas.every((a) => a.status === 'not-addressed')).toBe(true);
		expect(r.summary).toMatchObject({ areas: 10, contradicted: 0, addressed: 0, notAddressed: 10, findings: 0, provisions: 0 });
	});

	it('marks an area contradicted by a finding, with its line and the sentence quoted', () => {
		const r = report('# Draft\n\nIntro.\n\nShelter is provided only if the victim testifies. Other text.\n');
		const services = area(r, 'unconditional-services');
		expect(services.status).toBe('contradicted');
		expect(services.findings).toHaveLength(1);
		expect(services.findings[0]).toMatchObject({ ruleId: 'conditional-services/test-testify', line: 5, severity: 'error', quote: 'Shelter is provided only if the victim testifies.' });
		expect(services.findings[0]!.range.start).toEqual({ line: 4, character: 'Shelter is provided '.length });
	});

	it('marks an area addressed by a provision when nothing contradicts it', () => {
		const r = report('# Policy\n\nServices are provided regardless of cooperation.\n');
		const services = area(r, 'unconditional-services');
		expect(services.status).toBe('addressed');
		expect(services.provisions[0]).toMatchObject({ line: 3, quote: 'Services are provided regardless of cooperation.' });
		expect(services.provisions[0]!.severity).toBeUndefined();
	});

	it('lets a finding win over a provision in the same area, and keeps both as evidence', () => {
		const r = report('Raids shall be used only as a last resort.\n\nThe unit will conduct raids on massage parlours.\n');
		const raids = area(r, 'raids-last-resort');
		expect(raids.status).toBe('contradicted');
		expect(raids.findings.map((f) => f.line)).toEqual([3]);
		expect(raids.provisions.map((f) => f.line)).toEqual([1]);
	});

	it('counts a rule towards its recommendation: area before its category', () => {
		const r = report('The board shall publish outcome data each year.\n');
		expect(area(r, 'oversight-data').status).toBe('addressed');
		expect(area(r, 'community-funding').status).toBe('not-addressed');
	});

	it('keeps framing findings out of the scorecard, in language', () => {
		const r = report('A campaign about sex slaves.\n');
		expect(r.summary.contradicted).toBe(0);
		expect(r.language.findings.map((f) => f.ruleId)).toEqual(['framing/test-slaves']);
		expect(r.summary.languageFindings).toBe(1);
	});

	it('lists suppressed findings with their reasons without changing the status', () => {
		const r = report('<!-- accountable-disable-next-line conditional-services -- quoted from the 2005 Act -->\nShelter is provided only if the victim testifies.\n');
		const services = area(r, 'unconditional-services');
		expect(services.status).toBe('not-addressed');
		expect(services.suppressed).toHaveLength(1);
		expect(services.suppressed[0]!.suppression).toMatchObject({ reason: 'quoted from the 2005 Act', line: 1 });
		expect(r.summary.suppressed).toBe(1);
	});

	it('counts the rules that can speak to each area', () => {
		const r = report('');
		expect(area(r, 'raids-last-resort').coverage).toEqual({ rules: 1, provisionRules: 1 });
		expect(area(r, 'oversight-data').coverage).toEqual({ rules: 0, provisionRules: 1 });
		expect(area(r, 'consent').coverage).toEqual({ rules: 0, provisionRules: 0 });
	});

	it('shortens long quotes at a word boundary and names the document after its first heading', () => {
		const long = `Shelter is provided only if the victim testifies ${'and so on '.repeat(60)}.`;
		const r = report(`# The Title\n\n${long}\n`);
		const quote = area(r, 'unconditional-services').findings[0]!.quote;
		expect(quote.length).toBeLessThanOrEqual(301);
		expect(quote.endsWith('…')).toBe(true);
		expect(r.document.title).toBe('The Title');
		expect(report('no heading here\n').document.title).toBe('draft.md');
	});

	it('decides statuses by the documented rule', () => {
		expect(statusOf(1, 0)).toBe('contradicted');
		expect(statusOf(2, 3)).toBe('contradicted');
		expect(statusOf(0, 1)).toBe('addressed');
		expect(statusOf(0, 0)).toBe('not-addressed');
	});
});
