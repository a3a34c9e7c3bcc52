import { defineConfig } from 'vitest/config';

// CI (.ci/run) names a file for vitest's JSON report, so that it can run `npm test` exactly as the README says.
const jsonReport = process.env.ACCOUNTABLE_TEST_REPORT;

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		exclude: ['test/e2e/**', 'node_modules/**'],
		testTimeout: 30000,
		hookTimeout: 60000,
		pool: 'forks',
		// One fast-check seed per run, new each time and printed; ACCOUNTABLE_SEED replays it.
		// Each run's temporary files in one folder, removed at the end (test/helpers/temp-root-global.ts).
		globalSetup: ['test/helpers/property-seed-global.ts', 'test/helpers/temp-root-global.ts'],
		setupFiles: ['test/helpers/property-seed.ts'],
		...(jsonReport ? { reporters: ['default', 'json'], outputFile: { json: jsonReport } } : {}),
	},
});
