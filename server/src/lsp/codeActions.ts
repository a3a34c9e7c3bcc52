import * as l10n from '@vscode/l10n';
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from 'vscode-languageserver';
import type { Finding } from '../engine';
import { findingData, findingSuggestions } from './diagnostics';
import { isWordReviewView } from './docxProtocol';
import { ServerCommands, type FindingCommandArgs } from './protocol';

/**
 * Quick fixes for our diagnostics: apply each suggestion (a replacement or a model clause) as an edit, then
 * the commands that disable the rule (line, file, workspace) and show its documentation. The disable
 * actions are commands, not edits, so a client can ask for a reason first (the VS Code extension does).
 * `documentFindings`: the findings of the document's current text (fix all); `publishedFindings`: those its
 * diagnostics were last published from, where each diagnostic's suggestions are found (findingSuggestions).
 */
export function codeActionsFor(
	params: CodeActionParams,
	documentFindings: () => readonly Finding[] | undefined = () => undefined,
	publishedFindings: () => readonly Finding[] | undefined = documentFindings,
): CodeAction[] {
	const only = params.context.only;
	const uri = params.textDocument.uri;
	// Source actions are only sent when asked for (the Source Action menu, editor.codeActionsOnSave), as
	// VS Code expects; the light bulb asks without `only` and shows quick fixes.
	if (only?.some((kind) => FIX_ALL_KIND.startsWith(kind))) {
		const fixAll = fixAllAction(uri, documentFindings() ?? []);
		return fixAll ? [fixAll] : [];
	}
	if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
	// A Word document's review view is read-only: only the actions that do not edit it make sense there.
	const readOnly = isWordReviewView(uri);
	const fixes: CodeAction[] = [];
	const others: CodeAction[] = [];
	const seenRules = new Set<string>();
	for (const diagnostic of params.context.diagnostics) {
		const data = findingData(diagnostic);
		if (!data) continue;
		if (!readOnly) findingSuggestions(diagnostic, publishedFindings()).forEach((s, i) => {
			fixes.push({
				title: s.kind === 'insert' ? l10n.t('Insert model clause: {0}', s.title) : `${s.title}`,
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
				command(l10n.t('Disable {0} for this line', data.ruleId), ServerCommands.disableRuleForLine),
				command(l10n.t('Disable {0} for this file', data.ruleId), ServerCommands.disableRuleForFile),
			);
		}
		others.push(
			command(l10n.t('Disable {0} in the workspace configuration', data.ruleId), ServerCommands.disableRuleInWorkspace),
			command(l10n.t('Show documentation for {0}', data.ruleId), ServerCommands.showRuleDocumentation),
		);
	}
	return [...fixes, ...others];
}

/** The kind of "Fix all Accountable problems" (editor.codeActionsOnSave: { "source.fixAll.accountable": "explicit" }). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.accountable`;

/**
 * One action that applies every safe fix in the document, as markdownlint's and ESLint's fix-all do; undefined
 * when there is none. A fix is safe to apply unattended when it is the finding's preferred fix (the first, the
 * one the light bulb marks) and the finding is not in quoted or reported text: rewording a quotation would
 * misquote it. A model clause several findings would insert at the same place is inserted once; a fix that
 * overlaps one already taken is left for the next run, after the review has caught up with the edit.
 */
export function fixAllAction(uri: string, findings: readonly Finding[]): CodeAction | undefined {
	if (isWordReviewView(uri)) return undefined;
	const edits = safeFixEdits(findings);
	if (edits.length === 0) return undefined;
	return { title: l10n.t('Fix all Accountable problems'), kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } };
}

export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
	const taken: Array<{ start: number; end: number; text: string }> = [];
	const edits: TextEdit[] = [];
	for (const finding of [...findings].sort((a, b) => a.offsets.start - b.offsets.start)) {
		const fix = finding.suggestions[0];
		if (!fix || finding.quoted || finding.suppression) continue;
		const { start, end } = fix.offsets;
		if (taken.some((t) => t.start === start && t.end === end && t.text === fix.text)) continue; // the same clause, once
		// Overlapping edits are invalid in one workspace edit; two insertions at one point are not overlapping.
		if (taken.some((t) => start < t.end && t.start < end)) continue;
		taken.push({ start, end, text: fix.text });
		edits.push({ range: fix.range, newText: fix.text });
	}
	return edits;
}
