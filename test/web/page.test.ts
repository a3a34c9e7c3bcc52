import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

// The built web page (out/web/index.html, from npm run build, which npm test runs first) as a file: one
// self-contained page whose Content-Security-Policy allows its own script and stylesheet by hash and nothing
// else, with no way to reach the network or store anything in its code. The same page in Chromium: test/e2e/web.
const PAGE = path.join(ROOT, 'out', 'web', 'index.html');

function page(): string {
	if (!fs.existsSync(PAGE)) throw new Error(`${PAGE} is missing: run npm run build first (npm test does)`);
	return fs.readFileSync(PAGE, 'utf8');
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('the built web page', () => {
	const html = page();
	const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
	const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
	const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);

	it('is one file: one inline script and one inline stylesheet, nothing loaded from elsewhere', () => {
		expect(scripts.length).toBe(1);
		expect(styles.length).toBe(1);
		expect(html).not.toMatch(/<(?:link|img|iframe|object|embed|base)\b|<script\s+src=|\ssrc="/i);
		// The rules are in the script (a rule id and its paper citation), not fetched.
		expect(scripts[0]).toContain('conditional-services/cooperation-required');
	});

	it('allows exactly that script and that stylesheet, by hash, and no request of any kind', () => {
		const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')] as [string, string]));
		expect(directives.get('default-src')).toBe("'none'");
		expect(directives.get('connect-src')).toBe("'none'");
		expect(directives.get('script-src')).toBe(sha256(scripts[0]!));
		expect(directives.get('style-src')).toBe(sha256(styles[0]!));
		expect(directives.get('form-action')).toBe("'none'");
		expect(csp).not.toMatch(/unsafe|'self'|https?:|\*/);
	});

	it('has no code that stores data or opens a connection', () => {
		for (const api of ['localStorage', 'sessionStorage', 'indexedDB', 'document.cookie', 'fetch(', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon']) {
			expect(scripts[0]!.includes(api), api).toBe(false);
		}
	});

	it('has the landmarks and the live regions the page’s script fills', () => {
		for (const landmark of ['<header class="page-header">', '<main id="main"', '<aside id="report-panel"', '<footer class="page-footer">']) expect(html).toContain(landmark);
		expect(html).toMatch(/<a class="skip-link" href="#main">/);
		expect(html).toMatch(/<p id="status" class="status" role="status">/);
		expect(html).toMatch(/<div id="error" class="error" role="alert" hidden>/);
	});
});
