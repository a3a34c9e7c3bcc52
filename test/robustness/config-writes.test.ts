import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../server/src/node/config';
import { disableRuleInConfig } from '../../server/src/lsp/workspaceConfig';
import { tempFoldersRemovedAfterAll } from '../helpers/cli';
import { TestClient, uriOf } from '../server/lspClient';

/**
 * The editor's commands write only where the user meant: inside the workspace folder of the document they
 * act on, never through a symbolic link, only to a valid Accountable configuration or a new one; and an edit
 * keeps the file's line endings, comments, key order and numbers. Before: a dangling link got a file created
 * at its target, a linked CI workflow was rewritten, a `folder` argument wrote anywhere, CRLF became LF.
 */

const RULE = 'framing/rescue-language';
const FLAGGED = 'Police rescued 40 women in the raid.';

const folder = tempFoldersRemovedAfterAll();

describe('configuration edits keep the file as it was written', () => {
	it('CRLF line endings, comments, key order and a large integer survive disabling a rule (YAML)', () => {
		const dir = folder({});
		const file = path.join(dir, '.accountable.yaml');
		const text = '# team settings\r\nprofile: bill # for bills\r\nmaxDocumentSize: 123456789012345678\r\nrules:\r\n    consent: warning   # keep\r\nignore:\r\n    - archive/**\r\n';
		fs.writeFileSync(file, text);
		const edited = disableRuleInConfig(file, dir, RULE).text;
		expect(edited).toBe('# team settings\r\nprofile: bill # for bills\r\nmaxDocumentSize: 123456789012345678\r\nrules:\r\n    consent: warning   # keep\r\n    framing/rescue-language: off\r\nignore:\r\n    - archive/**\r\n');
		expect(edited.replace(/\r\n/g, '')).not.toContain('\n');
	});

	it('a JSON configuration keeps its key order, tabs, CRLF and a large integer', () => {
		const dir = folder({});
		const file = path.join(dir, '.accountable.json');
		fs.writeFileSync(file, '{\r\n\t"profile": "bill",\r\n\t"maxDocumentSize": 123456789012345678\r\n}\r\n');
		const edited = disableRuleInConfig(file, dir, RULE).text;
		expect(edited).toBe(`{\r\n\t"profile": "bill",\r\n\t"maxDocumentSize": 123456789012345678,\r\n\t"rules": {\r\n\t\t"${RULE}": "off"\r\n\t}\r\n}\r\n`);
	});

	it('a file that is not a valid Accountable configuration is not edited', () => {
		const dir = folder({ '.accountable.yaml': 'on:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n' });
		expect(() => disableRuleInConfig(path.join(dir, '.accountable.yaml'), dir, RULE)).toThrow(/not a valid Accountable configuration \(line 1: unknown key "on"\); fix it first/);
	});
});

describe('configuration commands in the editor write only inside the workspace folder, never through links', () => {
	let client: TestClient | undefined;
	afterEach(async () => {
		await client?.dispose();
		client = undefined;
	});

	async function start(dir: string): Promise<TestClient> {
		client = new TestClient({ workspaceFolder: dir });
		await client.initialize();
		return client;
	}
	const run = (c: TestClient, command: string, args: unknown[]): Promise<unknown> => c.connection.sendRequest('workspace/executeCommand', { command, arguments: args });
	const errorShown = (c: TestClient, pattern: RegExp): boolean => c.logs.some((l) => l.type === 1 && pattern.test(l.message));

	it('Create Configuration File on a dangling .accountable.yaml link creates nothing at the link’s target', async () => {
		const dir = folder({ 'draft.md': FLAGGED });
		const target = path.join(os.tmpdir(), `accountable-target-${process.pid}-${Date.now()}.yaml`);
		fs.symlinkSync(target, path.join(dir, '.accountable.yaml'));
		const c = await start(dir);
		expect(await run(c, 'accountable.createConfigurationFile', [])).toBeNull();
		expect(errorShown(c, /symbolic link to a file that does not exist/)).toBe(true);
		expect(fs.existsSync(target)).toBe(false);
	});

	it('Disable Rule in Workspace Configuration does not touch a linked CI workflow named .accountable.yaml', async () => {
		const dir = folder({ 'draft.md': FLAGGED, '.github/workflows/ci.yml': 'name: ci\non: [push]\njobs: {}\n' });
		const workflow = path.join(dir, '.github/workflows/ci.yml');
		fs.symlinkSync(workflow, path.join(dir, '.accountable.yaml'));
		const c = await start(dir);
		const uri = c.open(path.join(dir, 'draft.md'), FLAGGED);
		await c.waitForDiagnostics(uri, (d) => d.some((x) => x.code === RULE));
		expect(await run(c, 'accountable.disableRuleInWorkspace', [{ uri, ruleId: RULE }])).toBeNull();
		expect(fs.readFileSync(workflow, 'utf8')).toBe('name: ci\non: [push]\njobs: {}\n');
		expect(errorShown(c, /not a valid Accountable configuration|symbolic link/)).toBe(true);
	});

	it('a folder or uri argument outside the workspace folder creates nothing there', async () => {
		const dir = folder({ 'draft.md': FLAGGED });
		const elsewhere = folder({ 'other.md': FLAGGED });
		const c = await start(dir);
		expect(await run(c, 'accountable.createConfigurationFile', [{ folder: elsewhere }])).toBeNull();
		expect(await run(c, 'accountable.createConfigurationFile', [{ uri: uriOf(path.join(elsewhere, 'other.md')) }])).toBeNull();
		expect(await run(c, 'accountable.disableRuleInWorkspace', [{ uri: uriOf(path.join(elsewhere, 'other.md')), ruleId: RULE }])).toBeNull();
		expect(fs.readdirSync(elsewhere)).toEqual(['other.md']);
		expect(errorShown(c, /is not a workspace folder/)).toBe(true);
		expect(errorShown(c, /is not in a workspace folder/)).toBe(true);
	});

	it('disabling a rule writes a valid configuration in the workspace folder, and the finding goes', async () => {
		const dir = folder({ 'draft.md': FLAGGED });
		const c = await start(dir);
		const uri = c.open(path.join(dir, 'draft.md'), FLAGGED);
		await c.waitForDiagnostics(uri, (d) => d.some((x) => x.code === RULE));
		expect(await run(c, 'accountable.disableRuleInWorkspace', [{ uri, ruleId: RULE }])).toEqual({ file: path.join(dir, '.accountable.yaml'), created: true });
		const file = path.join(dir, '.accountable.yaml');
		expect(parseConfigText(file, fs.readFileSync(file, 'utf8')).config!.settings.rules).toEqual({ [RULE]: 'off' });
		await c.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === RULE), 'the rule disabled');
	});
});
