import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../../server/src/lsp/protocol';
import { SHOW_REPORT_COMMAND } from './report/reportView';

/**
 * The first-run guide (package.json `walkthroughs`): each step's button runs one of these commands, which
 * act on the example draft whatever has the focus (the guide itself, when the button is clicked), and each
 * step is ticked off when its command runs. The example opens as an unsaved copy: a user can try the fixes
 * on it, and the copy bundled with the extension is never changed nor reviewed.
 */
export const WalkthroughCommands = {
	openGuide: 'accountable.openWalkthrough',
	openExample: 'accountable.openExample',
	showFinding: 'accountable.walkthrough.showFinding',
	explainFinding: 'accountable.walkthrough.explainFinding',
	fixFinding: 'accountable.walkthrough.fixFinding',
	showReport: 'accountable.walkthrough.showReport',
} as const;

export const WALKTHROUGH_ID = 'accountable.accountable#firstRun';
const EXAMPLE_NAME = 'draft-state-bill.md';
/** The finding the guide walks through: it has a fix that rewrites the condition. */
const EXAMPLE_RULE = 'conditional-services/cooperation-required';

export function registerWalkthrough(context: vscode.ExtensionContext): void {
	const example = vscode.Uri.from({ scheme: 'untitled', path: EXAMPLE_NAME });
	const exampleText = (): string => fs.readFileSync(context.asAbsolutePath(`examples/${EXAMPLE_NAME}`), 'utf8');
	context.subscriptions.push(
		vscode.commands.registerCommand(WalkthroughCommands.openGuide, () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false)),
		vscode.commands.registerCommand(WalkthroughCommands.openExample, () => openExample(example, exampleText)),
		vscode.commands.registerCommand(WalkthroughCommands.showFinding, async () => {
			const editor = await focusFinding(example, exampleText);
			if (!editor) return;
			await vscode.commands.executeCommand('workbench.actions.view.problems');
			// Back to the example's own editor, not to whichever group is active: the guide's button was clicked in
			// the guide's group, and focusing that one leaves no cursor for the user (or the status bar) to see.
			await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preview: false });
		}),
		vscode.commands.registerCommand(WalkthroughCommands.explainFinding, async () => {
			if (await focusFinding(example, exampleText)) await vscode.commands.executeCommand('editor.action.showHover');
		}),
		vscode.commands.registerCommand(WalkthroughCommands.fixFinding, async () => {
			if (await focusFinding(example, exampleText)) await vscode.commands.executeCommand('editor.action.quickFix');
		}),
		vscode.commands.registerCommand(WalkthroughCommands.showReport, async () => {
			await exampleEditor(example, exampleText);
			await vscode.commands.executeCommand(SHOW_REPORT_COMMAND);
		}),
	);
}

/** Opens the example as an unsaved document named draft-state-bill.md, beside the guide when it is open. */
async function openExample(example: vscode.Uri, text: () => string): Promise<vscode.TextEditor> {
	const document = await vscode.workspace.openTextDocument(example);
	if (document.getText().length === 0) {
		const edit = new vscode.WorkspaceEdit();
		edit.insert(example, new vscode.Position(0, 0), text());
		await vscode.workspace.applyEdit(edit);
	}
	const besideGuide = !(vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputText);
	return vscode.window.showTextDocument(document, { viewColumn: besideGuide ? vscode.ViewColumn.Beside : undefined, preview: false });
}

/** The editor of the example (opened if it is not), focused. */
async function exampleEditor(example: vscode.Uri, text: () => string): Promise<vscode.TextEditor> {
	const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === example.toString());
	if (shown) return vscode.window.showTextDocument(shown.document, { viewColumn: shown.viewColumn, preview: false });
	return openExample(example, text);
}

/** Puts the cursor on the example's finding (waiting for its review), in view; its editor, or undefined when there is none. */
async function focusFinding(example: vscode.Uri, text: () => string): Promise<vscode.TextEditor | undefined> {
	const editor = await exampleEditor(example, text);
	const finding = await waitForFinding(editor.document.uri);
	if (!finding) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Accountable: the example has no {0} finding now (was it fixed already?). Undo the fix, or open the example again.', EXAMPLE_RULE));
		return undefined;
	}
	// Inside the words, not at their edge, so the hover and the quick fix are the finding's.
	const inside = finding.range.start.translate(0, 1);
	editor.selection = new vscode.Selection(inside, inside);
	editor.revealRange(finding.range, vscode.TextEditorRevealType.InCenter);
	return editor;
}

function exampleFinding(uri: vscode.Uri): vscode.Diagnostic | undefined {
	const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
	const code = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
	return ours.find((d) => code(d) === EXAMPLE_RULE) ?? ours.find((d) => {
		const data = (d as vscode.Diagnostic & { data?: DiagnosticData }).data;
		return (data?.fixes ?? data?.suggestions?.length ?? 0) > 0;
	});
}

/** The finding, once the server has reviewed the example (a few seconds at most on a cold start). */
function waitForFinding(uri: vscode.Uri, timeoutMs = 15000): Promise<vscode.Diagnostic | undefined> {
	const now = exampleFinding(uri);
	if (now) return Promise.resolve(now);
	return new Promise((resolve) => {
		const done = (found: vscode.Diagnostic | undefined): void => {
			listener.dispose();
			clearTimeout(timer);
			resolve(found);
		};
		const listener = vscode.languages.onDidChangeDiagnostics((e) => {
			if (!e.uris.some((u) => u.toString() === uri.toString())) return;
			const found = exampleFinding(uri);
			if (found) done(found);
		});
		const timer = setTimeout(() => done(undefined), timeoutMs);
	});
}
