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

/** Adds up report files; a missing one (its run stopped before the tests) is one failure, said in `notes`. */
export function countFiles(files) {
	const total = { passed: 0, failed: 0, skipped: 0, notes: [] };
	for (const file of files) {
		if (!existsSync(file)) {
			total.failed += 1;
			total.notes.push(`(no test report at ${file}: the run stopped before the tests)`);
			continue;
		}
		const counts = countsOf(JSON.parse(readFileSync(file, 'utf8')));
		total.passed += counts.passed;
		total.failed += counts.failed;
		total.skipped += counts.skipped;
	}
	return total;
}
