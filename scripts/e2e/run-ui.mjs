#!/usr/bin/env node
// The packaged extension in the real VS Code workbench (code-server, driven by headless Chromium): builds the
// .vsix with `npm run package`, installs it into code-server the way a user would, opens the bundled example
// (examples/draft-state-bill.md) and checks what a user sees: squiggles, the Problems panel, the status bar,
// a hover that cites the paper, and the accountability report webview, whose evidence items are clicked to
// move the cursor; then a Word document opened from the Explorer in the Word review editor. Takes screenshots of
// the squiggle and the hover, the report beside the draft and the Word review editor into test-results/;
// last, the same workbench in Spanish (code-server --locale es).
// Writes test-results/e2e-ui.json. Needs CODE_SERVER_NODE and CODE_SERVER_ENTRY (scripts/e2e/install.sh).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockNetwork, installVsix, launchChromium, makeProfile, openInWorkbench, quickInput, startCodeServer } from './code-server.mjs';
import { buildVsix, checkPng } from './vsix.mjs';
import { Checks } from './results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = path.join(root, 'test-results');
const resultsFile = process.argv[2] ?? path.join(resultsDir, 'e2e-ui.json');
const screenshot = path.join(resultsDir, 'e2e-squiggle-and-hover.png');
const reportScreenshot = path.join(resultsDir, 'e2e-report-beside-draft.png');
const wordScreenshot = path.join(resultsDir, 'e2e-word-review.png');
const walkthroughScreenshot = path.join(resultsDir, 'e2e-walkthrough.png');
const ruleDocScreenshot = path.join(resultsDir, 'e2e-rule-documentation.png');
const settingsScreenshot = path.join(resultsDir, 'e2e-settings.png');
const spanishScreenshot = path.join(resultsDir, 'e2e-spanish.png');
const WORD_DOCUMENT = 'proposal.docx';
const DAMAGED_DOCUMENT = 'cut.docx';
const EXAMPLE = 'draft-state-bill.md';
const COOPERATION = 'conditional-services/cooperation-required';
const VIEWPORT = { width: 1400, height: 900 };
const WAIT = { timeout: Number(process.env.ACCOUNTABLE_E2E_UI_TIMEOUT_MS ?? 90000) };
/** The 1-based line of the example's sentence that makes services conditional on cooperation. */
function cooperationLine(workspace) {
	const line = fs.readFileSync(path.join(workspace, EXAMPLE), 'utf8').split('\n').findIndex((l) => l.includes('Victims who assist in the investigation')) + 1;
	assert.ok(line > 0, `the example no longer has the sentence the UI test hovers`);
	return line;
}

/** Waits until the status bar's "Ln N, Col M" (where a user reads the cursor's position) shows line `wanted`. */
async function waitForCursorLine(page, wanted) {
	const position = page.locator('[id="status.editor.selection"]');
	const deadline = Date.now() + WAIT.timeout;
	let seen = '';
	while (!new RegExp(`^Ln ${wanted}, Col \\d+`).test(seen)) {
		assert.ok(Date.now() < deadline, `the status bar to show the cursor on line ${wanted}; it shows ${JSON.stringify(seen)}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
		seen = ((await position.count()) ? await position.innerText() : '').trim();
	}
}

/** A button of the active editor's title bar, by its label (shown as its tooltip). */
function titleAction(page, label) {
	const group = '.editor-group-container.active .action-label';
	return page.locator(`${group}[aria-label*="${label}"], ${group}[title*="${label}"]`).first();
}

/** The webview page (in VS Code's host iframe) that has `selector`: the Word review editor's, or the report's. */
async function frameWith(page, selector) {
	const deadline = Date.now() + WAIT.timeout;
	for (;;) {
		for (const frame of page.frames()) {
			if (await frame.$(selector).catch(() => null)) return frame;
		}
		assert.ok(Date.now() < deadline, `a webview showing ${selector}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Runs a check's steps; when one fails, keeps a screenshot of the workbench as it was (e2e-<name>-failure.png). */
async function withFailureScreenshot(page, name, steps) {
	try {
		await steps();
	} catch (error) {
		await page.screenshot({ path: path.join(resultsDir, `e2e-${name}-failure.png`) }).catch(() => {});
		throw error;
	}
}

/** Runs a command from the Command Palette, as a keyboard user does. */
async function runCommand(page, title) {
	await quickInput(page, 'Control+Shift+P', `>${title}`, `.quick-input-list .monaco-list-row[aria-label*="${title.replace(/^[^:]+: /, '')}"]`, WAIT);
}

/** Opens a workspace file by name with Quick Open. */
async function quickOpen(page, name) {
	// Enter does nothing until Quick Open has its result row.
	await quickInput(page, 'Control+P', name, `.quick-input-list .monaco-list-row[aria-label*="${name}"]`, WAIT);
}

/** Moves the cursor of the active editor with Go to Line (`line:column`). */
async function goToLine(page, where) {
	await quickInput(page, 'Control+G', `:${where}`, undefined, WAIT);
}

/** The content frame of the webview that shows `text` in a `selector` element (webviews nest the page in an inner frame). */
async function webviewFrameWith(page, selector, text) {
	const deadline = Date.now() + WAIT.timeout;
	for (;;) {
		for (const frame of page.frames()) {
			const texts = await frame.locator(selector).allInnerTexts().catch(() => []);
			if (texts.some((t) => t.includes(text))) return frame;
		}
		assert.ok(Date.now() < deadline, `a webview showing "${text}" in ${selector}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/**
 * Points the mouse at the text cursor (put inside a finding's squiggled words) until the hover shows the
 * finding with the server's explanation (`explained`: its first heading); the diagnostic's part shows first.
 * The first move can land before the editor has laid out the line: move away and back until it shows.
 */
async function hoverAtCursor(page, explained) {
	const hover = page.locator('.monaco-hover:visible').filter({ hasText: COOPERATION }).filter({ hasText: explained });
	const cursor = page.locator('.editor-instance .monaco-editor .cursors-layer .cursor').first();
	const deadline = Date.now() + WAIT.timeout;
	for (let attempt = 0; !(await hover.count()); attempt++) {
		assert.ok(Date.now() < deadline, `no hover with "${explained}" before the deadline`);
		const box = await cursor.boundingBox();
		if (box) {
			await page.mouse.move(box.x + 200, box.y - 150);
			await page.mouse.move(box.x + 4, box.y + box.height / 2, { steps: 5 });
		}
		await hover.first().waitFor({ state: 'visible', timeout: 2000 + attempt * 500 }).catch(() => {});
	}
	return hover;
}

/**
 * VS Code switches its display language only to one with a language pack, which comes from the marketplace,
 * out of reach here. This registers an empty Spanish pack (VS Code's own words stay English) the way VS Code
 * records installed packs (languagepacks.json in the user data folder), so code-server --locale es runs the
 * workbench in Spanish and extensions get their Spanish package.nls and l10n bundle.
 */
function installEmptyLanguagePack(profile, locale) {
	const id = `accountable-e2e.language-pack-${locale}`;
	const source = path.join(profile.dir, 'language-pack');
	fs.mkdirSync(path.join(source, 'translations'), { recursive: true });
	const localization = { languageId: locale, languageName: locale, localizedLanguageName: locale, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] };
	fs.writeFileSync(path.join(source, 'package.json'), JSON.stringify({ name: id.split('.')[1], publisher: id.split('.')[0], version: '0.0.1', license: 'MIT', engines: { vscode: '*' }, categories: ['Language Packs'], contributes: { localizations: [localization] } }));
	fs.writeFileSync(path.join(source, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
	fs.writeFileSync(path.join(source, 'LICENSE'), 'MIT');
	fs.writeFileSync(path.join(source, 'README.md'), 'An empty language pack for the workbench check.');
	const vsix = path.join(profile.dir, 'language-pack.vsix');
	execFileSync(path.join(root, 'node_modules', '.bin', 'vsce'), ['package', '--allow-missing-repository', '--out', vsix], { cwd: source, stdio: 'pipe', timeout: 120000 });
	installVsix(profile, vsix);
	const folder = fs.readdirSync(profile.extensionsDir).find((f) => f.startsWith(`${id}-`));
	assert.ok(folder, `the language pack is installed: ${fs.readdirSync(profile.extensionsDir)}`);
	const pack = { hash: `accountable-e2e-${locale}`, extensions: [{ extensionIdentifier: { id }, version: '0.0.1' }], translations: { vscode: path.join(profile.extensionsDir, folder, 'translations', 'main.i18n.json') }, label: locale };
	fs.writeFileSync(path.join(profile.userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

/** The report webview: VS Code's host iframe holding the extension's page. */
function reportFrame(page) {
	return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

async function main() {
	const checks = new Checks('vscode-ui');
	const started = Date.now();
	const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-ui-'));
	const workspace = path.join(work, 'ws');
	fs.mkdirSync(workspace);
	fs.copyFileSync(path.join(root, 'examples', EXAMPLE), path.join(workspace, EXAMPLE));
	// A Word grant proposal with three findings (test/docx/fixtures.ts, bundled by scripts/e2e/build.mjs).
	const { grantProposal, truncatedDocx } = createRequire(import.meta.url)(path.join(root, 'out', 'e2e', 'docxFixtures.js'));
	fs.writeFileSync(path.join(workspace, WORD_DOCUMENT), await grantProposal());
	fs.writeFileSync(path.join(workspace, DAMAGED_DOCUMENT), await truncatedDocx());
	fs.mkdirSync(resultsDir, { recursive: true });
	for (const shot of [screenshot, reportScreenshot, wordScreenshot, walkthroughScreenshot, ruleDocScreenshot, settingsScreenshot, path.join(resultsDir, 'e2e-report-failure.png'), path.join(resultsDir, 'e2e-word-failure.png'), path.join(resultsDir, 'e2e-walkthrough-failure.png'), path.join(resultsDir, 'e2e-rule-documentation-failure.png'), path.join(resultsDir, 'e2e-settings-failure.png'), spanishScreenshot, path.join(resultsDir, 'e2e-spanish-failure.png')]) fs.rmSync(shot, { force: true });
	const profile = makeProfile('cs-ui-');
	let server;
	let browser;
	let page;
	let installed = false;
	let vsix;
	let spanish;
	let blocked = [];
	try {
		await checks.check('npm run package builds a .vsix and code-server installs it as accountable.accountable', () => {
			vsix = buildVsix(path.join(work, 'src'));
			const output = installVsix(profile, vsix);
			const folders = fs.readdirSync(profile.extensionsDir).filter((f) => f.startsWith('accountable.accountable-'));
			assert.equal(folders.length, 1, `installed: ${output}`);
			assert.ok(fs.existsSync(path.join(profile.extensionsDir, folders[0], 'out', 'server.js')));
			installed = true;
			console.log(`    ${path.basename(vsix)} (${fs.statSync(vsix).size} bytes) installed at ${seconds()}`);
		});

		await checks.check(`the installed extension reviews ${EXAMPLE}: squiggles in the editor`, async () => {
			assert.ok(installed, 'the .vsix was not installed');
			server = await startCodeServer(profile);
			browser = await launchChromium(profile);
			page = await browser.newPage({ viewport: VIEWPORT });
			blocked = await blockNetwork(page);
			await openInWorkbench(page, server, workspace, EXAMPLE, WAIT);
			await page.waitForSelector('.editor-instance .monaco-editor .squiggly-error', WAIT);
			console.log(`    squiggles at ${seconds()}`);
		});

		await checks.check('the Problems panel lists the findings with source accountable and rule ids; the status bar counts them', async () => {
			assert.ok(page, 'the workbench did not open');
			await page.keyboard.press('Control+Shift+M');
			await page.waitForSelector(`.markers-panel .monaco-list-row:has-text("${COOPERATION}")`, WAIT);
			// The list is virtual (only visible rows exist); the file row carries the count of all its problems.
			const rows = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
			const fileRow = rows.find((r) => r.startsWith(EXAMPLE));
			const total = Number(/^\S+?(\d+)$/.exec(fileRow ?? '')?.[1] ?? 0);
			assert.ok(total >= 10, `at least 10 problems on the example: ${JSON.stringify(rows)}`);
			const findings = rows.filter((r) => /accountable[a-z-]+\/[a-z0-9-]+\[Ln \d+, Col \d+\]$/.test(r));
			assert.ok(findings.length >= 5, `finding rows name source and rule: ${JSON.stringify(rows)}`);
			assert.ok(findings.some((r) => r.includes(`accountable${COOPERATION}[Ln ${cooperationLine(workspace)},`)), JSON.stringify(findings));
			const status = await page.$$eval('.statusbar-item', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
			const ours = status.find((s) => s.startsWith('Accountable:'));
			assert.match(ours ?? '', /^Accountable: \d+ findings \(\d+ errors?\) in this document/, JSON.stringify(status));
			await page.keyboard.press('Control+Shift+M'); // close the panel again: more room for the editor in the screenshot
		});

		await checks.check('hovering the squiggle shows the finding, the paper (¶) and what to write instead; screenshot taken', async () => {
			assert.ok(page, 'the workbench did not open');
			// Put the squiggled sentence in view (Go to Line), then point the mouse at its squiggle.
			const line = cooperationLine(workspace);
			await page.locator('.editor-instance .monaco-editor textarea').first().focus();
			await goToLine(page, `${line}:20`);
			const hover = await hoverAtCursor(page, 'What to write instead');
			const text = await hover.first().innerText();
			assert.match(text, /¶\s?\d+/, `the hover cites the paper: ${text}`);
			assert.match(text, /cooperating with law enforcement/, text);
			assert.match(text, /What to write instead/, text);
			await page.screenshot({ path: screenshot });
			// The hover was still up when the shot was taken (the DOM is checked after the shot, too).
			assert.ok((await hover.count()) > 0, 'the hover went away during the screenshot');
			console.log(`    hover and screenshot at ${seconds()}: ${path.relative(root, screenshot)}`);
		});

		await checks.check('the screenshot is a PNG of the whole workbench', () => {
			const size = checkPng(screenshot, VIEWPORT);
			console.log(`    ${size} bytes`);
		});

		await checks.check('Show Accountability Report opens the report beside the draft; clicking a finding in it moves the cursor to that line', async () => {
			assert.ok(page, 'the workbench did not open');
			const line = cooperationLine(workspace);
			try {
				// Start away from the finding's line, so the click has somewhere to move the cursor to.
				await page.keyboard.press('Escape');
				await goToLine(page, '1:1');
				await waitForCursorLine(page, 1);
				await runCommand(page, 'Accountable: Show Accountability Report');
				await page.waitForSelector(`.tabs-container .tab[aria-label*="Accountability report: ${EXAMPLE}"]`, WAIT);
				const report = reportFrame(page);
				await report.locator('.kicker').filter({ hasText: 'Accountability report' }).waitFor(WAIT);
				const title = /^# (.+)$/m.exec(fs.readFileSync(path.join(workspace, EXAMPLE), 'utf8'))?.[1];
				assert.equal(await report.locator('h1').innerText(), title, 'the report is titled with the draft\'s title');
				const area = report.locator('#area-unconditional-services');
				assert.match(await area.locator('h3').innerText(), /Contradicted/, 'the status is written, not only coloured');
				const item = area.locator('.items-finding li').filter({ hasText: COOPERATION });
				const button = item.locator('button.reveal');
				assert.equal(await button.getAttribute('aria-label'), `Go to line ${line}`);
				await button.click();
				await waitForCursorLine(page, line);
				// The draft's editor has the focus again, with the cursor on the finding's line.
				const active = await page.locator('.editor-group-container.active .tabs-container .tab.active').getAttribute('aria-label');
				assert.match(active ?? '', new RegExp(EXAMPLE.replace('.', '\\.')), 'the draft is the active editor');
				// …and the line is scrolled into view: its number is shown as the active line's (the text itself
				// wraps in the narrowed editor, so it is not one DOM line).
				await page.locator('.editor-group-container.active .monaco-editor .line-numbers.active-line-number').filter({ hasText: new RegExp(`^\\s*${line}\\s*$`) }).waitFor(WAIT);
				await page.screenshot({ path: reportScreenshot });
				checkPng(reportScreenshot, VIEWPORT);
			} catch (error) {
				await page.screenshot({ path: path.join(resultsDir, 'e2e-report-failure.png') }).catch(() => {});
				throw error;
			}
			console.log(`    report clicked, cursor on line ${line} at ${seconds()}: ${path.relative(root, reportScreenshot)}`);
		});

		await checks.check('double-clicking a .docx in the Explorer opens the Word review editor: the document as formatted text with the findings highlighted, a card on hover and from the keyboard (the list, F8, Esc); the Problems panel names Word paragraphs and headings; the report beside moves the focus to the paragraph', async () => {
			assert.ok(page, 'the workbench did not open');
			try {
				// Close the draft and its report (and the report's group) first: the Problems panel then lists the Word
				// document's problems alone.
				await runCommand(page, 'View: Close All Editor Groups');
				await page.waitForSelector('.tabs-container .tab', { state: 'detached', timeout: WAIT.timeout });
				// The secondary side bar (chat), if the workbench opened one, only narrows the editors.
				if (await page.locator('[id="workbench.parts.auxiliarybar"]').isVisible()) await page.keyboard.press('Control+Alt+B');
				const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${WORD_DOCUMENT}"]`);
				await row.waitFor(WAIT);
				await row.dblclick();
				await page.waitForSelector(`.editor-group-container.active .tabs-container .tab.active[aria-label*="${WORD_DOCUMENT}"]`, WAIT);
				const word = await frameWith(page, 'article.document');
				// Not VS Code's "binary or unsupported text encoding" page, and not Markdown source: Word's headings,
				// numbered list and table as the reader sees them.
				assert.equal(await page.getByText('binary or uses an unsupported text encoding').count(), 0, 'VS Code\'s binary-file page');
				await word.locator('h2').filter({ hasText: 'Budget' }).waitFor(WAIT);
				assert.equal(await word.locator('article.document ol > li').count(), 2, 'the numbered list');
				assert.equal(await word.locator('article.document table tr').count(), 3, 'the table');
				const text = await word.locator('article.document').innerText();
				assert.doesNotMatch(text, /^#|\| --- \||\\\./m, 'no Markdown syntax');
				// Each finding is highlighted on its words: ¶14, a table cell, has the cooperation condition marked.
				assert.equal(await word.locator('mark.finding').count(), 5, 'five highlighted findings');
				const cell = word.locator('td #p14 mark.finding');
				assert.equal(await cell.innerText(), 'Benefits are available only to victims who cooperate');
				// The list at the top names each finding's Word paragraph and headings.
				assert.match(await word.locator('.finding-list').innerText(), /¶14 \(SEC\. 5 › Budget\)/);
				// Hovering the words shows the finding: what is wrong, why (with the paper's ¶), what to write instead, links.
				await cell.hover();
				const card = word.locator('#popup:not([hidden])');
				await card.waitFor(WAIT);
				const shown = await card.innerText();
				assert.match(shown, new RegExp(COOPERATION));
				assert.match(shown, /¶14 \(SEC\. 5 › Budget\)/);
				assert.match(shown, /Why\.[^]*¶\s?\d+/);
				assert.match(shown, /What to write instead\./);
				assert.match(shown, /Rule documentation · Accountability report/);
				// From the keyboard: the list's entry for ¶14 moves the focus to its words, and the card shows.
				await page.mouse.move(0, 0);
				await word.locator('#popup').waitFor({ state: 'hidden', timeout: WAIT.timeout });
				await word.locator('.finding-list button.goto').filter({ hasText: '¶14 (SEC. 5 › Budget)' }).focus();
				await page.keyboard.press('Enter');
				assert.equal(await word.evaluate(() => document.activeElement?.closest('#p14')?.id ?? ''), 'p14', 'Enter on the list entry focuses the words of ¶14');
				await word.locator('#popup:not([hidden])').filter({ hasText: COOPERATION }).waitFor(WAIT);
				await page.keyboard.press('Escape');
				await word.locator('#popup').waitFor({ state: 'hidden', timeout: WAIT.timeout });
				// F8 and Shift+F8 move between the findings' words (¶14 is the third of five; ¶15 the fourth).
				await page.keyboard.press('F8');
				assert.equal(await word.evaluate(() => document.activeElement?.closest('[data-paragraph]')?.id ?? ''), 'p15', 'F8 moves to the next finding');
				await page.keyboard.press('Shift+F8');
				assert.equal(await word.evaluate(() => document.activeElement?.closest('[data-paragraph]')?.id ?? ''), 'p14', 'Shift+F8 moves back');
				await page.keyboard.press('Escape');
				await word.locator('#popup').waitFor({ state: 'hidden', timeout: WAIT.timeout });
				// The editor title offers the report and the commented copy.
				for (const title of ['Show Accountability Report', 'Save Reviewed Copy with Comments']) {
					await titleAction(page, title).waitFor(WAIT);
				}
				// The Problems panel lists the findings under the .docx, by Word paragraph and heading path; line 14 is ¶14.
				await page.keyboard.press('Control+Shift+M');
				await page.waitForSelector('.markers-panel .monaco-list-row:has-text("¶14 (SEC. 5 › Budget)")', WAIT);
				const rows = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
				assert.ok(rows.some((r) => /^proposal\.docx.*5$/.test(r)), `proposal.docx with 5 problems: ${JSON.stringify(rows)}`);
				assert.ok(rows.some((r) => r.startsWith('¶14 (SEC. 5 › Budget): ') && r.includes(`accountable${COOPERATION}[Ln 14, Col 1]`)), JSON.stringify(rows));
				await page.keyboard.press('Control+Shift+M');
				// The report beside (from the editor title) places its evidence by Word paragraph; its button focuses
				// the finding's words in the Word review editor.
				await titleAction(page, 'Show Accountability Report').click();
				await page.waitForSelector(`.tabs-container .tab[aria-label*="Accountability report: ${WORD_DOCUMENT}"]`, WAIT);
				const report = await frameWith(page, '.kicker');
				const place = report.locator('#area-unconditional-services button.reveal').filter({ hasText: '¶14 (SEC. 5 › Budget)' });
				await place.waitFor(WAIT);
				await page.mouse.move(0, 0);
				await place.click();
				const deadline = Date.now() + WAIT.timeout;
				while (!(await word.evaluate(() => Boolean(document.activeElement?.closest('#p14'))))) {
					assert.ok(Date.now() < deadline, 'the report\'s button to focus ¶14 in the Word review editor');
					await new Promise((resolve) => setTimeout(resolve, 100));
				}
				await word.locator('#popup:not([hidden])').waitFor(WAIT);
				await page.screenshot({ path: wordScreenshot });
				checkPng(wordScreenshot, VIEWPORT);
				console.log(`    Word review editor at ${seconds()}: ${path.relative(root, wordScreenshot)}`);
			} catch (error) {
				await page.screenshot({ path: path.join(resultsDir, 'e2e-word-failure.png') }).catch(() => {});
				throw error;
			}
		});

		await checks.check('a damaged .docx opens in the Word review editor with the reason it could not be reviewed, not as a clean document', async () => {
			assert.ok(page, 'the workbench did not open');
			await page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${DAMAGED_DOCUMENT}"]`).dblclick();
			const damaged = await frameWith(page, 'main.error');
			const text = await damaged.locator('main.error').innerText();
			assert.match(text, /cut\.docx could not be reviewed/);
			assert.match(text, /cut\.docx is damaged/);
			assert.equal(await damaged.locator('mark, article').count(), 0);
		});

		await checks.check('Accountable: Get Started opens the walkthrough; its buttons open the example draft (unsaved) and go to a finding, ticking the steps off; screenshot taken', async () => {
			assert.ok(page, 'the workbench did not open');
			await withFailureScreenshot(page, 'walkthrough', async () => {
				await page.keyboard.press('Escape');
				await runCommand(page, 'View: Close All Editors');
				await runCommand(page, 'Accountable: Get Started');
				const guide = page.locator('.gettingStartedContainer');
				await guide.getByText('Get started with Accountable').first().waitFor(WAIT);
				const steps = ['Open the example draft', 'See a finding', 'Read why', 'Apply a fix', 'Open the accountability report', 'Choose a profile'];
				for (const title of steps) await guide.locator('.getting-started-step').filter({ hasText: title }).first().waitFor(WAIT);
				await guide.getByRole('button', { name: 'Open Example Draft' }).first().click();
				// The example opens beside the guide as an unsaved document, and is reviewed.
				await page.waitForSelector('.tabs-container .tab[aria-label*="draft-state-bill.md"]', WAIT);
				// The lines in view have warnings (underlined in yellow); the errors are further down.
				await page.waitForSelector('.editor-group-container .monaco-editor :is(.squiggly-error, .squiggly-warning)', WAIT);
				await guide.locator('.getting-started-step').filter({ hasText: 'See a finding' }).first().click();
				await guide.getByRole('button', { name: 'Show a Finding' }).first().click();
				await page.waitForSelector(`.markers-panel .monaco-list-row:has-text("${COOPERATION}")`, WAIT);
				// The cursor is on the example's sentence, in its editor.
				await waitForCursorLine(page, cooperationLine(workspace));
				// The two steps done are ticked off in the guide.
				const done = guide.locator('[data-done-step-id][aria-checked="true"]');
				const deadline = Date.now() + WAIT.timeout;
				while ((await done.count()) < 2) {
					assert.ok(Date.now() < deadline, `two steps ticked off; ${await done.count()} are`);
					await new Promise((resolve) => setTimeout(resolve, 200));
				}
				await page.screenshot({ path: walkthroughScreenshot });
				checkPng(walkthroughScreenshot, VIEWPORT);
			});
			console.log(`    walkthrough at ${seconds()}: ${path.relative(root, walkthroughScreenshot)}`);
		});

		await checks.check('Show Rule Documentation shows the rule rendered (what it flags, why with ¶, what to write instead, examples), never its patterns, and nothing of it is reviewed; screenshot taken', async () => {
			assert.ok(page, 'the workbench did not open');
			await withFailureScreenshot(page, 'rule-documentation', async () => {
				// The saved draft this time (the guide's example is an unsaved copy of the same name).
				await page.keyboard.press('Escape');
				await quickOpen(page, EXAMPLE);
				await page.waitForSelector('.editor-instance .monaco-editor :is(.squiggly-error, .squiggly-warning)', WAIT);
				await goToLine(page, `${cooperationLine(workspace)}:20`);
				await runCommand(page, 'Accountable: Show Rule Documentation');
				await page.waitForSelector('.tabs-container .tab[aria-label*="cooperation-required.md"]', WAIT);
				// The preview is one of several webviews (the guide's pages are too): the one with the rule's title.
				const preview = await webviewFrameWith(page, 'h1', 'Services conditioned on cooperation with law enforcement');
				const headings = await preview.locator('h2').allInnerTexts();
				for (const heading of ['What it flags', 'Why', 'What to write instead', 'Not flagged', 'Examples']) assert.ok(headings.includes(heading), `heading ${heading}: ${JSON.stringify(headings)}`);
				const text = await preview.locator('body').innerText();
				assert.match(text, /\(¶4\)/, 'the paper is cited with its paragraph');
				assert.match(text, /Flagged:/);
				for (const machinery of ['@law-enforcement', 'frame:', 'unless:', 'kind:']) assert.ok(!text.includes(machinery), `no rule-file machinery (${machinery}) in the rendered page`);
				await page.screenshot({ path: ruleDocScreenshot });
				checkPng(ruleDocScreenshot, VIEWPORT);
				// The documentation is not reviewed: the Problems panel lists the draft's findings and nothing of it.
				await page.keyboard.press('Control+Shift+M');
				await page.waitForSelector(`.markers-panel .monaco-list-row:has-text("${EXAMPLE}")`, WAIT);
				const rows = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
				assert.ok(!rows.some((r) => r.includes('cooperation-required.md')), `the rule documentation has no problems: ${JSON.stringify(rows)}`);
				await page.keyboard.press('Control+Shift+M');
			});
			console.log(`    rule documentation at ${seconds()}: ${path.relative(root, ruleDocScreenshot)}`);
		});

		await checks.check('the Settings editor offers named choices for the profile and the minimum severity ("Use the configuration file", never "null"); screenshot taken', async () => {
			assert.ok(page, 'the workbench did not open');
			await withFailureScreenshot(page, 'settings', async () => {
				await page.keyboard.press('Escape');
				await runCommand(page, 'Preferences: Open Settings (UI)');
				// The search box (an editor of its own) has the focus when the Settings editor opens.
				const search = page.locator('.settings-editor .settings-header .suggest-input-container').first();
				await search.waitFor(WAIT);
				const find = async (text) => {
					await search.click();
					await page.keyboard.press('Control+A');
					await page.keyboard.type(text);
				};
				await find('accountable.profile');
				const item = page.locator('.settings-editor .setting-item-enum').filter({ hasText: 'Accountable: Profile' }).first();
				await item.waitFor(WAIT);
				const options = await item.locator('select option').allInnerTexts();
				assert.deepEqual(options, ['Use the configuration file', 'Detect', 'General policy', 'Bill or legislation', 'Grant proposal'], 'the profile\'s choices');
				await find('accountable');
				const severity = page.locator('.settings-editor .setting-item-enum').filter({ hasText: 'Accountable: Min Severity' }).first();
				await severity.waitFor(WAIT);
				const severities = await severity.locator('select option').allInnerTexts();
				assert.ok(!severities.some((o) => /null/i.test(o)) && severities[0] === 'Use the configuration file', JSON.stringify(severities));
				// accountable.rules: Add Item offers the rule ids and categories as keys.
				await find('accountable.rules');
				const rules = page.locator('.settings-editor .setting-item-contents').filter({ hasText: 'Accountable: Rules' }).first();
				await rules.waitFor(WAIT);
				await rules.getByRole('button', { name: 'Add Item' }).click();
				const offered = async () => [
					...(await rules.locator('select option').allInnerTexts()),
					...(await rules.locator('input').evaluateAll((els) => els.map((e) => e.value))),
				];
				const deadline = Date.now() + WAIT.timeout;
				let keys = await offered();
				while (!keys.some((k) => /^(conditional-services|conflation|consent)(\/[a-z-]+)?$/.test(k))) {
					assert.ok(Date.now() < deadline, `a rule id or category offered as a key: ${JSON.stringify(keys)}`);
					await new Promise((resolve) => setTimeout(resolve, 200));
					keys = await offered();
				}
				console.log(`    accountable.rules offers ${keys.filter((k) => /^[a-z-]+(\/[a-z-]+)?$/.test(k)).length} keys and values, e.g. ${keys.slice(0, 3).join(', ')}`);
				await page.screenshot({ path: settingsScreenshot });
				checkPng(settingsScreenshot, VIEWPORT);
			});
			console.log(`    settings at ${seconds()}: ${path.relative(root, settingsScreenshot)}`);
		});

		await checks.check('the workbench and the extension sent nothing beyond loopback', () => {
			assert.ok(page, 'the workbench did not open');
			assert.deepEqual([...new Set(blocked)], [], 'requests to other hosts (blocked)');
		});

		await checks.check('in Spanish (code-server --locale es): command titles, the status bar, the hover and the report speak Spanish; screenshot taken', async () => {
			assert.ok(vsix, 'the .vsix was not built');
			await browser?.close();
			server?.stop();
			// A profile of its own, as a Spanish-speaking user's would be: the extension and the language pack.
			spanish = makeProfile('cs-ui-es-');
			installVsix(spanish, vsix);
			installEmptyLanguagePack(spanish, 'es');
			server = await startCodeServer(spanish, { locale: 'es' });
			browser = await launchChromium(spanish);
			page = await browser.newPage({ viewport: VIEWPORT });
			blocked = await blockNetwork(page);
			await withFailureScreenshot(page, 'spanish', async () => {
				await openInWorkbench(page, server, workspace, EXAMPLE, WAIT);
				await page.waitForSelector('.editor-instance .monaco-editor .squiggly-error', WAIT);
				// The client (vscode.l10n): the status bar's tooltip.
				const status = page.locator('.statusbar-item[aria-label^="Accountable: "]').first();
				await status.waitFor(WAIT);
				assert.match((await status.getAttribute('aria-label')) ?? '', /^Accountable: \d+ hallazgos \(\d+ errores\) en este documento/);
				// The language server (@vscode/l10n, given the client's bundle): the hover's headings.
				await page.locator('.editor-instance .monaco-editor textarea').first().focus();
				await goToLine(page, `${cooperationLine(workspace)}:20`);
				const hover = await hoverAtCursor(page, 'Qué escribir en su lugar');
				assert.match(await hover.first().innerText(), /Por qué:[^]*Evidencia:/);
				await page.keyboard.press('Escape');
				// package.nls.es.json: the command's title; the report's words (its label table, translated).
				await runCommand(page, 'Accountable: Mostrar el informe de rendición de cuentas');
				await page.waitForSelector(`.tabs-container .tab[aria-label*="Informe de rendición de cuentas: ${EXAMPLE}"]`, WAIT);
				const report = reportFrame(page);
				await report.locator('.kicker').filter({ hasText: 'Informe de rendición de cuentas' }).waitFor(WAIT);
				assert.equal(await report.locator('#scorecard-heading').innerText(), 'Tabla de evaluación');
				assert.match(await report.locator('#area-unconditional-services h3').innerText(), /Contradicha/);
				await page.screenshot({ path: spanishScreenshot });
				checkPng(spanishScreenshot, VIEWPORT);
				assert.deepEqual([...new Set(blocked)], [], 'requests to other hosts (blocked)');
			});
			console.log(`    Spanish at ${seconds()}: ${path.relative(root, spanishScreenshot)}`);
		});
	} finally {
		await browser?.close().catch(() => {});
		server?.stop();
		fs.rmSync(work, { recursive: true, force: true });
		for (const p of [profile, spanish].filter(Boolean)) {
			if (checks.failed === 0 && !process.env.ACCOUNTABLE_E2E_KEEP) p.remove();
			else console.log(`  kept the code-server profile and logs: ${p.dir}`);
		}
	}
	checks.write(resultsFile);
	console.log(`  (${seconds()})`);
	return checks.failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
	console.error(error);
	process.exit(1);
});
