// Starting code-server (real VS Code: workbench in a browser, extension host in Node 24) and Debian's
// headless Chromium, for the editor tests (README: Tests in real editors).
// Needs CODE_SERVER_NODE and CODE_SERVER_ENTRY (printed by scripts/e2e/install.sh); CHROMIUM is optional.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

export function codeServerCommand() {
	const node = process.env.CODE_SERVER_NODE;
	const entry = process.env.CODE_SERVER_ENTRY;
	if (!node || !entry || !fs.existsSync(node) || !fs.existsSync(entry)) {
		throw new Error('CODE_SERVER_NODE and CODE_SERVER_ENTRY must name Node 24 and code-server/out/node/entry.js (run scripts/e2e/install.sh)');
	}
	return [node, entry];
}

/**
 * A private home for one code-server run: short paths (code-server puts a Unix socket, limited to about 107
 * characters, in the user-data-dir), settings that keep the workbench quiet, and XDG/TMPDIR inside it so
 * nothing is written to the real home directory.
 */
export function makeProfile(prefix = 'cs-') {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	const userDataDir = path.join(dir, 'ud');
	fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
	fs.writeFileSync(
		path.join(userDataDir, 'User', 'settings.json'),
		JSON.stringify({
			'workbench.startupEditor': 'none',
			'workbench.tips.enabled': false,
			'telemetry.telemetryLevel': 'off',
			'extensions.autoCheckUpdates': false,
			'extensions.autoUpdate': false,
			'update.mode': 'none',
			'chat.disableAIFeatures': true,
			'security.workspace.trust.enabled': false,
			// Hover at once when the UI check moves the mouse, and keep it up while the screenshot is taken.
			'editor.hover.delay': 100,
			'editor.hover.sticky': true,
		}),
	);
	const xdg = path.join(dir, 'xdg');
	const tmp = path.join(dir, 'tmp');
	fs.mkdirSync(tmp);
	// Nothing may leave the machine: point the extension gallery (open-vsx.org by default, queried for updates
	// even with auto-update off) and telemetry at a closed loopback port instead.
	const nowhere = 'http://127.0.0.1:9';
	const gallery = { serviceUrl: `${nowhere}/gallery`, itemUrl: `${nowhere}/item`, resourceUrlTemplate: `${nowhere}/{publisher}/{name}/{version}/{path}`, extensionUrlTemplate: `${nowhere}/{publisher}/{name}/latest` };
	const env = { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg, XDG_STATE_HOME: xdg, TMPDIR: tmp, EXTENSIONS_GALLERY: JSON.stringify(gallery), CS_TELEMETRY_URL: `${nowhere}/telemetry` };
	return { dir, userDataDir, extensionsDir: path.join(dir, 'exts'), env, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Installs a .vsix into the profile's extensions folder with code-server's own CLI. */
export function installVsix(profile, vsix) {
	const [node, entry] = codeServerCommand();
	const result = spawnSync(node, [entry, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--install-extension', vsix], { env: profile.env, encoding: 'utf8', timeout: 120000 });
	if (result.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${result.status}): ${result.stdout}${result.stderr}`);
	return result.stdout;
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

/**
 * Starts code-server on a free loopback port with the smoke-test driver on (without it the workbench ignores
 * the extension-test `payload`), and resolves once /healthz answers. `stop()` kills the whole process group:
 * killing only the parent leaves its file watcher and agent host behind.
 */
export async function startCodeServer(profile, { disableExtensions = false, deadlineMs = 60000, locale } = {}) {
	const [node, entry] = codeServerCommand();
	const port = await freePort();
	const config = path.join(profile.dir, 'cs.yaml');
	fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
	const args = [entry, '--config', config, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir,
		'--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
		'--vscode-option', 'enable-smoke-test-driver', ...(disableExtensions ? ['--vscode-option', 'disable-extensions'] : []), ...(locale ? ['--locale', locale] : [])];
	const logFile = path.join(profile.dir, 'code-server.log');
	const log = fs.openSync(logFile, 'a');
	const child = spawn(node, args, { env: profile.env, detached: true, stdio: ['ignore', log, log] });
	fs.closeSync(log);
	let exited = false;
	child.on('exit', () => (exited = true));
	const stop = () => {
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// already gone
		}
	};
	const base = `http://127.0.0.1:${port}`;
	const end = Date.now() + deadlineMs;
	for (;;) {
		try {
			if ((await fetch(`${base}/healthz`)).ok) break;
		} catch {
			// not listening yet
		}
		if (exited || Date.now() > end) {
			stop();
			throw new Error(`code-server did not start (log: ${logFile}):\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	// The workbench addresses files on the server as vscode-remote://<authority>/path; code-server 4.x says "remote".
	const html = await (await fetch(`${base}/`)).text();
	const authority = /remoteAuthority&quot;:&quot;([^&]*)&quot;/.exec(html)?.[1] ?? 'remote';
	return { base, port, logFile, authority, remoteUri: (p) => `vscode-remote://${authority}${path.resolve(p)}`, stop, child };
}

/** Debian's Chromium, headless, with nothing that phones home; playwright gives it a fresh user-data-dir. */
export function launchChromium(profile) {
	return chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		env: profile.env,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Blocks (and records) every request the page makes beyond loopback: the tests must not send anything over
 * the network, and a request that tries is a finding to report, not a thing to wait for.
 */
export async function blockNetwork(page) {
	const blocked = [];
	await page.route(
		(url) => (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && !LOCAL_HOSTS.has(url.hostname),
		(route) => {
			blocked.push(route.request().url());
			return route.abort('blockedbyclient');
		},
	);
	return blocked;
}

/** Opens the workbench on `workspace` and, with Quick Open, the file `name` in it; resolves once its editor tab shows. */
export async function openInWorkbench(page, server, workspace, name, wait) {
	await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}`);
	await page.waitForSelector('.explorer-folders-view .monaco-list-row', wait);
	// Enter does nothing until Quick Open has its result row.
	await quickInput(page, 'Control+P', name, `.quick-input-list .monaco-list-row[aria-label*="${name}"]`, wait);
	await page.waitForSelector(`.tabs-container .tab[aria-label*="${name}"]`, wait);
}

/** The text of a modal dialog over the workbench, if one is open (it makes everything else inert). */
async function modalDialog(page) {
	const dialog = page.locator('.monaco-dialog-box');
	return (await dialog.count()) ? (await dialog.first().innerText().catch(() => '')).replace(/\s+/g, ' ') : '';
}

/**
 * Opens a quick input with `keys` (the Command Palette, Quick Open, Go to Line) and sets its value, then
 * waits for `row` (a result row's selector) if given and presses Enter (`wait`: the last attempt's timeout). Keys typed before the box has the
 * focus would land in the editor (a Go to Line typed into the draft makes it dirty, and closing it later
 * opens a modal "save?" dialog), so the value is set only in the visible box, and set as a whole. A box
 * that closes again before it is filled (the focus moved on a slow machine) is opened again, twice at most.
 */
export async function quickInput(page, keys, value, row, wait) {
	const box = page.locator('.quick-input-widget .quick-input-box input');
	for (let attempt = 1; ; attempt++) {
		// Out of any webview first (the Word review editor and the report keep the keyboard inside their frames,
		// where the workbench's shortcuts do not reach): the workbench listens on its own window.
		await page.evaluate(() => {
			if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
		});
		try {
			await page.keyboard.press(keys);
			await box.waitFor({ state: 'visible', timeout: attempt < 3 ? 15000 : wait.timeout });
			await box.fill(value, { timeout: attempt < 3 ? 15000 : wait.timeout });
			if (row) await page.waitForSelector(row, attempt < 3 ? { timeout: 15000 } : wait);
			await page.keyboard.press('Enter');
			return;
		} catch (error) {
			const dialog = await modalDialog(page);
			if (dialog) throw new Error(`a modal dialog is open over the workbench: "${dialog}" (while entering ${keys} ${value})`);
			if (attempt >= 3) throw error;
			console.log(`    (the quick input for ${keys} ${value} closed before it took the value; again, attempt ${attempt + 1})`);
			await page.keyboard.press('Escape');
		}
	}
}

