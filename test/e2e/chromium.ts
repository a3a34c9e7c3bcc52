// Only the real-browser suites use this (npm run test:e2e, after scripts/e2e/install.sh installs Debian's
// Chromium); vitest.config.mts leaves test/e2e/ out of npm test, which needs no browser.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, which scripts/e2e/install.sh installs (CHROMIUM names another). */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Headless Chromium with a throwaway profile, for the browser tests (the HTML report, the web page). Throws,
 * saying how to install it, when Chromium is not there: these tests are never skipped. `close` ends the
 * browser and removes the profile.
 */
export async function launchChromium(what: string, options: Parameters<typeof chromium.launchPersistentContext>[1] = {}): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(`Chromium is needed for ${what} and was not found at ${CHROMIUM}. Run them with npm run test:e2e, which installs it (scripts/e2e/install.sh)`);
	}
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
		// Chromium writes crash reports under XDG_CONFIG_HOME; keep them in the throwaway profile.
		env: { ...process.env, XDG_CONFIG_HOME: profile, HOME: profile },
		...options,
	});
	return {
		context,
		close: async () => {
			await context.close();
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}
