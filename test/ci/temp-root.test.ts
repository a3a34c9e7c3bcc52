/**
 * A test run keeps its temporary files in one folder of its own and removes it when it ends
 * (test/helpers/temp-root-global.ts), so running the tests does not fill the developer's /tmp.
 * Checked on a fixture run in a vitest of its own, configured as npm test's is.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempFoldersRemovedAfterAll } from '../helpers/cli';

const tempFolder = tempFoldersRemovedAfterAll();

describe('the test run’s temporary folder', () => {
	it('is where this run’s tests and the processes they start write', () => {
		const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("os").tmpdir())'], { encoding: 'utf8' });
		expect(path.basename(os.tmpdir())).toMatch(/^accountable-test-run-/);
		expect(child.stdout).toBe(os.tmpdir());
	});

	it('is removed with everything in it when the run ends, the run’s exit code unchanged', () => {
		const dir = tempFolder({
			'vitest.config.mjs': `export default ${JSON.stringify({
				root: ROOT,
				test: { include: ['test/ci/fixtures/temp-root.fixture.ts'], globalSetup: [path.join(ROOT, 'test/helpers/temp-root-global.ts')] },
			})};\n`,
		});
		const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', path.join(dir, 'vitest.config.mjs')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60000 });
		const output = `${run.stdout}\n${run.stderr}`;
		expect(run.status, output).toBe(0);
		const written = /temporary: (\S+) (\S+)/.exec(output);
		expect(written, output).not.toBeNull();
		const [own, child] = [written![1], written![2]];
		expect(path.dirname(own)).toBe(path.dirname(child));
		expect(path.basename(path.dirname(own))).toMatch(/^accountable-test-run-/);
		expect(fs.existsSync(own) || fs.existsSync(child) || fs.existsSync(path.dirname(own))).toBe(false);
	}, 120_000);
});
