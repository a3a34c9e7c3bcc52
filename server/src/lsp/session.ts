import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	CodeActionKind,
	DidChangeConfigurationNotification,
	DidChangeWatchedFilesNotification,
	TextDocumentSyncKind,
	TextDocuments,
	type CancellationToken,
	type Connection,
	type Diagnostic,
	type InitializeParams,
	type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatForPath, type Finding, type LoadError, type Rule, type RuleSet } from '../engine';
import { CONFIG_NAMES, ConfigResolver } from '../node/config';
import { builtinRulesDir } from '../node/ruleFiles';
import { ReviewService, type FileReview, type IncrementalState } from '../node/reviewService';
import { isIgnored } from '../cli/files';
import { codeActionsFor } from './codeActions';
import { CommandHandlers } from './commands';
import { binaryDiagnostic, fileUri, loadErrorDiagnostic, toDiagnostic, tooLargeDiagnostic } from './diagnostics';
import { hoverFor } from './hover';
import { ServerCommands, Requests, type InitializationOptions, type RuleSummary, type RulesParams } from './protocol';
import { Debouncer } from './debouncer';
import { isWordReviewView } from './docxProtocol';
import { registerDocxRequest, wordDocumentPath } from './docxRequest';
import { registerReportRequest } from './reportRequest';
import { normalizeSettings, reviewOverrides, type EditorSettings } from './settings';

/** Languages reviewed: VS Code's markdown and plaintext, and Neovim's `text` for .txt files. */
const LANGUAGES = new Set(['markdown', 'plaintext', 'text', 'txt']);
const REVIEWED_PATH = /\.(?:md|markdown|mdown|mkd|txt)$/i;
export const CHANGE_DELAY_MS = 300;
/** Reviews that took less than this run again as soon as an edit arrives (incremental re-reviews of long documents do, even on a busy machine). */
export const IMMEDIATE_REVIEW_MS = 250;
const MAX_CHANGE_DELAY_MS = 3000;

type Trigger = 'open' | 'change' | 'save' | 'settings';

interface DocumentState {
	version: number;
	file: string;
	findings: Finding[];
	ruleSet?: RuleSet;
}

/**
 * The language server: keeps open documents, reviews them through ReviewService with the configuration that
 * applies to each (configuration file, then editor settings on top), and publishes diagnostics. Every handler
 * catches its own errors: a bad document or configuration is logged, never fatal.
 */
export class AccountableServer {
	readonly documents = new TextDocuments(TextDocument);
	private configs = new ConfigResolver();
	private readonly services = new Map<string, ReviewService>();
	private readonly states = new Map<string, DocumentState>();
	private readonly settingsCache = new Map<string, Promise<EditorSettings>>();
	private readonly debouncer = new Debouncer();
	private readonly opening = new Set<string>();
	/** How long each open document's last review took. */
	private readonly reviewMs = new Map<string, number>();
	/** Per open document, what the engine keeps to re-review only what an edit changed. */
	private readonly incremental = new Map<string, IncrementalState>();
	/** Files with configuration or rule-pack problems, and the diagnostics shown on each. */
	private loadProblems = new Map<string, Diagnostic[]>();
	/** Rule folders in use, so a change under one reloads the rules. */
	private readonly packDirs = new Set<string>();
	/** Configuration files in use and their modification times, for clients without file watchers. */
	private readonly configStamps = new Map<string, number>();
	private trusted = true;
	private clientSettings: unknown;
	folders: string[] = [];
	readonly capabilities = { configuration: false, workDoneProgress: false, showDocument: false, watchedFiles: false, configurationRegistration: false, workspaceFolders: false };
	private readonly commands: CommandHandlers;

	constructor(readonly connection: Connection) {
		this.commands = new CommandHandlers(this);
	}

	listen(): void {
		const c = this.connection;
		c.onInitialize((params) => this.initialize(params));
		c.onInitialized(() => this.guard('initialized', () => this.initialized()));
		this.documents.onDidOpen(({ document }) =>
			this.guard('didOpen', () => {
				this.opening.add(document.uri);
				this.schedule(document.uri, 'open', 0);
			}),
		);
		this.documents.onDidChangeContent(({ document }) =>
			this.guard('didChange', () => {
				// TextDocuments also reports the content of a document it has just opened.
				if (this.opening.delete(document.uri)) return;
				// A review blocks the server while it runs. Quick ones (re-reviews are incremental) run at once;
				// edits that arrive meanwhile are coalesced into the next. Slow ones (the first review of a long
				// document) wait for a pause in typing as long as they took.
				const last = this.reviewMs.get(document.uri) ?? 0;
				this.schedule(document.uri, 'change', last < IMMEDIATE_REVIEW_MS ? 0 : Math.max(CHANGE_DELAY_MS, Math.min(last, MAX_CHANGE_DELAY_MS)));
			}),
		);
		this.documents.onDidSave(({ document }) => this.guard('didSave', () => this.schedule(document.uri, 'save', 0)));
		this.documents.onDidClose(({ document }) =>
			this.guard('didClose', () => {
				this.opening.delete(document.uri);
				this.debouncer.cancel(document.uri);
				this.states.delete(document.uri);
				this.settingsCache.delete(document.uri);
				this.reviewMs.delete(document.uri);
				this.incremental.delete(document.uri);
				void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
			}),
		);
		c.onDidChangeConfiguration((params) =>
			this.guard('didChangeConfiguration', () => {
				if (!this.capabilities.configuration) {
					const settings = (params.settings ?? {}) as Record<string, unknown>;
					this.clientSettings = settings.accountable ?? settings;
				}
				this.settingsCache.clear();
				this.reviewOpenDocuments('settings');
			}),
		);
		c.onDidChangeWatchedFiles((params) =>
			this.guard('didChangeWatchedFiles', () => {
				const relevant = params.changes.some((change) => this.isConfigOrRuleFile(change.uri));
				if (relevant) this.reload('a configuration file or rule pack changed');
			}),
		);
		c.onHover((params) =>
			this.guard('hover', () => {
				const state = this.states.get(params.textDocument.uri);
				if (!state) return null;
				const rules = new Map((state.ruleSet?.rules ?? []).map((r) => [r.id, r] as [string, Rule]));
				return hoverFor(state.findings, params.position, (id) => rules.get(id)) ?? null;
			}, null),
		);
		c.onCodeAction((params) => this.guard('codeAction', () => codeActionsFor(params), []));
		c.onExecuteCommand(async (params, token) => {
			try {
				return await this.commands.execute(params.command, params.arguments ?? [], token, params.workDoneToken);
			} catch (e) {
				this.logError(`command ${params.command}`, e);
				void c.window.showErrorMessage(`Accountable: ${(e as Error).message}`);
				return null;
			}
		});
		c.onRequest(Requests.rules, (params: RulesParams | undefined) => this.guard('rules', () => this.ruleSummaries(params?.uri), []));
		registerDocxRequest(c);
		registerReportRequest(this);
		c.onShutdown(() => this.debouncer.cancelAll());
		this.documents.listen(c);
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
		this.trusted = options.trusted !== false;
		// Helix passes its `config` table as initialization options: { accountable: { … } }.
		this.clientSettings = options.settings ?? (options as { accountable?: unknown }).accountable;
		const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : params.rootPath ? [fileUri(params.rootPath)] : []);
		this.folders = folders.map(uriToPath).filter((p): p is string => p !== undefined);
		this.log(`Accountable language server started (${this.trusted ? 'trusted' : 'untrusted: rule packs are not loaded'}; folders: ${this.folders.join(', ') || 'none'})`);
		return {
			capabilities: {
				textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
				hoverProvider: true,
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
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
				this.guard('didChangeWorkspaceFolders', () => {
					const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
					this.folders = [...this.folders.filter((f) => !removed.has(f)), ...event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
				}),
			);
		}
	}

	// ---- reviewing documents ------------------------------------------------------------------------------

	private schedule(uri: string, trigger: Trigger, delay: number): void {
		this.debouncer.schedule(uri, delay, () => this.reviewOpenDocument(uri, trigger));
	}

	reviewOpenDocuments(trigger: Trigger): void {
		for (const document of this.documents.all()) this.schedule(document.uri, trigger, 0);
	}

	/** Reviews an open document unless a newer version arrived while its settings were fetched. */
	private async reviewOpenDocument(uri: string, trigger: Trigger): Promise<void> {
		try {
			const document = this.documents.get(uri);
			if (!document || !isReviewable(document)) return;
			const version = document.version;
			const settings = await this.settingsFor(uri);
			const current = this.documents.get(uri);
			if (!current || current.version !== version) return; // superseded: the newer version is scheduled
			if (!settings.enable) {
				this.states.delete(uri);
				void this.connection.sendDiagnostics({ uri, diagnostics: [] });
				return;
			}
			// Clients without file watchers (Neovim 0.7, for one) still see edits to configuration files they
			// save, when the next review notices the file changed on disk.
			if (!this.capabilities.watchedFiles && this.configFilesChanged()) {
				this.reload('a configuration file changed on disk'); // reviews every open document again
				return;
			}
			// A Word document's review view cannot be saved: its only changes are reloads of the .docx, which
			// was saved in Word, so they are reviewed whatever accountable.run says.
			if (trigger === 'change' && settings.run === 'onSave' && !isWordReviewView(uri)) {
				this.trace(`not reviewing ${uri} v${version} until it is saved (accountable.run is onSave)`);
				return;
			}
			const file = this.fileFor(uri, document.languageId);
			const started = Date.now();
			const diagnostics = this.reviewText(uri, file, document.getText(), document.languageId, settings, version);
			void this.connection.sendDiagnostics({ uri, version, diagnostics });
			this.reviewMs.set(uri, Date.now() - started);
			this.trace(`reviewed ${path.basename(file)} v${version} (${trigger}): ${diagnostics.length} diagnostics in ${Date.now() - started} ms`);
		} catch (e) {
			this.logError(`review of ${uri}`, e);
		}
	}

	/** Reviews one text and remembers the findings for hovers; returns the diagnostics to publish. */
	reviewText(uri: string, file: string, text: string, languageId: string | undefined, settings: EditorSettings, version = 0): Diagnostic[] {
		if (isIgnored(file, this.configs)) {
			this.states.delete(uri);
			return [];
		}
		// Hovers are only asked for open documents; a workspace review keeps no state for the others.
		const remember = (state: DocumentState): void => {
			if (this.documents.get(uri)) this.states.set(uri, state);
		};
		if (text.length > settings.maxDocumentSize) {
			remember({ version, file, findings: [] });
			return [tooLargeDiagnostic(text.length, settings.maxDocumentSize)];
		}
		const service = this.serviceFor(settings.packs, file);
		const format = languageId === 'markdown' ? 'markdown' : formatForPath(file);
		const open = this.documents.get(uri) !== undefined;
		if (open && !this.incremental.has(uri)) this.incremental.set(uri, {});
		const review = service.review(file, text, reviewOverrides(settings), format, open ? this.incremental.get(uri) : undefined);
		this.noteLoadProblems(review);
		if (review.binary) {
			remember({ version, file, findings: [] });
			return [binaryDiagnostic()];
		}
		if (review.skipped || !review.result) {
			const limit = review.config.maxDocumentSize ?? text.length;
			remember({ version, file, findings: [] });
			return [tooLargeDiagnostic(text.length, limit)];
		}
		remember({ version, file, findings: review.result.findings, ruleSet: service.ruleSetFor(file) });
		return review.result.findings.map((f) => toDiagnostic(f, uri));
	}

	/** One ReviewService per set of editor rule packs; all share the configuration resolver. */
	serviceFor(packs: readonly string[], file: string): ReviewService {
		const base = this.folderOf(file) ?? path.dirname(file);
		const absolute = packs.map((p) => path.resolve(base, p));
		const key = absolute.join('\0');
		let service = this.services.get(key);
		if (!service) {
			service = new ReviewService(this.configs, { extraPacks: absolute, loadPacks: this.trusted });
			this.services.set(key, service);
		}
		if (this.trusted) for (const p of absolute) this.packDirs.add(p);
		return service;
	}

	get configResolver(): ConfigResolver {
		return this.configs;
	}

	async settingsFor(uri: string): Promise<EditorSettings> {
		if (!this.capabilities.configuration) return normalizeSettings(this.clientSettings);
		let pending = this.settingsCache.get(uri);
		if (!pending) {
			pending = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'accountable' }).then(
				(raw: unknown) => normalizeSettings(raw),
				(e: unknown) => {
					this.logError('workspace/configuration', e);
					return normalizeSettings(undefined);
				},
			);
			this.settingsCache.set(uri, pending);
		}
		return pending;
	}

	/** Forgets every configuration and rule set read so far and reviews the open documents again. */
	reload(why: string): void {
		this.log(`Reloading configuration and rules: ${why}`);
		this.configs = new ConfigResolver();
		this.services.clear();
		this.packDirs.clear();
		this.configStamps.clear();
		const previous = this.loadProblems;
		this.loadProblems = new Map();
		for (const uri of previous.keys()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
		this.reviewOpenDocuments('settings');
	}

	/** Shows configuration and rule-pack errors on the files they are in, at their lines. */
	private noteLoadProblems(review: FileReview): void {
		if (this.trusted) for (const p of review.config.packs) this.packDirs.add(p);
		for (const file of review.config.files) if (!this.configStamps.has(file)) this.configStamps.set(file, stamp(file));
		const byFile = new Map<string, LoadError[]>();
		for (const error of review.errors) byFile.set(error.file, [...(byFile.get(error.file) ?? []), error]);
		for (const [file, errors] of byFile) {
			const uri = fileUri(file);
			const lines = readLines(file);
			const isConfig = CONFIG_NAMES.includes(path.basename(file));
			const diagnostics = errors.map((e) => loadErrorDiagnostic(e, (n) => lines[n], isConfig));
			const previous = this.loadProblems.get(uri);
			if (previous && JSON.stringify(previous) === JSON.stringify(diagnostics)) continue;
			this.loadProblems.set(uri, diagnostics);
			for (const e of errors) this.log(`${file}:${e.line}: ${e.message}`);
			void this.connection.sendDiagnostics({ uri, diagnostics });
		}
	}

	private configFilesChanged(): boolean {
		for (const [file, seen] of this.configStamps) if (stamp(file) !== seen) return true;
		return false;
	}

	private isConfigOrRuleFile(uri: string): boolean {
		const file = uriToPath(uri);
		if (!file) return false;
		if (CONFIG_NAMES.includes(path.basename(file))) return true;
		const dirs = [...this.packDirs, safeBuiltinRulesDir()].filter((d): d is string => d !== undefined);
		return dirs.some((dir) => {
			const relative = path.relative(dir, file);
			return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
		});
	}

	ruleSummaries(uri: string | undefined): RuleSummary[] {
		const file = uri ? this.fileFor(uri, undefined) : path.join(this.folders[0] ?? process.cwd(), 'untitled.md');
		const rules = this.serviceFor([], file).ruleSetFor(file).rules;
		return rules.filter((r) => !r.spec.provision).map((r) => ({ id: r.id, category: r.category, severity: r.spec.severity, summary: r.spec.summary, docUrl: r.docUrl }));
	}

	ruleById(ruleId: string, uri: string | undefined): Rule | undefined {
		const state = uri ? this.states.get(uri) : undefined;
		const fromState = state?.ruleSet?.rules.find((r) => r.id === ruleId);
		if (fromState) return fromState;
		const file = uri ? this.fileFor(uri, undefined) : path.join(this.folders[0] ?? process.cwd(), 'untitled.md');
		return this.serviceFor([], file).ruleSetFor(file).rules.find((r) => r.id === ruleId);
	}

	// ---- paths ---------------------------------------------------------------------------------------------

	/** The path a document's configuration is found from; untitled documents count as in the first folder. */
	fileFor(uri: string, languageId: string | undefined): string {
		const file = uriToPath(uri);
		if (file) return file;
		return path.join(this.folders[0] ?? process.cwd(), languageId === 'markdown' ? 'untitled.md' : 'untitled.txt');
	}

	folderOf(file: string): string | undefined {
		return this.folders
			.filter((f) => {
				const r = path.relative(f, file);
				return !r.startsWith('..') && !path.isAbsolute(r);
			})
			.sort((a, b) => b.length - a.length)[0];
	}

	// ---- logging and safety --------------------------------------------------------------------------------

	/** Runs a handler; logs and returns `fallback` on any error so no input can take the server down. */
	guard<T>(what: string, run: () => T, fallback?: T): T {
		try {
			return run();
		} catch (e) {
			this.logError(what, e);
			return fallback as T;
		}
	}

	log(message: string): void {
		this.connection.console.log(message);
	}

	/** Per-review detail: shown when the client's log level is debug (VS Code: "Set Log Level…" on the channel). */
	trace(message: string): void {
		this.connection.console.debug(message);
	}

	logError(what: string, e: unknown): void {
		this.connection.console.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
	}

	isCancelled(tokens: ReadonlyArray<CancellationToken | undefined>): boolean {
		return tokens.some((t) => t?.isCancellationRequested);
	}
}

function isReviewable(document: TextDocument): boolean {
	return LANGUAGES.has(document.languageId) || REVIEWED_PATH.test(document.uri);
}

export function uriToPath(uri: string): string | undefined {
	// A Word document's review view is configured (and ignored) as the .docx on disk.
	if (isWordReviewView(uri)) return wordDocumentPath(uri);
	if (!uri.startsWith('file:')) return undefined;
	try {
		return fileURLToPath(uri);
	} catch {
		return undefined;
	}
}

function readLines(file: string): string[] {
	try {
		return fs.readFileSync(file, 'utf8').split(/\r?\n/);
	} catch {
		return [];
	}
}

/** A file's modification time, or -1 when it is gone. */
function stamp(file: string): number {
	try {
		return fs.statSync(file).mtimeMs;
	} catch {
		return -1;
	}
}

function safeBuiltinRulesDir(): string | undefined {
	try {
		return builtinRulesDir();
	} catch {
		return undefined;
	}
}
