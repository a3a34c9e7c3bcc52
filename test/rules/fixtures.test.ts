import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../server/src/engine';
import { builtinReviewer } from '../helpers/rules';

// Whole realistic documents with their expected findings as golden files, one line per finding:
// `line:col severity scope rule-id message`. The bill and the memorandum list the findings of the
// categories they are written to exercise (conflation, labour-blindness, conditional-services, consent,
// raids), so that rules of other categories do not churn them; the rights-respecting model law lists
// every finding of every category, because it must stay (nearly) silent. Update with
// `npx vitest run test/rules -u` after reading the diff.
const DIR = path.join(__dirname, '..', 'fixtures', 'documents');
const MINE = new Set(['conflation', 'labour-blindness', 'conditional-services', 'consent', 'raids']);

const line = (f: Finding): string => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.scope} ${f.ruleId} ${f.message}`;

function review(name: string) {
	const text = fs.readFileSync(path.join(DIR, name), 'utf8');
	return { text, result: builtinReviewer().review({ text, format: 'markdown' }) };
}

describe('state bill (safe harbor and services)', () => {
	const { text, result } = review('state-bill-safe-harbor-services.md');
	const mine = result.findings.filter((f) => MINE.has(f.category));

	it('is detected as a bill', () => expect(result.profile).toBe('bill'));

	it('finds every failure it was written with, in each of the five categories', () => {
		const ids = new Set(mine.map((f) => f.ruleId));
		for (const id of [
			'conflation/definition-without-coercion',
			'conflation/prostitution-defined-as-exploitation',
			'conflation/commercial-sex-equated-with-trafficking',
			'conflation/vice-task-force',
			'conflation/buyer-policing-as-anti-trafficking',
			'labour-blindness/sex-sector-only-scope',
			'labour-blindness/sex-only-scope-statement',
			'labour-blindness/identification-section-sex-venues-only',
			'conditional-services/cooperation-required',
			'conditional-services/certification-required',
			'conditional-services/status-tied-to-proceedings',
			'conditional-services/services-section-without-unconditional-access',
			'consent/medical-examination-without-consent',
			'consent/shelter-placement-without-consent',
			'consent/repatriation-without-consent',
			'raids/vice-raids',
			'raids/private-rescue-operations',
			'raids/raid-as-identification',
			'raids/operations-section-without-last-resort',
		]) {
			expect(ids, id).toContain(id);
		}
	});

	it('anchors section findings on their headings', () => {
		const section = mine.find((f) => f.ruleId === 'conditional-services/services-section-without-unconditional-access')!;
		expect(text.split('\n')[section.range.start.line]).toBe('## Section 6. Services for victims');
	});

	it('matches the golden findings', async () => {
		await expect(`${mine.map(line).join('\n')}\n`).toMatchFileSnapshot('golden/state-bill-safe-harbor-services.txt');
	});
});

describe('task-force memorandum of understanding', () => {
	const { result } = review('task-force-mou.md');
	const mine = result.findings.filter((f) => MINE.has(f.category));

	it('is a general document (neither a bill nor a proposal)', () => expect(result.profile).toBe('general'));

	it('finds the vice-led task force, buyer stings with volunteers, conditional housing and sharing without consent', () => {
		const ids = new Set(mine.map((f) => f.ruleId));
		for (const id of [
			'conflation/vice-task-force',
			'conflation/buyer-policing-as-anti-trafficking',
			'raids/vice-raids',
			'raids/private-rescue-operations',
			'raids/operations-section-without-last-resort',
			'conditional-services/cooperation-required',
			'conditional-services/certification-required',
			'consent/data-sharing-without-consent',
			'consent/mandatory-referral',
			'consent/medical-examination-without-consent',
			'labour-blindness/sex-sector-only-scope',
		]) {
			expect(ids, id).toContain(id);
		}
	});

	it('matches the golden findings', async () => {
		await expect(`${mine.map(line).join('\n')}\n`).toMatchFileSnapshot('golden/task-force-mou.txt');
	});
});

describe('rights-respecting model law', () => {
	const { result } = review('model-law-rights-based.md');

	it('stays nearly silent in every category', () => {
		expect(result.findings.map(line)).toHaveLength(0);
	});

	it('matches the golden findings (none) and recognises its provisions', async () => {
		await expect(`${result.findings.map(line).join('\n')}\n`).toMatchFileSnapshot('golden/model-law-rights-based.txt');
		expect(result.provisions.length).toBeGreaterThan(0);
	});
});
