import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../server/src/engine';
import { builtinReviewer } from '../helpers/rules';

// A whole grant narrative whose money, task force, prevention and performance measures are all about
// policing. The golden lists the findings and recognised provisions of the categories this fixture is
// about (funding-accountability, prevention, and the other document-level and framing rules it trips), so
// that new rules in unrelated categories do not churn it; update with `npx vitest run test/rules -u`
// after reading the diff.
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'documents', 'grant-narrative-police-budget.md');
const CATEGORIES = new Set(['funding-accountability', 'prevention', 'detention-punishment', 'rights-process', 'framing']);

function line(f: Finding, prefix = ''): string {
	return `${prefix}${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.scope} ${f.ruleId} ${f.message}`;
}

describe('grant narrative with a police-only budget', () => {
	const text = fs.readFileSync(FIXTURE, 'utf8');
	const result = builtinReviewer().review({ text, format: 'markdown' });
	const mine = result.findings.filter((f) => CATEGORIES.has(f.category));

	it('is detected as a grant proposal', () => {
		expect(result.profile).toBe('grant-proposal');
	});

	it('finds the enforcement-only budget, task force, metrics and missing outcome data and prevention', () => {
		const ids = new Set(mine.map((f) => f.ruleId));
		for (const id of [
			'funding-accountability/budget-enforcement-only',
			'funding-accountability/enforcement-only-funding',
			'funding-accountability/task-force-without-service-providers',
			'funding-accountability/arrest-count-metrics',
			'funding-accountability/grant-without-outcome-data',
			'funding-accountability/grant-without-survivor-input',
			'prevention/enforcement-as-prevention',
			'prevention/prevention-section-enforcement-only',
			'prevention/no-prevention-measures',
		]) {
			expect(ids, id).toContain(id);
		}
	});

	it('anchors section findings on their headings and document findings on the title', () => {
		const budget = mine.find((f) => f.ruleId === 'funding-accountability/budget-enforcement-only')!;
		expect(text.split('\n')[budget.range.start.line]).toBe('## 5. Budget justification');
		const outcome = mine.find((f) => f.ruleId === 'funding-accountability/grant-without-outcome-data')!;
		expect(outcome.range.start.line).toBe(0);
		expect(outcome.suggestions[0]?.where).toBe('document-end');
	});

	it('recognises no rights-respecting provision', () => {
		expect(result.provisions.map((p) => p.ruleId)).toEqual([]);
	});

	it('matches the golden output', async () => {
		const out = [...mine.map((f) => line(f)), ...result.provisions.map((p) => line(p, 'provision '))].join('\n') + '\n';
		await expect(out).toMatchFileSnapshot('golden/grant-narrative-police-budget.txt');
	});

	it('goes quiet on the same rules when the proposal funds services, evaluation and survivor input', () => {
		const fixed = text
			.replace('Grant funds will be used for personnel, overtime, surveillance equipment and a vehicle for the unit.', 'A subaward of $250,000 goes to the Harlan Workers Centre and the county legal clinic for case management, interpreters and housing.')
			.concat('\n## 6. Evaluation and oversight\n\nAn independent evaluator will collect outcome data on the people served, and a survivor advisory board will review the project and any complaints twice a year.\n');
		const after = builtinReviewer().review({ text: fixed, format: 'markdown' }).findings.map((f) => f.ruleId);
		expect(after).not.toContain('funding-accountability/budget-enforcement-only');
		expect(after).not.toContain('funding-accountability/grant-without-outcome-data');
		expect(after).not.toContain('funding-accountability/grant-without-survivor-input');
	});
});
