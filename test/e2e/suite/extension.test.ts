/// <reference types="mocha" />
/**
 * The Accountable extension in a real VS Code extension host (desktop VS Code through @vscode/test-electron,
 * or code-server's remote extension host on machines that cannot download VS Code). The workspace is a fresh
 * copy of test/e2e/fixtures/workspace, so the tests may edit its files; they run in order and build on each
 * other (the quick fix edits draft.md, later tests write .accountable.yaml).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEADLINE_MS, poll, waitForDiagnostics, withRule } from './wait';

const COOPERATION = 'conditional-services/cooperation-required';
const SLAVERY = 'framing/sensational-slavery-language';
const RESCUE = 'framing/rescue-language';

const CONTRACT_COMMANDS = [
	'accountable.reviewWorkspace',
	'accountable.showRuleDocumentation',
	'accountable.createConfigurationFile',
	'accountable.restartServer',
	'accountable.showReport',
	'accountable.disableRuleForLine',
	'accountable.disableRuleForFile',
	'accountable.disableRuleInWorkspace',
	'accountable.applySuggestion',
];

function workspaceFile(name: string): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the tests need a workspace folder (a copy of test/e2e/fixtures/workspace)');
	return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextDocument> {
	const document = await vscode.workspace.openTextDocument(workspaceFile(name));
	await vscode.window.showTextDocument(document);
	return document;
}

async function writeFile(name: string, text: string): Promise<vscode.Uri> {
	const uri = workspaceFile(name);
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
	return uri;
}

function hoverText(hovers: readonly vscode.Hover[]): string {
	return hovers
		.flatMap((hover) => hover.contents)
		.map((content) => (typeof content === 'string' ? content : content.value))
		.join('\n');
}

suite('Accountable in VS Code', function () {
	this.timeout(DEADLINE_MS * 2);

	const draftMd = workspaceFile('draft.md');
	const draftTxt = workspaceFile('draft.txt');

	test('is installed as accountable.accountable, activates on a Markdown draft and registers its commands', async () => {
		const extension = vscode.extensions.getExtension('accountable.accountable');
		assert.ok(extension, 'extension accountable.accountable is not installed');
		const document = await open('draft.md');
		assert.equal(document.languageId, 'markdown');
		await poll(async () => extension.isActive, 'the extension to activate');
		const commands = new Set(await vscode.commands.getCommands(true));
		assert.deepEqual(CONTRACT_COMMANDS.filter((c) => !commands.has(c)), [], 'commands missing');
	});

	test('reviews the Markdown draft: diagnostics by rule id, source "accountable", severity and documentation link', async () => {
		await open('draft.md');
		const diagnostics = await waitForDiagnostics(draftMd, (all) => withRule(all, COOPERATION).length > 0 && withRule(all, SLAVERY).length > 0 && all, `${COOPERATION} and ${SLAVERY}`);
		const [cooperation] = withRule(diagnostics, COOPERATION);
		assert.equal(cooperation!.severity, vscode.DiagnosticSeverity.Error);
		assert.equal(cooperation!.range.start.line, 6, 'the finding is on the "Victims who assist…" line');
		assert.match(cooperation!.message, /cooperating with law enforcement/);
		const code = cooperation!.code;
		assert.ok(typeof code === 'object' && code.target, 'the diagnostic code links to the rule documentation');
		// The rendered documentation (ruleDocumentation.ts), not the rule file with its patterns.
		assert.equal(code.target.scheme, 'accountable-rule');
		assert.equal(code.target.path, `/${COOPERATION}.md`);
		const [slavery] = withRule(diagnostics, SLAVERY);
		assert.equal(slavery!.range.start.line, 12);
		assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === draftMd.toString())!.getText(slavery!.range), 'sex slaves');
		assert.deepEqual(diagnostics.filter((d) => d.source !== 'accountable'), [], 'only our diagnostics on the draft');
	});

	test('reviews a plain-text draft too', async () => {
		const document = await open('draft.txt');
		assert.equal(document.languageId, 'plaintext');
		const [cooperation] = await waitForDiagnostics(draftTxt, (all) => withRule(all, COOPERATION).length > 0 && withRule(all, COOPERATION), COOPERATION);
		assert.equal(cooperation!.range.start.line, 2);
	});

	test('the hover on a finding says what is wrong, why (citing the paper with ¶) and what to write instead', async () => {
		await open('draft.md');
		const [cooperation] = await waitForDiagnostics(draftMd, (all) => withRule(all, COOPERATION).length > 0 && withRule(all, COOPERATION), COOPERATION);
		const inside = cooperation!.range.start.translate(0, 2);
		const text = await poll(async () => {
			const shown = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draftMd, inside)) ?? []);
			return shown.includes(COOPERATION) && shown;
		}, `a hover naming ${COOPERATION}`);
		assert.match(text, /¶\s?\d+/, 'the hover cites a paragraph of the paper');
		assert.ok(text.startsWith('**What to write instead:**'), `the hover leads with what to write instead: ${text}`);
		assert.ok(!text.includes(cooperation!.message.split(':')[0]!), 'the hover does not repeat the message, which the editor shows above it');
		assert.match(text, /command:accountable\.showRuleDocumentation\?/, 'its documentation link shows the rendered documentation');
	});

	test('Show Rule Documentation renders the rule (what it flags, why with ¶, examples), never its patterns, and it is not reviewed', async () => {
		const result = await vscode.commands.executeCommand<{ uri: string }>('accountable.showRuleDocumentation', { ruleId: COOPERATION, uri: draftMd.toString() });
		const uri = vscode.Uri.parse(result.uri);
		assert.equal(uri.scheme, 'accountable-rule');
		const document = await vscode.workspace.openTextDocument(uri);
		assert.equal(document.languageId, 'markdown');
		const text = document.getText();
		for (const heading of ['# Services conditioned on cooperation with law enforcement', '## What it flags', '## Why', '## What to write instead', '## Examples']) assert.ok(text.includes(heading), heading);
		assert.match(text, /\(¶4\)/);
		assert.ok(!/^(frame|unless|kind):/m.test(text) && !text.includes('@law-enforcement'), 'no patterns or vocabularies');
		// The rule file itself is Accountable's own: opened, it gets no findings, though a copy of it does.
		const extension = vscode.extensions.getExtension('accountable.accountable')!;
		const ruleFile = vscode.Uri.joinPath(extension.extensionUri, 'rules', 'framing', 'sensational-slavery-language.md');
		const copy = await writeFile('copy-of-a-rule.md', new TextDecoder().decode(await vscode.workspace.fs.readFile(ruleFile)));
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(ruleFile));
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(copy));
		await waitForDiagnostics(copy, (all) => withRule(all, SLAVERY).length > 0, `${SLAVERY} on the copy`);
		assert.deepEqual(vscode.languages.getDiagnostics(ruleFile).filter((d) => d.source === 'accountable'), [], 'no findings on the rule file');
		assert.deepEqual(vscode.languages.getDiagnostics(uri), [], 'no findings on the rendered documentation');
		await vscode.workspace.fs.delete(copy);
	});

	test('the walkthrough\'s commands open the example as an unsaved draft and put the cursor on its finding', async () => {
		await vscode.commands.executeCommand('accountable.openExample');
		const editor = await poll(async () => vscode.window.activeTextEditor?.document.uri.scheme === 'untitled' && vscode.window.activeTextEditor, 'the example in an editor');
		assert.ok(editor.document.uri.path.endsWith('draft-state-bill.md'), editor.document.uri.toString());
		assert.equal(editor.document.languageId, 'markdown');
		assert.match(editor.document.getText(), /Victims who assist in the investigation/);
		await waitForDiagnostics(editor.document.uri, (all) => withRule(all, COOPERATION).length > 0, `${COOPERATION} on the example`);
		await vscode.commands.executeCommand('accountable.walkthrough.showFinding');
		const [finding] = withRule(vscode.languages.getDiagnostics(editor.document.uri), COOPERATION);
		assert.ok(finding!.range.contains(vscode.window.activeTextEditor!.selection.active), 'the cursor is on the finding');
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});

	test('the suggested rewrite is a quick fix; applying it makes its diagnostic go and leaves the others', async () => {
		const document = await open('draft.md');
		const [slavery] = await waitForDiagnostics(draftMd, (all) => withRule(all, SLAVERY).length > 0 && withRule(all, SLAVERY), SLAVERY);
		const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', draftMd, slavery!.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
		const titles = actions.map((a) => a.title);
		assert.ok(titles.some((t) => t.includes(`Disable ${SLAVERY} for this line`)), `a disable action is offered: ${JSON.stringify(titles)}`);
		// The command's results carry no diagnostics (VS Code drops them); the rewrite is the edit of the flagged words.
		const fix = actions.find((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && a.edit.get(draftMd).some((e) => e.range.isEqual(slavery!.range)));
		assert.ok(fix, `a quick fix whose edit replaces the flagged words: ${JSON.stringify(titles)}`);
		assert.equal(fix.isPreferred, true, 'the rewrite is the preferred fix');
		assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applied');
		assert.ok(!document.getText().includes('sex slaves'), 'the flagged words were replaced');
		const remaining = await waitForDiagnostics(draftMd, (all) => withRule(all, SLAVERY).length === 0 && all, `${SLAVERY} to go`);
		assert.ok(withRule(remaining, COOPERATION).length > 0, 'the other findings stay');
	});

	test('turning a rule off in .accountable.yaml updates the diagnostics of open drafts', async () => {
		await open('draft.md');
		await waitForDiagnostics(draftMd, (all) => withRule(all, RESCUE).length > 0, RESCUE);
		await writeFile('.accountable.yaml', `rules:\n  ${RESCUE}: off\n`);
		const after = await waitForDiagnostics(draftMd, (all) => withRule(all, RESCUE).length === 0 && all, `${RESCUE} to go after the configuration turned it off`);
		assert.ok(withRule(after, COOPERATION).length > 0, 'the other rules still run');
	});

	test('a broken .accountable.yaml gets an error diagnostic at the right line, and reviewing goes on', async () => {
		const config = await writeFile(
			'.accountable.yaml',
			`# Accountable configuration, broken on purpose by the editor tests\nrules:\n  ${RESCUE}: off\n  ${COOPERATION}: sometimes\n`,
		);
		const [error] = await waitForDiagnostics(config, (all) => all.filter((d) => d.source === 'accountable').length > 0 && all.filter((d) => d.source === 'accountable'), 'an error on .accountable.yaml');
		assert.equal(error!.severity, vscode.DiagnosticSeverity.Error);
		assert.equal(error!.range.start.line, 3, `the error is on the line with the bad value: ${error!.message}`);
		assert.match(error!.message, /cooperation-required/);
		const document = await open('draft.txt');
		await vscode.window.showTextDocument(document);
		await waitForDiagnostics(draftTxt, (all) => withRule(all, COOPERATION).length > 0, `${COOPERATION} on draft.txt while the configuration is broken`);
	});

	test('fixing the configuration clears its error', async () => {
		const config = await writeFile('.accountable.yaml', `rules:\n  ${RESCUE}: off\n`);
		await waitForDiagnostics(config, (all) => all.filter((d) => d.source === 'accountable').length === 0, 'the configuration error to go');
	});

	test('Show Accountability Report opens the report of the active draft beside it', async () => {
		await open('draft.md');
		await vscode.commands.executeCommand('accountable.showReport');
		const tab = await poll(async () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('accountable.report')), 'the report view');
		assert.equal(tab.label, 'Accountability report: draft.md');
		assert.notEqual(tab.group.viewColumn, vscode.window.activeTextEditor?.viewColumn, 'the report opens beside the draft');
		await vscode.window.tabGroups.close(tab);
	});

	test('the workspace setting accountable.rules turns a rule off, and removing it turns the rule back on', async () => {
		await open('draft.txt');
		await waitForDiagnostics(draftTxt, (all) => withRule(all, COOPERATION).length > 0, COOPERATION);
		const settings = vscode.workspace.getConfiguration('accountable', draftTxt);
		await settings.update('rules', { [COOPERATION]: 'off' }, vscode.ConfigurationTarget.Workspace);
		try {
			await waitForDiagnostics(draftTxt, (all) => withRule(all, COOPERATION).length === 0 && withRule(all, SLAVERY).length > 0, `${COOPERATION} to go after the setting turned it off`);
		} finally {
			await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
		}
		await waitForDiagnostics(draftTxt, (all) => withRule(all, COOPERATION).length > 0, `${COOPERATION} back after the setting was removed`);
	});
});
