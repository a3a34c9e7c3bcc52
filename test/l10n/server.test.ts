/**
 * The language server speaks the editor's language when the client passes its translations (VS Code's
 * vscode.l10n.bundle, as initializationOptions.l10nBundle): quick fixes, hovers and notices about the document
 * are in Spanish, the rules' own messages stay English. Without a bundle (Neovim, Helix, older clients) English.
 * Runs the built server (out/server.js) in its own process: @vscode/l10n's bundle is per process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { tempFoldersRemovedAfterAll } from '../helpers/cli';
import { ROOT, TestClient, withRule } from '../server/lspClient';

const SPANISH = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<string, string>;
const COOPERATION = 'conditional-services/cooperation-required';
const DRAFT = '# Victim services\n\nVictims who assist in the investigation and prosecution of traffickers will receive housing assistance.\n';
const tempFolder = tempFoldersRemovedAfterAll();
let client: TestClient | undefined;

afterEach(async () => {
	await client?.dispose();
	client = undefined;
});

async function reviewed(l10nBundle?: Record<string, string>) {
	const dir = tempFolder({});
	client = new TestClient({ workspaceFolder: dir, transport: 'stdio', initializationOptions: { commandLinks: true, ...(l10nBundle ? { l10nBundle } : {}) } });
	await client.initialize();
	const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
	const diagnostics = await client.waitForDiagnostics(uri, withRule(COOPERATION));
	const finding = diagnostics.find((d) => d.code === COOPERATION)!;
	const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] } });
	const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: finding.range.start });
	return { diagnostics, finding, actions: actions.map((a) => a.title), hover: (hover.contents as { value: string }).value };
}

describe('the language server with a Spanish bundle', () => {
	it('titles its quick fixes and heads its hover in Spanish; the rule’s message stays English', async () => {
		const { finding, actions, hover } = await reviewed(SPANISH);
		expect(actions).toContain(`Desactivar ${COOPERATION} en esta línea`);
		expect(actions).toContain(`Desactivar ${COOPERATION} en la configuración del área de trabajo`);
		expect(actions).toContain(`Mostrar la documentación de ${COOPERATION}`);
		expect(actions.some((t) => /^Disable |^Show documentation/.test(t))).toBe(false);
		expect(hover).toContain('**Por qué:**');
		expect(hover).toContain(`[Documentación de ${COOPERATION}]`);
		expect(hover).not.toContain('**Why:**');
		expect(finding.message).toMatch(/^Services made conditional/);
	});

	it('says in Spanish why a document was not reviewed', async () => {
		const dir = tempFolder({});
		client = new TestClient({ workspaceFolder: dir, transport: 'stdio', settings: { maxDocumentSize: 20 }, initializationOptions: { l10nBundle: SPANISH } });
		await client.initialize();
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		const [notice] = await client.waitForDiagnostics(uri, (d) => d.length > 0);
		expect(notice!.message).toBe(`Accountable no revisó este documento: ${DRAFT.length} caracteres superan el límite de 20 (ajuste accountable.maxDocumentSize o maxDocumentSize en .accountable.yaml).`);
	});

	it('stays English without a bundle', async () => {
		const { actions, hover } = await reviewed();
		expect(actions).toContain(`Disable ${COOPERATION} for this line`);
		expect(hover).toContain('**Why:**');
	});
});
