import * as l10n from '@vscode/l10n';
import {
	CodeActionKind,
	DidChangeConfigurationNotification,
	DidChangeWatchedFilesNotification,
	TextDocuments,
	TextDocumentSyncKind,
	type Connection,
	type Diagnostic,
	type InitializeParams,
	type InitializeResult,
	type TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatForPath, IncrementalReviewer, mergeSettings, ruleDocumentationMarkdown, type Finding, type Reviewer, type Rule } from '../engine';
import { CONFIG_NAMES } from '../engine/configFile';
import { DEFAULT_MAX_DOCUMENT_SIZE, refusalOf } from '../engine/review/refusal';
import { codeActionsFor, FIX_ALL_KIND } from '../lsp/codeActions';
import { changeDelayMs, Debouncer } from '../lsp/debouncer';
import { binaryDiagnostic, findingDiagnostics, findingSuggestions, reviewFailedDiagnostic, tooLargeDiagnostic } from '../lsp/diagnostics';
import { hoverFor } from '../lsp/hover';
import { ServerLog } from '../lsp/log';
import { DOCUMENT_PROFILE_NOTIFICATION, Requests, ServerCommands, type DocumentProfileParams, type FindingCommandArgs, type InitializationOptions, type RuleDocumentation, type RuleDocumentationParams, type RuleSummary, type SuggestionData, type SuggestionsParams } from '../lsp/protocol';
import { normalizeSettings, reviewOverrides, type EditorSettings } from '../lsp/settings';
import { disableForFileEdit, disableForLineEdit } from '../lsp/suppressionEdits';
import { isIgnoredUri, parentUri, WorkspaceConfiguration } from './workspaceConfig';

/** What the web extension's server does of the commands the Node.js server runs: the ones that edit the open document. */
const WEB_COMMANDS = [ServerCommands.applySuggestion, ServerCommands.disableRuleForLine, ServerCommands.disableRuleForFile, ServerCommands.showRuleDocumentation];

/** The languages reviewed (VS Code's Markdown and plain text). */
const LANGUAGES = new Set(['markdown', 'plaintext']);

interface ReviewedDocument {
	version: number;
	findings: Finding[];
}

/**
 * The language server of VS Code for the Web (vscode.dev, github.dev): it runs in a web worker, reviews open
 * Markdown and plain-text documents with the built-in rules (compiled into the bundle) and the workspace's
 * configuration files (read through the editor: ./workspaceConfig.ts), and gives the same diagnostics, hovers,
 * quick fixes and fix-all as the Node.js server (server/src/lsp), made by the same modules. What needs a file
 * system is left out: rule packs, Word documents, the workspace review and writing configuration files.
 */
export class WebAccountableServer {
	readonly documents = new TextDocuments(TextDocument);
	private readonly log: ServerLog;
	private readonly configuration: WorkspaceConfiguration;
	private readonly debouncer = new Debouncer();
	private readonly reviewed = new Map<string, ReviewedDocument>();
	private readonly incremental = new Map<string, IncrementalReviewer>();
	private readonly reviewMs = new Map<string, number>();
	private readonly settings = new Map<string, Promise<EditorSettings>>();
	private readonly rules: Map<string, Rule>;
	private askClient = false;
	private clientSettings: unknown;
	private commandLinks = false;

	constructor(
		private readonly connection: Connection,
		private readonly reviewer: Reviewer,
	) {
		this.log = new ServerLog(connection);
		this.configuration = new WorkspaceConfiguration(connection, reviewer.ruleSet.rules);
		this.rules = new Map(reviewer.ruleSet.rules.map((r) => [r.id, r]));
	}

	listen(): void {
		const c = this.connection;
		c.onInitialize((params) => this.initialize(params));
		c.onInitialized(() =>
			this.log.guard('initialized', () => {
				void c.client.register(DidChangeConfigurationNotification.type, { section: 'accountable' });
				void c.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/{${CONFIG_NAMES.join(',')}}` }] });
			}),
		);
		c.onDidChangeConfiguration((params) =>
			this.log.guard('didChangeConfiguration', () => {
				if (!this.askClient) this.clientSettings = (params.settings as { accountable?: unknown } | undefined)?.accountable ?? params.settings;
				this.settings.clear();
				this.reviewAll();
			}),
		);
		c.onDidChangeWatchedFiles(() =>
			this.log.guard('didChangeWatchedFiles', () => {
				this.log.log('Reloading configuration: a configuration file changed');
				this.configuration.reset();
				this.reviewAll();
			}),
		);
		this.documents.onDidOpen(({ document }) => this.schedule(document.uri, 0));
		this.documents.onDidChangeContent(({ document }) => this.schedule(document.uri, changeDelayMs(this.reviewMs.get(document.uri) ?? 0)));
		this.documents.onDidClose(({ document }) =>
			this.log.guard('didClose', () => {
				this.debouncer.cancel(document.uri);
				for (const m of [this.reviewed, this.incremental, this.reviewMs, this.settings]) m.delete(document.uri);
				void c.sendDiagnostics({ uri: document.uri, diagnostics: [] });
			}),
		);
		c.onHover((params) =>
			this.log.guard('hover', () => {
				const last = this.reviewed.get(params.textDocument.uri);
				return last ? (hoverFor(last.findings, params.position, (id) => this.rules.get(id), (f) => this.documentationLink(f, params.textDocument.uri)) ?? null) : null;
			}, null),
		);
		c.onCodeAction((params) =>
			this.log.guard('codeAction', () => codeActionsFor(params, () => this.currentFindings(params.textDocument.uri), () => this.reviewed.get(params.textDocument.uri)?.findings).filter((a) => !a.command || WEB_COMMANDS.includes(a.command.command as (typeof WEB_COMMANDS)[number])), []),
		);
		c.onExecuteCommand(async (params) => {
			try {
				return await this.execute(params.command, (params.arguments?.[0] ?? {}) as FindingCommandArgs);
			} catch (e) {
				this.log.error(`command ${params.command}`, e);
				void c.window.showErrorMessage(`Accountable: ${(e as Error).message}`);
				return null;
			}
		});
		c.onRequest(Requests.rules, (): RuleSummary[] =>
			[...this.rules.values()].filter((r) => !r.spec.provision).map((r) => ({ id: r.id, category: r.category, severity: r.spec.severity, summary: r.spec.summary, docUrl: r.docUrl })),
		);
		c.onRequest(Requests.suggestions, (params: SuggestionsParams) =>
			this.log.guard('suggestions', (): SuggestionData[] => (params?.diagnostic ? findingSuggestions(params.diagnostic, this.reviewed.get(params.uri)?.findings) : []), []),
		);
		c.onRequest(Requests.ruleDocumentation, (params: RuleDocumentationParams) =>
			this.log.guard('ruleDocumentation', (): RuleDocumentation | null => {
				const rule = typeof params?.ruleId === 'string' ? this.rules.get(params.ruleId) : undefined;
				return rule ? { ruleId: rule.id, title: rule.doc.title || rule.spec.summary, markdown: ruleDocumentationMarkdown(rule) } : null;
			}, null),
		);
		c.onShutdown(() => this.debouncer.cancelAll());
		this.documents.listen(c);
		c.listen();
	}

	private initialize(params: InitializeParams): InitializeResult {
		const options = (params.initializationOptions ?? {}) as InitializationOptions;
		this.askClient = Boolean(params.capabilities.workspace?.configuration);
		this.clientSettings = options.settings;
		this.commandLinks = options.commandLinks === true;
		// The client's translations, as the desktop server takes them (contents, not a file: a worker has none).
		if (options.l10nBundle && typeof options.l10nBundle === 'object') l10n.config({ contents: options.l10nBundle });
		this.log.log(`Accountable language server started in a web worker (built-in rules: ${this.rules.size}; rule packs and Word documents are not read here)`);
		return {
			capabilities: {
				textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
				hoverProvider: true,
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
				// The VS Code extension shows rule documentation itself (its command middleware); declared here so the
				// client registers the command that hovers' documentation links run.
				executeCommandProvider: { commands: WEB_COMMANDS },
			},
			serverInfo: { name: 'accountable-lsp (web worker)' },
		};
	}

	private documentationLink(finding: Finding, uri: string): string {
		if (!this.commandLinks) return finding.docUrl;
		return `command:${ServerCommands.showRuleDocumentation}?${encodeURIComponent(JSON.stringify([{ ruleId: finding.ruleId, uri }]))}`;
	}

	private currentFindings(uri: string): Finding[] | undefined {
		const last = this.reviewed.get(uri);
		return last && last.version === this.documents.get(uri)?.version ? last.findings : undefined;
	}

	private async execute(command: string, a: FindingCommandArgs): Promise<unknown> {
		if (command === ServerCommands.showRuleDocumentation) {
			const rule = this.rules.get(a.ruleId);
			if (!rule) throw new Error(a.ruleId ? `no rule ${a.ruleId}` : 'showRuleDocumentation needs a rule id');
			return { uri: rule.docUrl };
		}
		const document = this.documents.get(a.uri);
		if (!document) throw new Error(`${command} works on an open document`);
		let edit: TextEdit;
		if (command === ServerCommands.applySuggestion && a.suggestion) edit = { range: a.suggestion.range, newText: a.suggestion.text };
		else if (command === ServerCommands.disableRuleForLine && a.line !== undefined) edit = disableForLineEdit(document.getText(), a.line, a.ruleId, a.reason);
		else if (command === ServerCommands.disableRuleForFile) edit = disableForFileEdit(document.getText(), a.ruleId, a.reason);
		else throw new Error(`${command} is not available in VS Code for the Web`);
		const result = await this.connection.workspace.applyEdit({ label: command, edit: { changes: { [a.uri]: [edit] } } });
		if (!result.applied) throw new Error(`the editor did not apply the edit${result.failureReason ? `: ${result.failureReason}` : ''}`);
		return { applied: true };
	}

	private settingsFor(uri: string): Promise<EditorSettings> {
		if (!this.askClient) return Promise.resolve(normalizeSettings(this.clientSettings));
		let pending = this.settings.get(uri);
		if (!pending) {
			pending = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'accountable' }).then(normalizeSettings, (e: unknown) => {
				this.log.error('workspace/configuration', e);
				return normalizeSettings(undefined);
			});
			this.settings.set(uri, pending);
		}
		return pending;
	}

	private reviewAll(): void {
		for (const document of this.documents.all()) this.schedule(document.uri, 0);
	}

	private schedule(uri: string, delay: number): void {
		this.debouncer.schedule(uri, delay, () => this.review(uri));
	}

	/** Reviews an open document and publishes its diagnostics, unless a newer version arrived meanwhile. */
	async review(uri: string): Promise<void> {
		try {
			const document = this.documents.get(uri);
			if (!document || !LANGUAGES.has(document.languageId)) return;
			const version = document.version;
			const [settings, config] = await Promise.all([this.settingsFor(uri), this.configuration.forFolder(parentUri(uri))]);
			if (this.documents.get(uri)?.version !== version) return; // superseded: the newer version is scheduled
			if (!settings.enable || isIgnoredUri(uri, config)) {
				this.reviewed.delete(uri);
				void this.connection.sendDiagnostics({ uri, diagnostics: [] });
				return;
			}
			const started = Date.now();
			const diagnostics = this.diagnosticsFor(document, settings, config);
			void this.connection.sendDiagnostics({ uri, version, diagnostics });
			this.reviewMs.set(uri, Date.now() - started);
		} catch (e) {
			this.log.error(`review of ${uri}`, e);
			// A review that failed must not look like a clean document.
			void this.connection.sendDiagnostics({ uri, diagnostics: [reviewFailedDiagnostic(e)] });
		}
	}

	private diagnosticsFor(document: TextDocument, settings: EditorSettings, config: Awaited<ReturnType<WorkspaceConfiguration['forFolder']>>): Diagnostic[] {
		const { uri, version } = document;
		const text = document.getText();
		const refusal = refusalOf(text, Math.min(config.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE, settings.maxDocumentSize));
		if (refusal) {
			this.reviewed.set(uri, { version, findings: [] });
			return [refusal.binary ? binaryDiagnostic() : tooLargeDiagnostic(text.length, refusal.limit ?? text.length)];
		}
		let incremental = this.incremental.get(uri);
		if (!incremental) this.incremental.set(uri, (incremental = new IncrementalReviewer(this.reviewer)));
		const format = document.languageId === 'markdown' ? 'markdown' : formatForPath(new URL(uri).pathname);
		const result = incremental.review({ text, format }, mergeSettings(config.settings, reviewOverrides(settings)));
		this.reviewed.set(uri, { version, findings: result.findings });
		const profile: DocumentProfileParams = { uri, profile: result.profile, reason: result.profileReason };
		void this.connection.sendNotification(DOCUMENT_PROFILE_NOTIFICATION, profile);
		return findingDiagnostics(result.findings, uri, settings.maxNumberOfProblems);
	}
}
