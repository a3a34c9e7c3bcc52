import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_WORD_DOCUMENT_NOTIFICATION, WORD_DOCUMENT_CHANGED_NOTIFICATION, WORD_DOCUMENT_VIEW_REQUEST, type WordDocumentViewResult } from '../../server/src/lsp/docxProtocol';
import { REPORT_REQUEST } from '../../server/src/lsp/reportProtocol';
import type { Report } from '../../server/src/engine/report';
import { TestClient, uriOf, waitUntil } from '../server/lspClient';
import { grantProposal, truncatedDocx, writeFiles } from './fixtures';

const COOPERATION = 'conditional-services/cooperation-required';

describe('language server: the Word review editor (accountable/wordDocumentView)', () => {
	let dir: string;
	let client: TestClient;
	const changed: string[] = [];

	beforeAll(async () => {
		dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-docx-editor-')));
		fs.mkdirSync(path.join(dir, 'archive'));
		writeFiles(dir, { 'proposal.docx': await grantProposal(), 'cut.docx': await truncatedDocx(), 'archive/old.docx': await grantProposal(), '.accountable.yaml': 'ignore:\n  - archive/**\n' });
		client = new TestClient({ workspaceFolder: dir, transport: 'in-process' });
		client.connection.onNotification(WORD_DOCUMENT_CHANGED_NOTIFICATION, (p: { uri: string }) => void changed.push(p.uri));
		await client.initialize();
	});

	afterAll(async () => {
		await client.dispose();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	const view = (name: string) => client.connection.sendRequest<WordDocumentViewResult>(WORD_DOCUMENT_VIEW_REQUEST, { uri: uriOf(path.join(dir, name)) });

	it('returns the document with its findings highlighted and puts them in the Problems panel under the .docx, by Word paragraph and heading path', async () => {
		const uri = uriOf(path.join(dir, 'proposal.docx'));
		const result = await view('proposal.docx');
		expect(result).toMatchObject({ findings: 5, profile: 'grant-proposal', profileReason: expect.stringMatching(/Safe Harbor Grant Proposal/) });
		expect(result.html).toMatch(/<p id="p14"[^>]*><mark class="finding[^>]*>Benefits are available only to victims who cooperate<\/mark> with the prosecution\.<\/p>/);
		const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length === 5, 'diagnostics on the .docx');
		const cooperation = diagnostics.filter((d) => d.code === COOPERATION);
		expect(cooperation.map((d) => String(d.message).replace(/:.*/s, ''))).toEqual(['¶7 (SEC. 5 › Services)', '¶14 (SEC. 5 › Budget)']);
		// Line 14 is ¶14 and the columns are the words' within it: "Benefits are available only to victims who cooperate".
		expect(cooperation[1]!.range).toEqual({ start: { line: 13, character: 0 }, end: { line: 13, character: 'Benefits are available only to victims who cooperate'.length } });
		// Nothing that would edit a converted text travels with them.
		expect(cooperation.every((d) => d.data === undefined && d.relatedInformation === undefined)).toBe(true);
	});

	it('shows an unreadable .docx as an error, in the editor and in the Problems panel: never as a clean document', async () => {
		const error = await view('cut.docx').catch((e: unknown) => e);
		expect(error).toMatchObject({ message: expect.stringMatching(/^cut\.docx is damaged/) });
		const diagnostics = await client.waitForDiagnostics(uriOf(path.join(dir, 'cut.docx')), (d) => d.length === 1, 'the error on cut.docx');
		expect(diagnostics[0]).toMatchObject({ severity: 1, message: expect.stringMatching(/^Accountable could not review this Word document: cut\.docx is damaged/) });
	});

	it('shows an ignored .docx with a notice and no findings', async () => {
		const result = await view('archive/old.docx');
		expect(result.findings).toBe(0);
		expect(result.html).toContain('ignored by the configuration');
		expect(result.html).not.toContain('<mark');
	});

	it('asks the editor to review again when the settings change, and honours them', async () => {
		changed.length = 0;
		client.settings = { rules: { 'conditional-services': 'off' } };
		void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { accountable: client.settings } });
		await waitUntil('the changed notification', () => changed.includes(uriOf(path.join(dir, 'proposal.docx'))));
		const result = await view('proposal.docx');
		expect(result.findings).toBe(3);
		expect(result.html).not.toContain(COOPERATION);
		client.settings = {};
		void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { accountable: {} } });
	});

	it('reports the .docx itself, with evidence placed by Word paragraph and heading path', async () => {
		const report = await client.connection.sendRequest<Report>(REPORT_REQUEST, { uri: uriOf(path.join(dir, 'proposal.docx')) });
		expect(report.document.file).toBe('proposal.docx');
		const cooperation = report.areas.flatMap((a) => a.findings).filter((i) => i.ruleId === COOPERATION);
		expect(cooperation.map((i) => i.location)).toEqual(['¶7 (SEC. 5 › Services)', '¶14 (SEC. 5 › Budget)']);
	});

	it('clears the .docx’s diagnostics when its editor closes', async () => {
		const uri = uriOf(path.join(dir, 'proposal.docx'));
		const before = client.publishCount(uri);
		void client.connection.sendNotification(CLOSE_WORD_DOCUMENT_NOTIFICATION, { uri });
		await client.waitForDiagnostics(uri, (d) => d.length === 0, 'the diagnostics to go', before);
		// Closed editors are not asked to review again; open ones (old.docx's, from the test above) still are.
		changed.length = 0;
		void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { accountable: {} } });
		await waitUntil('the open editor to be asked', () => changed.includes(uriOf(path.join(dir, 'archive', 'old.docx'))));
		expect(changed).not.toContain(uri);
	});
});
