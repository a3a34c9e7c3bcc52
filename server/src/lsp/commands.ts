import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CancellationToken, Connection, ProgressToken, TextEdit, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { count } from '../engine';
import { CONFIG_NAMES, findConfigFile } from '../node/config';
import { isInside } from '../node/files';
import { DEFAULT_MAX_DOCUMENT_SIZE } from '../node/reviewService';
import { bytesForCharacters, readBoundedText } from '../node/safeRead';
import type { ServerConfiguration } from './configuration';
import { unreadableDocxDiagnostic } from './diagnostics';
import { fileUri } from './fileUri';
import { readConversion } from './docxRequest';
import { DocxError, isWordDocument } from '../node/docx';
import type { DocumentReviews } from './documents';
import { isWordReviewView, readOnlyViewMessage } from './docxProtocol';
import type { ServerLog } from './log';
import type { WorkspacePaths } from './paths';
import { ServerCommands, type FindingCommandArgs } from './protocol';
import type { EditorSettings } from './settings';
import { disableForFileEdit, disableForLineEdit } from './suppressionEdits';
import { CONFIG_TEMPLATE, disableRuleInConfig, writeConfigFile } from './workspaceConfig';
import { reviewWorkspace, type WorkspaceReviewSummary } from './workspaceReview';

/** What the commands need of the server (session.ts hands itself over). */
export interface CommandContext {
	readonly connection: Connection;
	readonly capabilities: { readonly showDocument: boolean; readonly workDoneProgress: boolean };
	readonly paths: WorkspacePaths;
	readonly configuration: ServerConfiguration;
	readonly reviews: DocumentReviews;
	readonly log: ServerLog;
	reload(why: string): void;
}

/** workspace/executeCommand: every code action is also a command, for keyboard and voice users. */
export class CommandHandlers {
	constructor(private readonly server: CommandContext) {}

	async execute(command: string, args: unknown[], token: CancellationToken, workDoneToken: ProgressToken | undefined): Promise<unknown> {
		switch (command) {
			case ServerCommands.reviewWorkspace:
				return this.reviewWorkspace(token, workDoneToken);
			case ServerCommands.applySuggestion: {
				const a = editableFindingArgs(args);
				if (!a.suggestion) throw new Error('applySuggestion needs a suggestion');
				return this.applyEdit(a.uri, { range: a.suggestion.range, newText: a.suggestion.text }, a.suggestion.title);
			}
			case ServerCommands.disableRuleForLine: {
				const a = editableFindingArgs(args);
				if (a.line === undefined) throw new Error('disableRuleForLine needs a line');
				return this.applyEdit(a.uri, disableForLineEdit(this.textOf(a.uri), a.line, a.ruleId, a.reason), `Disable ${a.ruleId} for this line`);
			}
			case ServerCommands.disableRuleForFile: {
				const a = editableFindingArgs(args);
				return this.applyEdit(a.uri, disableForFileEdit(this.textOf(a.uri), a.ruleId, a.reason), `Disable ${a.ruleId} for this file`);
			}
			case ServerCommands.disableRuleInWorkspace:
				return this.disableInWorkspace(findingArgs(args));
			case ServerCommands.showRuleDocumentation:
				return this.showDocumentation(args[0]);
			case ServerCommands.createConfigurationFile:
				return this.createConfigurationFile(args[0]);
			default:
				throw new Error(`unknown command ${command}`);
		}
	}

	private textOf(uri: string): string {
		const open = this.server.reviews.documents.get(uri);
		if (open) return open.getText();
		return readBoundedText(this.server.paths.fileFor(uri, undefined), bytesForCharacters(DEFAULT_MAX_DOCUMENT_SIZE));
	}

	private async applyEdit(uri: string, edit: TextEdit, label: string): Promise<{ applied: boolean }> {
		const result = await this.server.connection.workspace.applyEdit({ label, edit: { changes: { [uri]: [edit] } } });
		if (!result.applied) throw new Error(`the editor did not apply the edit${result.failureReason ? `: ${result.failureReason}` : ''}`);
		return { applied: true };
	}

	/** The workspace folder of a document a command acts on: commands write nowhere else. */
	private workspaceFolderOf(file: string): string {
		const folder = this.server.paths.folderOf(file);
		if (!folder) throw new Error(l10n.t("{0} is not in a workspace folder; open its folder to change Accountable's configuration", path.basename(file)));
		return folder;
	}

	/** Sets the rule to `off` in the nearest configuration file, or creates `.accountable.yaml` in the workspace folder. */
	private disableInWorkspace(a: FindingCommandArgs): { file: string; created: boolean } {
		const file = this.server.paths.fileFor(a.uri, undefined);
		const folder = this.workspaceFolderOf(file);
		const nearest = findConfigFile(path.dirname(file));
		// A configuration above the workspace folder (a home folder's, say) is not this command's to change.
		if (nearest && !isInside(path.resolve(nearest), folder)) throw new Error(l10n.t('the configuration that applies, {0}, is outside the workspace folder; add "{1}: off" to it yourself', nearest, a.ruleId));
		const result = disableRuleInConfig(nearest, folder, a.ruleId);
		writeConfigFile(result.file, result.text, folder, result.created);
		this.server.log.log(`${result.created ? 'Created' : 'Updated'} ${result.file}: ${a.ruleId} is off`);
		// Reload now rather than wait for the file watcher, which not every client has.
		this.server.reload(`${a.ruleId} disabled in ${result.file}`);
		return { file: result.file, created: result.created };
	}

	private async showDocumentation(arg: unknown): Promise<{ uri: string } | null> {
		const a = (typeof arg === 'string' ? { ruleId: arg } : (arg ?? {})) as Partial<FindingCommandArgs>;
		const docUrl = a.docUrl ?? (a.ruleId ? this.server.reviews.ruleById(a.ruleId, a.uri)?.docUrl : undefined);
		if (!docUrl) throw new Error(a.ruleId ? `no rule ${a.ruleId}` : 'showRuleDocumentation needs a rule id');
		if (this.server.capabilities.showDocument) await this.server.connection.window.showDocument({ uri: docUrl, takeFocus: true });
		return { uri: docUrl };
	}

	private async createConfigurationFile(arg: unknown): Promise<{ file: string; created: boolean }> {
		const a = (arg ?? {}) as { uri?: string; folder?: string };
		const fromUri = a.uri ? this.server.paths.fileFor(a.uri, undefined) : undefined;
		// Only a workspace folder: a `folder` or `uri` argument cannot aim the command anywhere else.
		const folder = a.folder !== undefined ? this.server.paths.folders.find((f) => path.resolve(f) === path.resolve(String(a.folder))) : fromUri ? this.workspaceFolderOf(fromUri) : this.server.paths.folders[0];
		if (a.folder !== undefined && !folder) throw new Error(l10n.t('{0} is not a workspace folder; the configuration file goes in one', String(a.folder)));
		if (!folder) throw new Error(l10n.t('open a folder first: the configuration file goes in a workspace folder'));
		// lstat, not exists: a dangling link named .accountable.yaml is an existing entry, never written through.
		const existing = CONFIG_NAMES.map((n) => path.join(folder, n)).find((f) => lstatOrUndefined(f) !== undefined);
		const file = existing ?? path.join(folder, '.accountable.yaml');
		// An existing file is only opened; a dangling link is neither opened nor written through (that would create its target).
		if (existing && lstatOrUndefined(existing)!.isSymbolicLink() && !fs.existsSync(existing)) throw new Error(l10n.t('{0} in {1} is a symbolic link to a file that does not exist; Accountable does not create files through links', path.basename(existing), folder));
		if (!existing) {
			writeConfigFile(file, CONFIG_TEMPLATE, folder, true);
			this.server.reload(`created ${file}`);
		}
		if (this.server.capabilities.showDocument) await this.server.connection.window.showDocument({ uri: fileUri(file), takeFocus: true });
		return { file, created: !existing };
	}

	private async reviewWorkspace(token: CancellationToken, workDoneToken: ProgressToken | undefined): Promise<WorkspaceReviewSummary> {
		const server = this.server;
		let reporter: WorkDoneProgressReporter | undefined;
		let progressToken: CancellationToken | undefined;
		if (workDoneToken !== undefined) reporter = server.connection.window.attachWorkDoneProgress(workDoneToken);
		else if (server.capabilities.workDoneProgress) {
			const created = await server.connection.window.createWorkDoneProgress();
			reporter = created;
			progressToken = created.token;
		}
		const settingsByFolder = new Map<string, EditorSettings>();
		for (const folder of server.paths.folders) settingsByFolder.set(folder, await server.configuration.settingsFor(fileUri(folder)));
		const summary = await reviewWorkspace(
			server.paths.folders,
			server.configuration.resolver,
			async (file) => {
				const settings = settingsByFolder.get(server.paths.folderOf(file) ?? '') ?? settingsByFolder.values().next().value;
				if (!settings || !settings.enable) return 0;
				const word = isWordDocument(file);
				// A .docx's findings go on the .docx itself, which opens in the Word review editor when a problem is clicked.
				const uri = fileUri(file);
				let text: string;
				try {
					const limit = bytesForCharacters(settings.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE);
					text = word ? (await readConversion(file)).markdown : (server.reviews.documents.get(uri)?.getText() ?? readBoundedText(file, limit));
				} catch (e) {
					// A .docx that cannot be read says so where its findings would be: nothing looks clean because it failed.
					if (e instanceof DocxError) void server.connection.sendDiagnostics({ uri, diagnostics: [unreadableDocxDiagnostic(`${path.basename(file)} ${e.message}`)] });
					else server.log.error(`reading ${file}`, e);
					return { skipped: (e as Error).message };
				}
				const diagnostics = server.log.guard(`review of ${file}`, () => server.reviews.reviewText(uri, file, text, word ? 'markdown' : undefined, settings), []);
				void server.connection.sendDiagnostics({ uri, diagnostics });
				return diagnostics.length;
			},
			{
				begin: (title, percentage, message, cancellable) => reporter?.begin(title, percentage, message, cancellable),
				report: (percentage, message) => reporter?.report(percentage, message ?? ''),
				done: () => reporter?.done(),
			},
			[token, progressToken],
		);
		server.log.log(`Workspace review: ${count(summary.findings, 'finding')} in ${count(summary.files, 'file')}${summary.cancelled ? ' (cancelled)' : ''}`);
		// Nothing passed over in silence: each skipped file or folder is logged, and the user told there were some.
		for (const s of summary.skipped) server.log.log(`Not reviewed: ${s.file} ${s.reason}`);
		if (summary.skipped.length > 0) {
			const first = `${path.basename(summary.skipped[0]!.file)} ${summary.skipped[0]!.reason}`;
			const message = summary.skipped.length === 1
				? l10n.t('Accountable: 1 file or folder not reviewed ({0}). See the Accountable output for the list.', first)
				: l10n.t('Accountable: {0} files or folders not reviewed (first: {1}). See the Accountable output for the list.', summary.skipped.length, first);
			void server.connection.window.showWarningMessage(message);
		}
		return summary;
	}
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
	try {
		return fs.lstatSync(file);
	} catch {
		return undefined;
	}
}

/** Arguments of a command that edits the document: a Word document's review view is read-only. */
function editableFindingArgs(args: unknown[]): FindingCommandArgs {
	const a = findingArgs(args);
	if (isWordReviewView(a.uri)) throw new Error(readOnlyViewMessage(l10n.t));
	return a;
}

function findingArgs(args: unknown[]): FindingCommandArgs {
	const a = args[0] as Partial<FindingCommandArgs> | undefined;
	if (!a || typeof a.uri !== 'string' || typeof a.ruleId !== 'string') throw new Error(l10n.t('this command needs a document and a rule id (run it from a quick fix or with the cursor on a finding)'));
	return a as FindingCommandArgs;
}
