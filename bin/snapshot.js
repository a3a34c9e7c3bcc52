'use strict';
// Starts the CLI from its start-up snapshot (out/cli.snapshot.blob, made by `npm run build`:
// scripts/snapshot/): a Node.js process whose heap already holds the loaded bundle, the built-in rules with
// their matchers prepared and the English tagger with its model, which a new process otherwise spends about
// half its time on before its first review (bench-results/issue-16-snapshot.md). Node.js takes a snapshot
// only on its command line (--snapshot-blob), so this process runs the CLI as a child and passes its exit on.
//
// Only when the snapshot fits, as out/cli.snapshot.json records it: the same Node.js version, architecture and
// platform, the bundle it was made with (size and modification time), the same blob, and the tree where it
// was made (the heap holds the paths of the bundle, the rules and the model). Otherwise, or with
// ACCOUNTABLE_NO_SNAPSHOT=1, or with Node.js options given to this process (node --cpu-prof …, which apply
// to this process), the caller loads the bundle the ordinary way. Reviews are the same either way
// (test/cli/snapshot.test.ts); a rule file changed since the build is loaded from its file in both.
var fs = require('fs');
var path = require('path');

var BLOB = 'cli.snapshot.blob';
var MANIFEST = 'cli.snapshot.json';

/** A file's size and modification time, or undefined when it cannot be read. */
function stamp(file) {
	try {
		var s = fs.statSync(file);
		return s.size + ':' + s.mtimeMs;
	} catch (e) {
		return undefined;
	}
}

/**
 * Runs the CLI from the snapshot in `outDir` with `args`, to its end, and sets this process's exit code (or
 * ends it with the child's signal): true. False, having run nothing, when the snapshot does not fit.
 */
function runFromSnapshot(outDir, args) {
	if (process.env.ACCOUNTABLE_NO_SNAPSHOT || process.env.ACCOUNTABLE_WRITE_CODE_CACHE === '1' || process.execArgv.length > 0) return false;
	var manifest;
	try {
		manifest = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST), 'utf8'));
	} catch (e) {
		return false;
	}
	var blob = path.join(outDir, BLOB);
	if (manifest.node !== process.version || manifest.arch !== process.arch || manifest.platform !== process.platform || manifest.out !== outDir) return false;
	if (manifest.bundle !== stamp(path.join(outDir, 'cli.js')) || manifest.blob !== stamp(blob) || !Array.isArray(manifest.flags)) return false;
	var run = require('child_process').spawnSync(process.execPath, manifest.flags.concat(['--snapshot-blob', blob, '--'], args), { stdio: 'inherit' });
	// Not started (no process to run, out of memory): nothing ran, so the ordinary way still can.
	if (run.error) return false;
	if (run.signal) process.kill(process.pid, run.signal);
	process.exitCode = run.status;
	return true;
}

module.exports = { runFromSnapshot: runFromSnapshot, stamp: stamp, BLOB: BLOB, MANIFEST: MANIFEST };
