// The pre-commit hook through pre-commit itself (npm run test:e2e -- pre-commit, through
// scripts/e2e/run-report.mjs): not part of npm test, because its first run builds Accountable in pre-commit's
// clone with npm ci (the npm registry) and it needs Debian's pre-commit (scripts/e2e/install.sh).
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/e2e/pre-commit/**/*.test.ts'],
		testTimeout: 900000,
		hookTimeout: 900000,
		pool: 'forks',
	},
});
