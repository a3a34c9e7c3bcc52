/**
 * Vitest setup file: every fast-check property in the test file uses the run's seed (drawn or replayed by
 * test/helpers/property-seed-global.ts), and a failing test says how to replay it.
 */
import fc from 'fast-check';
import { beforeEach, inject } from 'vitest';

const seed = inject('propertySeed');
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });

beforeEach(({ onTestFailed }) => {
	onTestFailed(() => {
		console.error(`(property-test seed of this run: ${seed}; replay with ACCOUNTABLE_SEED=${seed})`);
	});
});

