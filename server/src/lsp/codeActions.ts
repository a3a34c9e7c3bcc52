import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import { findingData } from './diagnostics';
import { isWordReviewView } from './docxProtocol';
import { ServerCommands, type FindingCommandArgs } from './protocol';

/**
 * Quick fixes for our diagnostics: apply each suggestion (a replacement or a model clause) as an edit, then
 * the commands that disable the rule (line, file, workspace) and show its documentation. The disable
 * actions are commands, not edits, so a client can ask for a reason first (the VS Code extension does).
 */
export function codeActionsFor(params: CodeActionParams): CodeAction[] {
	const only = params.context.only;
	if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
	const uri = params.textDocument.uri;
	// A Word document's review view is read-only: only the actions that do not edit it make sense there.
	const readOnly = isWordReviewView(uri);
	const fixes: CodeAction[] = [];
	const others: CodeAction[] = [];
	const seenRules = new Set<string>();
	for (const diagnostic of params.context.diagnostics) {
		const data = findingData(diagnostic);
		if (!data) continue;
		if (!readOnly) data.suggestions.forEach((s, i) => {
			fixes.push({
				title: s.kind === 'insert' ? `Insert model clause: ${s.title}` : `${s.title}`,
				kind: CodeActionKind.QuickFix,
				diagnostics: [diagnostic],
				isPreferred: i === 0,
				edit: { changes: { [uri]: [{ range: s.range, newText: s.text }] } },
			});
		});
		// One set of rule-level actions per rule, even when it has several findings in the range.
		if (seenRules.has(data.ruleId)) continue;
		seenRules.add(data.ruleId);
		const args: FindingCommandArgs = { uri, ruleId: data.ruleId, line: diagnostic.range.start.line, docUrl: data.docUrl };
		const command = (title: string, id: string): CodeAction => ({
			title,
			kind: CodeActionKind.QuickFix,
			diagnostics: [diagnostic],
			command: { title, command: id, arguments: [args] },
		});
		if (!readOnly) {
			others.push(
				command(`Disable ${data.ruleId} for this line`, ServerCommands.disableRuleForLine),
				command(`Disable ${data.ruleId} for this file`, ServerCommands.disableRuleForFile),
			);
		}
		others.push(
			command(`Disable ${data.ruleId} in the workspace configuration`, ServerCommands.disableRuleInWorkspace),
			command(`Show documentation for ${data.ruleId}`, ServerCommands.showRuleDocumentation),
		);
	}
	return [...fixes, ...others];
}
