import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import {
	CodeActionKind,
	DidChangeConfigurationNotification,
	DidChangeWatchedFilesNotification,
	TextDocumentSyncKind,
	type Connection,
	type InitializeParams,
	type InitializeResult,
} from 'vscode-languageserver/node';
import { CONFIG_NAMES } from '../node/config';
import { codeActionsFor, FIX_ALL_KIND } from './codeActions';
import { CommandHandlers } from './commands';
import { ServerConfiguration } from './configuration';
import { fileUri } from './fileUri';
import { reviewOverrides } from './settings';
import { DocumentReviews } from './documents';
import { annotateDocxRequest, registerDocxRequest } from './docxRequest';
import { ANNOTATE_DOCX_REQUEST, type AnnotateDocxParams } from './docxProtocol';
import { hoverFor } from './hover';
import { ServerLog } from './log';
import { uriToPath, WorkspacePaths } from './paths';
import { ServerCommands, Requests, type InitializationOptions, type RuleDocumentation, type RuleDocumentationParams, type RulesParams, type SuggestionData, type SuggestionsParams } from './protocol';
import { findingSuggestions } from './diagnostics';
import { ruleDocumentationMarkdown } from '../engine';
import { registerReportRequest } from './reportRequest';
import { WordEditors } from './wordEditor';

export { CHANGE_DELAY_MS, IMMEDIATE_REVIEW_MS } from './documents';

/**
 * The language server: wires the protocol to its parts, each one concern: the open documents and their
 * reviews (documents.ts), what applies to a document (configuration.ts), the workspace folders (paths.ts),
 * the commands (commands.ts), the report (reportRequest.ts), Word documents' views (docxRequest.ts) and the Word review editor
 * (wordEditor.ts).
 * Every handler catches its own errors: a bad document or configuration is logged, never fatal.
 */
export class AccountableServer {
	readonly log: ServerLog;
	readonly paths = new WorkspacePaths();
	readonly configuration: ServerConfiguration;
	readonly reviews: DocumentReviews;
	readonly wordEditors: WordEditors;
	readonly capabilities = { configuration: false, workDoneProgress: false, showDocument: false, watchedFiles: false, configurationRegistration: false, workspaceFolders: false };
	private readonly commands: CommandHandlers;
	/** The client runs `command:` links in hovers (the VS Code extension says so): documentation links then show the rendered documentation. */
	private commandLinks = false;

	constructor(readonly connection: Connection) {
		this.log = new ServerLog(connection);
		this.configuration = new ServerConfiguration(connection, this.paths, this.log);
		this.reviews = new DocumentReviews(connection, this.configuration, this.paths, this.log, () => this.reloadIfConfigurationChanged());
		this.wordEditors = new WordEditors(this);
		this.commands = new CommandHandlers(this);
	}

	listen(): void {
		const c = this.connection;
		const log = this.log;
		c.onInitialize((params) => this.initialize(params));
		c.onInitialized(() => log.guard('initialized', () => this.initialized()));
		this.reviews.listen();
		c.onDidChangeConfiguration((params) =>
			log.guard('didChangeConfiguration', () => {
				if (!this.capabilities.configuration) {
					const settings = (params.settings ?? {}) as Record<string, unknown>;
					this.configuration.clientSettings = settings.accountable ?? settings;
				}
				this.configuration.forgetSettings();
				this.reviews.reviewAll('settings');
				this.wordEditors.changed();
			}),
		);
		c.onDidChangeWatchedFiles((params) =>
			log.guard('didChangeWatchedFiles', () => {
				if (params.changes.some((change) => this.configuration.isConfigOrRuleFile(change.uri))) this.reload('a configuration file or rule pack changed');
			}),
		);
		c.onHover((params) =>
			log.guard('hover', () => {
				const last = this.reviews.lastReview(params.textDocument.uri);
				return last ? (hoverFor(last.findings, params.position, last.rule, (f) => this.documentationLink(f.ruleId, params.textDocument.uri, f.docUrl)) ?? null) : null;
			}, null),
		);
		c.onCodeAction((params) =>
			log.guard('codeAction', () => codeActionsFor(params, () => this.reviews.currentFindings(params.textDocument.uri), () => this.reviews.lastReview(params.textDocument.uri)?.findings), []),
		);
		c.onExecuteCommand(async (params, token) => {
			try {
				return await this.commands.execute(params.command, params.arguments ?? [], token, params.workDoneToken);
			} catch (e) {
				log.error(`command ${params.command}`, e);
				void c.window.showErrorMessage(`Accountable: ${(e as Error).message}`);
				return null;
			}
		});
		c.onRequest(Requests.rules, (params: RulesParams | undefined) => log.guard('rules', () => this.configuration.ruleSummaries(params?.uri), []));
		c.onRequest(Requests.suggestions, (params: SuggestionsParams) =>
			log.guard('suggestions', (): SuggestionData[] => (params?.diagnostic ? findingSuggestions(params.diagnostic, this.reviews.lastReview(params.uri)?.findings) : []), []),
		);
		c.onRequest(Requests.ruleDocumentation, (params: RuleDocumentationParams) =>
			log.guard('ruleDocumentation', (): RuleDocumentation | null => {
				const rule = typeof params?.ruleId === 'string' ? this.reviews.ruleById(params.ruleId, params.uri) : undefined;
				return rule ? { ruleId: rule.id, title: rule.doc.title || rule.spec.summary, markdown: ruleDocumentationMarkdown(rule) } : null;
			}, null),
		);
		registerDocxRequest(c);
		c.onRequest(ANNOTATE_DOCX_REQUEST, (params: AnnotateDocxParams) =>
			annotateDocxRequest(
				{
					reviewFor: async (file) => {
						const settings = await this.configuration.settingsFor(fileUri(file));
						return { service: this.configuration.serviceFor(settings.packs, file), overrides: reviewOverrides(settings) };
					},
				},
				params,
			),
		);
		registerReportRequest(this);
		this.wordEditors.listen();
		c.onShutdown(() => this.reviews.stop());
		c.listen();
	}

	private initialize(params: InitializeParams): InitializeResult {
		const caps = params.capabilities;
		this.capabilities.configuration = Boolean(caps.workspace?.configuration);
		this.capabilities.workDoneProgress = Boolean(caps.window?.workDoneProgress);
		this.capabilities.showDocument = Boolean(caps.window?.showDocument?.support);
		this.capabilities.watchedFiles = Boolean(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration);
		this.capabilities.configurationRegistration = Boolean(caps.workspace?.didChangeConfiguration?.dynamicRegistration);
		this.capabilities.workspaceFolders = Boolean(caps.workspace?.workspaceFolders);
		const options = (params.initializationOptions ?? {}) as InitializationOptions;
		this.configuration.askClient = this.capabilities.configuration;
		this.configuration.trusted = options.trusted !== false;
		this.commandLinks = options.commandLinks === true;
		if (options.l10nBundle && typeof options.l10nBundle === 'object') l10n.config({ contents: options.l10nBundle });
		if (typeof options.extensionFolder === 'string' && path.isAbsolute(options.extensionFolder)) this.configuration.ownFolders = [options.extensionFolder];
		// Helix passes its `config` table as initialization options: { accountable: { … } }.
		this.configuration.clientSettings = options.settings ?? (options as { accountable?: unknown }).accountable;
		const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : params.rootPath ? [fileUri(params.rootPath)] : []);
		this.paths.folders = folders.map(uriToPath).filter((p): p is string => p !== undefined);
		this.log.log(`Accountable language server started (${this.configuration.trusted ? 'trusted' : 'untrusted: rule packs are not loaded'}; folders: ${this.paths.folders.join(', ') || 'none'})`);
		return {
			capabilities: {
				textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
				hoverProvider: true,
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
				executeCommandProvider: { commands: Object.values(ServerCommands) },
				workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
			},
			serverInfo: { name: 'accountable-lsp' },
		};
	}

	private initialized(): void {
		if (this.capabilities.configurationRegistration) void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'accountable' });
		if (this.capabilities.watchedFiles) {
			void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
				watchers: [{ globPattern: `**/{${CONFIG_NAMES.join(',')}}` }, { globPattern: '**/*.{md,yaml,yml}' }],
			});
		}
		if (this.capabilities.workspaceFolders) {
			this.connection.workspace.onDidChangeWorkspaceFolders((event) =>
				this.log.guard('didChangeWorkspaceFolders', () => {
					const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
					this.paths.folders = [...this.paths.folders.filter((f) => !removed.has(f)), ...event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
				}),
			);
		}
	}

	/** Where a hover's "Rule documentation" link goes: the rendered documentation where the client can show it, else the rule's page. */
	private documentationLink(ruleId: string, uri: string, docUrl: string): string {
		if (!this.commandLinks) return docUrl;
		return `command:${ServerCommands.showRuleDocumentation}?${encodeURIComponent(JSON.stringify([{ ruleId, uri }]))}`;
	}

	/** Forgets every configuration and rule set read so far and reviews the open documents again. */
	reload(why: string): void {
		this.log.log(`Reloading configuration and rules: ${why}`);
		this.configuration.reset();
		this.reviews.reviewAll('settings');
		this.wordEditors.changed();
	}

	/** For clients without file watchers: reloads when a configuration file in use changed on disk. */
	private reloadIfConfigurationChanged(): boolean {
		if (this.capabilities.watchedFiles || !this.configuration.configFilesChanged()) return false;
		this.reload('a configuration file changed on disk');
		return true;
	}
}
