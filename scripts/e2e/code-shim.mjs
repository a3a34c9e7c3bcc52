#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }) on machines
// that cannot download VS Code: it takes the arguments runTests passes to VS Code, starts code-server (the
// same workbench and extension host code) and loads the workbench in headless Chromium with the
// extension-test payload. The extension host reports the suite's exit code through window.codeAutomationExit
// and its console through window.codeAutomationLog; this process exits with that code, as VS Code would.
//   --extensionDevelopmentPath=…  --extensionTestsPath=…  [folder]  --disable-extensions  --extensions-dir=…
// Other VS Code flags (--no-sandbox, --skip-welcome, --user-data-dir=…) are accepted and ignored: every run
// gets a fresh short-pathed profile (see code-server.mjs). CODE_SHIM_TIMEOUT_MS bounds the run (default 10 min).
import * as path from 'node:path';
import { blockNetwork, launchChromium, makeProfile, startCodeServer } from './code-server.mjs';

const argv = process.argv.slice(2);
const valuesOf = (name) => argv.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const developmentPaths = valuesOf('extensionDevelopmentPath').map((p) => path.resolve(p));
const [testsPath] = valuesOf('extensionTestsPath').map((p) => path.resolve(p));
const folder = argv.find((a) => !a.startsWith('-'));
const timeoutMs = Number(process.env.CODE_SHIM_TIMEOUT_MS ?? 600000);
const say = (message) => console.log(`[code-shim] ${message}`);

async function main() {
	if (!testsPath) throw new Error('--extensionTestsPath= is required');
	const started = Date.now();
	const profile = makeProfile('cs-shim-');
	const [extensionsDir] = valuesOf('extensions-dir');
	if (extensionsDir) profile.extensionsDir = path.resolve(extensionsDir);
	const server = await startCodeServer(profile, { disableExtensions: argv.includes('--disable-extensions') });
	let browser;
	let code = 2;
	process.on('exit', () => server.stop());
	try {
		browser = await launchChromium(profile);
		const page = await browser.newPage();
		const blocked = await blockNetwork(page);
		let reportExit;
		const exited = new Promise((resolve) => (reportExit = resolve));
		await page.exposeFunction('codeAutomationLog', (type, args) => (type === 'error' ? console.error : console.log)(...args));
		await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
		const payload = [...developmentPaths.map((p) => ['extensionDevelopmentPath', server.remoteUri(p)]), ['extensionTestsPath', server.remoteUri(testsPath)]];
		const where = folder ? `folder=${encodeURIComponent(path.resolve(folder))}` : 'ew=true';
		await page.goto(`${server.base}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
		let timer;
		code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve(124), timeoutMs)))]);
		clearTimeout(timer);
		say(`extension host exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
		if (blocked.length > 0) {
			say(`the workbench tried to reach beyond loopback (blocked): ${[...new Set(blocked)].join(', ')}`);
			if (code === 0) code = 3;
		}
		return code;
	} finally {
		await browser?.close().catch(() => {});
		server.stop();
		// A failed run keeps its profile (code-server and extension host logs) for whoever reads the failure.
		if (code === 0 && !process.env.ACCOUNTABLE_E2E_KEEP) profile.remove();
		else say(`kept the profile with the code-server log: ${profile.dir}`);
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error('[code-shim]', error);
		process.exit(2);
	},
);
