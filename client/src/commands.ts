import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { isWordReviewView, readOnlyViewMessage } from '../../server/src/lsp/docxProtocol';
import { openRuleDocumentation } from './ruleDocumentation';
import { DIAGNOSTIC_SOURCE, Requests, ServerCommands, type DiagnosticData, type FindingCommandArgs, type RuleSummary, type SuggestionData, type SuggestionsParams } from '../../server/src/lsp/protocol';

type Next = (command: string, args: unknown[]) => vscode.ProviderResult<unknown>;

/**
 * The server's commands, as VS Code runs them (from a quick fix, the palette, a key binding or voice). The
 * server does the work; this fills in what only the editor knows: the finding under the cursor when a command
 * comes without arguments, a reason for disabling a rule, and where to show documentation.
 */
export async function commandMiddleware(command: string, args: unknown[], next: Next, client: () => LanguageClient | undefined): Promise<unknown> {
	switch (command) {
		case ServerCommands.disableRuleForLine:
		case ServerCommands.disableRuleForFile: {
			const finding = (args[0] as FindingCommandArgs | undefined) ?? (await findingAtCursor());
			if (!finding) return undefined;
			refuseReadOnlyView(finding); // before asking for a reason that could not be written
			let reason = finding.reason;
			if (reason === undefined) {
				reason = await vscode.window.showInputBox({
					title: command === ServerCommands.disableRuleForLine ? vscode.l10n.t('Disable {0} for this line', finding.ruleId) : vscode.l10n.t('Disable {0} for this file', finding.ruleId),
					prompt: vscode.l10n.t('Why? The reason is written in the comment and kept in reports (optional).'),
					placeHolder: vscode.l10n.t('e.g. quoted from the statute we are amending'),
					ignoreFocusOut: true,
				});
				if (reason === undefined) return undefined; // Escape cancels
			}
			return next(command, [{ ...finding, reason }]);
		}
		case ServerCommands.disableRuleInWorkspace: {
			const finding = (args[0] as FindingCommandArgs | undefined) ?? (await findingAtCursor());
			if (!finding) return undefined;
			const result = (await next(command, [finding])) as { file: string; created: boolean } | null | undefined;
			if (result?.file) {
				void vscode.window.showInformationMessage(vscode.l10n.t('{0} is now off in {1}.', finding.ruleId, vscode.Uri.file(result.file).path.split('/').pop() ?? result.file), vscode.l10n.t('Open')).then((choice) => {
					if (choice) void vscode.window.showTextDocument(vscode.Uri.file(result.file));
				});
			}
			return result;
		}
		case ServerCommands.applySuggestion: {
			const finding = (args[0] as FindingCommandArgs | undefined) ?? (await findingAtCursor(true));
			if (!finding) return undefined;
			refuseReadOnlyView(finding);
			let suggestion = finding.suggestion;
			if (!suggestion) {
				// The diagnostic says how many suggestions its finding has; the server has them (the last review's).
				const suggestions = await suggestionsOf(finding, client());
				if (suggestions.length === 0) {
					void vscode.window.showWarningMessage(vscode.l10n.t('Accountable: there is no finding with a suggestion at the cursor.'));
					return undefined;
				}
				suggestion = await pickSuggestion(suggestions);
			}
			if (!suggestion) return undefined;
			return next(command, [{ ...finding, suggestion }]);
		}
		case ServerCommands.showRuleDocumentation:
			return showRuleDocumentation(args[0], client());
		case ServerCommands.createConfigurationFile: {
			if (args.length > 0 || (vscode.workspace.workspaceFolders?.length ?? 0) < 2) return next(command, args);
			const folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Where should .accountable.yaml go?') });
			return folder ? next(command, [{ folder: folder.uri.fsPath }]) : undefined;
		}
		case ServerCommands.reviewWorkspace: {
			const summary = (await next(command, args)) as { files: number; findings: number; cancelled: boolean } | null | undefined;
			if (summary) {
				const files = summary.files === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', summary.files);
				const findings = summary.findings === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', summary.findings);
				void vscode.window.showInformationMessage(
					summary.cancelled
						? vscode.l10n.t('Accountable stopped after {0}: {1} in the Problems panel.', files, findings)
						: vscode.l10n.t('Accountable reviewed {0}: {1} in the Problems panel.', files, findings),
				);
			}
			return summary;
		}
		default:
			return next(command, args);
	}
}

/** Commands that edit the document cannot work in a Word document's read-only review view: say so plainly. */
function refuseReadOnlyView(finding: FindingCommandArgs): void {
	if (isWordReviewView(finding.uri)) throw new Error(`Accountable: ${readOnlyViewMessage(vscode.l10n.t)}.`);
}

interface CursorFinding extends FindingCommandArgs {
	/** How many suggestions the finding has (DiagnosticData.fixes). */
	fixes: number;
	/** The diagnostic as the server published it: how the server finds its suggestions (Requests.suggestions). */
	diagnostic: SuggestionsParams['diagnostic'];
	/** Its suggestions, when the diagnostic carries them (one published by an earlier server). */
	suggestions?: SuggestionData[];
}

/** The Accountable finding under the cursor; asks which one when several overlap. */
async function findingAtCursor(needsSuggestion = false): Promise<CursorFinding | undefined> {
	const editor = vscode.window.activeTextEditor;
	if (!editor) {
		void vscode.window.showWarningMessage(vscode.l10n.t('Accountable: open a document and put the cursor on a finding first.'));
		return undefined;
	}
	const position = editor.selection.active;
	const here = vscode.languages
		.getDiagnostics(editor.document.uri)
		.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.contains(position))
		.map((d) => toFinding(d, editor.document.uri))
		.filter((f): f is CursorFinding => f !== undefined && (!needsSuggestion || f.fixes > 0));
	if (here.length === 0) {
		void vscode.window.showWarningMessage(needsSuggestion ? vscode.l10n.t('Accountable: there is no finding with a suggestion at the cursor.') : vscode.l10n.t('Accountable: there is no finding at the cursor.'));
		return undefined;
	}
	if (here.length === 1) return here[0];
	const picked = await vscode.window.showQuickPick(
		here.map((f) => ({ label: f.ruleId, finding: f })),
		{ placeHolder: vscode.l10n.t('Which finding?') },
	);
	return picked?.finding;
}

function toFinding(d: vscode.Diagnostic, uri: vscode.Uri): CursorFinding | undefined {
	const code = typeof d.code === 'object' ? d.code : d.code === undefined ? undefined : { value: d.code, target: undefined };
	if (!code) return undefined;
	// vscode-languageclient keeps the server's `data` on the diagnostics it creates.
	const data = (d as vscode.Diagnostic & { data?: DiagnosticData }).data;
	const carried = Array.isArray(data?.suggestions) ? data.suggestions : undefined;
	const position = (p: vscode.Position) => ({ line: p.line, character: p.character });
	return {
		uri: uri.toString(),
		ruleId: String(code.value),
		line: d.range.start.line,
		docUrl: code.target?.toString(),
		fixes: carried?.length ?? data?.fixes ?? 0,
		diagnostic: { code: String(code.value), range: { start: position(d.range.start), end: position(d.range.end) }, message: d.message },
		...(carried ? { suggestions: carried } : {}),
	};
}

/** A finding's suggestions: those its diagnostic carries, else the server's for it. */
async function suggestionsOf(finding: FindingCommandArgs & Partial<Pick<CursorFinding, 'diagnostic' | 'suggestions'>>, client: LanguageClient | undefined): Promise<SuggestionData[]> {
	if (finding.suggestions && finding.suggestions.length > 0) return finding.suggestions;
	if (!finding.diagnostic || !client) return [];
	const params: SuggestionsParams = { uri: finding.uri, diagnostic: finding.diagnostic };
	return (await client.sendRequest<SuggestionData[] | null>(Requests.suggestions, params)) ?? [];
}

async function pickSuggestion(suggestions: SuggestionData[]): Promise<SuggestionData | undefined> {
	if (suggestions.length <= 1) return suggestions[0];
	const picked = await vscode.window.showQuickPick(
		suggestions.map((s) => ({ label: s.title, detail: s.text, suggestion: s })),
		{ placeHolder: vscode.l10n.t('Which suggestion?') },
	);
	return picked?.suggestion;
}

/**
 * Shows a rule's documentation, rendered (ruleDocumentation.ts): the rule given, else the one under the
 * cursor, else one picked from the rules that apply to the active document.
 */
async function showRuleDocumentation(arg: unknown, client: LanguageClient | undefined): Promise<{ uri: string } | undefined> {
	let ruleId: string | undefined;
	let documentUri = vscode.window.activeTextEditor?.document.uri.toString();
	if (typeof arg === 'string') ruleId = arg;
	else if (arg && typeof arg === 'object') {
		const given = arg as Partial<FindingCommandArgs>;
		ruleId = given.ruleId;
		documentUri = given.uri ?? documentUri;
	}
	const editor = vscode.window.activeTextEditor;
	if (!ruleId && editor) {
		const atCursor = vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.source === DIAGNOSTIC_SOURCE && d.range.contains(editor.selection.active));
		if (atCursor) ruleId = toFinding(atCursor, editor.document.uri)?.ruleId;
	}
	if (!ruleId && client) {
		const rules = await client.sendRequest<RuleSummary[]>(Requests.rules, { uri: documentUri });
		const picked = await vscode.window.showQuickPick(
			rules.map((r) => ({ label: r.id, description: r.severity, detail: r.summary, rule: r })),
			{ placeHolder: vscode.l10n.t('Show the documentation of which rule?'), matchOnDetail: true },
		);
		ruleId = picked?.rule.id;
	}
	if (!ruleId) return undefined;
	const uri = await openRuleDocumentation(ruleId, documentUri);
	return { uri: uri.toString() };
}
