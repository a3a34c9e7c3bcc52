import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
	ANNOTATE_DOCX_REQUEST,
	CONVERT_DOCX_REQUEST,
	DOCX_SCHEME,
	REVIEWED_COPY_EXISTS,
	REVIEW_WORD_DOCUMENT_COMMAND,
	SAVE_REVIEWED_COPY_COMMAND,
	SHOW_WORD_DOCUMENT_TEXT_COMMAND,
	WORD_EDITOR_VIEW_TYPE,
	type AnnotateDocxResult,
	type ConvertDocxResult,
} from '../../../server/src/lsp/docxProtocol';
import { activeWordEditorFile } from './wordEditor';
import { watchWordFile } from './watchFile';

/**
 * Read-only views of a Word document's converted text ("Show Word Document as Reviewed Text"; the Word review
 * editor in wordEditor.ts is how a .docx is normally read). A view is the document `accountable-docx:<path of the .docx>`,
 * whose text is the Markdown the server converts the .docx to; the language server then reviews it like any
 * open Markdown document (diagnostics, hovers, the report). When the .docx changes on disk the view reloads,
 * which VS Code sends to the server as an edit, so the review follows.
 */
export class WordDocumentViews implements vscode.TextDocumentContentProvider, vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<vscode.Uri>();
	readonly onDidChange = this.changed.event;
	private readonly watchers = new Map<string, vscode.Disposable>();
	private readonly lifecycle: vscode.Disposable[];

	constructor(private readonly client: () => LanguageClient | undefined) {
		// A view is watched while it is open. Setting its language to Markdown closes and reopens it (without
		// asking for its content again), so watching from the open and close events, not from
		// provideTextDocumentContent, keeps the watcher through that.
		for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === DOCX_SCHEME) this.watch(document.uri);
		this.lifecycle = [
			vscode.workspace.onDidOpenTextDocument((document) => {
				if (document.uri.scheme === DOCX_SCHEME) this.watch(document.uri);
			}),
			vscode.workspace.onDidCloseTextDocument((document) => {
				if (document.uri.scheme !== DOCX_SCHEME) return;
				this.watchers.get(document.uri.toString())?.dispose();
				this.watchers.delete(document.uri.toString());
			}),
		];
	}

	async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
		const name = path.posix.basename(uri.path);
		try {
			const client = this.client();
			if (!client) throw new Error(vscode.l10n.t('the Accountable language server is not running'));
			const result = await client.sendRequest<ConvertDocxResult>(CONVERT_DOCX_REQUEST, { uri: uri.toString() }, token);
			return result.markdown;
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			void vscode.window.showErrorMessage(`Accountable: ${message}`);
			// The explanation itself is not a draft: keep it out of the review.
			return `<!-- accountable-disable -->\n# ${vscode.l10n.t('{0} could not be reviewed', name)}\n\n${message}\n`;
		}
	}

	/** Reloads the view when the .docx behind it is saved, replaced, deleted or re-created. */
	private watch(view: vscode.Uri): void {
		const key = view.toString();
		if (this.watchers.has(key)) return;
		this.watchers.set(key, watchWordFile(view.with({ scheme: 'file' }), () => this.changed.fire(view)));
	}

	/** Opens (or shows again) the review view of a .docx, as Markdown so the server reviews headings as sections. */
	async open(file: vscode.Uri): Promise<vscode.TextEditor> {
		let document = await vscode.workspace.openTextDocument(file.with({ scheme: DOCX_SCHEME }));
		if (document.languageId !== 'markdown') document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
		return vscode.window.showTextDocument(document, { preview: false });
	}

	dispose(): void {
		for (const watcher of this.watchers.values()) watcher.dispose();
		this.watchers.clear();
		for (const subscription of this.lifecycle) subscription.dispose();
		this.changed.dispose();
	}
}

/** The .docx to review: the explorer's selection, the active editor's file, or one the user picks. */
async function chooseWordDocument(resource: unknown): Promise<vscode.Uri | undefined> {
	if (resource instanceof vscode.Uri) return resource.scheme === DOCX_SCHEME ? resource.with({ scheme: 'file' }) : resource;
	const active = vscode.window.activeTextEditor?.document.uri;
	if (active && active.scheme === DOCX_SCHEME) return active.with({ scheme: 'file' });
	const word = activeWordEditorFile();
	if (word) return word;
	const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Word documents')]: ['docx'] }, openLabel: vscode.l10n.t('Review') });
	return picked?.[0];
}

/**
 * Writes `<name>.reviewed.docx` beside the .docx (the server reviews it as the view is reviewed) and offers to
 * show it. An existing copy is replaced only when the user says so.
 */
async function saveReviewedCopy(file: vscode.Uri, client: () => LanguageClient | undefined): Promise<AnnotateDocxResult | undefined> {
	const server = client();
	if (!server) {
		void vscode.window.showErrorMessage(vscode.l10n.t('Accountable: the language server is not running'));
		return undefined;
	}
	const name = path.posix.basename(file.path);
	const send = (force: boolean) => server.sendRequest<AnnotateDocxResult>(ANNOTATE_DOCX_REQUEST, { uri: file.toString(), force });
	let result: AnnotateDocxResult;
	try {
		result = await send(false);
	} catch (e) {
		if ((e as { code?: number }).code !== REVIEWED_COPY_EXISTS) {
			void vscode.window.showErrorMessage(`Accountable: ${(e as Error).message}`);
			return undefined;
		}
		const replaceChoice = vscode.l10n.t('Replace');
		const replace = await vscode.window.showWarningMessage(vscode.l10n.t('{0}. Replace it?', (e as Error).message.replace(/; use --force to replace it$/, '')), { modal: true }, replaceChoice);
		if (replace !== replaceChoice) return undefined;
		result = await send(true);
	}
	const target = vscode.Uri.parse(result.target);
	const comments = result.comments === 1 ? vscode.l10n.t('1 comment') : vscode.l10n.t('{0} comments', result.comments);
	const notPlaced = result.unanchored > 0 ? vscode.l10n.t(' ({0} more in the cover comment)', result.unanchored) : '';
	const written = vscode.l10n.t('Accountable: {0} written beside {1}, with {2} on findings{3} and a cover comment with the scorecard.', path.posix.basename(target.path), name, comments, notPlaced);
	void vscode.window.showInformationMessage(written, vscode.l10n.t('Reveal in Explorer')).then((choice) => {
		if (choice) void vscode.commands.executeCommand('revealInExplorer', target);
	});
	return result;
}

/**
 * Registers "Accountable: Review Word Document" (opens the Word review editor), "Show Word Document as
 * Reviewed Text" (the accountable-docx: views) and "Save Reviewed Copy with Comments". The language client's
 * document selector must include `{ scheme: DOCX_SCHEME, language: 'markdown' }` for the views to be reviewed.
 */
export function registerWordDocumentReview(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): WordDocumentViews {
	const views = new WordDocumentViews(client);
	context.subscriptions.push(
		views,
		vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, views),
		vscode.commands.registerCommand(REVIEW_WORD_DOCUMENT_COMMAND, async (resource?: unknown) => {
			const file = await chooseWordDocument(resource);
			if (file) await vscode.commands.executeCommand('vscode.openWith', file, WORD_EDITOR_VIEW_TYPE);
		}),
		vscode.commands.registerCommand(SHOW_WORD_DOCUMENT_TEXT_COMMAND, async (resource?: unknown) => {
			const file = await chooseWordDocument(resource);
			if (file) await views.open(file);
		}),
		vscode.commands.registerCommand(SAVE_REVIEWED_COPY_COMMAND, async (resource?: unknown) => {
			const file = await chooseWordDocument(resource);
			if (file) return saveReviewedCopy(file, client);
			return undefined;
		}),
	);
	return views;
}
