// Makes the CLI's start-up snapshot (out/cli.snapshot.blob) and the manifest that says what it was made for
// (out/cli.snapshot.json); bin/snapshot.js reads both. Run by scripts/build.mjs after the bundle, the compiled
// rules and the English model are written (the snapshot holds all three). A blob is specific to the Node.js
// binary that made it (version, architecture), to the bundle and to the tree's location (the heap holds its
// paths): the manifest records each, and a process that does not match them starts the ordinary way.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fs.realpathSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
const out = path.join(root, 'out');
const { V8_FLAGS } = createRequire(import.meta.url)('../../bin/load-bundle.js');
const { stamp, BLOB, MANIFEST } = createRequire(import.meta.url)('../../bin/snapshot.js');

/** Makes the snapshot; returns a problem to report (no snapshot then: the CLI starts the ordinary way), or undefined. */
export function buildSnapshot() {
	const blob = path.join(out, BLOB);
	const manifest = path.join(out, MANIFEST);
	for (const file of [blob, manifest]) fs.rmSync(file, { force: true });
	const run = spawnSync(process.execPath, ['--no-warnings', ...V8_FLAGS, '--snapshot-blob', blob, '--build-snapshot', path.join(root, 'scripts', 'snapshot', 'entry.cjs')], { cwd: root, encoding: 'utf8' });
	if (run.status !== 0 || !fs.existsSync(blob)) {
		fs.rmSync(blob, { force: true });
		return `node --build-snapshot failed (${run.status ?? run.signal}): ${run.stderr || run.error?.message || ''}`.trim();
	}
	const data = { node: process.version, arch: process.arch, platform: process.platform, out, flags: V8_FLAGS, bundle: stamp(path.join(out, 'cli.js')), blob: stamp(blob) };
	fs.writeFileSync(manifest, `${JSON.stringify(data, null, 2)}\n`);
	return undefined;
}
