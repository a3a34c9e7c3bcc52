import { ENGLISH_REPORT_LABELS, REPORT_LAYOUT_CSS, attr, esc, renderHtml, type HtmlPage, type Report, type ReportLabels } from '../../../server/src/engine/report';
import { english, type Translate } from '../../../server/src/engine/translate';

/**
 * The report as VS Code's webview shows it, on the engine's HTML (engine/report/render/html.ts, which
 * renders the page for export): theme colours from --vscode-* variables, a strict content security policy
 * with a nonce, location buttons that ask the extension to reveal a line, and Export buttons.
 */
export function renderWebviewHtml(report: Report, nonce: string, cspSource: string, t: Translate = english, labels: ReportLabels = ENGLISH_REPORT_LABELS): string {
	return renderHtml(report, webviewPage(nonce, cspSource, t), labels);
}

/** The page around the report in the webview; `t` gives its buttons' words in the editor's language. */
export function webviewPage(nonce: string, cspSource: string, t: Translate = english): HtmlPage {
	return {
		csp: `default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`,
		css: WEBVIEW_CSS,
		nonce,
		bodyClass: 'webview',
		actions: `<nav class="actions" aria-label="${attr(t('Export'))}"><button type="button" data-export="html">${esc(t('Export HTML…'))}</button> <button type="button" data-export="md">${esc(t('Export Markdown…'))}</button></nav>`,
		// In the editor the location is a button that reveals the line.
		place: (item, where) =>
			`<button type="button" class="reveal" data-line="${item.range.start.line}" data-character="${item.range.start.character}" aria-label="${attr(t('Go to line {0}', item.line))}">${where}</button>`,
		linkRules: true,
		script: WEBVIEW_SCRIPT,
	};
}

/**
 * The webview's only script (nonce-allowed): location buttons ask the extension to reveal the line, export
 * buttons to save the report, rule links to open the rule's documentation. The scroll position survives the
 * page being replaced as the user types.
 */
const WEBVIEW_SCRIPT = `(function () {
	const vscode = acquireVsCodeApi();
	const state = vscode.getState();
	if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
	let timer;
	window.addEventListener('scroll', function () {
		clearTimeout(timer);
		timer = setTimeout(function () { vscode.setState({ scrollY: window.scrollY }); }, 100);
	});
	document.addEventListener('click', function (event) {
		const element = event.target instanceof Element ? event.target : null;
		const button = element && element.closest('button');
		if (button && button.dataset.line !== undefined) {
			vscode.postMessage({ type: 'reveal', line: Number(button.dataset.line), character: Number(button.dataset.character || 0) });
		} else if (button && button.dataset.export) {
			vscode.postMessage({ type: 'export', format: button.dataset.export });
		}
		const link = element && element.closest('a.rule');
		if (link) {
			event.preventDefault();
			vscode.postMessage({ type: 'openRule', url: link.getAttribute('href') });
		}
	});
})();`;

/**
 * In VS Code the page follows the colour theme. Badges use the theme's foreground on its background (a
 * contrast the theme guarantees) with a status-coloured border and icon.
 */
export const WEBVIEW_CSS = `:root{--bg:var(--vscode-editor-background);--fg:var(--vscode-editor-foreground);--muted:var(--vscode-descriptionForeground);
--border:var(--vscode-panel-border,var(--vscode-widget-border,#8886));--head-bg:var(--vscode-editorWidget-background,transparent);
--link:var(--vscode-textLink-foreground);--focus:var(--vscode-focusBorder);
--contradicted-bg:transparent;--contradicted-fg:var(--vscode-errorForeground);--addressed-bg:transparent;--addressed-fg:var(--vscode-testing-iconPassed,var(--vscode-charts-green));
--not-addressed-bg:transparent;--not-addressed-fg:var(--vscode-descriptionForeground)}
${REPORT_LAYOUT_CSS}
body.webview{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size)}
.badge .badge-text{color:var(--fg)}
.actions{display:flex;gap:.5rem;margin-top:.5rem}
button{font:inherit;cursor:pointer}
.actions button{background:var(--vscode-button-background);color:var(--vscode-button-foreground);border:1px solid var(--vscode-button-border,transparent);padding:.25rem .8rem;border-radius:2px}
.actions button:hover{background:var(--vscode-button-hoverBackground)}
button.reveal{background:none;border:none;padding:0;margin-right:.4rem;color:var(--link);text-decoration:underline;font-weight:600}
`;
