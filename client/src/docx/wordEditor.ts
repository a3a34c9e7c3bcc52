import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
	CLOSE_WORD_DOCUMENT_NOTIFICATION,
	SAVE_REVIEWED_COPY_COMMAND,
	WORD_DOCUMENT_CHANGED_NOTIFICATION,
	WORD_DOCUMENT_VIEW_REQUEST,
	WORD_EDITOR_VIEW_TYPE,
	type WordDocumentViewResult,
} from '../../../server/src/lsp/docxProtocol';
import { openRuleDocumentationLink } from '../ruleDocumentation';
import { watchWordFile } from './watchFile';
import { parseWordEditorMessage, wordEditorErrorPage, wordEditorLoadingPage, wordEditorPage, type WordEditorMessage } from './wordEditorPage';

const SHOW_REPORT_COMMAND = 'accountable.showReport';

/** The .docx of the active Word review editor, if the active editor is one. */
export function activeWordEditorFile(): vscode.Uri | undefined {
	const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
	return input instanceof vscode.TabInputCustom && input.viewType === WORD_EDITOR_VIEW_TYPE ? input.uri : undefined;
}

interface OpenEditor {
	panel: vscode.WebviewPanel;
	load(): void;
}

/**
 * The Word review editor: VS Code's editor for a .docx (a read-only custom editor, the default for the file
 * type, so double-clicking a .docx opens it). It asks the language server to review the document
 * (`accountable/wordDocumentView`: the server reads the .docx, reviews it, publishes the findings in the
 * Problems panel under the .docx and returns the page body) and shows the page in a webview. It reviews
 * again when the .docx is saved (from Word), when the configuration changes (the server says so) and when
 * the server restarts. Closing it tells the server, whose diagnostics for the file then go.
 */
export class WordReviewEditor implements vscode.CustomReadonlyEditorProvider {
	private readonly editors = new Map<string, OpenEditor>();

	constructor(
		private readonly client: () => LanguageClient | undefined,
		/** Called after a review of the .docx was shown, and when its editor became active (the report beside follows). */
		private readonly reviewed: (file: vscode.Uri, activated: boolean) => void,
	) {}

	/** Subscriptions on the language client; call once. */
	listen(client: LanguageClient): vscode.Disposable[] {
		return [
			client.onNotification(WORD_DOCUMENT_CHANGED_NOTIFICATION, (params: { uri?: unknown }) => {
				if (typeof params?.uri === 'string') this.editors.get(vscode.Uri.parse(params.uri).toString())?.load();
			}),
			// A restarted server knows nothing of the open editors: each asks again.
			client.onDidChangeState((e) => {
				if (e.newState === State.Running) for (const editor of this.editors.values()) editor.load();
			}),
		];
	}

	openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
		return {
			uri,
			dispose: () => {
				const client = this.client();
				if (client?.isRunning()) void client.sendNotification(CLOSE_WORD_DOCUMENT_NOTIFICATION, { uri: uri.toString() });
			},
		};
	}

	resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): void {
		const file = document.uri;
		const key = file.toString();
		const name = path.posix.basename(file.path);
		panel.webview.options = { enableScripts: true, localResourceRoots: [] };
		panel.webview.html = wordEditorLoadingPage(name, nonce(), vscode.l10n.t);
		let sequence = 0;
		const load = async (): Promise<void> => {
			const mine = ++sequence;
			const client = this.client();
			try {
				if (!client) throw new Error(vscode.l10n.t('the Accountable language server is not running'));
				const result = await client.sendRequest<WordDocumentViewResult>(WORD_DOCUMENT_VIEW_REQUEST, { uri: key });
				if (mine !== sequence) return;
				panel.webview.html = wordEditorPage({ name, body: result.html, nonce: nonce() }, vscode.l10n.t);
				this.reviewed(file, panel.active);
			} catch (e) {
				if (mine !== sequence) return;
				panel.webview.html = wordEditorErrorPage(name, e instanceof Error ? e.message : String(e), nonce(), vscode.l10n.t);
			}
		};
		const subscriptions: vscode.Disposable[] = [
			// Saved from Word: review again.
			watchWordFile(file, () => void load()),
			panel.webview.onDidReceiveMessage((data: unknown) => {
				const message = parseWordEditorMessage(data);
				if (message) void this.handle(file, message);
			}),
			panel.onDidChangeViewState((e) => {
				if (e.webviewPanel.active) this.reviewed(file, true);
			}),
		];
		this.editors.set(key, { panel, load: () => void load() });
		panel.onDidDispose(() => {
			for (const s of subscriptions) s.dispose();
			if (this.editors.get(key)?.panel === panel) this.editors.delete(key);
		});
		void load();
	}

	/**
	 * Shows the Word review editor of `file` and focuses the paragraph at a place in its converted text (the
	 * report's places are there). False when no editor of it is open.
	 */
	reveal(file: vscode.Uri, line: number, character: number): boolean {
		const editor = this.editors.get(file.toString());
		if (!editor) return false;
		editor.panel.reveal(editor.panel.viewColumn, false);
		void editor.panel.webview.postMessage({ type: 'reveal', line, character });
		return true;
	}

	private async handle(file: vscode.Uri, message: WordEditorMessage): Promise<void> {
		if (message.type === 'showReport') await vscode.commands.executeCommand(SHOW_REPORT_COMMAND, file);
		else if (message.type === 'saveReviewedCopy') await vscode.commands.executeCommand(SAVE_REVIEWED_COPY_COMMAND, file);
		else await openRuleDocumentationLink(message.url);
	}
}

function nonce(): string {
	return randomBytes(16).toString('base64');
}

/** Registers the Word review editor for *.docx (package.json contributes it as the default editor). */
export function registerWordReviewEditor(context: vscode.ExtensionContext, client: LanguageClient, reviewed: (file: vscode.Uri, activated: boolean) => void): WordReviewEditor {
	const editor = new WordReviewEditor(() => client, reviewed);
	context.subscriptions.push(
		...editor.listen(client),
		vscode.window.registerCustomEditorProvider(WORD_EDITOR_VIEW_TYPE, editor, {
			webviewOptions: { enableFindWidget: true },
			supportsMultipleEditorsPerDocument: false,
		}),
	);
	return editor;
}
