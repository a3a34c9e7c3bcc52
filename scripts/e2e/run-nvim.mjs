#!/usr/bin/env node
// Neovim (Debian's, headless) as a second, independent LSP client: test/e2e/nvim/lsp-check.lua starts
// `node bin/accountable-lsp.js --stdio`, opens a copy of each fixture and records what it saw; this runner
// checks it and writes test-results/e2e-nvim.json. Runs on the system Node (20), so the server is exercised on
// a different Node than code-server's extension host (24).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Checks } from './results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsFile = process.argv[2] ?? path.join(root, 'test-results', 'e2e-nvim.json');
const COOPERATION = 'conditional-services/cooperation-required';
const SLAVERY = 'framing/sensational-slavery-language';
const RESCUE = 'framing/rescue-language';

function runNeovim(work, name) {
	const file = path.join(work, name);
	const out = path.join(work, `${name}.json`);
	const home = path.join(work, 'nvim-home');
	const started = Date.now();
	const result = spawnSync('nvim', ['--headless', '--clean', '-n', '-S', path.join(root, 'test', 'e2e', 'nvim', 'lsp-check.lua')], {
		cwd: work,
		encoding: 'utf8',
		timeout: 120000,
		// Neovim writes lsp.log and state under XDG folders: keep them in the scratch folder.
		env: { ...process.env, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, XDG_CACHE_HOME: home, XDG_STATE_HOME: home, ACCOUNTABLE_LSP: path.join(root, 'bin', 'accountable-lsp.js'), ACCOUNTABLE_FILE: file, ACCOUNTABLE_OUT: out, ACCOUNTABLE_WAIT_MS: '30000' },
	});
	if (result.error) throw result.error;
	assert.equal(result.status, 0, `nvim exited with ${result.status}: ${result.stderr}`);
	assert.ok(fs.existsSync(out), `nvim wrote no results: ${result.stdout}${result.stderr}`);
	const seen = JSON.parse(fs.readFileSync(out, 'utf8'));
	seen.wallMs = Date.now() - started;
	return seen;
}

const ids = (diagnostics) => (diagnostics ?? []).map((d) => d.code);

async function main() {
	const checks = new Checks('neovim');
	const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? 'nvim not found';
	console.log(`Neovim client (${version})`);
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-nvim-'));
	fs.cpSync(path.join(root, 'test', 'e2e', 'fixtures', 'workspace'), work, { recursive: true });
	const runs = {};
	try {
		for (const [name, filetype, expected] of [
			['draft.md', 'markdown', [COOPERATION, SLAVERY, RESCUE]],
			['draft.txt', 'text', [COOPERATION, SLAVERY]],
		]) {
			await checks.check(`${name}: opens as filetype ${filetype} and gets diagnostics ${expected.join(', ')}`, () => {
				const seen = (runs[name] = runNeovim(work, name));
				assert.deepEqual(seen.errors, []);
				assert.equal(seen.filetype, filetype);
				assert.ok(seen.diagnostics_arrived, 'no diagnostics before the deadline');
				for (const id of expected) assert.ok(ids(seen.diagnostics).includes(id), `${id} missing from ${JSON.stringify(ids(seen.diagnostics))}`);
				console.log(`    first diagnostics after ${seen.steps.find((s) => s.name === 'diagnostics')?.ms} ms (nvim ran ${seen.wallMs} ms)`);
			});
			const seen = () => runs[name] ?? assert.fail('nvim did not run');
			await checks.check(`${name}: every diagnostic has source "accountable", a rule id and its documentation link`, () => {
				const diagnostics = seen().diagnostics;
				assert.ok(diagnostics.length > 0);
				for (const d of diagnostics) {
					assert.equal(d.source, 'accountable');
					assert.match(d.code, /^[a-z-]+\/[a-z0-9-]+$/);
					assert.ok(d.href.endsWith(`/rules/${d.code}.md`), `${d.code}: ${d.href}`);
				}
				const cooperation = diagnostics.find((d) => d.code === COOPERATION);
				assert.equal(cooperation.severity, 1, 'cooperation-required is an error');
			});
			await checks.check(`${name}: the hover names the rule and cites the paper (¶)`, () => {
				const hover = seen().hover;
				assert.equal(typeof hover, 'string', 'no hover');
				assert.ok(hover.includes(COOPERATION), hover);
				assert.match(hover, /¶\s?\d+/);
			});
			await checks.check(`${name}: the code actions offer rewriting the condition and disabling the rule`, () => {
				const titles = seen().code_actions ?? [];
				assert.ok(titles.some((t) => t.startsWith('Replace the condition')), JSON.stringify(titles));
				assert.ok(titles.includes(`Disable ${COOPERATION} for this line`), JSON.stringify(titles));
			});
			await checks.check(`${name}: editing the flagged words (incremental change) makes that finding go and keeps the others`, () => {
				const run = seen();
				assert.ok(!run.edited_line.includes('sex slaves'), run.edited_line);
				assert.ok(run.finding_gone_after_edit, `${SLAVERY} still there: ${JSON.stringify(ids(run.diagnostics_after_edit))}`);
				assert.ok(ids(run.diagnostics_after_edit).includes(COOPERATION));
			});
		}
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
	checks.write(resultsFile);
	return checks.failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
	console.error(error);
	process.exit(1);
});
