#!/usr/bin/env node
// The web extension (package.json `browser`) in the real VS Code workbench's web worker extension host: the
// packaged .vsix installed into code-server, which runs it in the browser (not in its Node.js extension host)
// when the user setting `remote.extensionKind` says `web` for it (read from the 1.139 workbench: an extension
// whose kinds are only `web`, installed on the server, is given the local web worker host). Opens a Markdown
// draft beside a workspace .accountable.yaml and checks the Problems panel's rows (rule ids, lines, the rule
// the configuration turns off absent), that no Node.js language server ran, and that nothing went beyond
// loopback. Screenshot: test-results/e2e-web-extension.png. Writes test-results/e2e-web-extension.json.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockNetwork, installVsix, launchChromium, makeProfile, openInWorkbench, startCodeServer } from './code-server.mjs';
import { Checks } from './results.mjs';
import { buildVsix, checkPng } from './vsix.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = path.join(root, 'test-results');
const resultsFile = process.argv[2] ?? path.join(resultsDir, 'e2e-web-extension.json');
const screenshot = path.join(resultsDir, 'e2e-web-extension.png');
const EXAMPLE = 'draft-state-bill.md';
const TURNED_OFF = 'raids/vice-raids';
const VIEWPORT = { width: 1400, height: 900 };
const WAIT = { timeout: Number(process.env.ACCOUNTABLE_E2E_UI_TIMEOUT_MS ?? 90000) };
const LOOPBACK = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

/** What the CLI finds in the draft with the workspace's configuration: `rule@line` (1-based, as Problems shows). */
function cliFindings(file) {
	let out;
	try {
		out = execFileSync(process.execPath, [path.join(root, 'bin', 'accountable.js'), file, '--format', 'json', '--quiet'], { encoding: 'utf8' });
	} catch (e) {
		out = e.stdout; // exit 1: findings
	}
	return JSON.parse(out)[0].findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`);
}

/** Processes whose command line names `needle` (the Node.js language server of an installed extension). */
function processesRunning(needle) {
	return fs
		.readdirSync('/proc')
		.filter((p) => /^\d+$/.test(p))
		.map((p) => {
			try {
				return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ');
			} catch {
				return '';
			}
		})
		.filter((cmd) => cmd.includes(needle));
}

async function main() {
	const checks = new Checks('web-extension');
	const started = Date.now();
	const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-webext-'));
	const workspace = path.join(work, 'ws');
	fs.mkdirSync(path.join(workspace, 'drafts'), { recursive: true });
	fs.copyFileSync(path.join(root, 'examples', EXAMPLE), path.join(workspace, 'drafts', EXAMPLE));
	// At the workspace's root, above the draft: found by walking up through the workspace file system.
	fs.writeFileSync(path.join(workspace, '.accountable.yaml'), `rules:\n  ${TURNED_OFF}: off\n`);
	fs.mkdirSync(resultsDir, { recursive: true });
	fs.rmSync(screenshot, { force: true });
	const profile = makeProfile('cs-web-');
	// Run Accountable in the browser's web worker extension host (its `browser` entry), not on the server.
	const settingsFile = path.join(profile.userDataDir, 'User', 'settings.json');
	fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, 'utf8')), 'remote.extensionKind': { 'accountable.accountable': ['web'] } }));
	let server;
	let browser;
	let page;
	let installed;
	let blocked = [];
	const requests = [];
	const workers = [];
	const consoleLines = [];
	try {
		await checks.check('npm run package builds a .vsix with the browser entry, and code-server installs it', () => {
			const vsix = process.env.ACCOUNTABLE_E2E_VSIX ?? buildVsix(path.join(work, 'src'));
			installVsix(profile, vsix);
			const folder = fs.readdirSync(profile.extensionsDir).find((f) => f.startsWith('accountable.accountable-'));
			assert.ok(folder, 'installed as accountable.accountable');
			installed = path.join(profile.extensionsDir, folder);
			for (const file of ['out/browser/extension.js', 'out/browser/server.js']) assert.ok(fs.existsSync(path.join(installed, file)), file);
			assert.equal(JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).browser, './out/browser/extension.js');
		});

		const expected = cliFindings(path.join(workspace, 'drafts', EXAMPLE));
		await checks.check(`the web extension reviews drafts/${EXAMPLE} in the web worker host: squiggles`, async () => {
			assert.ok(installed, 'the .vsix was not installed');
			server = await startCodeServer(profile);
			browser = await launchChromium(profile);
			const context = await browser.newContext({ viewport: VIEWPORT });
			// Every request of the page, its frames and its workers (the extension host's and the server's).
			context.on('request', (r) => requests.push(r.url()));
			page = await context.newPage();
			// The extension host's and the server's console, for the failure's story.
			page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
			page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
			page.on('worker', (w) => workers.push(w.url()));
			blocked = await blockNetwork(page);
			await openInWorkbench(page, server, workspace, EXAMPLE, WAIT);
			await page.waitForSelector('.editor-instance .monaco-editor .squiggly-error', WAIT);
			console.log(`    squiggles at ${seconds()}`);
		});

		await checks.check('the Problems panel lists the findings by rule id on the lines the CLI gives, without the rule .accountable.yaml turns off', async () => {
			assert.ok(page, 'the workbench did not open');
			assert.ok(expected.length >= 10 && !expected.some((f) => f.startsWith(`${TURNED_OFF}@`)), `the CLI honours the configuration: ${expected}`);
			await page.keyboard.press('Control+Shift+M');
			await page.waitForSelector('.markers-panel .monaco-list-row:has-text("conditional-services/cooperation-required")', WAIT);
			// The first rows (the errors, most severe first) beside the draft, with the status bar's count.
			await page.screenshot({ path: screenshot });
			checkPng(screenshot, VIEWPORT);
			console.log(`    screenshot at ${seconds()}: ${path.relative(root, screenshot)}`);
			// Every row: the panel is made tall enough, and scrolled, to read them all (the list is virtual).
			const seen = new Map();
			const list = page.locator('.markers-panel .monaco-list');
			for (let i = 0; i < 20; i++) {
				for (const text of await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''))) seen.set(text, true);
				await list.hover();
				await page.mouse.wheel(0, 200);
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			const rows = [...seen.keys()];
			const fileRow = rows.find((r) => r.startsWith(EXAMPLE));
			assert.equal(Number(/(\d+)$/.exec(fileRow ?? '')?.[1]), expected.length, `the file row counts the CLI's ${expected.length} findings: ${JSON.stringify(rows)}`);
			const shown = rows.map((r) => /accountable([a-z-]+\/[a-z0-9-]+)\[Ln (\d+), Col \d+\]$/.exec(r)).filter(Boolean).map((m) => `${m[1]}@${m[2]}`);
			assert.ok(shown.length >= 10, `finding rows name source, rule and line: ${JSON.stringify(rows)}`);
			for (const finding of shown) assert.ok(expected.includes(finding), `${finding} is one of the CLI's findings (${expected})`);
			assert.ok(!shown.some((f) => f.startsWith(`${TURNED_OFF}@`)), `${TURNED_OFF} is off in .accountable.yaml`);
			console.log(`    ${shown.length} rows read, e.g. ${shown.slice(0, 3).join(', ')}`);
		});

		await checks.check('the extension ran in the browser: the workbench loaded its browser entry and no Node.js language server was started', () => {
			assert.ok(page, 'the workbench did not open');
			// The web worker host loads the browser entry over HTTP (the server's Node.js host would read `main` from
			// disk); the entry then reads its server script through the workspace file system and starts it in a worker.
			assert.ok(requests.some((u) => decodeURIComponent(u).includes(`/${path.basename(installed)}/out/browser/extension.js`)), 'the browser entry was fetched');
			assert.deepEqual(processesRunning(path.join(installed, 'out', 'server.js')), [], 'no Node.js server process');
		});

		await checks.check('the workbench and the extension sent nothing beyond loopback', () => {
			assert.ok(page, 'the workbench did not open');
			assert.deepEqual([...new Set(blocked)], [], 'requests to other hosts (blocked)');
			const http = requests.filter((u) => /^(https?|wss?):/.test(u));
			assert.ok(http.length > 10, `the request log has the workbench's requests: ${http.length}`);
			assert.deepEqual(http.filter((u) => !LOOPBACK.test(u)), [], 'every request went to loopback');
		});
	} finally {
		await browser?.close().catch(() => {});
		server?.stop();
		fs.rmSync(work, { recursive: true, force: true });
		if (checks.failed > 0) fs.writeFileSync(path.join(profile.dir, 'browser-console.log'), consoleLines.join('\n'));
		if (checks.failed === 0 && !process.env.ACCOUNTABLE_E2E_KEEP) profile.remove();
		else console.log(`  kept the code-server profile and logs: ${profile.dir}`);
	}
	checks.write(resultsFile);
	console.log(`  (${seconds()}; workers: ${workers.length})`);
	return checks.failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
	console.error(error);
	process.exit(1);
});
