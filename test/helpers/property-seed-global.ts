/**
 * Vitest global setup: draws the run's one property-test seed, or takes ACCOUNTABLE_SEED to replay a run, and
 * prints it. Every fast-check property of the run uses it (test/helpers/property-seed.ts), so each run tries new
 * cases and a failure is replayed with `ACCOUNTABLE_SEED=<seed> npm test` (or npx vitest run <file>).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		propertySeed: number;
	}
}

/** The seed ACCOUNTABLE_SEED names (a 32-bit integer, as fast-check prints it), or a fresh one when unset. */
export function propertySeedFrom(given: string | undefined, random: () => number = Math.random): { seed: number; replayed: boolean } {
	if (given === undefined || given.trim() === '') return { seed: (random() * 0x100000000) | 0, replayed: false };
	const seed = Number(given.trim());
	if (!Number.isInteger(seed) || seed < -0x80000000 || seed > 0xffffffff) throw new Error(`ACCOUNTABLE_SEED must be a 32-bit integer, as printed by a previous run; it is ${JSON.stringify(given)}`);
	return { seed: seed | 0, replayed: true };
}

export default function setup(project: TestProject): void {
	const { seed, replayed } = propertySeedFrom(process.env.ACCOUNTABLE_SEED);
	project.provide('propertySeed', seed);
	// Beside the run's JSON report (CI asks for one, vitest.config.mts), for CI's summary of what failed
	// (scripts/test-counts.mjs). Of this run's configuration: a vitest run by a test inherits the environment.
	const output = project.globalConfig.outputFile;
	const report = typeof output === 'string' ? output : output?.json;
	if (report) {
		const file = path.resolve(project.globalConfig.root, `${report}.seed`);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, `${seed}\n`);
	}
	console.log(replayed ? `Property tests: seed ${seed}, from ACCOUNTABLE_SEED (replaying)` : `Property tests: seed ${seed} (new each run; replay this run's cases with ACCOUNTABLE_SEED=${seed})`);
}
