// Prints the one closing line CI reads, "N passed, N failed", from vitest's JSON report and the e2e reports. A run that never
// reached vitest (a type error, a failed build) counts as one failure, so it is never read as "no tests"; a skipped test
// counts as failed (nothing is meant to be skipped: a test that cannot run must say why by failing).
//   node scripts/ci-summary.mjs [--failed-step=<what failed>]... <report.json>...
// A failed step (a README command that failed outside any test) is one failure more.
import { countFiles } from './test-counts.mjs';

const args = process.argv.slice(2);
const steps = args.filter((a) => a.startsWith('--failed-step=')).map((a) => a.slice('--failed-step='.length));
const { passed, failed, skipped, notes, failures, replay } = countFiles(args.filter((a) => !a.startsWith('--failed-step=')));
for (const note of notes) console.log(note);
// Each failed test by name, just above the closing line: a log kept only by its end still says what failed.
for (const failure of failures) console.log(`(failed: ${failure})`);
for (const line of replay) console.log(line);
for (const step of steps) console.log(`(failed: ${step})`);
if (skipped > 0) console.log(`(${skipped} skipped ${skipped === 1 ? 'test counts' : 'tests count'} as failed)`);
console.log(`${passed} passed, ${failed + skipped + steps.length} failed`);
