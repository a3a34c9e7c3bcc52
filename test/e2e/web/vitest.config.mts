// The web page in Chromium (npm run test:e2e -- web, through scripts/e2e/run-report.mjs): not part of npm
// test, which checks the page's review and rendering on Node.js instead (test/web).
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/e2e/web/**/*.test.ts'],
		testTimeout: 90000,
		hookTimeout: 120000,
		pool: 'forks',
	},
});
