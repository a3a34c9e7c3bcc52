import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		exclude: ['test/e2e/**', 'node_modules/**'],
		testTimeout: 30000,
		hookTimeout: 60000,
		pool: 'forks',
		// One fast-check seed per run, new each time and printed; ACCOUNTABLE_SEED replays it.
		globalSetup: ['test/helpers/property-seed-global.ts'],
		setupFiles: ['test/helpers/property-seed.ts'],
	},
});
