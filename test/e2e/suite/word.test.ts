/// <reference types="mocha" />
/**
 * Word documents in the real extension host: the Word review editor (the default editor for a .docx, what a
 * double-click opens) and the read-only converted-text view ("Show Word Document as Reviewed Text"). test/e2e/runTest.ts puts proposal.docx
 * (test/docx/fixtures.ts: findings on Word paragraphs 7, 14 and 15), clean-proposal.docx and a damaged
 * cut.docx into the workspace before VS Code starts. The tests run in order and build on each other: the
 * reload test saves the clean draft over proposal.docx and the onSave test puts the original back; the
 * quick-fix test restores .accountable.yaml as it found it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEADLINE_MS, poll, waitForDiagnostics, withRule } from './wait';

const COOPERATION = 'conditional-services/cooperation-required';
const DATA_SHARING = 'consent/data-sharing-without-consent';

function workspaceFile(name: string): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the tests need a workspace folder');
	return vscode.Uri.joinPath(folder.uri, name);
}

/** Runs "Show Word Document as Reviewed Text" with the .docx as argument and returns the view it opened. */
async function reviewWordDocument(file: vscode.Uri): Promise<vscode.TextEditor> {
	await vscode.commands.executeCommand('accountable.showWordDocumentText', file);
	return poll(async () => {
		const editor = vscode.window.activeTextEditor;
		return editor?.document.uri.scheme === 'accountable-docx' && editor.document.uri.path === file.path && editor;
	}, `the review view of ${file.path}`);
}

const WORD_EDITOR = 'accountable.docxReview';

/** The open tab of the Word review editor of `file`, once there is one. */
function wordEditorTab(file: vscode.Uri): Promise<vscode.Tab> {
	return poll(async () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputCustom && t.input.viewType === WORD_EDITOR && t.input.uri.path === file.path), `the Word review editor of ${file.path}`);
}

suite('Accountable: Word documents', function () {
	this.timeout(DEADLINE_MS * 3);

	const proposal = workspaceFile('proposal.docx');
	let original: Uint8Array;

	suiteSetup(async () => {
		original = await vscode.workspace.fs.readFile(proposal);
	});

	test('opening a .docx (as a double-click does) opens the Word review editor, and the Problems panel lists its findings by Word paragraph and heading path', async () => {
		await vscode.commands.executeCommand('vscode.open', proposal);
		const tab = await wordEditorTab(proposal);
		assert.equal(tab.isActive, true);
		// Not VS Code's text editor with its "binary or unsupported text encoding" page.
		assert.equal(vscode.window.activeTextEditor?.document.uri.path === proposal.path, false);
		assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === proposal.toString()), false, 'the .docx was not opened as text');
		const diagnostics = await waitForDiagnostics(proposal, (all) => all.length === 5 && all, 'five findings on proposal.docx');
		assert.deepEqual(
			diagnostics.map((d) => d.message.replace(/:.*/s, '')),
			['¶1 (Safe Harbor Grant Proposal)', '¶7 (SEC. 5 › Services)', '¶14 (SEC. 5 › Budget)', '¶15 (SEC. 5 › Referral and data sharing)', '¶16 (SEC. 5 › Referral and data sharing)'],
		);
		const budget = withRule(diagnostics, COOPERATION)[1]!;
		assert.match(budget.message, /^¶14 \(SEC\. 5 › Budget\): Services made conditional/);
		assert.equal(budget.range.start.line, 13, 'the Problems panel\'s line is the Word paragraph');
	});

	test('the report opens beside the Word review editor (its editor-title command), placed by Word paragraph; closing the editor clears its problems', async () => {
		await vscode.commands.executeCommand('vscode.open', proposal);
		const tab = await wordEditorTab(proposal);
		// The editor title's button passes the .docx, as here.
		await vscode.commands.executeCommand('accountable.showReport', proposal);
		const report = await poll(async () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('accountable.report') && t.label === 'Accountability report: proposal.docx'), 'the report of proposal.docx');
		assert.notEqual(report.group.viewColumn, tab.group.viewColumn, 'the report is beside the document');
		await vscode.window.tabGroups.close(report);
		await vscode.window.tabGroups.close(await wordEditorTab(proposal));
		await waitForDiagnostics(proposal, (all) => all.length === 0, 'the problems of the closed editor to go');
	});

	test('"Review Word Document" opens the Word review editor; a damaged .docx shows an error in the Problems panel, not a clean document', async () => {
		await vscode.commands.executeCommand('accountable.reviewWordDocument', proposal);
		await vscode.window.tabGroups.close(await wordEditorTab(proposal));
		const cut = workspaceFile('cut.docx');
		await vscode.commands.executeCommand('vscode.open', cut);
		await wordEditorTab(cut);
		const [error] = await waitForDiagnostics(cut, (all) => all.length === 1 && all, 'the error on cut.docx');
		assert.equal(error!.severity, vscode.DiagnosticSeverity.Error);
		assert.match(error!.message, /^Accountable could not review this Word document: cut\.docx is damaged/);
		await vscode.window.tabGroups.close(await wordEditorTab(cut));
	});

	test('opens the converted .docx in a read-only Markdown view with Accountable diagnostics on the right lines', async () => {
		const editor = await reviewWordDocument(proposal);
		const view = editor.document;
		assert.equal(view.languageId, 'markdown', 'reviewed as Markdown, so Word headings are sections');
		assert.match(view.getText(), /^#+ Services$/m, 'the Word heading is a heading');
		assert.match(view.getText(), /Benefits are available only to victims who cooperate/, 'table cells are kept');
		const diagnostics = await waitForDiagnostics(
			view.uri,
			(all) => withRule(all, COOPERATION).length === 2 && withRule(all, DATA_SHARING).length === 1 && all,
			`two ${COOPERATION} and one ${DATA_SHARING} on the view`,
		);
		const lines = withRule(diagnostics, COOPERATION).map((d) => view.lineAt(d.range.start.line).text);
		assert.match(lines[0]!, /Victims who agree to testify/);
		assert.match(lines[1]!, /Benefits are available only to victims who cooperate/);
		assert.match(view.lineAt(withRule(diagnostics, DATA_SHARING)[0]!.range.start.line).text, /^#+ Referral and data sharing$/);
		assert.deepEqual(diagnostics.filter((d) => d.source !== 'accountable'), []);
		// Read-only: typing into the view changes nothing. The same typing does change an ordinary editor, so
		// the check cannot pass just because the keystrokes went nowhere; and the ordinary editor's second edit
		// arriving shows any change to the view (sent before it) would have arrived too.
		const before = view.getText();
		const scratch = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
		const typeInto = async (document: vscode.TextDocument, text: string): Promise<void> => {
			const shown = await vscode.window.showTextDocument(document, { preview: false });
			assert.equal(vscode.window.activeTextEditor, shown);
			await vscode.commands.executeCommand('type', { text });
		};
		await typeInto(scratch, 'typed');
		await poll(async () => scratch.getText() === 'typed', 'typing to reach an ordinary editor');
		await typeInto(view, 'typed');
		await typeInto(scratch, ' again');
		await poll(async () => scratch.getText() === 'typed again', 'typing to reach an ordinary editor again');
		assert.equal(view.getText(), before, 'typing changed the review view');
		assert.equal(view.isDirty, false);
		await vscode.window.showTextDocument(scratch);
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});

	test('the hover on a finding in the view explains it, citing the paper', async () => {
		const editor = await reviewWordDocument(proposal);
		const [finding] = await waitForDiagnostics(editor.document.uri, (all) => withRule(all, COOPERATION).length > 0 && withRule(all, COOPERATION), COOPERATION);
		const text = await poll(async () => {
			const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, finding!.range.start.translate(0, 2))) ?? [];
			const shown = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
			return shown.includes(COOPERATION) && shown;
		}, `a hover naming ${COOPERATION} in the view`);
		assert.match(text, /¶\s?\d+/);
	});

	test('Show Accountability Report works on the view', async () => {
		await reviewWordDocument(proposal);
		await vscode.commands.executeCommand('accountable.showReport');
		const tab = await poll(async () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('accountable.report') && t.label === 'Accountability report: proposal.docx'), 'the report of proposal.docx');
		await vscode.window.tabGroups.close(tab);
	});

	test('quick fixes in the view are only those that work there: documentation and the workspace configuration, no edits', async () => {
		const editor = await reviewWordDocument(proposal);
		const view = editor.document;
		const [finding] = await waitForDiagnostics(view.uri, (all) => withRule(all, COOPERATION).length > 0 && withRule(all, COOPERATION), COOPERATION);
		// The finding has a rewrite (it would be the preferred quick fix in an ordinary editor), so its absence
		// here is the view being read-only, not a finding without suggestions.
		const fixes = (finding as vscode.Diagnostic & { data?: { fixes?: number } }).data?.fixes ?? 0;
		assert.ok(fixes > 0, 'the finding has a suggested rewrite');
		const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', view.uri, finding!.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
		const ours = actions.filter((a) => a.title.includes(COOPERATION));
		assert.deepEqual(ours.map((a) => a.title), [`Disable ${COOPERATION} in the workspace configuration`, `Show documentation for ${COOPERATION}`]);
		assert.deepEqual(actions.filter((a) => 'edit' in a && a.edit !== undefined).map((a) => a.title), [], 'no action edits the read-only view');

		// "Show documentation" opens the rule's documentation.
		const documentation = ours.find((a) => a.title.startsWith('Show documentation')) as vscode.CodeAction;
		await vscode.commands.executeCommand(documentation.command!.command, ...(documentation.command!.arguments ?? []));
		const docTab = await poll(async () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes('cooperation-required.md')), 'the documentation of the rule to open');
		await vscode.window.tabGroups.close(docTab);

		// Commands that would edit the view (run from the palette or a key binding) say why they cannot.
		const args = { uri: view.uri.toString(), ruleId: COOPERATION, line: finding!.range.start.line, reason: 'quoted', suggestion: { kind: 'replace', title: 'a rewrite', text: 'a rewrite', range: finding!.range } };
		for (const command of ['accountable.applySuggestion', 'accountable.disableRuleForLine', 'accountable.disableRuleForFile']) {
			await assert.rejects(Promise.resolve(vscode.commands.executeCommand(command, args)), /read-only.*make the change in Word/, `${command} in the view`);
		}
		assert.equal(view.isDirty, false);

		// "Disable … in the workspace configuration" edits .accountable.yaml, not the view, and the view's review follows.
		const config = workspaceFile('.accountable.yaml');
		const before = await vscode.workspace.fs.readFile(config).then((b) => b, () => undefined);
		const disable = ours.find((a) => a.title.startsWith('Disable')) as vscode.CodeAction;
		try {
			await vscode.commands.executeCommand(disable.command!.command, ...(disable.command!.arguments ?? []));
			assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(config)), new RegExp(`${COOPERATION}: off`));
			await waitForDiagnostics(view.uri, (all) => withRule(all, COOPERATION).length === 0 && withRule(all, DATA_SHARING).length === 1, `${COOPERATION} to go from the view`);
		} finally {
			if (before) await vscode.workspace.fs.writeFile(config, before);
			else await vscode.workspace.fs.delete(config);
		}
		await waitForDiagnostics(view.uri, (all) => withRule(all, COOPERATION).length === 2, `${COOPERATION} back after restoring the configuration`);
	});

	test('re-reviews when the .docx changes on disk', async () => {
		const editor = await reviewWordDocument(proposal);
		await waitForDiagnostics(editor.document.uri, (all) => withRule(all, COOPERATION).length > 0, COOPERATION);
		// Saved over from Word: the clean draft replaces the one with findings.
		await vscode.workspace.fs.writeFile(proposal, await vscode.workspace.fs.readFile(workspaceFile('clean-proposal.docx')));
		await poll(async () => editor.document.getText().includes('regardless of whether the person cooperates'), 'the view to reload the clean draft');
		await waitForDiagnostics(editor.document.uri, (all) => all.filter((d) => d.source === 'accountable').length === 0, 'the findings to go after the reload');
		assert.equal(editor.document.isDirty, false);
	});

	test('with accountable.run "onSave" the view is still reviewed when opened and when the .docx changes (it cannot be saved)', async () => {
		const settings = vscode.workspace.getConfiguration('accountable');
		await settings.update('run', 'onSave', vscode.ConfigurationTarget.Workspace);
		try {
			assert.equal(vscode.workspace.getConfiguration('accountable').get('run'), 'onSave');
			// The view of proposal.docx shows the clean draft (previous test); Word saves the draft with findings over it.
			const editor = await reviewWordDocument(proposal);
			await waitForDiagnostics(editor.document.uri, (all) => all.filter((d) => d.source === 'accountable').length === 0, 'the clean draft without findings');
			await vscode.workspace.fs.writeFile(proposal, original);
			await poll(async () => editor.document.getText().includes('Victims who agree to testify'), 'the view to reload the draft with findings');
			await waitForDiagnostics(editor.document.uri, (all) => withRule(all, COOPERATION).length === 2 && withRule(all, DATA_SHARING).length === 1, 'the reloaded view to be reviewed');
			// A view opened in onSave mode is reviewed at once.
			const copy = workspaceFile('copy-of-proposal.docx');
			await vscode.workspace.fs.writeFile(copy, original);
			const copyView = await reviewWordDocument(copy);
			await waitForDiagnostics(copyView.document.uri, (all) => withRule(all, COOPERATION).length === 2, 'the new view to be reviewed on open');
		} finally {
			await settings.update('run', undefined, vscode.ConfigurationTarget.Workspace);
		}
	});

	test('a damaged .docx opens a converted-text view that says why it could not be reviewed', async () => {
		const cut = workspaceFile('cut.docx');
		const editor = await reviewWordDocument(cut);
		assert.match(editor.document.getText(), /cut\.docx could not be reviewed/);
		assert.match(editor.document.getText(), /cut\.docx is damaged/);
	});

	test('"Save Reviewed Copy with Comments" writes proposal.reviewed.docx beside it, with a comment per finding, and never over the original', async () => {
		const before = await vscode.workspace.fs.readFile(proposal);
		const result = (await vscode.commands.executeCommand('accountable.saveReviewedCopy', proposal)) as { target: string; comments: number; profile: string; profileReason: string } | undefined;
		assert.ok(result, 'the command returned what it wrote');
		const target = vscode.Uri.parse(result.target);
		assert.equal(target.path, workspaceFile('proposal.reviewed.docx').path);
		// The four findings of the draft and its title's grant finding, each a comment.
		assert.equal(result.comments, 5);
		assert.equal(result.profile, 'grant-proposal');
		assert.match(result.profileReason, /Safe Harbor Grant Proposal/);
		const copy = await vscode.workspace.fs.readFile(target);
		assert.equal(Buffer.from(copy.subarray(0, 2)).toString(), 'PK');
		assert.ok(Buffer.from(copy).includes(Buffer.from('word/comments.xml')), 'the copy has a comments part');
		assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(proposal)), Buffer.from(before), 'the original is unchanged');
	});
});
