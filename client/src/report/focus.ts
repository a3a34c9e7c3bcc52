/**
 * Moving the focus from the report to the draft when an item is clicked. The click focuses the report's
 * webview, and VS Code learns of that focus a moment later (the webview host notices it on a timer, then
 * activates the report's editor group and focuses the webview): an editor focused before then loses the focus
 * to the report again. So the draft is focused once the webview's own focus has passed: when the panel has
 * become active, or after a bound if it never does.
 */

/** What is used of a vscode.WebviewPanel (no runtime import of vscode, so this is testable on its own). */
export interface FocusablePanel {
	readonly active: boolean;
	onDidChangeViewState(listener: (e: { webviewPanel: { readonly active: boolean } }) => unknown): { dispose(): unknown };
}

/** How long to wait for the webview's focus (it comes within a few hundred milliseconds, later on a loaded machine). */
export const WEBVIEW_FOCUS_WAIT_MS = 1500;

/** Resolves once `panel` is active (at once if it already is), or after `timeoutMs`. */
export function afterWebviewFocus(panel: FocusablePanel, timeoutMs = WEBVIEW_FOCUS_WAIT_MS): Promise<void> {
	if (panel.active) return Promise.resolve();
	return new Promise((resolve) => {
		const done = (): void => {
			clearTimeout(timer);
			subscription.dispose();
			resolve();
		};
		const timer = setTimeout(done, timeoutMs);
		const subscription = panel.onDidChangeViewState((e) => {
			if (e.webviewPanel.active) done();
		});
	});
}
