// Counts of one test report, whichever runner wrote it: vitest's JSON report (npm test, the Chromium report
// tests) or the e2e runners' { passed, failed } (scripts/e2e/results.mjs). A suite that failed to load or whose
// hooks failed counts as a failure even when none of its tests ran; skipped tests never count as passed.
import { existsSync, readFileSync } from 'node:fs';

/** { passed, failed, skipped } of a parsed report. */
export function countsOf(report) {
	if (typeof report.passed === 'number' && typeof report.failed === 'number') return { passed: report.passed, failed: report.failed, skipped: 0 };
	const failedTests = report.numFailedTests ?? 0;
	return {
		passed: report.numPassedTests ?? 0,
		failed: failedTests + (report.numRuntimeErrorTestSuites ?? 0) + (report.numFailedTestSuites && !failedTests ? report.numFailedTestSuites : 0),
		skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
	};
}

/** The first line of an error message, at most 300 characters. */
function firstLine(message) {
	const line = String(message ?? '').trim().split('\n')[0] ?? '';
	return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/**
 * What failed in a parsed report, one line each: the test file (from test/ on) and the test's full name, or the
 * suite whose file or hooks failed, with the first line of the error.
 */
export function failuresOf(report) {
	if (Array.isArray(report.tests)) return report.tests.filter((t) => t.state === 'failed').map((t) => `${t.title}: ${firstLine(t.error)}`);
	const failures = [];
	for (const suite of report.testResults ?? []) {
		const name = String(suite.name ?? '');
		const at = name.indexOf('/test/');
		const file = at >= 0 ? name.slice(at + 1) : name;
		const tests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
		for (const t of tests) failures.push(`${file} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
		if (tests.length === 0 && suite.status === 'failed') failures.push(`${file}: ${firstLine(suite.message)}`);
	}
	return failures;
}

/**
 * Adds up report files; a missing one (its run stopped before the tests) is one failure, said in `notes`.
 * `failures`: what failed, one line each (failuresOf); `replay`: for a report with failures, its run's property-test
 * seed, where its global setup left one beside it (<report>.seed: test/helpers/property-seed-global.ts).
 */
export function countFiles(files) {
	const total = { passed: 0, failed: 0, skipped: 0, notes: [], failures: [], replay: [] };
	for (const file of files) {
		if (!existsSync(file)) {
			total.failed += 1;
			total.notes.push(`(no test report at ${file}: the run stopped before the tests)`);
			continue;
		}
		const report = JSON.parse(readFileSync(file, 'utf8'));
		const counts = countsOf(report);
		const failures = failuresOf(report);
		total.failures.push(...failures);
		const seedFile = `${file}.seed`;
		if (failures.length > 0 && existsSync(seedFile)) {
			const seed = readFileSync(seedFile, 'utf8').trim();
			total.replay.push(`(the property tests of that run had seed ${seed}: replay with ACCOUNTABLE_SEED=${seed})`);
		}
		total.passed += counts.passed;
		total.failed += counts.failed;
		total.skipped += counts.skipped;
	}
	return total;
}
