import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantProposal } from '../../docx/fixtures';
import { ROOT, runCli } from '../../helpers/cli';
import { launchChromium } from '../chromium';

// The web page (out/web/index.html, built by npm run build) in Debian's Chromium through playwright-core,
// opened from disk as a user would: a Word document set into the file input and pasted Markdown give the
// CLI's findings; what cannot be read is an error; the page asks for nothing but its own file
// (checked in the browser's own request log); axe-core finds no serious or critical accessibility problem
// in light or dark; screenshots go to test-results/web/. Part of `npm run test:e2e -- web`
// (scripts/e2e/run-report.mjs with test/e2e/web/vitest.config.mts). Never skipped: without Chromium or the
// built page these tests fail and say what to do.
const PAGE_DIR = path.join(ROOT, 'out', 'web');
const PAGE_URL = pathToFileURL(path.join(PAGE_DIR, 'index.html')).href;
const RESULTS = path.join(ROOT, 'test-results', 'web');
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

const MARKDOWN = `# Services

Shelter shall be provided to a victim only if the victim is willing to testify against the trafficker.

Police shall conduct raids on massage parlours to rescue victims.
`;

let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let docxFile: string;
let downloads: string;
/** Every URL any page asked for, allowed or not. */
const requested: string[] = [];

interface CliFinding {
	ruleId: string;
	location?: { paragraph: number; headingPath: string[] };
	range: { start: { line: number } };
}

function cliFindings(file: string): CliFinding[] {
	const run = runCli(['--format', 'json', path.basename(file)], { cwd: path.dirname(file) });
	expect(run.code, run.stderr).toBeLessThan(2);
	return (JSON.parse(run.stdout) as Array<{ findings: CliFinding[] }>)[0]!.findings;
}

beforeAll(async () => {
	if (!fs.existsSync(path.join(PAGE_DIR, 'index.html'))) throw new Error(`${PAGE_DIR}/index.html is missing: run npm run build first`);
	fs.rmSync(RESULTS, { recursive: true, force: true });
	fs.mkdirSync(RESULTS, { recursive: true });
	docxFile = path.join(RESULTS, 'proposal.docx');
	fs.writeFileSync(docxFile, await grantProposal());
	downloads = path.join(RESULTS, 'downloads');
	fs.mkdirSync(downloads);

	const browser = await launchChromium('the web page tests', { viewport: { width: 1360, height: 900 }, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
	context = browser.context;
	closeBrowser = browser.close;
	context.on('request', (request) => requested.push(request.url()));
	// Only the page itself loads; anything else is refused (and still recorded above).
	await context.route('**', (route) => (route.request().url() === PAGE_URL ? route.continue() : route.abort()));
});

afterAll(async () => {
	await closeBrowser?.();
});

/** The page, with a record of Content-Security-Policy violations (injected by the driver, outside the page's policy). */
async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
	const page = await context.newPage();
	await page.addInitScript(`window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`);
	await page.emulateMedia({ colorScheme });
	await page.goto(PAGE_URL, { waitUntil: 'load' });
	await page.locator('body.ready').waitFor();
	return page;
}

async function reviewDocx(page: Page): Promise<void> {
	await page.locator('#file').setInputFiles(docxFile);
	await expect.poll(() => page.locator('#status').innerText(), { timeout: 30_000 }).toMatch(/findings? in proposal\.docx/);
}

/** The cards as the page shows them: rule id and place. */
async function shownFindings(page: Page): Promise<Array<{ ruleId: string; place: string }>> {
	const ids = await page.locator('li.finding .rule-id code').allTextContents();
	const places = await page.locator('li.finding .place').allTextContents();
	return ids.map((ruleId, i) => ({ ruleId, place: places[i]! }));
}

describe('the web page in Chromium, opened from disk', () => {
	it('runs its script and stylesheet, allowed by their hashes, from file:// with no violation', async () => {
		const page = await open();
		const csp = (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'))!;
		expect(csp).toContain("default-src 'none'");
		expect(csp).toContain("connect-src 'none'");
		expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-[A-Za-z0-9+/]+=*';/);
		expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|'self'|https?:/);
		expect(await page.evaluate('getComputedStyle(document.querySelector(".privacy")).borderLeftStyle')).toBe('solid');
		expect(await page.locator('#version').innerText()).toMatch(/^\d+\.\d+\.\d+/);
		expect(await page.evaluate('window.__violations')).toEqual([]);
		expect(await page.evaluate('typeof localStorage.length === "number" && localStorage.length + sessionStorage.length')).toBe(0);
		await page.close();
	});

	it('shows the CLI’s findings for a Word document set into the file input, at the same Word paragraphs', async () => {
		const cli = cliFindings(docxFile);
		expect(cli.length).toBeGreaterThanOrEqual(3);
		const page = await open();
		await reviewDocx(page);
		expect(await shownFindings(page)).toEqual(cli.map((f) => ({ ruleId: f.ruleId, place: f.location!.headingPath.length > 0 ? `¶${f.location!.paragraph} (${f.location!.headingPath.join(' › ')})` : `¶${f.location!.paragraph}` })));
		expect(await page.locator('#status').innerText()).toMatch(new RegExp(`^${cli.length} findings in proposal\\.docx`));
		// Each finding is marked in the document and its number links to the card.
		expect(await page.locator('#document a.finding-ref').count()).toBe(cli.length);
		expect(await page.locator('#document p.para').first().innerText()).toContain('Safe Harbor Grant Proposal');
		// The report beside it, with the same number of findings.
		expect(await page.locator('#report .lead').innerText()).toMatch(/^Of the paper’s 10 recommendation areas/);
		expect(await page.getByRole('button', { name: 'Download reviewed copy with comments (.docx)' }).isVisible()).toBe(true);
		await page.close();
	});

	it('shows the CLI’s findings for pasted Markdown', async () => {
		const file = path.join(RESULTS, 'pasted.md');
		fs.writeFileSync(file, MARKDOWN);
		const cli = cliFindings(file);
		expect(cli.map((f) => f.ruleId)).toContain('conditional-services/cooperation-required');
		const page = await open();
		await page.getByLabel('Or paste the text of a draft').fill(MARKDOWN);
		await page.getByRole('button', { name: 'Review pasted text' }).click();
		await expect.poll(() => page.locator('#status').innerText()).toMatch(/findings? in pasted text\.md/);
		expect(await shownFindings(page)).toEqual(cli.map((f) => ({ ruleId: f.ruleId, place: `Line ${f.range.start.line + 1}` })));
		// No Word copy for text.
		expect(await page.getByRole('button', { name: /reviewed copy/ }).isVisible()).toBe(false);
		await page.close();
	});

	it('reviews a file dropped on the page', async () => {
		const page = await open();
		const dropped = await page.evaluateHandle(`(() => { const d = new DataTransfer(); d.items.add(new File([${JSON.stringify(MARKDOWN)}], 'dropped.md', { type: 'text/markdown' })); return d; })()`);
		await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer: dropped });
		await expect.poll(() => page.locator('#status').innerText()).toMatch(/findings? in dropped\.md/);
		expect(await page.locator('li.finding .rule-id code').allTextContents()).toContain('conditional-services/cooperation-required');
		await page.close();
	});

	it('says clearly when a file cannot be reviewed, and shows no results', async () => {
		const page = await open();
		await reviewDocx(page);
		const pdf = path.join(RESULTS, 'draft.pdf');
		fs.writeFileSync(pdf, '%PDF-1.7\n');
		await page.locator('#file').setInputFiles(pdf);
		const alert = page.getByRole('alert');
		await expect.poll(() => alert.innerText()).toMatch(/^draft\.pdf is a \.pdf file, which Accountable does not review/);
		expect(await page.locator('#results').isVisible()).toBe(false);
		expect(await page.locator('#report-panel').isVisible()).toBe(false);
		const broken = path.join(RESULTS, 'broken.docx');
		fs.writeFileSync(broken, 'this is not a Word document');
		await page.locator('#file').setInputFiles(broken);
		await expect.poll(() => alert.innerText()).toMatch(/^broken\.docx is not a Word document \(\.docx\)/);
		expect(await page.locator('li.finding').count()).toBe(0);
		await page.close();
	});

	it('copies a model clause to the clipboard with its button', async () => {
		const page = await open();
		await reviewDocx(page);
		const button = page.locator('button.copy').first();
		// The clause exactly as the rule writes it, line breaks and all.
		const clause = await page.locator(`#${await button.getAttribute('data-copy')}`).textContent();
		await button.click();
		await expect.poll(() => page.locator('#status').innerText()).toBe('Copied to the clipboard.');
		expect(await page.evaluate('navigator.clipboard.readText()')).toBe(clause);
		await page.close();
	});

	it('downloads the report as HTML and Markdown, and the Word copy with a comment per finding, all made in the page', async () => {
		const page = await open();
		await reviewDocx(page);
		const count = await page.locator('li.finding').count();
		const download = async (name: string): Promise<{ file: string; suggested: string }> => {
			const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
			const file = path.join(downloads, d.suggestedFilename());
			await d.saveAs(file);
			return { file, suggested: d.suggestedFilename() };
		};
		const html = await download('Download report (HTML)');
		expect(html.suggested).toBe('proposal.report.html');
		const htmlText = fs.readFileSync(html.file, 'utf8');
		expect(htmlText).toContain('<title>Accountability report: Safe Harbor Grant Proposal</title>');
		expect(htmlText).toContain(`${count} findings`);
		const md = await download('Download report (Markdown)');
		expect(md.suggested).toBe('proposal.report.md');
		// The CLI's report of the same file, word for word (made on the same day).
		const cli = runCli(['report', 'proposal.docx', '--format', 'md'], { cwd: RESULTS });
		expect(cli.code, cli.stderr).toBe(0);
		expect(fs.readFileSync(md.file, 'utf8')).toBe(cli.stdout);
		const docx = await download('Download reviewed copy with comments (.docx)');
		expect(docx.suggested).toBe('proposal.reviewed.docx');
		const comments = await (await JSZip.loadAsync(fs.readFileSync(docx.file))).file('word/comments.xml')!.async('string');
		expect(comments.match(/w:author="Accountable"/g)!.length).toBe(count + 1);
		await page.close();
	});

	it('reaches each finding by keyboard: skip link first, then the document’s finding numbers lead to their cards', async () => {
		const page = await open();
		await page.keyboard.press('Tab');
		expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to the review');
		await page.keyboard.press('Enter');
		expect(await page.evaluate('document.activeElement.id')).toBe('main');
		await reviewDocx(page);
		await page.locator('#main').focus();
		const visited: string[] = [];
		for (let i = 0; i < 30 && visited.at(-1) !== 'at-1'; i++) {
			await page.keyboard.press('Tab');
			visited.push((await page.evaluate('document.activeElement.id || document.activeElement.tagName')) as string);
		}
		expect(visited.at(-1), `Tab order: ${visited.join(', ')}`).toBe('at-1');
		// A visible focus indicator on the finding number.
		expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
		await page.keyboard.press('Enter');
		expect(new URL(page.url()).hash).toBe('#finding-1');
		expect(await page.evaluate('document.querySelector(":target").id')).toBe('finding-1');
		await page.close();
	});

	for (const scheme of ['light', 'dark'] as const) {
		it(`has no serious or critical accessibility violation (axe-core, ${scheme}), before and after a review`, async () => {
			const page = await open(scheme);
			// Run by the driver, not loaded by the page: the page's policy allows no other script.
			await page.evaluate(fs.readFileSync(AXE, 'utf8'));
			const audit = async (): Promise<string[]> => {
				const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };
				return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
			};
			expect(await audit(), 'empty page').toEqual([]);
			await reviewDocx(page);
			expect(await audit(), 'reviewed Word document').toEqual([]);
			await page.close();
		});
	}

	it('renders to screenshots (test-results/web/*.png), light and dark, wide and narrow', async () => {
		for (const scheme of ['light', 'dark'] as const) {
			const page = await open(scheme);
			await page.screenshot({ path: path.join(RESULTS, `start-${scheme}.png`) });
			await reviewDocx(page);
			const file = path.join(RESULTS, `reviewed-${scheme}.png`);
			await page.screenshot({ path: file, fullPage: true });
			// A blank page compresses to a few kilobytes; a rendered review does not.
			expect(fs.statSync(file).size).toBeGreaterThan(100_000);
			await page.setViewportSize({ width: 420, height: 900 });
			await page.screenshot({ path: path.join(RESULTS, `narrow-${scheme}.png`) });
			await page.close();
		}
	});

	it('asked for nothing but its own file', () => {
		expect(requested.length).toBeGreaterThan(0);
		// Downloads are made from Blob links in memory: they are not requests either.
		expect([...new Set(requested)]).toEqual([PAGE_URL]);
	});
});
