#!/usr/bin/env node
// `npm run test:e2e`: the real-client tests, each writing a { passed, failed } report into test-results/:
//   1. Neovim (headless) as an LSP client of bin/accountable-lsp.js          -> e2e-nvim.json
//   2. the packaged .vsix in the code-server workbench, driven by Chromium  -> e2e-ui.json (+ screenshot)
//   3. the mocha suite in the extension host through @vscode/test-electron's runTests, with code-server
//      standing in for VS Code (scripts/e2e/code-shim.mjs)                  -> e2e-vscode.json
//   4. the HTML report in Chromium (test/e2e/report, vitest)                 -> e2e-report.json
//   5. the reviewed copy of a Word document opened by LibreOffice (test/e2e/word, vitest) -> e2e-word.json
//   6. the web page (out/web) opened from disk in Chromium (test/e2e/web, vitest)  -> e2e-web.json (+ screenshots)
//   7. the web extension (package.json `browser`) in code-server's web worker extension host, driven by
//      Chromium                                                                   -> e2e-web-extension.json (+ screenshot)
//   8. the pre-commit hook (.pre-commit-hooks.yaml) through Debian's pre-commit in a temporary repository
//      (test/e2e/pre-commit, vitest; its first run builds Accountable with npm ci) -> e2e-pre-commit.json
// Installs what is missing first (scripts/e2e/install.sh: apt packages, Node 24 and code-server in a cache
// outside the repository) unless CODE_SERVER_NODE and CODE_SERVER_ENTRY are set. Exits 1 if anything failed.
// `npm run test:e2e -- nvim ui vscode report word web web-extension pre-commit` runs only the named parts.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countFiles } from '../test-counts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = path.join(root, 'test-results');
const only = process.argv.slice(2);
const wanted = (part) => only.length === 0 || only.includes(part);
const started = Date.now();
const seconds = (since = started) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function ensureInstalled() {
	if (process.env.CODE_SERVER_NODE && process.env.CODE_SERVER_ENTRY && fs.existsSync(process.env.SOFFICE ?? '/usr/bin/soffice') && spawnSync('pre-commit', ['--version']).status === 0) return;
	const exports = execFileSync('bash', [path.join(root, 'scripts', 'e2e', 'install.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	for (const [, name, value] of exports.matchAll(/^export (\w+)='([^']*)'$/gm)) process.env[name] = value;
}

function run(title, command, args, options = {}) {
	const since = Date.now();
	console.log(`\n== ${title}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
	console.log(`== ${title}: ${result.status === 0 ? 'ok' : `failed (exit ${result.status ?? result.signal})`} in ${seconds(since)}`);
	return result.status === 0;
}

/** code-server runs the extension and its language server on its own Node.js: it must be one the project declares. */
function checkCodeServerNode() {
	const { satisfies, supportedRange } = createRequire(import.meta.url)('../../bin/check-node.js');
	const version = execFileSync(process.env.CODE_SERVER_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
	if (satisfies(version, supportedRange())) return;
	console.error(`code-server's Node.js ${version} (${process.env.CODE_SERVER_NODE}) is not one package.json declares (${supportedRange()})`);
	process.exit(1);
}

fs.mkdirSync(results, { recursive: true });
ensureInstalled();
checkCodeServerNode();
const built = run('build', 'npm', ['run', 'build', '--silent']) && run('build the extension-host suite', process.execPath, ['scripts/e2e/build.mjs']);
const parts = [
	{ name: 'nvim', title: 'Neovim client', report: 'e2e-nvim.json', args: ['scripts/e2e/run-nvim.mjs'] },
	{ name: 'ui', title: 'packaged extension in the code-server workbench (Chromium)', report: 'e2e-ui.json', args: ['scripts/e2e/run-ui.mjs'] },
	{ name: 'vscode', title: 'extension-host suite (@vscode/test-electron runTests, code-server standing in for VS Code)', report: 'e2e-vscode.json', args: ['out/e2e/runTest.js'] },
	{ name: 'report', title: 'the HTML report in Chromium', report: 'e2e-report.json', args: ['scripts/e2e/run-report.mjs'] },
	{ name: 'word', title: 'the commented copy of a Word document in LibreOffice', report: 'e2e-word.json', args: ['scripts/e2e/run-report.mjs'], env: { E2E_VITEST_CONFIG: 'test/e2e/word/vitest.config.mts' } },
	{ name: 'web', title: 'the web page opened from disk in Chromium', report: 'e2e-web.json', args: ['scripts/e2e/run-report.mjs'], env: { E2E_VITEST_CONFIG: 'test/e2e/web/vitest.config.mts' } },
	{ name: 'web-extension', title: 'the web extension in the code-server web worker extension host (Chromium)', report: 'e2e-web-extension.json', args: ['scripts/e2e/run-web-extension.mjs'] },
	{ name: 'pre-commit', title: 'the pre-commit hook through pre-commit', report: 'e2e-pre-commit.json', args: ['scripts/e2e/run-report.mjs'], env: { E2E_VITEST_CONFIG: 'test/e2e/pre-commit/vitest.config.mts' } },
];
let ok = built;
const reports = [];
for (const part of parts.filter((p) => wanted(p.name))) {
	const report = path.join(results, part.report);
	reports.push(report);
	fs.rmSync(report, { force: true });
	if (!built) continue; // its missing report counts as a failure below
	const env = { ...process.env, ...part.env, ACCOUNTABLE_E2E_RESULTS: report, VSCODE_EXECUTABLE: process.env.VSCODE_EXECUTABLE ?? path.join(root, 'scripts', 'e2e', 'code-shim.mjs') };
	ok = run(part.title, process.execPath, [...part.args, report], { env }) && ok;
}

const { passed, failed, skipped, notes } = countFiles(reports);
for (const note of notes) console.log(note);
console.log(`\ne2e: ${passed} passed, ${failed + skipped} failed${skipped ? ` (${skipped} skipped)` : ''} in ${seconds()}`);
process.exit(ok && failed + skipped === 0 ? 0 : 1);
