// Prints the one closing line CI reads, "N passed, N failed", from vitest's JSON report and the e2e reports. A run that never
// reached vitest (a type error, a failed build) counts as one failure, so it is never read as "no tests".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) {
		failed += 1;
		console.log(`(no test report at ${file}: the run stopped before the tests)`);
		continue;
	}
	const report = JSON.parse(readFileSync(file, 'utf8'));
	// The e2e runners (scripts/e2e/) write { passed, failed } instead of vitest's counts.
	if (typeof report.passed === 'number' && typeof report.failed === 'number') {
		passed += report.passed;
		failed += report.failed;
		continue;
	}
	passed += report.numPassedTests ?? 0;
	failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0) + (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0);
	skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
