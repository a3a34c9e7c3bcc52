import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, type DocumentProfileParams } from '../../server/src/lsp/protocol';

const LANGUAGES = new Set(['markdown', 'plaintext']);

/**
 * The active document's Accountable findings in the status bar; a click opens the Problems panel. The
 * tooltip says which profile the review used and why, and how to change it, so a wrong guess is seen.
 */
export class FindingsStatus implements vscode.Disposable {
	private readonly item = vscode.window.createStatusBarItem('accountable.findings', vscode.StatusBarAlignment.Right, 100);
	private readonly subscriptions: vscode.Disposable[];
	private readonly profiles = new Map<string, DocumentProfileParams>();

	/** The server's word on a document's profile (accountable/documentProfile). */
	setProfile(params: DocumentProfileParams): void {
		this.profiles.set(params.uri, params);
		if (vscode.window.activeTextEditor?.document.uri.toString() === params.uri) this.update();
	}

	constructor() {
		this.item.name = vscode.l10n.t('Accountable findings');
		this.item.command = 'workbench.actions.view.problems';
		this.subscriptions = [
			vscode.languages.onDidChangeDiagnostics((e) => {
				const active = vscode.window.activeTextEditor?.document.uri.toString();
				if (active && e.uris.some((u) => u.toString() === active)) this.update();
			}),
			vscode.window.onDidChangeActiveTextEditor(() => this.update()),
		];
		this.update();
	}

	update(): void {
		const document = vscode.window.activeTextEditor?.document;
		if (!document || !LANGUAGES.has(document.languageId)) {
			this.item.hide();
			return;
		}
		// Counted as the Problems panel counts them: it does not list hints, so neither does the status bar.
		const findings = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE && d.severity !== vscode.DiagnosticSeverity.Hint);
		const errors = findings.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
		const count = findings.length;
		this.item.text = count === 0 ? '$(check) Accountable' : `$(law) Accountable: ${count}`;
		const findingCount = count === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', count);
		const errorCount = errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', errors);
		const summary = count === 0 ? vscode.l10n.t('Accountable: no findings in this document.') : vscode.l10n.t('Accountable: {0} ({1}) in this document. Click to open the Problems panel.', findingCount, errorCount);
		const profile = this.profiles.get(document.uri.toString());
		const profileLine = profile ? `\n\n${vscode.l10n.t('Profile: {0} ({1}). Wrong kind of document? Set "accountable.profile" (or profile in .accountable.yaml).', profile.profile, profile.reason)}` : '';
		this.item.tooltip = summary + profileLine;
		this.item.accessibilityInformation = { label: this.item.tooltip };
		this.item.show();
	}

	dispose(): void {
		for (const s of this.subscriptions) s.dispose();
		this.item.dispose();
	}
}
