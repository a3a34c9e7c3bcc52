// Bundles the CLI, the language server and the VS Code extension with esbuild, then compiles the built-in
// rules into out/builtin-rules.json with the CLI bundle itself: their YAML parsed and validated once here,
// not in every process, and what their matchers would work out in each new process (folded patterns, term
// words, prefix keys) worked out here too. Rules stay as data files in rules/: a process that finds a rule file
// changed since (its status differs from the one recorded here, and its content no longer matches the
// compiled copy's fingerprint) loads the files instead, so rules are still edited without a rebuild, and rule
// packs are always loaded and validated from their files. The tagger's English model goes beside the bundles
// as data (out/english-model.json, its large parts in out/english-model.bin, read when a process first reads
// a sentence: server/src/node/englishModel.ts). Last, on Node.js 20, the V8 code caches that
// bin/load-bundle.js loads (scripts/code-cache.mjs). The web page (out/web/, scripts/build-web.mjs) is built
// after the rules, which it embeds, and so is the web extension (out/browser/, scripts/build-browser.mjs).
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildForNode } from './esbuild-node.mjs';
import { writeCodeCaches } from './code-cache.mjs';
import { buildWebPage } from './build-web.mjs';
import { buildBrowserExtension } from './build-browser.mjs';

const production = process.argv.includes('--production');

const entries = [
	{ entryPoints: ['server/src/cli/main.ts'], outfile: 'out/cli.js' },
	{ entryPoints: ['server/src/lsp/server.ts'], outfile: 'out/server.js' },
	{ entryPoints: ['client/src/extension.ts'], outfile: 'out/extension.js', external: ['vscode'] },
];

await Promise.all(entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => buildForNode({ sourcemap: !production, minify: production, ...e })));

// The English model's data as the bundles read it (out/english-model.json and out/english-model.bin).
createRequire(import.meta.url)('../out/cli.js').writeEnglishModel();

const problems = createRequire(import.meta.url)('../out/cli.js').writeCompiledRules();
for (const p of problems) console.warn(`${p.file}:${p.line}: ${p.message}`);
if (problems.length > 0) console.warn(`The built-in rules have ${problems.length} problem(s) (above): not compiled; every process loads and reports them.`);

if (problems.length === 0) await Promise.all([buildWebPage(), buildBrowserExtension({ production })]);
else {
	for (const dir of ['out/web', 'out/browser']) rmSync(dir, { recursive: true, force: true });
	console.warn('The web page (out/web/) and the web extension (out/browser/) are not built: they embed the compiled rules.');
}

// After the rules: the runs that make the code caches load them.
const cacheProblem = await writeCodeCaches();
if (cacheProblem) console.warn(`No code cache (start-up is slower, reviews are the same): ${cacheProblem}`);
