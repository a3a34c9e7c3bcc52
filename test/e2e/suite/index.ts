/**
 * The extension-tests entry that @vscode/test-electron (and code-server, through scripts/e2e/code-shim.mjs)
 * loads in the extension host: runs every *.test.js beside this file with mocha (tdd), prints
 * "N passed, N failed" and, when ACCOUNTABLE_E2E_RESULTS names a file, writes the results there as JSON
 * ({ passed, failed, tests }) for CI's summary. ACCOUNTABLE_E2E_GREP (passed on by runTest.ts) picks tests by title.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestResult {
	title: string;
	state: 'passed' | 'failed';
	durationMs: number;
	error?: string;
}

export function run(): Promise<void> {
	// ACCOUNTABLE_E2E_GREP runs only the tests whose full title matches (while working on one feature).
	const grep = process.env.ACCOUNTABLE_E2E_GREP;
	const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec', ...(grep ? { grep } : {}) });
	for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
	const results: TestResult[] = [];
	return new Promise((resolve, reject) => {
		const runner = mocha.run((failures) => {
			const passed = results.filter((r) => r.state === 'passed').length;
			const failed = results.length - passed;
			console.log(`${passed} passed, ${failed} failed`);
			const out = process.env.ACCOUNTABLE_E2E_RESULTS;
			if (out) {
				fs.mkdirSync(path.dirname(out), { recursive: true });
				fs.writeFileSync(out, `${JSON.stringify({ suite: 'vscode-extension-host', passed, failed, tests: results }, null, '\t')}\n`);
			}
			if (failures > 0 || results.length === 0) reject(new Error(`${failures} of ${results.length} extension tests failed`));
			else resolve();
		});
		runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
		// A failing hook counts as a failed test, so a broken setup is never read as "nothing ran".
		runner.on('fail', (test, error: Error) => results.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: error.stack ?? error.message }));
	});
}
