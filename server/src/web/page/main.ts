/**
 * The web page's script (bundled by scripts/build-web.mjs into out/web/index.html): reads the chosen, dropped or
 * pasted draft, reviews it with ../draft.ts and shows what ../view.ts renders. Everything happens in this
 * page: no request is made (the page's Content-Security-Policy forbids any), nothing is stored, and downloads
 * are made from memory (Blob links).
 */
import compiledRules from 'accountable:builtin-rules';
import { version } from '../../../../package.json';
import { renderReport } from '../../engine/report';
import { builtinReviewer, downloadName, DraftError, PASTED_NAME, reviewedWordCopy, reviewFile, reviewText, type ReviewedDraft, type ReviewEnvironment } from '../draft';
import { inflateRawBrowser } from '../inflateBrowser';
import { countMessage, documentHtml, findingsHtml, reportHtml } from '../view';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function element<T extends HTMLElement>(id: string): T {
	const found = document.getElementById(id);
	if (!found) throw new Error(`the page has no #${id}`);
	return found as T;
}

const ui = {
	file: element<HTMLInputElement>('file'),
	dropZone: element<HTMLElement>('drop-zone'),
	paste: element<HTMLTextAreaElement>('paste'),
	reviewPaste: element<HTMLButtonElement>('review-paste'),
	status: element<HTMLElement>('status'),
	error: element<HTMLElement>('error'),
	results: element<HTMLElement>('results'),
	resultsHeading: element<HTMLElement>('results-heading'),
	profile: element<HTMLElement>('profile'),
	document: element<HTMLElement>('document'),
	findings: element<HTMLElement>('findings'),
	reportPanel: element<HTMLElement>('report-panel'),
	report: element<HTMLElement>('report'),
	reviewedCopy: element<HTMLButtonElement>('download-docx'),
	version: element<HTMLElement>('version'),
};

let env: ReviewEnvironment | undefined;
let current: ReviewedDraft | undefined;

/** The rules are compiled into the page; the reviewer is made on first use so the page paints first. */
function environment(): ReviewEnvironment {
	env ??= { reviewer: builtinReviewer(compiledRules), inflateRaw: inflateRawBrowser, version, now: () => new Date().toISOString() };
	return env;
}

function announce(message: string): void {
	ui.status.textContent = message;
}

/** Shows a problem and clears the last results, so nothing stale or empty passes for a clean review. */
function fail(message: string): void {
	current = undefined;
	ui.results.hidden = true;
	ui.reportPanel.hidden = true;
	for (const shown of [ui.document, ui.findings, ui.report]) shown.replaceChildren();
	ui.error.textContent = message;
	ui.error.hidden = false;
	announce('');
	// Below the paste box: brought into view, or a file chosen above would seem to do nothing.
	ui.error.scrollIntoView({ block: 'nearest' });
}

function show(draft: ReviewedDraft): void {
	current = draft;
	ui.error.hidden = true;
	ui.error.textContent = '';
	ui.resultsHeading.textContent = draft.name;
	// The reason names the profile first: “grant proposal: “Safe Harbor Grant Proposal” in the first lines”.
	ui.profile.textContent = `Profile: ${draft.result.profileReason}`;
	ui.document.innerHTML = documentHtml(draft);
	ui.findings.innerHTML = findingsHtml(draft);
	ui.report.innerHTML = reportHtml(draft);
	ui.reviewedCopy.hidden = !draft.word;
	ui.results.hidden = false;
	ui.reportPanel.hidden = false;
	announce(countMessage(draft));
	ui.status.scrollIntoView({ block: 'nearest' });
}

async function run(what: string, review: () => Promise<ReviewedDraft> | ReviewedDraft): Promise<void> {
	announce(`Reviewing ${what}…`);
	// Let the browser paint the message before the review takes the main thread.
	await new Promise((resolve) => setTimeout(resolve, 0));
	try {
		show(await review());
	} catch (e) {
		fail(e instanceof DraftError ? e.message : `${what} could not be reviewed: ${(e as Error).message ?? String(e)}`);
	}
}

async function reviewChosenFile(file: File): Promise<void> {
	await run(file.name, async () => reviewFile(file.name, new Uint8Array(await file.arrayBuffer()), environment()));
}

ui.file.addEventListener('change', () => {
	const file = ui.file.files?.[0];
	if (file) void reviewChosenFile(file);
});

ui.reviewPaste.addEventListener('click', () => {
	void run('the pasted text', () => reviewText(PASTED_NAME, ui.paste.value, environment(), 'markdown'));
});

// A file dropped anywhere on the page is reviewed; the browser must not open it instead.
document.addEventListener('dragover', (event) => {
	event.preventDefault();
	ui.dropZone.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
	if (event.relatedTarget === null) ui.dropZone.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
	event.preventDefault();
	ui.dropZone.classList.remove('dragging');
	const files = event.dataTransfer?.files;
	if (!files || files.length === 0) return;
	if (files.length > 1) {
		fail(`${files.length} files were dropped; drop one draft at a time`);
		return;
	}
	void reviewChosenFile(files[0]!);
});

document.addEventListener('click', (event) => {
	const target = event.target instanceof Element ? event.target.closest('button') : null;
	if (!target) return;
	if (target.dataset.copy) void copyClause(target, target.dataset.copy);
	else if (target.dataset.export && current) void exportReport(current, target.dataset.export);
});

async function copyClause(button: HTMLButtonElement, id: string): Promise<void> {
	const text = document.getElementById(id)?.textContent ?? '';
	try {
		await navigator.clipboard.writeText(text);
		announce('Copied to the clipboard.');
	} catch {
		// No clipboard permission (some browsers from file://): select the clause so Ctrl+C copies it.
		const range = document.createRange();
		range.selectNodeContents(document.getElementById(id)!);
		const selection = window.getSelection();
		selection?.removeAllRanges();
		selection?.addRange(range);
		announce('The clause is selected: press Ctrl+C (⌘C on a Mac) to copy it.');
	}
	button.focus();
}

async function exportReport(draft: ReviewedDraft, format: string): Promise<void> {
	try {
		if (format === 'html') save(renderReport(draft.report, 'html'), 'text/html', downloadName(draft.name, 'report.html'));
		else if (format === 'md') save(renderReport(draft.report, 'md'), 'text/markdown', downloadName(draft.name, 'report.md'));
		else if (format === 'docx') {
			announce('Writing the reviewed copy…');
			save(await reviewedWordCopy(draft), DOCX_TYPE, downloadName(draft.name, 'reviewed.docx'));
		}
	} catch (e) {
		fail(e instanceof DraftError ? e.message : `the download could not be made: ${(e as Error).message ?? String(e)}`);
	}
}

/** Offers `content` as a download made in memory: a Blob link, clicked, then released. */
function save(content: string | Uint8Array, type: string, name: string): void {
	const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
	announce(`${name} is ready in your downloads.`);
}

/**
 * Loading the rules and the English model takes a second or two the first time; doing it once the page has
 * painted, while the reader chooses a file, makes the first review as quick as the next.
 */
function warmUp(): void {
	try {
		environment().reviewer.review({ text: 'A victim shall be eligible for shelter.\n', format: 'markdown' });
	} catch {
		// Said by the first real review, which fails the same way.
	}
}

ui.version.textContent = version;
document.body.classList.add('ready');
if ('requestIdleCallback' in window) window.requestIdleCallback(warmUp, { timeout: 1000 });
else setTimeout(warmUp, 200);
