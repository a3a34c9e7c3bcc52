import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, tempFolder } from '../helpers/cli';
import { TestClient, uriOf } from '../server/lspClient';

/**
 * A workspace VS Code does not trust may hold rule packs written by anyone. The extension tells the server
 * (initializationOptions.trusted, from vscode.workspace.isTrusted); the server then reviews with the built-in
 * rules only: packs named in `.accountable.yaml` and in the `accountable.packs` setting are never read, in
 * the review of open documents and in the workspace review alike.
 */

const FLAGGED = 'Shelter shall be provided to a victim only if the victim is willing to testify against the trafficker.';
const BUILTIN = 'conditional-services/cooperation-required';
const TEXT = `The task force shall meet monthly.\n\n${FLAGGED}\n`;

function packRule(id: string, term: string, extra = ''): string {
	return `---\nid: ${id}\nkind: phrase\nscope: span\nseverity: warning\nsummary: Pack rule\nmessage: "Pack found {match}"\nmatch: ["${term}"]\n${extra}evidence:\n  - paragraph: 5\n    quote: "raids should be used only as a last resort"\n---\n# Pack rule\n\n## What it flags\nx\n\n## Why\ny\n\n## What to write instead\nz\n\n## Not flagged\nw\n`;
}

function workspace(): string {
	return tempFolder({
		'.accountable.yaml': 'packs:\n  - ./config-pack\n',
		'config-pack/raids/task-force.md': packRule('raids/task-force', 'task force'),
		// A broken rule: a trusted workspace shows it as an error on the pack file; an untrusted one never reads it.
		'config-pack/raids/broken.md': packRule('raids/broken', 'x', 'colour: red\n'),
		'editor-pack/raids/monthly.md': packRule('raids/monthly', 'monthly'),
		'draft.md': TEXT,
	});
}

describe('untrusted VS Code workspaces', () => {
	let client: TestClient | undefined;

	afterEach(async () => {
		await client?.dispose();
		client = undefined;
	});

	async function start(dir: string, trusted: boolean | undefined): Promise<TestClient> {
		client = new TestClient({ workspaceFolder: dir, settings: { packs: ['./editor-pack'] }, ...(trusted === undefined ? {} : { initializationOptions: { trusted } }) });
		await client.initialize();
		return client;
	}

	it('trusted (and by default, for clients that do not say): rule packs from the configuration and the settings are loaded', async () => {
		for (const trusted of [true, undefined]) {
			const dir = workspace();
			const c = await start(dir, trusted);
			const uri = c.open(path.join(dir, 'draft.md'), TEXT);
			const codes = (await c.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'raids/task-force') && d.some((x) => x.code === 'raids/monthly'), 'the pack rules')).map((d) => d.code);
			expect(codes).toContain(BUILTIN);
			await c.waitForDiagnostics(uriOf(path.join(dir, 'config-pack/raids/broken.md')), (d) => d.length > 0, 'the broken pack rule reported');
			await c.dispose();
			client = undefined;
		}
	});

	it('untrusted: built-in rules only; no pack is read, in open documents or the workspace review', async () => {
		const dir = workspace();
		const c = await start(dir, false);
		const uri = c.open(path.join(dir, 'draft.md'), TEXT);
		const codes = (await c.waitForDiagnostics(uri, (d) => d.some((x) => x.code === BUILTIN), 'the built-in review')).map((d) => d.code);
		expect(codes).not.toContain('raids/task-force');
		expect(codes).not.toContain('raids/monthly');

		const summary = await c.connection.sendRequest<{ files: number; cancelled: boolean }>('workspace/executeCommand', { command: 'accountable.reviewWorkspace', arguments: [] });
		expect(summary.cancelled).toBe(false);
		const all = [...c.diagnostics.values()].flatMap((published) => published.flatMap((p) => p.diagnostics));
		expect(all.map((d) => d.code)).toContain(BUILTIN);
		// The pack files are themselves reviewed as documents, but never loaded: no pack rule, no pack error.
		expect(all.filter((d) => String(d.code).startsWith('raids/') || d.code === 'accountable/rule-pack-error')).toEqual([]);
		expect(c.logs.map((l) => l.message).join('\n')).toContain('untrusted: rule packs are not loaded');
	});

	it('the extension declares limited support, restricts accountable.packs, passes the trust state and restarts when trust is granted', () => {
		const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } } };
		expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
		expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations).toContain('accountable.packs');
		const extension = fs.readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
		expect(extension).toMatch(/initializationOptions:\s*\(\)\s*=>\s*\(\{\s*trusted:\s*vscode\.workspace\.isTrusted\s*[,}]/);
		expect(extension).toMatch(/onDidGrantWorkspaceTrust\(\(\)\s*=>\s*void client\?\.restart\(\)\)/);
	});
});
