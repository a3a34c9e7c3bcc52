import * as vscode from 'vscode';

/** How long one wait may take: the first review includes starting the extension and the language server. */
export const DEADLINE_MS = Number(process.env.ACCOUNTABLE_E2E_DEADLINE_MS ?? 30000);

/**
 * Resolves with the first truthy value `probe` returns, checking now and after every diagnostics change for
 * `uri`; rejects at the deadline with `what` and the diagnostics seen last, so a failure says what was there.
 */
export function waitForDiagnostics<T>(uri: vscode.Uri, probe: (diagnostics: vscode.Diagnostic[]) => T | undefined | false, what: string, deadlineMs = DEADLINE_MS): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const check = (): boolean => {
			const found = probe(vscode.languages.getDiagnostics(uri));
			if (!found) return false;
			finish();
			resolve(found);
			return true;
		};
		const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
			if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
		});
		const timer = setTimeout(() => {
			finish();
			const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.source}/${ruleId(d)} ${d.message}`);
			reject(new Error(`Timed out after ${deadlineMs} ms waiting for ${what} on ${uri.fsPath}; diagnostics there: ${JSON.stringify(seen, null, 1)}`));
		}, deadlineMs);
		const finish = (): void => {
			clearTimeout(timer);
			subscription.dispose();
		};
		check();
	});
}

/** Polls `probe` (for state no event announces, such as a hover provider becoming ready) until the deadline. */
export async function poll<T>(probe: () => Promise<T | undefined | false>, what: string, deadlineMs = DEADLINE_MS): Promise<T> {
	const end = Date.now() + deadlineMs;
	for (;;) {
		const found = await probe();
		if (found) return found;
		if (Date.now() > end) throw new Error(`Timed out after ${deadlineMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** The rule id of one of our diagnostics (`code` is `{ value, target }` when the rule has a documentation URL). */
export function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
	const code = diagnostic.code;
	if (code === undefined) return undefined;
	return String(typeof code === 'object' ? code.value : code);
}

/** Our diagnostics (source "accountable") with the given rule id. */
export function withRule(diagnostics: readonly vscode.Diagnostic[], id: string): vscode.Diagnostic[] {
	return diagnostics.filter((d) => d.source === 'accountable' && ruleId(d) === id);
}
