import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_LABELS, type Report } from '../../../server/src/engine/report';
import { renderWebviewHtml } from '../../../client/src/report/webviewHtml';
import { ROOT, runReport } from '../../report/helpers';
import { launchChromium } from '../chromium';

// The standalone HTML report, rendered by Debian's Chromium through playwright-core: what needs a real browser
// (computed colours and contrast, dark mode, print and PDF, screenshots, the requests the page makes, the CSP
// enforced). Part of `npm run test:e2e` (scripts/e2e/run-report.mjs), which installs Chromium first; the
// structure of the page is checked on Node alone by test/report/html.test.ts. Never skipped: without Chromium
// these tests fail and say how to install it.
const RESULTS = path.join(ROOT, 'test-results', 'report');

let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let htmlFile: string;
let webviewFile: string;
const NONCE = 'dGVzdC1ub25jZS0xMjM0';
let report: Report;
/** Every URL the page asked for, whether or not it was allowed. */
const requested: string[] = [];

beforeAll(async () => {
	const browser = await launchChromium('the HTML report tests', { viewport: { width: 1100, height: 900 } });
	context = browser.context;
	closeBrowser = browser.close;
	fs.mkdirSync(RESULTS, { recursive: true });
	htmlFile = path.join(RESULTS, 'draft-state-bill.html');
	const html = runReport(['examples/draft-state-bill.md', '--format', 'html', '--output', htmlFile]);
	// Written even when a rule pack has a problem (exit code 2, tested in cli.test.ts); here only the page matters.
	expect(fs.existsSync(htmlFile), html.stderr).toBe(true);
	const json = runReport(['examples/draft-state-bill.md', '--format', 'json']);
	report = JSON.parse(json.stdout) as Report;

	webviewFile = path.join(RESULTS, 'webview.html');
	fs.writeFileSync(webviewFile, renderWebviewHtml(report, NONCE, 'vscode-webview://test'));
	const pages = new Set([pathToFileURL(htmlFile).href, pathToFileURL(webviewFile).href]);
	context.on('request', (request) => requested.push(request.url()));
	// Anything but the two report pages is refused (and still recorded above).
	await context.route('**', (route) => (pages.has(route.request().url()) ? route.continue() : route.abort()));
});

afterAll(async () => {
	await closeBrowser?.();
});

async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
	const page = await context.newPage();
	await page.emulateMedia({ colorScheme, media: 'screen' });
	await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
	return page;
}

// Run in the page; `globalThis` there is the window (this project's TypeScript has no DOM types).
/* eslint-disable @typescript-eslint/no-explicit-any */
const BADGE_COLOURS = (els: any[]): unknown =>
	els.map((el) => {
		const w = globalThis as any;
		return { status: el.getAttribute('data-status'), fg: w.getComputedStyle(el.querySelector('.badge-text')).color, bg: w.getComputedStyle(el).backgroundColor, page: w.getComputedStyle(w.document.body).backgroundColor };
	});
const BODY_BACKGROUND = 'getComputedStyle(document.body).backgroundColor';
const PRINTED_COLOURS = `({
	body: getComputedStyle(document.body).backgroundColor,
	text: getComputedStyle(document.body).color,
	badge: getComputedStyle(document.querySelector('.badge')).backgroundColor,
})`;

/** WCAG 2 contrast ratio of two CSS rgb()/rgba() colours (the background assumed opaque). */
function contrast(fg: string, bg: string): number {
	const channels = (css: string): number[] => {
		const m = css.match(/rgba?\(([^)]+)\)/);
		if (!m) throw new Error(`not an rgb colour: ${css}`);
		return m[1]!.split(/[ ,/]+/).filter(Boolean).slice(0, 3).map(Number);
	};
	const luminance = (css: string): number => {
		const [r, g, b] = channels(css).map((v) => {
			const c = v / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
	};
	const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
	return (a! + 0.05) / (b! + 0.05);
}

describe('the HTML report in Chromium', () => {
	it('has one h1, the section headings, a main landmark and a scorecard table with row headers', async () => {
		const page = await open();
		expect(await page.locator('h1').allTextContents()).toEqual([report.document.title]);
		expect(await page.locator('main h2').allTextContents()).toEqual(['Summary', 'Scorecard', 'Recommendation areas', 'Language']);
		expect(await page.getByRole('main').count()).toBe(1);
		const table = page.getByRole('table', { name: /recommendation areas/ });
		expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Recommendation area', 'Status', 'Evidence']);
		expect(await table.getByRole('rowheader').allTextContents()).toEqual(report.areas.map((a) => a.title));
		expect(await page.getByRole('img', { name: 'Recommendation areas by status' }).count()).toBe(1);
		await page.close();
	});

	it('says each area’s status in words, in the table and in the area’s own heading', async () => {
		const page = await open();
		for (const area of report.areas) {
			const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: area.title, exact: true }) });
			expect((await row.getByRole('cell').first().innerText()).trim(), area.id).toBe(STATUS_LABELS[area.status]);
			const heading = page.locator(`#area-${area.id}-heading`);
			expect(await heading.innerText()).toContain(STATUS_LABELS[area.status]);
			// Colour is never the only cue: every badge carries a shape too.
			expect(await heading.locator('.badge svg').count()).toBe(1);
		}
		const contradicted = report.areas.find((a) => a.status === 'contradicted')!;
		expect(await page.locator(`#area-${contradicted.id}`).innerText()).toContain(contradicted.findings[0]!.quote);
		await page.close();
	});

	it('asks for nothing over the network', async () => {
		const page = await open();
		await page.close();
		const self = pathToFileURL(htmlFile).href;
		expect(requested.length).toBeGreaterThan(0);
		expect(requested.filter((url) => url !== self && !url.startsWith('data:'))).toEqual([]);
	});

	for (const scheme of ['light', 'dark'] as const) {
		it(`gives status badges a contrast of at least 4.5:1 (${scheme})`, async () => {
			const page = await open(scheme);
			const badges = (await page.locator('.badge').evaluateAll(BADGE_COLOURS)) as { status: string; fg: string; bg: string; page: string }[];
			expect(new Set(badges.map((b) => b.status))).toEqual(new Set(report.areas.map((a) => a.status)));
			for (const b of badges) {
				const bg = /rgba\(.*,\s*0\)$/.test(b.bg) || b.bg === 'transparent' ? b.page : b.bg;
				expect(contrast(b.fg, bg), `${b.status}: ${b.fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
			}
			const body = await page.evaluate(BODY_BACKGROUND);
			if (scheme === 'dark') expect(body).toBe('rgb(23, 24, 26)');
			else expect(body).toBe('rgb(255, 255, 255)');
			await page.close();
		});
	}

	it('prints: the print stylesheet applies (light, no badge backgrounds) and a PDF is produced', async () => {
		const page = await open('dark');
		await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
		const printed = (await page.evaluate(PRINTED_COLOURS)) as { body: string; text: string; badge: string };
		expect(printed.body).toBe('rgb(255, 255, 255)');
		expect(printed.text).toBe('rgb(26, 26, 26)');
		expect(printed.badge).toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.length).toBeGreaterThan(20_000);
		fs.writeFileSync(path.join(RESULTS, 'draft-state-bill.pdf'), pdf);
		await page.close();
	});

	it('renders to a screenshot (test-results/report/*.png, looked at by eye once)', async () => {
		for (const scheme of ['light', 'dark'] as const) {
			const page = await open(scheme);
			const file = path.join(RESULTS, `draft-state-bill-${scheme}.png`);
			await page.screenshot({ path: file, fullPage: true });
			const size = fs.statSync(file).size;
			// A blank page compresses to a few kilobytes; a rendered report with text and a chart does not.
			expect(size).toBeGreaterThan(60_000);
			const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
			expect(height).toBeGreaterThan(1500);
			await page.close();
		}
	});
});

// What VS Code provides around a webview: acquireVsCodeApi (recording posted messages here) and the theme's
// --vscode-* variables on <html>. Injected by the browser driver, so the page's CSP does not apply to it.
const VSCODE_STUB = `
	window.__posted = [];
	window.__violations = [];
	window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} });
	document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
	document.addEventListener('DOMContentLoaded', () => {
		const s = document.documentElement.style;
		s.setProperty('--vscode-editor-background', '#1e1e1e');
		s.setProperty('--vscode-editor-foreground', '#d4d4d4');
		s.setProperty('--vscode-errorForeground', '#f48771');
	});
`;

describe('the report in webview mode (as VS Code shows it)', () => {
	async function openWebview(): Promise<Page> {
		const page = await context.newPage();
		await page.addInitScript(VSCODE_STUB);
		await page.goto(pathToFileURL(webviewFile).href, { waitUntil: 'load' });
		return page;
	}

	it('declares a strict content security policy, and its nonce-allowed script runs with no violation', async () => {
		const html = fs.readFileSync(webviewFile, 'utf8');
		const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)![1]!;
		expect(csp).toContain("default-src 'none'");
		expect(csp).toContain(`script-src 'nonce-${NONCE}'`);
		expect(csp).toContain(`style-src 'nonce-${NONCE}'`);
		expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
		expect(html).not.toMatch(/\sstyle="/);
		const page = await openWebview();
		expect(await page.evaluate(`document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`)).toBe(csp);
		expect(await page.locator('script').count()).toBe(1);
		await page.getByRole('button', { name: `Go to line ${report.areas.find((a) => a.findings.length > 0)!.findings[0]!.line}` }).first().click();
		expect(await page.evaluate('window.__violations')).toEqual([]);
		await page.close();
	});

	it('posts reveal (line, character), export and rule-documentation messages when clicked', async () => {
		const page = await openWebview();
		const first = report.areas.find((a) => a.findings.length > 0)!.findings[0]!;
		await page.getByRole('button', { name: `Go to line ${first.line}` }).first().click();
		await page.getByRole('button', { name: 'Export HTML…' }).click();
		await page.getByRole('button', { name: 'Export Markdown…' }).click();
		await page.locator('a.rule').first().click();
		const posted = (await page.evaluate('window.__posted')) as unknown[];
		expect(posted).toEqual([
			{ type: 'reveal', line: first.range.start.line, character: first.range.start.character },
			{ type: 'export', format: 'html' },
			{ type: 'export', format: 'md' },
			{ type: 'openRule', url: first.docUrl },
		]);
		// The rule link did not navigate away.
		expect(page.url()).toBe(pathToFileURL(webviewFile).href);
		await page.close();
	});

	it('takes its colours from the VS Code theme variables', async () => {
		const page = await openWebview();
		const colours = (await page.evaluate(`({
			body: getComputedStyle(document.body).backgroundColor,
			text: getComputedStyle(document.body).color,
			badgeText: getComputedStyle(document.querySelector('.badge-contradicted .badge-text')).color,
			badgeBorder: getComputedStyle(document.querySelector('.badge-contradicted')).borderTopColor,
		})`)) as Record<string, string>;
		expect(colours).toEqual({ body: 'rgb(30, 30, 30)', text: 'rgb(212, 212, 212)', badgeText: 'rgb(212, 212, 212)', badgeBorder: 'rgb(244, 135, 113)' });
		expect(contrast(colours.badgeText!, colours.body!)).toBeGreaterThanOrEqual(4.5);
		await page.close();
	});
});
