import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport, type Report } from '../../server/src/engine/report';
import type { ReviewResult, Rule } from '../../server/src/engine';
import { ConfigResolver } from '../../server/src/node/config';
import { ReviewService } from '../../server/src/node/reviewService';
import { ROOT } from '../helpers/cli';

export { ROOT };
export const FIXTURES = path.join(__dirname, 'fixtures');
/** Fixed so goldens do not change with the date or the release. */
export const GENERATED = '2024-05-01T12:00:00.000Z';
export const TEST_VERSION = '0.0.0-test';

/**
 * The documents with golden reports. The rights-respecting fixture finds test/report/fixtures/.accountable.yaml,
 * whose pack (fixtures/provisions) recognises its provisions whatever the built-in rule set does.
 */
export const DOCUMENTS = [
	{ name: 'draft-state-bill', file: 'examples/draft-state-bill.md' },
	{ name: 'rights-respecting-policy', file: 'test/report/fixtures/rights-respecting-policy.md' },
] as const;

export interface ReviewedReport {
	report: Report;
	review: ReviewResult;
	rules: Rule[];
	text: string;
}

/** Reviews a repository file with the configuration that applies to it, as the CLI does, and builds its report. */
export function reportOf(relative: string): ReviewedReport {
	const file = path.join(ROOT, relative);
	const text = fs.readFileSync(file, 'utf8');
	const service = new ReviewService(new ConfigResolver());
	const reviewed = service.review(file, text);
	if (!reviewed.result) throw new Error(`${relative} was not reviewed: ${reviewed.skipped}`);
	const rules = service.ruleSetFor(file).rules;
	const report = buildReport(reviewed.result, rules, { file: relative, version: TEST_VERSION, generated: GENERATED });
	return { report, review: reviewed.result, rules, text };
}

/** Golden text does not depend on where the repository is checked out. */
export function portable(text: string): string {
	return text.split(pathToFileURL(ROOT).href).join('file://<root>').split(ROOT).join('<root>');
}

/** Runs the built CLI's `report` command as a user would, with SOURCE_DATE_EPOCH fixing the date. */
export function runReport(args: string[], cwd: string = ROOT): { code: number; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'accountable.js'), 'report', ...args], {
		cwd,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1714564800' },
	});
	return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
