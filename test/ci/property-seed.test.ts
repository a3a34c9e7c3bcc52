/**
 * Property tests draw a new seed each run and print it; ACCOUNTABLE_SEED replays a run (test/helpers/property-seed*.ts).
 * Checked on a fixture run in a vitest of its own, configured as npm test's is.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { propertySeedFrom } from '../helpers/property-seed-global';
import { ROOT, tempFolder } from '../helpers/cli';

const dir = tempFolder({
	'vitest.config.mjs': `export default ${JSON.stringify({
		root: ROOT,
		test: { include: ['test/ci/fixtures/property-seed.fixture.ts'], globalSetup: [path.join(ROOT, 'test/helpers/property-seed-global.ts')], setupFiles: [path.join(ROOT, 'test/helpers/property-seed.ts')] },
	})};\n`,
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fixtureRun(env: Record<string, string> = {}): { code: number | null; output: string; seed: number; drawn: string } {
	const environment: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...env };
	if (!('ACCOUNTABLE_SEED' in env)) delete environment.ACCOUNTABLE_SEED;
	const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', path.join(dir, 'vitest.config.mjs')], { cwd: ROOT, encoding: 'utf8', env: environment, timeout: 60000 });
	const output = `${result.stdout}\n${result.stderr}`;
	return { code: result.status, output, seed: Number(/Property tests: seed (-?\d+)/.exec(output)?.[1]), drawn: /drawn: (\[.*\])/.exec(output)?.[1] ?? '' };
}

describe('the property-test seed', () => {
	it('is this run’s, in every test file', () => {
		expect(fc.readConfigureGlobal().seed).toBe(inject('propertySeed'));
	});

	it('is new on each run and printed; a failure says how to replay it, and the replay draws the same cases', () => {
		const first = fixtureRun({ PROPERTY_SEED_FIXTURE_FAILS: '1' });
		const second = fixtureRun();
		expect(first.code, first.output).toBe(1);
		expect(second.code, second.output).toBe(0);
		expect(Number.isInteger(first.seed) && Number.isInteger(second.seed), first.output).toBe(true);
		expect(first.seed).not.toBe(second.seed);
		expect(first.output).toContain(`replay this run's cases with ACCOUNTABLE_SEED=${first.seed}`);
		expect(first.output).toContain(`(property-test seed of this run: ${first.seed}; replay with ACCOUNTABLE_SEED=${first.seed})`);
		const counterexample = /Counterexample: (\[[^\]]*\])/.exec(first.output)?.[1];
		expect(counterexample, first.output).toBeDefined();
		const replay = fixtureRun({ PROPERTY_SEED_FIXTURE_FAILS: '1', ACCOUNTABLE_SEED: String(first.seed) });
		expect(replay.output).toContain(`Property tests: seed ${first.seed}, from ACCOUNTABLE_SEED (replaying)`);
		expect(replay.drawn).toBe(first.drawn);
		expect(/Counterexample: (\[[^\]]*\])/.exec(replay.output)?.[1]).toBe(counterexample);
	}, 120_000);

	it('is taken from ACCOUNTABLE_SEED only when it is a 32-bit integer', () => {
		expect(propertySeedFrom(undefined, () => 0.5)).toEqual({ seed: -2147483648, replayed: false });
		expect(propertySeedFrom('', () => 0.25)).toEqual({ seed: 1073741824, replayed: false });
		expect(propertySeedFrom(' -1805421562 ')).toEqual({ seed: -1805421562, replayed: true });
		expect(() => propertySeedFrom('12abc')).toThrow(/ACCOUNTABLE_SEED must be a 32-bit integer/);
		expect(() => propertySeedFrom('1.5')).toThrow(/ACCOUNTABLE_SEED/);
	});
});
