// The peer of the CLI rows of `npm run bench`: the markdownlint library (default rules) on one file, in a process
// of its own, printing how many problems it found. Its start-up is part of what is measured, as the CLI's is.
import { lint } from 'markdownlint/sync';

const file = process.argv[2];
const problems = lint({ files: [file] })[file];
process.stdout.write(`${problems.length} problems\n`);
