// The reviewed copy of a Word document opened by LibreOffice (npm run test:e2e -- word, through
// scripts/e2e/run-report.mjs): not part of npm test, which checks the comments in the package's XML instead
// (test/docx/annotate.test.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/e2e/word/**/*.test.ts'],
		testTimeout: 180000,
		hookTimeout: 300000,
		pool: 'forks',
	},
});
