import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CodeAction, Command, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { ROOT, TestClient, uriOf, waitUntil, withRule, withoutRule } from './lspClient';

const COOPERATION = 'conditional-services/cooperation-required';
const SLAVERY = 'framing/sensational-slavery-language';
const CONDITIONAL = 'Victims who assist in the investigation and prosecution of traffickers will receive housing assistance.';
const UNCONDITIONAL = 'Victims will receive housing assistance regardless of whether they cooperate with law enforcement.';
const DRAFT = `# Victim services

## Housing

${CONDITIONAL}

## Awareness

The campaign will warn the public about sex slaves.
`;

let dir: string;
let client: TestClient;

function workspace(files: Record<string, string> = {}): string {
	dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-lsp-')));
	for (const [name, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		fs.writeFileSync(path.join(dir, name), text);
	}
	return dir;
}

/** A server in this process (the protocol tests); a test that names a transport gets the built bundle. */
async function start(options: ConstructorParameters<typeof TestClient>[0] = {}): Promise<TestClient> {
	client = new TestClient({ workspaceFolder: dir, transport: 'in-process', ...options });
	await client.initialize();
	return client;
}

beforeEach(() => {
	workspace();
});

afterEach(async () => {
	await client?.dispose();
	expect(client.stderr).toBe('');
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('language server: diagnostics', () => {
	it('declares incremental sync, hover, quick fixes and the contract commands', async () => {
		client = new TestClient({ workspaceFolder: dir });
		const result = await client.initialize();
		expect(result.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
		expect(result.capabilities.hoverProvider).toBe(true);
		expect(result.capabilities.codeActionProvider).toMatchObject({ codeActionKinds: ['quickfix', 'source.fixAll.accountable'] });
		expect(result.capabilities.executeCommandProvider?.commands.sort()).toEqual(
			[
				'accountable.reviewWorkspace',
				'accountable.showRuleDocumentation',
				'accountable.createConfigurationFile',
				'accountable.disableRuleForLine',
				'accountable.disableRuleForFile',
				'accountable.disableRuleInWorkspace',
				'accountable.applySuggestion',
			].sort(),
		);
		await waitUntil('watcher and configuration registrations', () => client.registrations.includes('workspace/didChangeWatchedFiles') && client.registrations.includes('workspace/didChangeConfiguration'));
	});

	it('publishes findings on open with source, rule id, documentation link, severity and exact range', async () => {
		await start();
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		const diagnostics = await client.waitForDiagnostics(uri, withRule(COOPERATION));
		const d = diagnostics.find((x) => x.code === COOPERATION)!;
		expect(d.source).toBe('accountable');
		expect(d.severity).toBe(1);
		expect(d.range.start.line).toBe(4);
		const href = d.codeDescription!.href;
		expect(href).toMatch(/^file:.*rules\/conditional-services\/cooperation-required\.md$/);
		expect(fs.existsSync(fileURLToPath(href))).toBe(true);
		// The rule id and link are the diagnostic's code and codeDescription: `data` does not repeat them.
		expect(JSON.stringify(d.data ?? {})).not.toContain(COOPERATION);
		expect(JSON.stringify(d.data ?? {})).not.toContain(href);
		// Framing findings are information: listed in the Problems panel, not a faint hint.
		const framing = diagnostics.find((x) => x.code === SLAVERY)!;
		expect(framing.severity).toBe(3);
		const line = DRAFT.split('\n')[framing.range.start.line]!;
		expect(line.slice(framing.range.start.character, framing.range.end.character)).toBe('sex slaves');
	});

	it('points a document-level finding at the passages it is about with relatedInformation', async () => {
		await start();
		const text = '# Safe Streets Plan\n\nThe task force will target prostitution and commercial sex.\n\nIt will reduce sex trafficking in the county.\n';
		const uri = client.open(path.join(dir, 'plan.md'), text);
		const diagnostics = await client.waitForDiagnostics(uri, withRule('labour-blindness/sex-sector-only-scope'));
		const d = diagnostics.find((x) => x.code === 'labour-blindness/sex-sector-only-scope')!;
		expect(d.relatedInformation!.length).toBeGreaterThan(0);
		for (const related of d.relatedInformation!) {
			expect(related.location.uri).toBe(uri);
			expect(related.message).toMatch(/^mentions /);
			expect([2, 4]).toContain(related.location.range.start.line);
		}
	});

	it('anchors a section-level finding on its heading and points at the passages in the section with relatedInformation', async () => {
		await start();
		const example = fs.readFileSync(path.join(ROOT, 'examples', 'draft-state-bill.md'), 'utf8');
		const lines = example.split('\n');
		const uri = client.open(path.join(dir, 'bill.md'), example);
		// A section rule with a topic in the text (law enforcement in a services section) points at those mentions.
		const rule = 'conditional-services/services-section-without-unconditional-access';
		const diagnostics = await client.waitForDiagnostics(uri, withRule(rule));
		const d = diagnostics.find((x) => x.code === rule)!;
		expect(lines[d.range.start.line]).toMatch(/^## SEC\. 5\. SERVICES FOR VICTIMS/);
		const nextHeading = lines.findIndex((l, i) => i > d.range.start.line && l.startsWith('## '));
		expect(d.relatedInformation!.length).toBeGreaterThan(0);
		for (const related of d.relatedInformation!) {
			expect(related.location.uri).toBe(uri);
			expect(related.location.range.start.line).toBeGreaterThan(d.range.start.line);
			expect(related.location.range.start.line).toBeLessThan(nextHeading === -1 ? lines.length : nextHeading);
			expect(related.message).toMatch(/^mentions \S/);
		}
	});

	it('reviews plain text sent with Neovim\'s languageId "text"', async () => {
		await start();
		const uri = client.open(path.join(dir, 'draft.txt'), `SECTION 1.\n${CONDITIONAL}\n`, 'text');
		const diagnostics = await client.waitForDiagnostics(uri, withRule(COOPERATION));
		expect(diagnostics.find((x) => x.code === COOPERATION)!.range.start.line).toBe(1);
	});

	it('updates diagnostics after incremental changes, once for a burst of edits (latest wins)', async () => {
		await start();
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		await client.waitForDiagnostics(uri, withRule(COOPERATION));
		let before = client.publishCount(uri);
		client.change(uri, [{ range: client.rangeOf(uri, CONDITIONAL), text: UNCONDITIONAL }]);
		await client.waitForDiagnostics(uri, withoutRule(COOPERATION), 'the finding gone after the rewrite', before);

		// Five quick edits that reintroduce the condition word by word: the latest version wins. The server reviews a
		// fast document at once, so an edit read before the rest of the burst may get its own review; never all five.
		before = client.publishCount(uri);
		const words = ['Victims ', 'who ', 'testify ', 'will ', 'receive shelter. '];
		let version = 0;
		for (const word of words) {
			const end = client.documents.get(uri)!.positionAt(client.text(uri).indexOf('## Awareness'));
			version = client.change(uri, [{ range: { start: end, end }, text: word }]);
		}
		await client.waitForDiagnostics(uri, withRule(COOPERATION), 'the finding back after the burst', before);
		const published = client.diagnostics.get(uri)!.slice(before);
		expect(published.length).toBeLessThan(words.length);
		expect(published[published.length - 1]!.version).toBe(version);
		const versions = published.map((p) => p.version!);
		expect(versions).toEqual([...versions].sort((a, b) => a - b));
	});

	it('clears diagnostics when the document is closed', async () => {
		await start();
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		await client.waitForDiagnostics(uri, withRule(COOPERATION));
		const before = client.publishCount(uri);
		client.close(uri);
		await client.waitForDiagnostics(uri, (d) => d.length === 0, 'empty diagnostics', before);
	});
});

describe('language server: hover and quick fixes', () => {
	it('explains a finding on hover, the finding first: what to write instead, the reason in one line, then the paper\'s evidence; never the message again', async () => {
		await start();
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		const [d] = (await client.waitForDiagnostics(uri, withRule(COOPERATION))).filter((x) => x.code === COOPERATION);
		const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: d!.range.start.line, character: d!.range.start.character + 3 } });
		const value = (hover!.contents as MarkupContent).value;
		expect((hover!.contents as MarkupContent).kind).toBe('markdown');
		const order = ['**What to write instead:** regardless of whether the person cooperates with law enforcement', '**Why:**', '**Evidence:**', `[Documentation of ${COOPERATION}](`].map((part) => value.indexOf(part));
		expect(order.every((at) => at >= 0), value).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(value.startsWith('**What to write instead:**')).toBe(true);
		// The reason is one sentence of the rule's Why, on one line; the evidence cites the paper's paragraphs.
		const why = value.split('\n').find((l) => l.startsWith('**Why:**'))!;
		expect(why).toMatch(/^\*\*Why:\*\* The paper finds that [^\n]+ over survivors' recovery\.$/);
		expect(value).toMatch(/\*\*Evidence:\*\* “[^”]+” \(¶\d+\)/);
		// The editor shows the diagnostic's message above the hover: the hover does not say it again.
		expect(value).not.toContain(String(d!.message).split(':')[0]);
		const nothing = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 0 } }); // the blank line before the sentence
		expect(nothing).toBeNull();
	});

	it('offers to replace the condition and the rule actions as quick fixes, and rewrites the condition itself', async () => {
		await start();
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		const diagnostics = await client.waitForDiagnostics(uri, withRule(COOPERATION));
		const d = diagnostics.find((x) => x.code === COOPERATION)!;
		const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
		expect(actions.map((a) => a.title)).toEqual([
			'Replace the condition with access regardless of cooperation',
			`Disable ${COOPERATION} for this line`,
			`Disable ${COOPERATION} for this file`,
			`Disable ${COOPERATION} in the workspace configuration`,
			`Show documentation for ${COOPERATION}`,
		]);
		const fix = actions[0]!;
		expect(fix.isPreferred).toBe(true);
		expect(fix.diagnostics).toEqual([d]);
		const before = client.publishCount(uri);
		const version = client.applyEdits(uri, fix.edit!.changes![uri]!);
		// A sentence beside the condition would only contradict it: the fix rewrites the condition.
		expect(client.text(uri)).toContain('Victims, regardless of whether the person cooperates with law enforcement, will receive housing assistance.\n');
		await waitUntil('a review of the edited version', () => client.diagnostics.get(uri)!.slice(before).some((p) => p.version === version));
		expect(client.diagnostics.get(uri)!.slice(before).find((p) => p.version === version)!.diagnostics.filter((x) => x.code === COOPERATION)).toEqual([]);
	});

	it('offers no editing actions in a read-only Word review view', async () => {
		await start();
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		const d = (await client.waitForDiagnostics(uri, withRule(SLAVERY))).find((x) => x.code === SLAVERY)!;
		const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: 'accountable-docx:/tmp/proposal.docx' }, range: d.range, context: { diagnostics: [d] } });
		expect(actions.map((a) => a.title)).toEqual([`Disable ${SLAVERY} in the workspace configuration`, `Show documentation for ${SLAVERY}`]);
	});

	it('applies a rewrite from a quick fix, after which the finding is gone', async () => {
		await start();
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		const d = (await client.waitForDiagnostics(uri, withRule(SLAVERY))).find((x) => x.code === SLAVERY)!;
		const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
		const fix = actions.find((a) => a.edit)!;
		expect(fix.title).toBe('Replace with "human trafficking"');
		const before = client.publishCount(uri);
		client.applyEdits(uri, fix.edit!.changes![uri]!);
		expect(client.text(uri)).toContain('warn the public about human trafficking.');
		await client.waitForDiagnostics(uri, (x) => withoutRule(SLAVERY)(x) && withRule(COOPERATION)(x), 'the finding gone after the fix', before);
		const refactors = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['refactor'] } });
		expect(refactors).toEqual([]);
	});

	it('applies a replacement through the applySuggestion command', async () => {
		await start();
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		const d = (await client.waitForDiagnostics(uri, withRule(SLAVERY))).find((x) => x.code === SLAVERY)!;
		// The diagnostic says how many suggestions its finding has; the server gives them.
		expect(d.data).toEqual({ fixes: 1 });
		const [suggestion, ...more] = await client.connection.sendRequest<unknown[]>('accountable/suggestions', { uri, diagnostic: { code: d.code, range: d.range, message: d.message } });
		expect(suggestion).toMatchObject({ kind: 'replace', title: 'Replace with "human trafficking"', text: 'human trafficking' });
		expect(more).toEqual([]);
		expect(await client.connection.sendRequest('accountable/suggestions', { uri, diagnostic: { code: d.code, range: d.range, message: 'something else' } })).toEqual([]);
		const before = client.publishCount(uri);
		await client.connection.sendRequest('workspace/executeCommand', { command: 'accountable.applySuggestion', arguments: [{ uri, ruleId: SLAVERY, suggestion }] });
		expect(client.text(uri)).toContain('warn the public about human trafficking');
		await client.waitForDiagnostics(uri, withoutRule(SLAVERY), 'the framing finding gone', before);
	});

	it('disables a rule for one line with a reason, through the command a quick fix carries', async () => {
		await start();
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		const d = (await client.waitForDiagnostics(uri, withRule(COOPERATION))).find((x) => x.code === COOPERATION)!;
		const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
		const command = actions.find((a) => a.title.includes('for this line'))!.command as Command;
		const args = { ...(command.arguments![0] as object), reason: 'quoted from the current statute -- see memo' };
		const before = client.publishCount(uri);
		await client.connection.sendRequest('workspace/executeCommand', { command: command.command, arguments: [args] });
		expect(client.text(uri)).toContain(`<!-- accountable-disable-next-line ${COOPERATION} -- quoted from the current statute – see memo -->\n${CONDITIONAL}`);
		await client.waitForDiagnostics(uri, (x) => withoutRule(COOPERATION)(x) && withRule(SLAVERY)(x), 'the finding suppressed', before);
	});

	it('disables a rule for a line inside a paragraph without splitting it, and for a whole file', async () => {
		await start();
		const text = `# Services\n\nThe department shall provide shelter.\n${CONDITIONAL}\n\nMore about sex slaves.\n`;
		const uri = client.open(path.join(dir, 'para.md'), text);
		const d = (await client.waitForDiagnostics(uri, withRule(COOPERATION))).find((x) => x.code === COOPERATION)!;
		let before = client.publishCount(uri);
		await client.connection.sendRequest('workspace/executeCommand', { command: 'accountable.disableRuleForLine', arguments: [{ uri, ruleId: COOPERATION, line: d.range.start.line }] });
		expect(client.text(uri)).toContain(`${CONDITIONAL} <!-- accountable-disable-line ${COOPERATION} -->\n`);
		await client.waitForDiagnostics(uri, withoutRule(COOPERATION), 'line suppression', before);

		before = client.publishCount(uri);
		await client.connection.sendRequest('workspace/executeCommand', { command: 'accountable.disableRuleForFile', arguments: [{ uri, ruleId: SLAVERY, reason: 'historical quotations' }] });
		expect(client.text(uri).startsWith(`<!-- accountable-disable ${SLAVERY} -- historical quotations -->\n\n# Services`)).toBe(true);
		await client.waitForDiagnostics(uri, (x) => withoutRule(SLAVERY)(x) && withoutRule(COOPERATION)(x), 'both rules disabled', before);
	});

	it('disables a rule in the workspace by creating .accountable.yaml', async () => {
		await start();
		const uri = client.open(path.join(dir, 'docs', 'draft.md'), DRAFT);
		await client.waitForDiagnostics(uri, withRule(COOPERATION));
		const before = client.publishCount(uri);
		const result = await client.connection.sendRequest<{ file: string; created: boolean }>('workspace/executeCommand', { command: 'accountable.disableRuleInWorkspace', arguments: [{ uri, ruleId: COOPERATION }] });
		expect(result).toEqual({ file: path.join(dir, '.accountable.yaml'), created: true });
		expect(fs.readFileSync(result.file, 'utf8')).toMatch(new RegExp(`rules:\\n  ${COOPERATION}: off\\n`));
		await client.waitForDiagnostics(uri, (x) => withoutRule(COOPERATION)(x) && withRule(SLAVERY)(x), 'the rule off', before);
	});

	it('opens the rule documentation with window/showDocument', async () => {
		await start();
		const result = await client.connection.sendRequest<{ uri: string }>('workspace/executeCommand', { command: 'accountable.showRuleDocumentation', arguments: [COOPERATION] });
		expect(result.uri).toMatch(/rules\/conditional-services\/cooperation-required\.md$/);
		expect(client.shownDocuments).toEqual([result.uri]);
	});
});

describe('language server: configuration', () => {
	it('pulls accountable.* settings per document on didChangeConfiguration and merges them over the file', async () => {
		fs.writeFileSync(path.join(dir, '.accountable.yaml'), `rules:\n  framing: warning\n`);
		await start();
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		const first = await client.waitForDiagnostics(uri, withRule(COOPERATION));
		expect(first.find((x) => x.code === SLAVERY)!.severity).toBe(2); // the configuration file's severity
		expect(client.configurationRequests).toContainEqual({ scopeUri: uri, section: 'accountable' });

		client.settings = { rules: { [COOPERATION]: 'off' }, minSeverity: 'warning' };
		const before = client.publishCount(uri);
		const requests = client.configurationRequests.length;
		await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
		const after = await client.waitForDiagnostics(uri, withoutRule(COOPERATION), 'the rule turned off by the setting', before);
		expect(after.map((x) => x.code)).toContain(SLAVERY);
		expect(after.every((x) => x.severity! <= 2)).toBe(true); // minSeverity: warning
		expect(client.configurationRequests.length).toBeGreaterThan(requests);

		client.settings = { enable: false };
		const n = client.publishCount(uri);
		await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
		await client.waitForDiagnostics(uri, (x) => x.length === 0, 'nothing when disabled', n);
	});

	it('with accountable.run "onSave", reviews on open and save but not while typing', async () => {
		await start({ settings: { run: 'onSave' } });
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		await client.waitForDiagnostics(uri, withRule(COOPERATION));
		const before = client.publishCount(uri);
		client.change(uri, [{ range: client.rangeOf(uri, CONDITIONAL), text: UNCONDITIONAL }]);
		await waitUntil('the server to skip the change', () => client.logs.some((l) => l.message.includes('until it is saved (accountable.run is onSave)')));
		expect(client.publishCount(uri)).toBe(before);
		await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
		const after = await client.waitForDiagnostics(uri, withoutRule(COOPERATION), 'the review on save', before);
		expect(client.diagnostics.get(uri)!.slice(before)).toHaveLength(1);
		expect(after.map((d) => d.code)).toContain(SLAVERY);
	});

	it('creates a commented, valid configuration file in the workspace folder and opens it', async () => {
		await start();
		const result = await client.connection.sendRequest<{ file: string; created: boolean }>('workspace/executeCommand', { command: 'accountable.createConfigurationFile', arguments: [] });
		expect(result).toEqual({ file: path.join(dir, '.accountable.yaml'), created: true });
		expect(fs.readFileSync(result.file, 'utf8')).toMatch(/^# Accountable configuration/);
		expect(client.shownDocuments).toEqual([uriOf(result.file)]);
		const again = await client.connection.sendRequest<{ created: boolean }>('workspace/executeCommand', { command: 'accountable.createConfigurationFile', arguments: [] });
		expect(again.created).toBe(false);
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		await client.waitForDiagnostics(uri, withRule(COOPERATION));
		expect(client.diagnostics.get(uriOf(result.file))).toBeUndefined(); // no configuration errors
	});

	it('uses settings pushed with didChangeConfiguration by clients without workspace/configuration', async () => {
		await start({ capabilities: { configuration: false } });
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		await client.waitForDiagnostics(uri, withRule(COOPERATION));
		const before = client.publishCount(uri);
		await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { accountable: { rules: { 'conditional-services': 'off' } } } });
		await client.waitForDiagnostics(uri, withoutRule(COOPERATION), 'the category off', before);
	});

	it('shows a broken .accountable.yaml as a diagnostic on that file at the right line, and keeps reviewing', async () => {
		const config = path.join(dir, '.accountable.yaml');
		fs.writeFileSync(config, `# team settings\nprofile: bill\nrules:\n  framing: sometimes\n`);
		await start();
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		await client.waitForDiagnostics(uri, withRule(COOPERATION), 'the draft still reviewed');
		const [problem] = await client.waitForDiagnostics(uriOf(config), (d) => d.length > 0, 'the configuration error');
		expect(problem!.range.start.line).toBe(3);
		expect(problem!.range.start.character).toBe(2);
		expect(problem!.source).toBe('accountable');
		expect(problem!.severity).toBe(1);
		expect(problem!.message).toMatch(/framing|sometimes|allowed/i);

		// Fixing the file (the client's watcher reports it) clears the error and applies the new settings.
		fs.writeFileSync(config, `rules:\n  framing: off\n`);
		const before = client.publishCount(uri);
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
		await client.waitForDiagnostics(uriOf(config), (d) => d.length === 0, 'the error cleared');
		await client.waitForDiagnostics(uri, (d) => withoutRule(SLAVERY)(d) && withRule(COOPERATION)(d), 'framing off', before);
	});

	it('notices a changed configuration file at the next review when the client has no file watcher', async () => {
		const config = path.join(dir, '.accountable.yaml');
		fs.writeFileSync(config, 'rules:\n  framing: warning\n');
		await start({ capabilities: { watchedFiles: false } });
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		await client.waitForDiagnostics(uri, withRule(SLAVERY));
		expect(client.registrations).not.toContain('workspace/didChangeWatchedFiles');
		fs.writeFileSync(config, 'rules:\n  framing: off\n  conditional-services: off\n');
		const before = client.publishCount(uri);
		client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Draft: ' }]);
		await client.waitForDiagnostics(uri, (d) => !d.some((x) => /^(framing|conditional-services)\//.test(String(x.code))), 'the new configuration applied', before);
	});

	it('loads rule packs from the configuration, reports a broken pack rule at its line, and skips packs when untrusted', async () => {
		const rule = (id: string, extra = ''): string =>
			`---\nid: ${id}\nkind: phrase\nscope: span\nseverity: warning\nsummary: Pack rule\nmessage: "Pack found {match}"\nmatch: ["task force"]\n${extra}evidence:\n  - paragraph: 5\n    quote: "raids should be used only as a last resort"\n---\n# Pack rule\n\n## What it flags\nx\n\n## Why\ny\n\n## What to write instead\nz\n\n## Not flagged\nw\n`;
		fs.mkdirSync(path.join(dir, 'pack', 'raids'), { recursive: true });
		fs.writeFileSync(path.join(dir, 'pack', 'raids', 'task-force.md'), rule('raids/task-force'));
		fs.writeFileSync(path.join(dir, 'pack', 'raids', 'broken.md'), rule('raids/broken', 'severity: loud\n').replace('severity: warning\n', ''));
		fs.writeFileSync(path.join(dir, '.accountable.yaml'), 'packs:\n  - ./pack\n');
		const text = 'The task force shall meet monthly.\n';
		await start();
		const uri = client.open(path.join(dir, 'draft.md'), text);
		await client.waitForDiagnostics(uri, withRule('raids/task-force'));
		const broken = uriOf(path.join(dir, 'pack', 'raids', 'broken.md'));
		const [problem] = await client.waitForDiagnostics(broken, (d) => d.length > 0, 'the pack error');
		expect(problem!.range.start.line).toBe(7); // `severity: loud` is line 8 of the file

		// Fixing the pack rule reloads the rules: the error goes and the fixed rule reviews too.
		fs.writeFileSync(path.join(dir, 'pack', 'raids', 'broken.md'), rule('raids/broken').replace('["task force"]', '["monthly"]'));
		const before = client.publishCount(uri);
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: broken, type: 2 }] });
		await client.waitForDiagnostics(broken, (d) => d.length === 0, 'the pack error cleared');
		await client.waitForDiagnostics(uri, (d) => withRule('raids/broken')(d) && withRule('raids/task-force')(d), 'the fixed pack rule', before);
		await client.dispose();

		await start({ initializationOptions: { trusted: false } });
		const again = client.open(path.join(dir, 'draft.md'), text);
		const diagnostics = await client.waitForDiagnostics(again, () => true);
		expect(diagnostics.map((d) => d.code)).not.toContain('raids/task-force');
	});
});

describe('language server: workspace review and robustness', () => {
	it('reviews every document in the workspace with progress', async () => {
		workspace({ 'a.md': DRAFT, 'sub/b.txt': `${CONDITIONAL}\n`, 'node_modules/x/c.md': DRAFT, 'archive/old.md': DRAFT, '.accountable.yaml': 'ignore:\n  - archive/**\n' });
		await start();
		const summary = await client.connection.sendRequest<{ files: number; findings: number; cancelled: boolean }>('workspace/executeCommand', { command: 'accountable.reviewWorkspace', arguments: [] });
		expect(summary).toMatchObject({ files: 2, cancelled: false });
		expect(client.latest(uriOf(path.join(dir, 'a.md')))!.map((d) => d.code)).toContain(COOPERATION);
		expect(client.latest(uriOf(path.join(dir, 'sub', 'b.txt')))!.map((d) => d.code)).toContain(COOPERATION);
		expect(client.latest(uriOf(path.join(dir, 'node_modules', 'x', 'c.md')))).toBeUndefined();
		expect(client.latest(uriOf(path.join(dir, 'archive', 'old.md')))).toBeUndefined();
		const kinds = client.progress.map((p) => p.value.kind);
		expect(kinds[0]).toBe('begin');
		expect(kinds).toContain('report');
		expect(kinds[kinds.length - 1]).toBe('end');
	});

	it('stops a workspace review when the user cancels its progress', async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 300; i++) files[`drafts/d${String(i).padStart(3, '0')}.md`] = DRAFT.repeat(3);
		workspace(files);
		await start();
		const pending = client.connection.sendRequest<{ files: number; cancelled: boolean }>('workspace/executeCommand', { command: 'accountable.reviewWorkspace', arguments: [] });
		const report = await waitUntil('the first progress report', () => client.progress.find((p) => p.value.kind === 'report'));
		await client.connection.sendNotification('window/workDoneProgress/cancel', { token: report.token });
		const summary = await pending;
		expect(summary.cancelled).toBe(true);
		expect(summary.files).toBeLessThan(300);
		expect(client.progress[client.progress.length - 1]!.value.kind).toBe('end');
	});

	it('publishes at most maxNumberOfProblems findings, the most severe, and says how many more there are', async () => {
		await start({ settings: { maxNumberOfProblems: 2 } });
		const uri = client.open(path.join(dir, 'bill.md'), fs.readFileSync(path.join(ROOT, 'examples', 'draft-state-bill.md'), 'utf8'));
		const diagnostics = await client.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'accountable/too-many-findings'));
		const summary = diagnostics.find((d) => d.code === 'accountable/too-many-findings')!;
		const total = Number(/of this document's (\d+) findings/.exec(String(summary.message))?.[1]);
		expect(total).toBeGreaterThan(2);
		expect(summary.message).toContain('maxNumberOfProblems');
		const shown = diagnostics.filter((d) => d !== summary);
		expect(shown).toHaveLength(2);
		// The most severe are kept: none left out is more severe than one shown.
		client.settings = {};
		await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
		const all = await client.waitForDiagnostics(uri, (list) => list.length === total);
		const worstLeftOut = Math.min(...all.filter((d) => !shown.some((s) => s.code === d.code && s.range.start.line === d.range.start.line && s.range.start.character === d.range.start.character)).map((d) => d.severity!));
		expect(Math.max(...shown.map((d) => d.severity!))).toBeLessThanOrEqual(worstLeftOut);
	});

	it('shows one clear diagnostic instead of reviewing a document over maxDocumentSize', async () => {
		await start({ settings: { maxDocumentSize: 1000 } });
		const uri = client.open(path.join(dir, 'big.md'), DRAFT.repeat(20));
		const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
		expect(diagnostics).toHaveLength(1);
		expect(diagnostics[0]!.code).toBe('accountable/document-too-large');
		expect(diagnostics[0]!.message).toContain('maxDocumentSize');
	});

	it('survives binary, huge and malformed input and keeps answering', async () => {
		await start();
		const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)).toString('latin1');
		const binary = client.open(path.join(dir, 'blob.md'), `\u0000${bytes}\u0000`);
		await client.waitForDiagnostics(binary, () => true, 'a review of binary content');
		const huge = client.open(path.join(dir, 'huge.txt'), `${CONDITIONAL} `.repeat(20000));
		await client.waitForDiagnostics(huge, (d) => d.length > 0, 'diagnostics for a long document', 0, 30000);
		const surrogates = client.open(path.join(dir, 'odd.md'), '\uD800\uDFFF\uDC00 *unclosed [link](\n> > > ```\n' + '#'.repeat(500) + '\n|a|\n|-|\n');
		await client.waitForDiagnostics(surrogates, () => true, 'a review of malformed Markdown');

		// Garbage in requests: errors or empty answers, never a crash.
		await expect(client.connection.sendRequest('workspace/executeCommand', { command: 'accountable.disableRuleForLine', arguments: [] })).resolves.toBeNull();
		await expect(client.connection.sendRequest('workspace/executeCommand', { command: 'accountable.applySuggestion', arguments: [{ uri: 42 }] })).resolves.toBeNull();
		expect(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: -1, character: 1e9 } })).toBeNull();
		expect(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: binary }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ source: 'accountable', message: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, data: { ruleId: 7 } }] } })).toEqual([]);
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere.md', version: 3 }, contentChanges: [{ text: 'x' }] });

		// Still alive and still reviewing.
		const uri = client.open(path.join(dir, 'after.md'), DRAFT);
		await client.waitForDiagnostics(uri, withRule(COOPERATION));
		const rules = await client.connection.sendRequest<Array<{ id: string }>>('accountable/rules', {});
		expect(rules.map((r) => r.id)).toContain(COOPERATION);
		expect(client.exited).toBe(false);
	});

	it('runs as accountable-lsp on stdio when started without arguments', async () => {
		await start({ server: path.join(ROOT, 'bin', 'accountable-lsp.js'), args: [] });
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		await client.waitForDiagnostics(uri, withRule(COOPERATION));
		const help = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'accountable-lsp.js'), '--help'], { encoding: 'utf8' });
		expect(help).toMatch(/^Usage: accountable-lsp \[--stdio/);
	});

	it('speaks node-ipc as well as stdio', async () => {
		await start({ transport: 'node-ipc' });
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		await client.waitForDiagnostics(uri, withRule(COOPERATION));
	});
});
