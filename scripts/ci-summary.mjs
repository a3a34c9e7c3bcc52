// Prints the one closing line CI reads, "N passed, N failed", from vitest's JSON report and the e2e reports. A run that never
// reached vitest (a type error, a failed build) counts as one failure, so it is never read as "no tests"; a skipped test
// counts as failed (nothing is meant to be skipped: a test that cannot run must say why by failing).
import { countFiles } from './test-counts.mjs';

const { passed, failed, skipped, notes } = countFiles(process.argv.slice(2));
for (const note of notes) console.log(note);
if (skipped > 0) console.log(`(${skipped} skipped ${skipped === 1 ? 'test counts' : 'tests count'} as failed)`);
console.log(`${passed} passed, ${failed + skipped} failed`);
