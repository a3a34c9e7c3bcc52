/**
 * Vitest global setup: the run's temporary files go in one folder of its own, removed when the run ends.
 * Tests, the CLI processes they start and the language servers they talk to all take `os.tmpdir()` from
 * TMPDIR, which the test workers inherit; without this, each run left thousands of folders in /tmp.
 * A folder a test means to keep for a failure's post-mortem belongs in the test's output, not in /tmp.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export default function setup(): () => void {
	const previous = process.env.TMPDIR;
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-test-run-'));
	// As open as /tmp itself (sticky, writable by all): some tests run the CLI as another user, whose temporary
	// files go here too.
	fs.chmodSync(root, 0o1777);
	process.env.TMPDIR = root;
	return () => {
		if (previous === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = previous;
		fs.rmSync(root, { recursive: true, force: true });
	};
}
