import { attr, esc, pageHead } from '../../../server/src/engine/report/render/html';
import { english, type Translate } from '../../../server/src/engine/translate';

/**
 * The Word review editor's webview page around the body the language server renders (the document with its
 * findings highlighted, server/src/node/docx/view.ts): a strict content security policy (nothing is loaded,
 * only this page's own style and script run), VS Code's theme colours, and a script that shows a finding's
 * card on hover or focus and makes the page usable from the keyboard. No vscode import: testable on its own;
 * the page's words come from the translator given (the extension passes vscode.l10n.t), English by default.
 */

export interface WordEditorPageInput {
	/** The .docx's file name, for the page title. */
	name: string;
	/** The server's page body (already escaped). */
	body: string;
	nonce: string;
}

/** Messages the page posts to the extension. The page shows a document, so every message is checked. */
export type WordEditorMessage = { type: 'openRule'; url: string } | { type: 'showReport' } | { type: 'saveReviewedCopy' };

export function parseWordEditorMessage(data: unknown): WordEditorMessage | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const m = data as Record<string, unknown>;
	// Only rule documentation (a file or a web page) is opened; nothing else the page might name.
	if (m.type === 'openRule' && typeof m.url === 'string' && /^(?:file|https?):/i.test(m.url)) return { type: 'openRule', url: m.url };
	if (m.type === 'showReport' || m.type === 'saveReviewedCopy') return { type: m.type };
	return undefined;
}

function page(title: string, nonce: string, body: string, scripted: boolean, t: Translate): string {
	// The error page runs no script at all.
	const script = scripted ? ` script-src 'nonce-${nonce}';` : '';
	// The bundle's "en" entry names its language (as the report's page does), for the page's lang attribute.
	return `${pageHead({ csp: `default-src 'none'; style-src 'nonce-${nonce}';${script}`, title, css: PAGE_CSS, nonce, lang: t('en') })}
<body>
${body}
</body>
</html>`;
}

export function wordEditorPage(input: WordEditorPageInput, t: Translate = english): string {
	const actions = `<nav class="actions" aria-label="${attr(t('Review'))}">
<button type="button" data-action="showReport" title="${attr(t('Open the accountability report beside this document'))}">${esc(t('Show Accountability Report'))}</button>
<button type="button" data-action="saveReviewedCopy" title="${attr(t('Write a copy of this document with a Word comment on each finding'))}">${esc(t('Save Reviewed Copy with Comments…'))}</button>
<span class="keys">${esc(t("Tab or F8 moves between findings; Enter opens a finding's links; Esc closes its card."))}</span>
</nav>`;
	const popup = '<div id="popup" class="popup" hidden></div>';
	return page(t('Review of {0}', input.name), input.nonce, `${actions}\n${input.body}\n${popup}\n<script nonce="${input.nonce}">${PAGE_SCRIPT}</script>`, true, t);
}

/** Shown while the server reads and reviews the document (a large one takes a moment). */
export function wordEditorLoadingPage(name: string, nonce: string, t: Translate = english): string {
	return page(t('Review of {0}', name), nonce, `<main class="loading" role="status"><p>${esc(t('Reviewing {0}…', name))}</p></main>`, false, t);
}

/** Shown instead of the document when it cannot be read or reviewed: never an empty page that looks clean. */
export function wordEditorErrorPage(name: string, message: string, nonce: string, t: Translate = english): string {
	const advice = t('Nothing in it has been checked. Open it in Word to repair it or save it again as .docx, then open it here again.');
	return page(t('Review of {0}', name), nonce, `<main class="error" role="alert"><h1>${esc(t('{0} could not be reviewed', name))}</h1><p>${esc(message)}</p><p>${esc(advice)}</p></main>`, false, t);
}

const PAGE_CSS = `
:root{color-scheme:light dark}
body{font-family:var(--vscode-font-family);font-size:calc(var(--vscode-font-size) * 1.1);line-height:1.55;color:var(--vscode-editor-foreground);background:var(--vscode-editor-background);margin:0;padding:0 1.5rem 4rem}
.document,.summary,.actions{max-width:52rem;margin-left:auto;margin-right:auto}
.document h1,.document h2,.document h3,.document h4,.document h5,.document h6{line-height:1.25;margin:1.4em 0 .5em}
.document h1{font-size:1.7em}.document h2{font-size:1.35em}.document h3{font-size:1.15em}
.document p{margin:.6em 0}
.document table{border-collapse:collapse;margin:.8em 0;width:100%}
.document td,.document th{border:1px solid var(--vscode-panel-border,var(--vscode-widget-border,#8886));padding:.3em .6em;vertical-align:top;text-align:left}
.document td p,.document th p{margin:.2em 0}
.document li{margin:.25em 0}
[data-paragraph]:focus{outline:1px dashed var(--vscode-focusBorder)}
mark.finding{color:inherit;background:color-mix(in srgb,var(--sev) 22%,transparent);border-bottom:2px solid var(--sev);border-radius:2px;cursor:help;padding:0 1px}
mark.finding:hover,mark.finding.open{background:color-mix(in srgb,var(--sev) 38%,transparent)}
mark.finding:focus{outline:2px solid var(--vscode-focusBorder);outline-offset:1px}
.severity-error{--sev:var(--vscode-editorError-foreground,#e51400)}
.severity-warning{--sev:var(--vscode-editorWarning-foreground,#bf8803)}
.severity-information{--sev:var(--vscode-editorInfo-foreground,#1a85ff)}
.severity-hint{--sev:var(--vscode-editorHint-foreground,#6c6c6c)}
.actions{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;padding:.8rem 0 .4rem}
.actions button{font:inherit;font-size:var(--vscode-font-size);background:var(--vscode-button-secondaryBackground,var(--vscode-button-background));color:var(--vscode-button-secondaryForeground,var(--vscode-button-foreground));border:1px solid var(--vscode-button-border,transparent);padding:.2rem .7rem;border-radius:2px;cursor:pointer}
.actions button:hover{background:var(--vscode-button-secondaryHoverBackground,var(--vscode-button-hoverBackground))}
.actions .keys{color:var(--vscode-descriptionForeground);font-size:var(--vscode-font-size)}
button:focus-visible,a:focus-visible{outline:2px solid var(--vscode-focusBorder);outline-offset:1px}
.summary{font-size:var(--vscode-font-size);border-bottom:1px solid var(--vscode-panel-border,#8886);padding-bottom:.6rem;margin-bottom:1rem}
.summary .count{margin:.3rem 0}
.summary .notice{border-left:3px solid var(--vscode-editorWarning-foreground);padding:.3rem .6rem;background:var(--vscode-textBlockQuote-background)}
.finding-list{margin:.3rem 0;padding-left:1.4rem}
.finding-list li{margin:.15rem 0}
.finding-list li::marker{color:var(--sev)}
.finding-list .severity{color:var(--sev);font-weight:600}
.finding-list code{color:var(--vscode-descriptionForeground);font-size:.9em}
button.goto{font:inherit;background:none;border:none;padding:0;color:var(--vscode-textLink-foreground);text-decoration:underline;cursor:pointer;font-weight:600}
button.goto:disabled{color:inherit;text-decoration:none;cursor:default}
.cards{display:none}
.popup{position:absolute;z-index:10;max-width:34rem;overflow:auto;box-sizing:border-box;font-size:var(--vscode-font-size);line-height:1.45;background:var(--vscode-editorHoverWidget-background);color:var(--vscode-editorHoverWidget-foreground,var(--vscode-editor-foreground));border:1px solid var(--vscode-editorHoverWidget-border,#8886);box-shadow:0 2px 8px var(--vscode-widget-shadow,#0005);padding:.2rem .8rem;border-radius:3px}
.popup .card + .card{border-top:1px solid var(--vscode-editorHoverWidget-border,#8886)}
.popup p{margin:.45rem 0}
.popup .card-head .severity{color:var(--sev);font-weight:600}
.popup .where{color:var(--vscode-descriptionForeground);margin-top:-.2rem}
a{color:var(--vscode-textLink-foreground)}
a:hover{color:var(--vscode-textLink-activeForeground)}
code{font-family:var(--vscode-editor-font-family)}
.error,.loading{max-width:52rem;margin:2rem auto}
.error h1{color:var(--vscode-errorForeground);font-size:1.3em}
`;

/**
 * The page's only script (allowed by its nonce). Cards: a mark's card(s) show beside it while it is hovered or
 * focused, and stay while the pointer or focus is in them so their links can be used. Keys: Tab / F8 /
 * Shift+F8 move between marks, Enter moves into the card, Escape closes it. The extension's "reveal" (from
 * the report beside) focuses the paragraph at a place in the converted text. The scroll position survives
 * the page being replaced when the document is reviewed again.
 */
const PAGE_SCRIPT = `(function () {
	const vscode = acquireVsCodeApi();
	const popup = document.getElementById('popup');
	const marks = Array.from(document.querySelectorAll('mark.finding'));
	let current = null;
	let hideTimer;
	const state = vscode.getState();
	if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
	let scrollTimer;
	window.addEventListener('scroll', function () {
		clearTimeout(scrollTimer);
		scrollTimer = setTimeout(function () { vscode.setState({ scrollY: window.scrollY }); }, 100);
	});

	function show(mark) {
		clearTimeout(hideTimer);
		if (current === mark && !popup.hidden) return;
		if (current) current.classList.remove('open');
		const cards = (mark.dataset.findings || '').split(' ').map(function (id) { return document.getElementById('card-' + id); }).filter(Boolean);
		popup.replaceChildren.apply(popup, cards.map(function (card) {
			const copy = card.cloneNode(true);
			copy.removeAttribute('id');
			copy.hidden = false;
			return copy;
		}));
		popup.hidden = false;
		current = mark;
		mark.classList.add('open');
		// Below the words, or above them when there is more room there; a card taller than the room scrolls.
		const rect = mark.getBoundingClientRect();
		const roomBelow = window.innerHeight - rect.bottom - 12;
		const roomAbove = rect.top - 12;
		const below = roomBelow >= popup.scrollHeight || roomBelow >= roomAbove;
		popup.style.maxHeight = Math.max(120, below ? roomBelow : roomAbove) + 'px';
		const width = popup.offsetWidth;
		const left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
		popup.style.left = (left + window.scrollX) + 'px';
		popup.style.top = (below ? rect.bottom + 6 + window.scrollY : rect.top - popup.offsetHeight - 6 + window.scrollY) + 'px';
	}
	function hide() {
		clearTimeout(hideTimer);
		popup.hidden = true;
		if (current) current.classList.remove('open');
		current = null;
	}
	function hideSoon() {
		clearTimeout(hideTimer);
		hideTimer = setTimeout(function () {
			if (!popup.contains(document.activeElement) && document.activeElement !== current) hide();
		}, 250);
	}
	function move(step) {
		if (marks.length === 0) return;
		const at = marks.indexOf(document.activeElement === popup || popup.contains(document.activeElement) ? current : document.activeElement);
		const next = at < 0 ? (step > 0 ? 0 : marks.length - 1) : (at + step + marks.length) % marks.length;
		marks[next].focus();
		marks[next].scrollIntoView({ block: 'nearest' });
	}

	marks.forEach(function (mark) {
		mark.addEventListener('mouseenter', function () { show(mark); });
		mark.addEventListener('mouseleave', hideSoon);
		mark.addEventListener('focus', function () { show(mark); });
		mark.addEventListener('blur', hideSoon);
		mark.addEventListener('keydown', function (event) {
			if (event.key === 'Enter' || event.key === ' ') {
				event.preventDefault();
				show(mark);
				const link = popup.querySelector('a');
				if (link) link.focus();
			}
		});
	});
	popup.addEventListener('mouseenter', function () { clearTimeout(hideTimer); });
	popup.addEventListener('mouseleave', hideSoon);
	popup.addEventListener('focusout', hideSoon);

	document.addEventListener('keydown', function (event) {
		if (event.key === 'Escape' && !popup.hidden) {
			const mark = current;
			hide();
			if (mark) mark.focus({ preventScroll: true });
		} else if (event.key === 'F8') {
			event.preventDefault();
			move(event.shiftKey ? -1 : 1);
		}
	});

	document.addEventListener('click', function (event) {
		const element = event.target instanceof Element ? event.target : null;
		if (!element) return;
		const action = element.closest('button[data-action]');
		if (action) vscode.postMessage({ type: action.dataset.action });
		const goto = element.closest('button.goto');
		if (goto) {
			const mark = marks.find(function (m) { return (m.dataset.findings || '').split(' ').indexOf(goto.dataset.finding) >= 0; });
			if (mark) {
				mark.scrollIntoView({ block: 'center' });
				mark.focus({ preventScroll: true });
			}
		}
		const rule = element.closest('a.rule');
		if (rule) {
			event.preventDefault();
			vscode.postMessage({ type: 'openRule', url: rule.getAttribute('href') });
		}
		if (element.closest('a.report')) {
			event.preventDefault();
			vscode.postMessage({ type: 'showReport' });
		}
	});

	// From the report beside: focus the paragraph at a line and character of the converted text.
	window.addEventListener('message', function (event) {
		const message = event.data;
		if (!message || message.type !== 'reveal') return;
		// The last paragraph starting at or before the place; on its line, the first one if all start after it
		// (a heading's place is its '#', before its text).
		let before = null;
		let onLine = null;
		document.querySelectorAll('[data-paragraph]').forEach(function (p) {
			const line = Number(p.dataset.line);
			if (line < message.line) before = p;
			else if (line === message.line && (!onLine || Number(p.dataset.character) <= message.character)) onLine = p;
		});
		const target = onLine || before;
		if (!target) return;
		const mark = target.querySelector('mark.finding');
		target.scrollIntoView({ block: 'center' });
		if (mark) mark.focus({ preventScroll: true });
		else {
			target.tabIndex = -1;
			target.focus({ preventScroll: true });
		}
	});
})();`;
