import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import type { Rule } from '../engine';
import { isWordDocument } from '../node/docx';
import { readFailureMessage } from '../node/docx/reviewable';
import { renderWordView } from '../node/docx/view';
import type { ServerConfiguration } from './configuration';
import { unreadableDocxDiagnostic } from './diagnostics';
import { fileUri } from './fileUri';
import type { DocumentReviews } from './documents';
import { CLOSE_WORD_DOCUMENT_NOTIFICATION, WORD_DOCUMENT_CHANGED_NOTIFICATION, WORD_DOCUMENT_VIEW_REQUEST, type WordDocumentViewParams, type WordDocumentViewResult } from './docxProtocol';
import { readConversion, wordDocumentPath } from './docxRequest';
import type { ServerLog } from './log';

/** What the Word review editor needs of the server (session.ts hands itself over). */
export interface WordEditorContext {
	readonly connection: Connection;
	readonly configuration: ServerConfiguration;
	readonly reviews: DocumentReviews;
	readonly log: ServerLog;
}

const ignoredNotice = (): string => l10n.t('This file is ignored by the configuration (ignore in .accountable.yaml), so Accountable does not review it.');
const disabledNotice = (): string => l10n.t('Accountable is turned off for this document (setting accountable.enable), so it is not reviewed.');

/**
 * The server's side of the Word review editor (the custom editor VS Code opens for a .docx): it reads and
 * reviews the .docx through the same pipeline as any document, publishes the findings on the .docx's own URI
 * (so the Problems panel lists them under the Word file, naming paragraphs and headings) while the editor is
 * open, and answers with the page body that shows the document with its findings highlighted.
 */
export class WordEditors {
	/** The file: URIs of the .docx files open in a Word review editor. */
	private readonly open = new Set<string>();

	constructor(private readonly server: WordEditorContext) {}

	listen(): void {
		const { connection, log } = this.server;
		connection.onRequest(WORD_DOCUMENT_VIEW_REQUEST, (params: WordDocumentViewParams) => this.view(params));
		connection.onNotification(CLOSE_WORD_DOCUMENT_NOTIFICATION, (params: WordDocumentViewParams) => log.guard(CLOSE_WORD_DOCUMENT_NOTIFICATION, () => this.close(params)));
	}

	/** Reviews the .docx and returns its page; an unreadable file is an error response and an error diagnostic. */
	async view(params: WordDocumentViewParams): Promise<WordDocumentViewResult> {
		const file = wordDocumentPath(params?.uri);
		if (!file || !isWordDocument(file)) throw new ResponseError(ErrorCodes.InvalidParams, `not the file: URI of a .docx: ${String(params?.uri)}`);
		const uri = fileUri(file);
		this.open.add(uri);
		const { connection, configuration, reviews } = this.server;
		const settings = await configuration.settingsFor(uri);
		let word;
		try {
			word = await readConversion(file);
		} catch (e) {
			const message = readFailureMessage(path.basename(file), e);
			// Nothing looks clean because it failed: the Problems panel says so too.
			void connection.sendDiagnostics({ uri, diagnostics: [unreadableDocxDiagnostic(message)] });
			throw new ResponseError(ErrorCodes.InvalidRequest, message);
		}
		if (!settings.enable) {
			void connection.sendDiagnostics({ uri, diagnostics: [] });
			return { html: renderWordView({ word, findings: [], rule: () => undefined, notice: disabledNotice(), t: l10n.t }), findings: 0 };
		}
		const { diagnostics, state } = reviews.review(uri, file, word.markdown, 'markdown', settings);
		void connection.sendDiagnostics({ uri, diagnostics });
		if (!state) return { html: renderWordView({ word, findings: [], rule: () => undefined, notice: ignoredNotice(), t: l10n.t }), findings: 0 };
		const rules = new Map((state.ruleSet?.rules ?? []).map((r) => [r.id, r] as [string, Rule]));
		// A review that did not run (the document is over the size limit) says why instead of looking clean.
		const first = diagnostics[0]?.message;
		const notice = !state.ruleSet && typeof first === 'string' ? first : undefined;
		const profile = state.profile ? { profile: state.profile.profile, reason: state.profile.reason } : undefined;
		return {
			html: renderWordView({ word, findings: state.findings, rule: (id) => rules.get(id), ...(profile ? { profile } : {}), ...(notice ? { notice } : {}), t: l10n.t }),
			findings: state.findings.length,
			...(profile ? { profile: profile.profile, profileReason: profile.reason } : {}),
		};
	}

	close(params: WordDocumentViewParams): void {
		const file = wordDocumentPath(params?.uri);
		if (!file) return;
		const uri = fileUri(file);
		if (this.open.delete(uri)) void this.server.connection.sendDiagnostics({ uri, diagnostics: [] });
	}

	/** Configuration or settings changed: each open Word review editor asks for its review again. */
	changed(): void {
		for (const uri of this.open) void this.server.connection.sendNotification(WORD_DOCUMENT_CHANGED_NOTIFICATION, { uri });
	}
}
