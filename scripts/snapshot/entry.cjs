'use strict';
// The script of the CLI's start-up snapshot, run by the build step (scripts/snapshot/build.mjs) as
// `node --build-snapshot scripts/snapshot/entry.cjs`: it loads the CLI bundle (out/cli.js) and what a review
// needs before it starts (its prepareSnapshot: the built-in rules, their matchers prepared, and the English
// tagger with its model), and V8 keeps that heap in out/cli.snapshot.blob. bin/snapshot.js starts the CLI from
// it when it fits this Node.js and this tree; the main function below is what such a process runs.
//
// Node.js lets a snapshot's script require built-in modules only, so the bundle is compiled here as Node would
// compile a module, with a require of its own: built-in modules while the snapshot is made, and after, in the
// process started from it, Node's require for the bundle's file (the bundle requires a few files lazily).
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const v8 = require('v8');

const root = fs.realpathSync(path.join(__dirname, '..', '..'));
const bundleFile = path.join(root, 'out', 'cli.js');

let fullRequire;
/** Built-in modules only while the snapshot is made: a package loaded now would be user code run before main. */
function bundleRequire(id) {
	if (fullRequire) return fullRequire(id);
	// The bundle's own require for packages (esbuild's, made with module.createRequire) must be this one too.
	if (id === 'module' || id === 'node:module') return Object.create(require('module'), { createRequire: { value: () => bundleRequire } });
	if (require('module').isBuiltin(id)) return require(id);
	const e = new Error(`Cannot find module '${id}' (only built-in modules while the start-up snapshot is made)`);
	e.code = 'MODULE_NOT_FOUND';
	throw e;
}
bundleRequire.resolve = (id, options) => {
	if (fullRequire) return fullRequire.resolve(id, options);
	const e = new Error(`Cannot find module '${id}' (only built-in modules while the start-up snapshot is made)`);
	e.code = 'MODULE_NOT_FOUND';
	throw e;
};

// The build writes the bundle in ASCII (scripts/esbuild-node.mjs): read as Latin-1, as bin/load-bundle.js does.
const bytes = fs.readFileSync(bundleFile);
const source = require('buffer').isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
const bundle = { exports: {}, filename: bundleFile, id: bundleFile, loaded: false };
vm.compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: bundleFile })(bundle.exports, bundleRequire, bundle, bundleFile, path.dirname(bundleFile));
bundle.loaded = true;
if (!bundle.exports.prepareSnapshot()) process.emitWarning('the built-in rules were not preloaded (their compiled copy is not current, or they have problems): the snapshot loads them at run time');

v8.startupSnapshot.setDeserializeMainFunction(() => {
	fullRequire = require('module').createRequire(bundleFile);
	// As `node bin/accountable.js …` has it: the arguments come after `--` (bin/snapshot.js).
	process.argv.splice(1, 0, path.join(root, 'bin', 'accountable.js'));
	process.stdout.on('error', (e) => {
		if (e.code !== 'EPIPE') throw e;
	});
	bundle.exports.main(process.argv.slice(2)).then((code) => {
		process.exitCode = code;
	});
});
