// The HTML report in Chromium (npm run test:e2e -- report, through scripts/e2e/run-report.mjs): not part of
// npm test, which reads the report's structure with a DOM library instead (test/report/html.test.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/e2e/report/**/*.test.ts'],
		testTimeout: 60000,
		hookTimeout: 120000,
		pool: 'forks',
	},
});
