/**
 * A new process loads the bundles with the V8 code cache the build made (bin/load-bundle.js, Node.js 20), and
 * V8 rejects a cache made under other V8 flags: the flags bin/load-bundle.js sets (V8_FLAGS) must be set
 * before the bundle compiles, both when the build makes the cache and when a user's process reads it.
 * Otherwise every start silently compiles the whole bundle again.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

/** Loads a bundle through bin/load-bundle.js in a new process; says whether V8 took or rejected its cache. */
function cacheVerdict(bundle: string): string {
	const script = `
		const vm = require('vm');
		const Script = vm.Script;
		let verdict = 'no cache read';
		vm.Script = class extends Script {
			constructor(source, options) {
				super(source, options);
				if (options && options.cachedData) verdict = this.cachedDataRejected ? 'rejected' : 'accepted';
			}
		};
		require(${JSON.stringify(path.join(ROOT, 'bin', 'load-bundle.js'))}).loadBundle(${JSON.stringify(path.join(ROOT, 'out', bundle))});
		process.stdout.write(verdict);
		process.exit(0);
	`;
	const env = { ...process.env, ACCOUNTABLE_NO_CODE_CACHE: '', NODE_DISABLE_COMPILE_CACHE: '', ACCOUNTABLE_WRITE_CODE_CACHE: '' };
	// --stdio: the server's bundle starts a connection as it loads, and wants to be told on what.
	const run = spawnSync(process.execPath, ['-e', script, '--', '--stdio'], { cwd: ROOT, env, encoding: 'utf8', input: '' });
	expect(run.status, run.stderr).toBe(0);
	return run.stdout;
}

const hasOwnCompileCache = typeof (createRequire(import.meta.url)('node:module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe.skipIf(hasOwnCompileCache)('the code cache made by the build (Node.js 20)', () => {
	it.each(['cli.js', 'server.js'])('is accepted when out/%s is loaded', (bundle) => {
		expect(cacheVerdict(bundle)).toBe('accepted');
	});
});
