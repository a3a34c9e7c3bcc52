/**
 * The closing line .ci/run prints (scripts/ci-summary.mjs): CI reads "N passed, N failed" and nothing else, so
 * it must add up vitest's report and the editor tests' reports, and never read a run that stopped early as green.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempFolder } from '../helpers/cli';

function summary(reports: Record<string, unknown>, order: string[] = Object.keys(reports).filter((name) => name.endsWith('.json'))): string[] {
	const dir = tempFolder(Object.fromEntries(Object.entries(reports).map(([name, report]) => [name, typeof report === 'string' ? report : JSON.stringify(report)])));
	const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ci-summary.mjs'), ...order.map((name) => (name.startsWith('--') ? name : path.join(dir, name)))], { encoding: 'utf8' });
	fs.rmSync(dir, { recursive: true, force: true });
	expect(result.status).toBe(0);
	return result.stdout.trim().split('\n');
}

describe('the CI summary line', () => {
	it('adds up vitest\'s JSON report and the e2e reports into one "N passed, N failed" line', () => {
		const lines = summary({
			'vitest.json': { numPassedTests: 700, numFailedTests: 2, numPendingTests: 0, numTodoTests: 0, numFailedTestSuites: 1, numRuntimeErrorTestSuites: 0 },
			'e2e-nvim.json': { passed: 3, failed: 0 },
			'e2e-ui.json': { passed: 5, failed: 1 },
		});
		expect(lines.at(-1)).toBe('708 passed, 3 failed');
	});

	it('counts a suite that failed to load, and a missing report, as failures', () => {
		const lines = summary({ 'vitest.json': { numPassedTests: 10, numFailedTests: 0, numFailedTestSuites: 1, numRuntimeErrorTestSuites: 0 } }, ['vitest.json', 'e2e-vscode.json']);
		expect(lines.at(-1)).toBe('10 passed, 2 failed');
		expect(lines[0]).toMatch(/no test report at .*e2e-vscode\.json/);
	});

	it('counts skipped tests as failed: a suite whose setup failed (no browser) is never green', () => {
		const lines = summary({ 'vitest.json': { numPassedTests: 900, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, numFailedTestSuites: 0 }, 'e2e-report.json': { numPassedTests: 0, numFailedTests: 0, numPendingTests: 10, numTodoTests: 0, numFailedTestSuites: 1 } });
		expect(lines).toEqual(['(10 skipped tests count as failed)', '900 passed, 11 failed']);
	});

	it('counts a failed step outside the tests (a README command) as one failure each', () => {
		const lines = summary({ 'vitest.json': { numPassedTests: 900, numFailedTests: 0, numFailedTestSuites: 0 } }, ['--failed-step=npm run review:example', 'vitest.json']);
		expect(lines).toEqual(['(failed: npm run review:example)', '900 passed, 1 failed']);
	});

	it('names each failed test above the closing line, with its file, the first line of its error and the run\'s property-test seed', () => {
		const failed = (fullName: string, message: string) => ({ fullName, status: 'failed', failureMessages: [message] });
		const lines = summary({
			'vitest.json': {
				numPassedTests: 5, numFailedTests: 2, numPendingTests: 0, numTodoTests: 0, numFailedTestSuites: 3, numRuntimeErrorTestSuites: 0,
				testResults: [
					{ name: '/tmp/accountable-ci-x/accountable/test/engine/a.test.ts', status: 'failed', message: '', assertionResults: [{ fullName: 'a passes', status: 'passed', failureMessages: [] }, failed('a keeps one version', 'AssertionError: expected 2 to be less than or equal to 1\n    at test/engine/a.test.ts:21:20')] },
					{ name: '/tmp/accountable-ci-x/accountable/test/server/b.test.ts', status: 'failed', message: '', assertionResults: [failed('b publishes', 'Error: Test timed out in 30000ms.\nIf this is a long-running test, pass a timeout value')] },
					{ name: '/tmp/accountable-ci-x/accountable/test/robustness/c.test.ts', status: 'failed', message: 'Error: Hook timed out in 60000ms.\nmore', assertionResults: [] },
				],
			},
			'vitest.json.seed': '-1089798793\n',
			'e2e-ui.json': { suite: 'vscode-ui', passed: 1, failed: 1, tests: [{ title: 'vscode-ui: opens', state: 'passed' }, { title: 'vscode-ui: hovers', state: 'failed', error: 'Error: no hover\n    at x' }] },
		});
		expect(lines).toEqual([
			'(failed: test/engine/a.test.ts > a keeps one version: AssertionError: expected 2 to be less than or equal to 1)',
			'(failed: test/server/b.test.ts > b publishes: Error: Test timed out in 30000ms.)',
			'(failed: test/robustness/c.test.ts: Error: Hook timed out in 60000ms.)',
			'(failed: vscode-ui: hovers: Error: no hover)',
			'(the property tests of that run had seed -1089798793: replay with ACCOUNTABLE_SEED=-1089798793)',
			'6 passed, 3 failed',
		]);
	});
});
