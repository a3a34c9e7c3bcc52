import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderHtml, renderMarkdown, reportLabels, type Report } from '../../../server/src/engine/report';
import { renderWebviewHtml } from './webviewHtml';
import { REPORT_REQUEST } from '../../../server/src/lsp/reportProtocol';
import { afterWebviewFocus } from './focus';
import { exportFileName, parseReportMessage, type ReportMessage } from './messages';
import { activeWordEditorFile } from '../docx/wordEditor';
import { openRuleDocumentationLink } from '../ruleDocumentation';
import { WORD_EDITOR_VIEW_TYPE } from '../../../server/src/lsp/docxProtocol';

export const SHOW_REPORT_COMMAND = 'accountable.showReport';
const VIEW_TYPE = 'accountable.report';
/** Typing pauses shorter than this do not rebuild the report. */
const UPDATE_DELAY_MS = 400;
const REPORTED_LANGUAGES = new Set(['markdown', 'plaintext']);

/**
 * "Accountable: Show Accountability Report": a webview beside the editor with the scorecard of the active
 * document, asked of the language server (`accountable/report`) and rendered with the report's own HTML
 * renderer with the webview's page (webviewHtml.ts: theme colours, strict CSP with a nonce). It follows the active document and
 * updates as the user types; clicking an item reveals its line; the Export buttons save HTML or Markdown.
 */
export class ReportView implements vscode.Disposable {
	private panel: vscode.WebviewPanel | undefined;
	private target: vscode.Uri | undefined;
	private report: Report | undefined;
	private timer: ReturnType<typeof setTimeout> | undefined;
	/** Answers to older requests are dropped: only the latest text's report is shown. */
	private sequence = 0;
	private readonly subscriptions: vscode.Disposable[] = [];
	/** Focuses a place in the Word review editor of a .docx; false when none is open (set by extension.ts). */
	revealInWordEditor: (file: vscode.Uri, line: number, character: number) => boolean = () => false;

	constructor(private readonly client: () => LanguageClient | undefined) {
		this.subscriptions.push(
			vscode.workspace.onDidChangeTextDocument((e) => {
				if (this.panel && this.target && e.document.uri.toString() === this.target.toString()) this.schedule();
			}),
			vscode.window.onDidChangeActiveTextEditor((editor) => {
				if (this.panel && editor && isReported(editor.document) && editor.document.uri.toString() !== this.target?.toString()) {
					this.target = editor.document.uri;
					this.schedule(0);
				}
			}),
		);
	}

	/**
	 * Opens the view beside the editor for the active document (or shows it again): a Markdown or text editor's,
	 * or the Word review editor's .docx (also when a menu passes it as `resource`).
	 */
	async show(resource?: unknown): Promise<void> {
		const editor = vscode.window.activeTextEditor;
		const word = resource instanceof vscode.Uri && isWordFile(resource) ? resource : activeWordEditorFile();
		if (word) this.target = word;
		else if (editor && isReported(editor.document)) this.target = editor.document.uri;
		if (!this.target) {
			void vscode.window.showInformationMessage(vscode.l10n.t('Accountable: open a Markdown, plain-text or Word draft to see its accountability report.'));
			return;
		}
		if (this.panel) this.panel.reveal(vscode.ViewColumn.Beside, true);
		else this.panel = this.createPanel();
		await this.update();
	}

	/**
	 * The Word review editor showed a new review of `file`, or became the active editor (`activated`): an open
	 * report of it is made again, and an open report of another document follows it when it became active.
	 */
	followWordDocument(file: vscode.Uri, activated: boolean): void {
		if (!this.panel || (!activated && this.target?.toString() !== file.toString())) return;
		this.target = file;
		this.schedule(0);
	}

	private createPanel(): vscode.WebviewPanel {
		const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Accountability report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
			enableScripts: true,
			enableFindWidget: true,
			// The page loads nothing: no local files, no remote resources.
			localResourceRoots: [],
		});
		panel.onDidDispose(() => {
			this.panel = undefined;
			this.report = undefined;
			if (this.timer) clearTimeout(this.timer);
		}, null, this.subscriptions);
		panel.webview.onDidReceiveMessage((data: unknown) => {
			const message = parseReportMessage(data);
			if (message) void this.handle(message);
		}, null, this.subscriptions);
		return panel;
	}

	private schedule(delay = UPDATE_DELAY_MS): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.update(), delay);
	}

	private async update(): Promise<void> {
		const panel = this.panel;
		const target = this.target;
		const client = this.client();
		if (!panel || !target) return;
		const mine = ++this.sequence;
		panel.title = vscode.l10n.t('Accountability report: {0}', path.posix.basename(target.path));
		if (!client) {
			panel.webview.html = message(vscode.l10n.t('The Accountable language server is not running.'));
			return;
		}
		try {
			const report = await client.sendRequest<Report | null>(REPORT_REQUEST, { uri: target.toString() });
			if (mine !== this.sequence || this.panel !== panel) return;
			this.report = report ?? undefined;
			panel.webview.html = report
				? renderWebviewHtml(report, randomBytes(16).toString('base64'), panel.webview.cspSource, vscode.l10n.t, reportLabels(vscode.l10n.t))
				: message(vscode.l10n.t('This document is too large to review (accountable.maxDocumentSize).'));
		} catch (e) {
			if (mine !== this.sequence) return;
			panel.webview.html = message(vscode.l10n.t('The report could not be made: {0}', e instanceof Error ? e.message : String(e)));
		}
	}

	private async handle(message: ReportMessage): Promise<void> {
		if (message.type === 'reveal') return this.reveal(message.line, message.character);
		if (message.type === 'export') return this.export(message.format);
		await openRuleDocumentationLink(message.url);
	}

	/**
	 * Puts the cursor on the item's line in the draft's editor (opening it if it was closed) and focuses it,
	 * once the focus the click gave the report has reached VS Code (focus.ts): focused earlier, the editor
	 * would lose the focus to the report again.
	 */
	private async reveal(line: number, character: number): Promise<void> {
		if (this.panel) await afterWebviewFocus(this.panel);
		if (!this.target) return;
		if (isWordFile(this.target)) {
			// A .docx is shown by the Word review editor, never as text; opened again if it was closed.
			if (!this.revealInWordEditor(this.target, line, character)) await vscode.commands.executeCommand('vscode.openWith', this.target, WORD_EDITOR_VIEW_TYPE, vscode.ViewColumn.One);
			return;
		}
		const target = this.target.toString();
		const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target);
		const editor = await vscode.window.showTextDocument(visible?.document.uri ?? this.target, {
			viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
			preserveFocus: false,
		});
		const position = editor.document.validatePosition(new vscode.Position(line, character));
		editor.selection = new vscode.Selection(position, position);
		editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	}

	/** Saves the report as the standalone HTML file or as Markdown, where the user chooses. */
	private async export(format: 'html' | 'md'): Promise<void> {
		if (!this.report || !this.target) return;
		const name = exportFileName(path.posix.basename(this.target.path), format);
		const folder = this.target.scheme === 'file' ? vscode.Uri.joinPath(this.target, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
		const destination = await vscode.window.showSaveDialog({
			title: vscode.l10n.t('Export accountability report'),
			...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
			filters: format === 'html' ? { HTML: ['html'] } : { Markdown: ['md'] },
		});
		if (!destination) return;
		const report: Report = { ...this.report, generated: new Date().toISOString() };
		const labels = reportLabels(vscode.l10n.t);
		const text = format === 'html' ? renderHtml(report, undefined, labels) : renderMarkdown(report, labels);
		await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(text));
		void vscode.window.showInformationMessage(vscode.l10n.t('Accountable: report saved to {0}', path.posix.basename(destination.path)));
	}

	dispose(): void {
		this.panel?.dispose();
		if (this.timer) clearTimeout(this.timer);
		for (const s of this.subscriptions) s.dispose();
	}
}

function isWordFile(uri: vscode.Uri): boolean {
	return uri.scheme === 'file' && /\.docx$/i.test(uri.path);
}

function isReported(document: vscode.TextDocument): boolean {
	return REPORTED_LANGUAGES.has(document.languageId) && ['file', 'untitled', 'accountable-docx'].includes(document.uri.scheme);
}

/** A page with one message, under the same strict policy as the report (no script at all). */
function message(text: string): string {
	const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
	const labels = reportLabels(vscode.l10n.t);
	return `<!DOCTYPE html><html lang="${escape(labels.lang)}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none';"><title>${escape(labels.kicker)}</title></head><body><main><p>${escape(text)}</p></main></body></html>`;
}

/** Registers the command; call once from activate(). */
export function registerReportView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): ReportView {
	const view = new ReportView(client);
	context.subscriptions.push(view, vscode.commands.registerCommand(SHOW_REPORT_COMMAND, (resource?: unknown) => view.show(resource)));
	return view;
}
