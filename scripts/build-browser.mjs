// The web extension (package.json `browser`), for VS Code for the Web: out/browser/extension.js, the extension
// (CommonJS, as VS Code loads a web extension's main) and out/browser/server.js, the language server that it
// starts in a web worker, with the engine and the compiled built-in rules in it (as the web page embeds them:
// scripts/build-web.mjs). Called by scripts/build.mjs once the rules are compiled.
import * as path from 'node:path';
import { build } from 'esbuild';
import { builtinRules } from './build-web.mjs';

const root = path.resolve(import.meta.dirname, '..');

export async function buildBrowserExtension({ production = false, outDir = path.join(root, 'out', 'browser'), rulesFile = path.join(root, 'out', 'builtin-rules.json') } = {}) {
	// Both run in web workers, with no DOM: packages' `worker` builds, not their `browser` ones (which may use `document`).
	const common = { bundle: true, platform: 'browser', conditions: ['worker'], target: 'es2022', minify: production, sourcemap: !production, logLevel: 'warning', legalComments: 'eof' };
	await Promise.all([
		build({ ...common, entryPoints: [path.join(root, 'client', 'src', 'browser', 'extension.ts')], outfile: path.join(outDir, 'extension.js'), format: 'cjs', external: ['vscode'] }),
		build({ ...common, entryPoints: [path.join(root, 'server', 'src', 'browser', 'main.ts')], outfile: path.join(outDir, 'server.js'), format: 'iife', plugins: [builtinRules(rulesFile)] }),
	]);
}
