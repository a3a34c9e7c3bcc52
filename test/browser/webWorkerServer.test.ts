/**
 * The web extension's language server (out/browser/server.js, server/src/browser), run as VS Code for the Web
 * runs it: in a worker whose only channel is a message port, with configuration files read through the
 * client (./workerServer.ts). The same findings as the Node.js server's; the workspace's configuration honoured.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../server/src/node/config';
import { ReviewService } from '../../server/src/node/reviewService';
import { ROOT } from '../server/lspClient';
import { WorkerServerClient } from './workerServer';

const DRAFT = fs.readFileSync(path.join(ROOT, 'examples', 'draft-state-bill.md'), 'utf8');
const WS = 'vscode-vfs://github/owner/repo';
const DOC = `${WS}/drafts/bill.md`;

const places = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();

let client: WorkerServerClient;
beforeEach(() => {
	client = new WorkerServerClient();
});
afterEach(async () => {
	await client.stop();
});

describe('the web extension language server in a worker', () => {
	it('starts over the message port and reviews a Markdown draft with the same findings as the Node.js server', async () => {
		const init = await client.initialize();
		expect(init.serverInfo?.name).toBe('accountable-lsp (web worker)');
		// The commands that edit the open document, and the documentation that hovers link to; nothing that writes files.
		expect((init.capabilities.executeCommandProvider as { commands: string[] }).commands.sort()).toEqual(['accountable.applySuggestion', 'accountable.disableRuleForFile', 'accountable.disableRuleForLine', 'accountable.showRuleDocumentation']);
		client.open(DOC, DRAFT);
		const diagnostics = await client.nextDiagnostics(DOC);
		// The same text reviewed by the Node.js pipeline (built-in rules, no configuration).
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-web-'));
		try {
			const expected = new ReviewService(new ConfigResolver({ none: true })).review(path.join(dir, 'bill.md'), DRAFT).result!.findings;
			expect(expected.length).toBeGreaterThan(10);
			expect(places(diagnostics)).toEqual(expected.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`).sort());
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
		const raid = diagnostics.find((d) => d.code === 'raids/vice-raids');
		expect(raid).toMatchObject({ source: 'accountable', severity: 1, range: { start: { line: 21 } } });
		// No configuration in the workspace: asked for once, for the document's folder.
		expect(client.requests.filter((r) => r.method === 'accountable/findConfiguration').map((r) => r.params)).toEqual([{ folder: `${WS}/drafts`, names: ['.accountable.yaml', '.accountable.yml', '.accountable.json'], maxBytes: 1024 * 1024 }]);
	});

	it('reviews plain text as plain text', async () => {
		await client.initialize();
		const uri = `${WS}/notes.txt`;
		client.open(uri, 'Police will conduct raids on massage parlours to rescue victims.\n', 'plaintext');
		const diagnostics = await client.nextDiagnostics(uri);
		expect(diagnostics.map((d) => d.code)).toContain('raids/vice-raids');
	});

	it('honours the workspace .accountable.yaml above the document, and the file it extends', async () => {
		client.files.set(`${WS}/.accountable.yaml`, 'extends: ./shared/base.yaml\nminSeverity: warning\nrules:\n  raids/vice-raids: off\n');
		client.files.set(`${WS}/shared/base.yaml`, 'rules:\n  consent: off\n');
		await client.initialize();
		client.open(DOC, DRAFT);
		const codes = (await client.nextDiagnostics(DOC)).map((d) => String(d.code));
		expect(codes).toContain('raids/private-rescue-operations');
		expect(codes).not.toContain('raids/vice-raids');
		expect(codes.filter((c) => c.startsWith('consent/'))).toEqual([]);
		expect(codes).not.toContain('framing/rescue-language'); // information, below minSeverity
		expect(client.requests.some((r) => r.method === 'accountable/readConfiguration' && (r.params as { uri: string }).uri === `${WS}/shared/base.yaml`)).toBe(true);
	});

	it('shows problems in the configuration on its lines, says rule packs are not loaded, and still reviews', async () => {
		const config = `${WS}/.accountable.yaml`;
		client.files.set(config, 'rules:\n  raids/no-such-rule: off\npacks:\n  - ./our-rules\n');
		await client.initialize();
		client.open(DOC, DRAFT);
		expect((await client.nextDiagnostics(DOC)).length).toBeGreaterThan(10);
		const problems = await client.nextDiagnostics(config);
		expect(problems.map((d) => [d.range.start.line, d.severity])).toEqual(
			expect.arrayContaining([
				[1, 1],
				[3, 1],
			]),
		);
		expect(problems.find((d) => d.range.start.line === 3)?.message).toMatch(/rule pack \.\/our-rules is not loaded: VS Code for the Web reviews with the built-in rules only/);
		expect(problems.find((d) => d.range.start.line === 1)?.message).toMatch(/raids\/no-such-rule/);
	});

	it('reports a configuration that is not valid YAML, and reviews with the defaults', async () => {
		const config = `${WS}/.accountable.yaml`;
		client.files.set(config, 'rules:\n  raids/vice-raids: [off\n');
		await client.initialize();
		client.open(DOC, DRAFT);
		expect((await client.nextDiagnostics(DOC)).map((d) => d.code)).toContain('raids/vice-raids');
		const problems = await client.nextDiagnostics(config);
		expect(problems[0]?.message).toMatch(/invalid YAML/);
	});

	it('reads the configuration again when a configuration file changes', async () => {
		await client.initialize();
		client.open(DOC, DRAFT);
		expect((await client.nextDiagnostics(DOC)).map((d) => d.code)).toContain('raids/vice-raids');
		client.files.set(`${WS}/drafts/.accountable.yml`, 'rules:\n  raids: off\n');
		client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `${WS}/drafts/.accountable.yml`, type: 1 }] });
		const after = await client.nextDiagnostics(DOC, 1);
		expect(after.length).toBeGreaterThan(5);
		expect(after.filter((d) => String(d.code).startsWith('raids/'))).toEqual([]);
	});

	it('leaves out documents the configuration ignores', async () => {
		client.files.set(`${WS}/.accountable.yaml`, 'ignore:\n  - archive/**\n');
		await client.initialize();
		const archived = `${WS}/archive/old.md`;
		client.open(archived, DRAFT);
		expect(await client.nextDiagnostics(archived)).toEqual([]);
	});

	it('answers hovers and quick fixes, and disables a rule for a line by editing the document', async () => {
		await client.initialize();
		client.open(DOC, DRAFT);
		const diagnostics = await client.nextDiagnostics(DOC);
		const raid = diagnostics.find((d) => d.code === 'raids/vice-raids')!;
		const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: DOC }, position: raid.range.start });
		expect(JSON.stringify(hover.contents)).toContain('command:accountable.showRuleDocumentation');
		const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: DOC }, range: raid.range, context: { diagnostics: [raid] } });
		const commands = actions.map((a) => a.command?.command).filter(Boolean);
		expect(commands).toContain('accountable.disableRuleForLine');
		// Writing the workspace configuration needs a file system: not offered here.
		expect(commands).not.toContain('accountable.disableRuleInWorkspace');
		const disable = actions.find((a) => a.command?.command === 'accountable.disableRuleForLine')!;
		await client.request('workspace/executeCommand', { command: disable.command!.command, arguments: [{ ...(disable.command!.arguments![0] as object), reason: 'quoted' }] });
		expect(JSON.stringify(client.appliedEdits)).toMatch(/accountable-disable-next-line raids\/vice-raids/);
	});
});
