import { Window, type HTMLAnchorElement } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { STATUS_LABELS, type Report } from '../../server/src/engine/report';
import { renderWebviewHtml } from '../../client/src/report/webviewHtml';
import { runReport } from './helpers';

// The HTML report's structure, read with a DOM library (happy-dom) on Node alone: what a screen reader and a
// browser get from the markup. How it looks (contrast, dark mode, print, screenshots) and the requests it
// makes are checked in a real browser by `npm run test:e2e` (test/e2e/report/html.chromium.test.ts).
const NONCE = 'dGVzdC1ub25jZS0xMjM0';
const html = runReport(['examples/draft-state-bill.md', '--format', 'html']);
const report = JSON.parse(runReport(['examples/draft-state-bill.md', '--format', 'json']).stdout) as Report;
const webviewHtml = renderWebviewHtml(report, NONCE, 'vscode-webview://test');

const windows: Window[] = [];
afterAll(async () => {
	for (const w of windows) await w.happyDOM.close();
});

/** The page as a browser parses it; its script (if any) runs only when `scripts` is given. */
function load(page: string, scripts?: string): Window {
	const window = new Window({ url: 'file:///report.html', settings: { enableJavaScriptEvaluation: scripts !== undefined, suppressInsecureJavaScriptEnvironmentWarning: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
	windows.push(window);
	if (scripts) window.eval(scripts);
	window.document.write(page);
	return window;
}

const texts = (elements: Iterable<{ textContent: string | null }>): string[] => [...elements].map((e) => (e.textContent ?? '').trim());

describe('the HTML report’s structure', () => {
	const document = load(html.stdout).document;

	it('is written by accountable report --format html', () => {
		expect(html.code, html.stderr).toBe(0);
		expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
	});

	it('has one h1, the section headings, a main landmark and a scorecard table with column and row headers', () => {
		expect(texts(document.querySelectorAll('h1'))).toEqual([report.document.title]);
		expect(texts(document.querySelectorAll('main h2'))).toEqual(['Summary', 'Scorecard', 'Recommendation areas', 'Language']);
		expect(document.querySelectorAll('main')).toHaveLength(1);
		const table = document.querySelector('main table')!;
		expect(table.querySelector('caption')?.textContent).toMatch(/recommendation areas/);
		expect(texts(table.querySelectorAll('thead th[scope="col"]'))).toEqual(['Recommendation area', 'Status', 'Evidence']);
		expect(texts(table.querySelectorAll('tbody th[scope="row"]'))).toEqual(report.areas.map((a) => a.title));
		expect(document.querySelector('html')!.getAttribute('lang')).toBe('en');
	});

	it('names its chart, and says in text what the chart shows', () => {
		const charts = [...document.querySelectorAll('svg[role="img"]')];
		expect(charts).toHaveLength(1);
		const names = charts[0]!.getAttribute('aria-labelledby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
		expect(names[0]).toBe('Recommendation areas by status');
		const counts = `Contradicted: ${report.summary.contradicted} area`;
		expect(names[1]).toContain(counts);
		expect(document.querySelector('figure figcaption')?.textContent).toContain(counts);
	});

	it('says each area’s status in words, in the table and in the area’s own heading, with a shape as well as a colour', () => {
		for (const area of report.areas) {
			const row = [...document.querySelectorAll('tbody tr')].find((r) => r.querySelector('th')?.textContent === area.title)!;
			expect(row, area.id).toBeDefined();
			expect(row.querySelector('td')!.textContent!.trim(), area.id).toBe(STATUS_LABELS[area.status]);
			expect(row.querySelector(`th a[href="#area-${area.id}"]`), 'the row links to the area').not.toBeNull();
			const heading = document.getElementById(`area-${area.id}-heading`)!;
			expect(heading.textContent).toContain(STATUS_LABELS[area.status]);
			expect(heading.querySelectorAll('.badge svg')).toHaveLength(1);
			expect(heading.querySelector('.badge svg')!.getAttribute('aria-hidden')).toBe('true');
		}
		const contradicted = report.areas.find((a) => a.status === 'contradicted')!;
		expect(document.getElementById(`area-${contradicted.id}`)!.textContent).toContain(contradicted.findings[0]!.quote);
	});

	it('loads nothing: a policy that allows no requests, no script, and no external references', () => {
		const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content');
		expect(csp).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline';");
		expect(document.querySelectorAll('script, link, iframe, img, object, embed')).toHaveLength(0);
		const references = [...document.querySelectorAll('[src], [href]')].map((e) => e.getAttribute('src') ?? e.getAttribute('href'));
		expect(references.length).toBeGreaterThan(0);
		expect(references.filter((r) => !r!.startsWith('#'))).toEqual([]);
		// CSS may refer to the page's own SVG pattern (url(#id)), never to a file or a host.
		const css = texts(document.querySelectorAll('style')).join('\n');
		expect(css).not.toMatch(/@import/);
		expect([...css.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]).filter((u) => !u!.startsWith('#'))).toEqual([]);
	});
});

// What VS Code provides around a webview: acquireVsCodeApi, recording posted messages here.
const VSCODE_STUB = 'window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} });';

describe('the report in webview mode (as VS Code shows it)', () => {
	it('declares a strict content security policy, with one nonce-allowed script and style and no inline styles', () => {
		const document = load(webviewHtml).document;
		const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
		expect(csp).toContain("default-src 'none'");
		expect(csp).toContain(`script-src 'nonce-${NONCE}'`);
		expect(csp).toContain(`style-src 'nonce-${NONCE}'`);
		expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
		expect([...document.querySelectorAll('script')].map((s) => s.getAttribute('nonce'))).toEqual([NONCE]);
		expect([...document.querySelectorAll('style')].map((s) => s.getAttribute('nonce'))).toEqual([NONCE]);
		expect(document.querySelectorAll('[style]')).toHaveLength(0);
		expect(webviewHtml).not.toMatch(/\son[a-z]+=/i); // no inline event handlers either
	});

	it('posts reveal (line, character), export and rule-documentation messages when clicked, and does not navigate', () => {
		const window = load(webviewHtml, VSCODE_STUB);
		const document = window.document;
		const first = report.areas.find((a) => a.findings.length > 0)!.findings[0]!;
		const button = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === `Go to line ${first.line}`)!;
		expect(button, `a "Go to line ${first.line}" button`).toBeDefined();
		button.click();
		const exportButton = (label: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === label)!;
		exportButton('Export HTML…').click();
		exportButton('Export Markdown…').click();
		document.querySelector<HTMLAnchorElement>('a.rule')!.click();
		expect((window as unknown as { __posted: unknown[] }).__posted).toEqual([
			{ type: 'reveal', line: first.range.start.line, character: first.range.start.character },
			{ type: 'export', format: 'html' },
			{ type: 'export', format: 'md' },
			{ type: 'openRule', url: first.docUrl },
		]);
		expect(window.location.href).toBe('file:///report.html');
	});
});
