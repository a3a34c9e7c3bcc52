'use strict';
// Loads one of Accountable's bundles (out/cli.js, out/server.js) with V8's code cache, so a new process does
// not compile again the functions every review runs: for the CLI that is a quarter of its start-up.
//
// - Node.js 22.1 and later: Node's own compile cache (module.enableCompileCache), which keeps its cache in
//   the system's temporary folder and checks it against the file's content.
// - Node.js 20: the build step (scripts/build.mjs) runs each bundle once with ACCOUNTABLE_WRITE_CODE_CACHE=1
//   and keeps what V8 compiled in out/<bundle>.cache, beside the bundle: nothing is written at run time, and
//   the cache is as trusted as the bundle itself. V8 checks that the cache was made by the same V8 version
//   and flags for a source of the same length; we check the bundle's size and modification time too. A cache
//   that does not fit is ignored and the bundle compiles as usual.
// ACCOUNTABLE_NO_CODE_CACHE=1 (or Node's NODE_DISABLE_COMPILE_CACHE=1) loads bundles without any cache.
//
// Before either, the V8 flags of V8_FLAGS (below) are set: before the bundle compiles, because V8 keeps a hash
// of its flags with a code cache and rejects a cache made under other flags.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');
const { isAscii } = require('buffer');
const v8 = require('v8');

/**
 * V8 flags every Accountable process runs with (the VS Code extension passes the same to the server it starts:
 * client/src/extension.ts). --no-regexp-tier-up: V8 runs a new RegExp in its bytecode interpreter first and
 * compiles it again to machine code on its second use. The rule set's matchers are large alternations that a
 * review uses many times, so each was compiled twice; compiled once, straight to machine code, a new process
 * reviewing the example bill, 100 KB or 1 MB spends 10-18% less CPU time (bench-results/issue-16-startup.md).
 * Matching is the same either way: the flag changes when V8 compiles, not what a RegExp matches.
 */
const V8_FLAGS = ['--no-regexp-tier-up'];

/**
 * V8 flags the CLI's bundle (out/cli.js) loads with besides V8_FLAGS: a process that reviews its files and exits.
 * V8 compiles a function that has run a while with TurboFan on threads of their own, and the CLI's hot
 * functions are large (splitIntoClauses, the rule kinds' loops with all they inline): on a 1 MB policy those
 * threads took about 0.9 s of CPU against the main thread's 1.2 s. A function optimised later
 * (--interrupt-budget: about 4.4 times the budget of runs before V8 considers it, default 67,584) and with less
 * inlined into it (--max-inlined-bytecode-size-cumulative, default 920) costs a fraction of that to compile,
 * for a main thread within 2% of what it was: the process's CPU time at 100 KB and 1 MB is about 0.7 of what it
 * was (bench-results/issue-16-perf18.md). Not for the language server, which runs for hours and whose compiled
 * code is worth what it costs. Matching and findings are the same either way: the flags change when and how
 * V8 compiles, not what the code does.
 */
const CLI_V8_FLAGS = ['--interrupt-budget=300000', '--max-inlined-bytecode-size-cumulative=100'];

/** Sets the V8 flags of a bundle in this process (worker threads share them). */
function setV8Flags(file) {
	const flags = path.basename(file) === 'cli.js' ? [...V8_FLAGS, ...CLI_V8_FLAGS] : V8_FLAGS;
	for (const flag of flags) v8.setFlagsFromString(flag);
}

/** The bundle's exports, as require(file) would give them. */
function loadBundle(file) {
	setV8Flags(file);
	if (process.env.ACCOUNTABLE_NO_CODE_CACHE || process.env.NODE_DISABLE_COMPILE_CACHE) return require(file);
	if (typeof Module.enableCompileCache === 'function') {
		try {
			Module.enableCompileCache();
		} catch {
			// No cache folder can be made: load without one.
		}
		return require(file);
	}
	return loadWithCacheFile(file);
}

function loadWithCacheFile(file) {
	const cacheFile = `${file}.cache`;
	const stat = fs.statSync(file);
	const stamp = `${stat.size}:${Math.round(stat.mtimeMs)}:${process.version}:${process.arch}\n`;
	const write = process.env.ACCOUNTABLE_WRITE_CODE_CACHE === '1';
	let cachedData;
	if (!write) {
		try {
			const stored = fs.readFileSync(cacheFile);
			const header = stored.indexOf(10);
			if (header > 0 && stored.toString('latin1', 0, header + 1) === stamp) cachedData = stored.subarray(header + 1);
		} catch {
			// No cache (a bundle built by another Node.js, or the cache not made): compile as usual.
		}
	}
	const source = readSource(file);
	const options = { filename: file, cachedData };
	if (vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER) options.importModuleDynamically = vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER;
	const script = new vm.Script(Module.wrap(source), options);
	const bundle = new Module(file, module);
	bundle.filename = file;
	bundle.paths = Module._nodeModulePaths(path.dirname(file));
	Module._cache[file] = bundle;
	script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, path.dirname(file));
	bundle.loaded = true;
	// The cache is made at exit, after a run, so that it holds the functions the run compiled, not only the top level.
	if (write) process.once('exit', () => fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(stamp, 'latin1'), script.createCachedData()])));
	return bundle.exports;
}

/**
 * The bundle's text. The build writes bundles in ASCII only (scripts/esbuild-node.mjs), which read as Latin-1
 * in well under a millisecond where decoding them as UTF-8 takes tens; a bundle that is not ASCII is decoded
 * as UTF-8.
 */
function readSource(file) {
	const bytes = fs.readFileSync(file);
	return typeof isAscii === 'function' && isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

module.exports = { loadBundle, V8_FLAGS, CLI_V8_FLAGS };
