/**
 * What the language server and its clients agree on: command ids, custom requests, the `data` a diagnostic
 * carries and the arguments commands take. Shared by the server and the VS Code extension; no imports, so the
 * extension bundle pulls in nothing else from the server.
 */

/** Commands the server executes (workspace/executeCommand). Every code action is also one of these. */
export const ServerCommands = {
	reviewWorkspace: 'accountable.reviewWorkspace',
	showRuleDocumentation: 'accountable.showRuleDocumentation',
	createConfigurationFile: 'accountable.createConfigurationFile',
	disableRuleForLine: 'accountable.disableRuleForLine',
	disableRuleForFile: 'accountable.disableRuleForFile',
	disableRuleInWorkspace: 'accountable.disableRuleInWorkspace',
	applySuggestion: 'accountable.applySuggestion',
} as const;

/** Commands only the VS Code extension provides. */
export const ClientCommands = {
	restartServer: 'accountable.restartServer',
	showProblems: 'accountable.showProblems',
} as const;

/** Custom requests and notifications, namespaced `accountable/…`. */
export const Requests = {
	/** → RuleSummary[]: the rules that apply to a document (or the built-in set without one). */
	rules: 'accountable/rules',
	/** RuleDocumentationParams → RuleDocumentation | null: a rule's documentation, rendered for reading (no patterns). */
	ruleDocumentation: 'accountable/ruleDocumentation',
	/**
	 * SuggestionsParams → SuggestionData[]: the suggestions of one of our diagnostics of an open document (those
	 * of the last review's finding with its rule, range and message; none when there is no such finding). A
	 * diagnostic says only how many it has (DiagnosticData.fixes).
	 */
	suggestions: 'accountable/suggestions',
} as const;

export interface SuggestionsParams {
	uri: string;
	/** The diagnostic's code, range and message, as published. */
	diagnostic: { code: string; range: LspRange; message: string };
}

/**
 * Requests the web extension's server (server/src/browser) sends to the editor: it runs in a web worker, with
 * no file system, so the extension reads configuration files for it through the workspace file system
 * (vscode.workspace.fs), which also reaches github.dev's and vscode.dev's virtual folders.
 */
export const WorkspaceFileRequests = {
	/** FindConfigurationParams → ConfigurationFileText | null: the nearest configuration file at or above a folder, within its workspace folder. */
	findConfiguration: 'accountable/findConfiguration',
	/** ReadConfigurationParams → ConfigurationFileText: one file (what a configuration `extends`). */
	readConfiguration: 'accountable/readConfiguration',
} as const;

export interface FindConfigurationParams {
	/** The folder of the reviewed document (a URI). */
	folder: string;
	/** The names looked for in each folder, in order. */
	names: string[];
	/** A larger file is not read (reported instead). */
	maxBytes: number;
}

export interface ReadConfigurationParams {
	uri: string;
	maxBytes: number;
}

/** A configuration file's text, or why it could not be read. */
export interface ConfigurationFileText {
	uri: string;
	text?: string;
	error?: string;
}

export interface RuleDocumentationParams {
	ruleId: string;
	/** The document the rule applied to (its rule packs); the built-in rules without one. */
	uri?: string;
}

export interface RuleDocumentation {
	ruleId: string;
	title: string;
	markdown: string;
}

/**
 * Notification (server → client) after each review of an open document: the profile it used and why, so the
 * editor can show it (VS Code: the status bar item's tooltip).
 */
export const DOCUMENT_PROFILE_NOTIFICATION = 'accountable/documentProfile';

export interface DocumentProfileParams {
	uri: string;
	profile: string;
	reason: string;
}

export const DIAGNOSTIC_SOURCE = 'accountable';

/** Diagnostic codes that are not rule ids (the server's own messages). */
export const ServerCodes = {
	tooLarge: 'accountable/document-too-large',
	binary: 'accountable/binary-document',
	unreadableDocx: 'accountable/unreadable-word-document',
	configError: 'accountable/configuration-error',
	rulePackError: 'accountable/rule-pack-error',
	reviewFailed: 'accountable/review-failed',
	tooManyFindings: 'accountable/too-many-findings',
} as const;

export interface LspPosition {
	line: number;
	character: number;
}
export interface LspRange {
	start: LspPosition;
	end: LspPosition;
}

/** A suggestion as a diagnostic carries it: enough for a client to build the edit itself. */
export interface SuggestionData {
	kind: 'replace' | 'insert';
	title: string;
	text: string;
	range: LspRange;
}

/**
 * What code actions and the client's commands need of a finding's diagnostic. Its rule id is the
 * diagnostic's `code` and its documentation link the `codeDescription`; `data` carries only the rest, and
 * only what differs from the usual (DiagnosticData), so a document with thousands of findings is not sent
 * the same fields thousands of times on every keystroke. findingData (diagnostics.ts) reads it all back.
 * The suggestions are not sent with the diagnostic (they were half of each publish): `data.fixes` says how
 * many there are, and the server gives them as quick fixes or on request (Requests.suggestions).
 */
export interface FindingData {
	ruleId: string;
	category: string;
	docUrl: string;
	scope: 'span' | 'section' | 'document';
	quoted?: boolean;
}

/**
 * `Diagnostic.data` of a finding: its scope when not 'span', quoted when true, and how many suggestions it
 * has when it has any (`fixes`). `suggestions` is read when present (a diagnostic made by an earlier server)
 * but no longer sent.
 */
export type DiagnosticData = Partial<Pick<FindingData, 'scope' | 'quoted'>> & { fixes?: number; suggestions?: SuggestionData[] };

/** Arguments of the per-finding commands (one object, so keyboard and voice users can call them too). */
export interface FindingCommandArgs {
	uri: string;
	ruleId: string;
	/** 0-based line the finding starts on. */
	line?: number;
	/** Why the rule is disabled; written after `--` in the comment. */
	reason?: string;
	docUrl?: string;
	suggestion?: SuggestionData;
}

export interface RulesParams {
	uri?: string;
}

export interface RuleSummary {
	id: string;
	category: string;
	severity: string;
	summary: string;
	docUrl: string;
}

/** Sent by the client in `initializationOptions`. */
export interface InitializationOptions {
	/** False in an untrusted VS Code workspace: rule packs are then not loaded. */
	trusted?: boolean;
	/** Settings for clients without workspace/configuration. */
	settings?: unknown;
	/** The client runs `command:` links in hovers (VS Code, with the command trusted): "Rule documentation" links run Show Rule Documentation. */
	commandLinks?: boolean;
	/** The folder the client installed Accountable in: documents in it are never reviewed. */
	extensionFolder?: string;
	/**
	 * The translations of the server's messages into the editor's language (VS Code's `vscode.l10n.bundle`, from
	 * l10n/bundle.l10n.<locale>.json): absent in English. Passed as contents, so the server reads no file for it.
	 */
	l10nBundle?: Record<string, string>;
}
