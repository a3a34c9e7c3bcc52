import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseError } from 'vscode-languageserver/node';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { ANNOTATE_DOCX_REQUEST, CONVERT_DOCX_REQUEST, DOCX_SCHEME, REVIEWED_COPY_EXISTS, docxFileUri, type AnnotateDocxResult, type ConvertDocxResult } from '../../server/src/lsp/docxProtocol';
import { convertDocxRequest } from '../../server/src/lsp/docxRequest';
import { REPORT_REQUEST } from '../../server/src/lsp/reportProtocol';
import type { Report } from '../../server/src/engine/report';
import { TestClient, uriOf, waitUntil } from '../server/lspClient';
import { cleanProposal, encryptedDocx, grantProposal, truncatedDocx, writeFiles } from './fixtures';

let dir: string;

beforeAll(async () => {
	dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-docx-lsp-')));
	writeFiles(dir, { 'proposal.docx': await grantProposal(), 'locked.docx': encryptedDocx(), 'cut.docx': await truncatedDocx() });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The review view's URI, as the extension builds it: the .docx's own path under the accountable-docx scheme. */
function viewUri(file: string): string {
	return `${DOCX_SCHEME}:${new URL(uriOf(file)).pathname}`;
}

describe('accountable/convertDocx (handler)', () => {
	it('returns the converted Markdown and where each Word paragraph is, for a file: or review-view URI', async () => {
		const file = path.join(dir, 'proposal.docx');
		const viaFile = await convertDocxRequest({ uri: uriOf(file) });
		const viaView = await convertDocxRequest({ uri: viewUri(file) });
		expect(viaView).toEqual(viaFile);
		expect(viaFile.markdown).toMatch(/^## Referral and data sharing$/m);
		const cell = viaFile.paragraphs.find((p) => viaFile.markdown.slice(p.start, p.end).startsWith('Benefits'));
		expect(cell).toMatchObject({ paragraph: 14, headingPath: ['SEC. 5', 'Budget'] });
	});

	it('refuses encrypted, damaged and missing files with a message naming the file', async () => {
		const failure = (name: string) => convertDocxRequest({ uri: uriOf(path.join(dir, name)) }).catch((e: unknown) => e);
		expect(await failure('locked.docx')).toBeInstanceOf(ResponseError);
		expect(await failure('locked.docx')).toMatchObject({ message: expect.stringMatching(/^locked\.docx is password-protected/) });
		expect(await failure('cut.docx')).toMatchObject({ message: expect.stringMatching(/^cut\.docx is damaged/) });
		expect(await failure('gone.docx')).toMatchObject({ message: 'gone.docx does not exist' });
		expect(await convertDocxRequest({ uri: 'https://example.invalid/x.docx' }).catch((e: unknown) => e)).toBeInstanceOf(ResponseError);
	});

	it('maps a review-view URI back to the file URI', () => {
		expect(docxFileUri(`${DOCX_SCHEME}:/a/b%20c.docx`)).toBe('file:///a/b%20c.docx');
		expect(docxFileUri('file:///a/b.docx')).toBe('file:///a/b.docx');
	});
});

describe('language server: a Word document’s review view', () => {
	let client: TestClient;

	beforeAll(async () => {
		client = new TestClient({ workspaceFolder: dir, transport: 'in-process' });
		await client.initialize();
	});

	afterAll(async () => {
		await client.dispose();
		expect(client.stderr).toBe('');
	});

	it('converts over the protocol, then reviews the accountable-docx: document with diagnostics and hovers', async () => {
		const uri = viewUri(path.join(dir, 'proposal.docx'));
		const converted = await client.connection.sendRequest<ConvertDocxResult>(CONVERT_DOCX_REQUEST, { uri });
		void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: converted.markdown } });
		const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length >= 3, 'review-view diagnostics');
		expect(diagnostics.map((d) => d.code)).toEqual(['funding-accountability/grant-without-outcome-data', 'conditional-services/cooperation-required', 'conditional-services/cooperation-required', 'consent/data-sharing-without-consent', 'consent/information-shared-without-consent']);
		const consent = diagnostics[3]!;
		expect(converted.markdown.split('\n')[consent.range.start.line]).toBe('## Referral and data sharing');
		const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: diagnostics[1]!.range.start });
		expect((hover?.contents as MarkupContent).value).toMatch(/cooperat/i);
		// The editor is told the profile and why (VS Code shows it in the status bar item's tooltip).
		expect(client.profiles.filter((p) => p.uri === uri).at(-1)).toEqual({ uri, profile: 'grant-proposal', reason: 'grant proposal: “Safe Harbor Grant Proposal” in the first lines' });
		// The Problems panel names the Word paragraph and heading path.
		expect(diagnostics[2]!.message).toMatch(/^¶14 \(SEC\. 5 › Budget\): Services made conditional/);
	});

	it('writes the reviewed copy with comments on request, and asks before replacing it', async () => {
		const uri = viewUri(path.join(dir, 'proposal.docx'));
		const written = await client.connection.sendRequest<AnnotateDocxResult>(ANNOTATE_DOCX_REQUEST, { uri });
		expect(written).toMatchObject({ target: uriOf(path.join(dir, 'proposal.reviewed.docx')), comments: 5, unanchored: 0, profile: 'grant-proposal' });
		const again = await client.connection.sendRequest(ANNOTATE_DOCX_REQUEST, { uri }).catch((e: unknown) => e);
		expect(again).toMatchObject({ code: REVIEWED_COPY_EXISTS, message: 'proposal.reviewed.docx already exists; use --force to replace it' });
		expect(await client.connection.sendRequest<AnnotateDocxResult>(ANNOTATE_DOCX_REQUEST, { uri, force: true })).toMatchObject({ comments: 5 });
		fs.rmSync(path.join(dir, 'proposal.reviewed.docx'));
	});

	it('reports the view with evidence placed by Word paragraph and heading path, as the CLI report of the .docx does', async () => {
		const uri = viewUri(path.join(dir, 'proposal.docx'));
		const report = await client.connection.sendRequest<Report>(REPORT_REQUEST, { uri });
		const items = report.areas.flatMap((a) => a.findings);
		const cooperation = items.filter((i) => i.ruleId === 'conditional-services/cooperation-required');
		expect(cooperation.map((i) => i.word?.paragraph)).toEqual([7, 14]);
		expect(cooperation[1]).toMatchObject({ word: { paragraph: 14, headingPath: ['SEC. 5', 'Budget'] }, location: '¶14 (SEC. 5 › Budget)' });
		expect(report.document.file).toBe('proposal.docx');
	});

	it('honours the configuration beside the .docx (the view is configured as the file on disk)', async () => {
		const sub = path.join(dir, 'quiet');
		fs.mkdirSync(sub);
		fs.writeFileSync(path.join(sub, '.accountable.yaml'), 'rules:\n  consent: off\n');
		fs.copyFileSync(path.join(dir, 'proposal.docx'), path.join(sub, 'proposal.docx'));
		const uri = viewUri(path.join(sub, 'proposal.docx'));
		const converted = await client.connection.sendRequest<ConvertDocxResult>(CONVERT_DOCX_REQUEST, { uri });
		void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: converted.markdown } });
		const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0, 'review-view diagnostics');
		expect(diagnostics.map((d) => d.code)).toEqual(['funding-accountability/grant-without-outcome-data', 'conditional-services/cooperation-required', 'conditional-services/cooperation-required']);
	});

	it('answers a bad file with an error response, not a crash', async () => {
		const error = await client.connection.sendRequest(CONVERT_DOCX_REQUEST, { uri: uriOf(path.join(dir, 'locked.docx')) }).catch((e: unknown) => e);
		expect(error).toMatchObject({ message: expect.stringMatching(/^locked\.docx is password-protected/) });
	});
});

describe('language server: a review view is read-only and follows the .docx, whatever accountable.run says', () => {
	let client: TestClient;
	let ws: string;
	const shown: string[] = [];
	const COOPERATION = 'conditional-services/cooperation-required';

	beforeAll(async () => {
		ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-docx-onsave-')));
		writeFiles(ws, { 'proposal.docx': await grantProposal(), 'clean.docx': await cleanProposal() });
		client = new TestClient({ workspaceFolder: ws, settings: { run: 'onSave' } });
		await client.initialize();
		// Record the messages the server shows the user (the shared test client only answers them).
		client.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
			shown.push(p.message);
			return null;
		});
	});

	afterAll(async () => {
		await client.dispose();
		fs.rmSync(ws, { recursive: true, force: true });
		expect(client.stderr).toBe('');
	});

	it('with run "onSave" reviews the view on open and again when it reloads (a view is never saved)', async () => {
		const uri = viewUri(path.join(ws, 'proposal.docx'));
		const converted = await convertDocxRequest({ uri });
		void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: converted.markdown } });
		await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === COOPERATION), 'the review on open');
		const before = client.publishCount(uri);
		// The .docx was saved in Word with the clean draft: the extension reloads the view, which is an edit.
		const clean = await convertDocxRequest({ uri: uriOf(path.join(ws, 'clean.docx')) });
		void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: clean.markdown }] });
		await client.waitForDiagnostics(uri, (d) => d.length === 0, 'the review of the reloaded view', before);
		// An ordinary draft in the same mode still waits for a save.
		const draft = client.open(path.join(ws, 'draft.md'), converted.markdown);
		await client.waitForDiagnostics(draft, (d) => d.some((x) => x.code === COOPERATION), 'the review of the draft on open');
		const draftBefore = client.publishCount(draft);
		client.change(draft, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
		await waitUntil('the server to skip the change', () => client.logs.some((l) => l.message.includes(`not reviewing ${draft}`)));
		expect(client.publishCount(draft)).toBe(draftBefore);
	});

	it('refuses commands that would edit the view, with a reason; disabling the rule in the workspace works', async () => {
		const uri = viewUri(path.join(ws, 'proposal.docx'));
		const suggestion = { title: 'x', text: 'y', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
		const args = { uri, ruleId: COOPERATION, line: 0, reason: 'quoted', suggestion };
		for (const command of ['accountable.applySuggestion', 'accountable.disableRuleForLine', 'accountable.disableRuleForFile']) {
			const before = shown.length;
			// The server answers null and tells the user why, as for any failed command.
			expect(await client.connection.sendRequest('workspace/executeCommand', { command, arguments: [args] }), command).toBeNull();
			await waitUntil(`the message about ${command}`, () => shown.length > before);
			expect(shown.slice(before), command).toEqual([
				'Accountable: the review of a Word document is read-only: make the change in Word (the review follows when the .docx is saved), or disable the rule in the workspace configuration',
			]);
		}
		const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'accountable.disableRuleInWorkspace', arguments: [args] });
		expect(result).toEqual({ file: path.join(ws, '.accountable.yaml'), created: true });
		expect(fs.readFileSync(path.join(ws, '.accountable.yaml'), 'utf8')).toMatch(new RegExp(`${COOPERATION}: off`));
	});
});

describe('language server: Review Workspace includes Word documents', () => {
	it('reviews each .docx onto the .docx itself (opened in the Word review editor from the Problems panel), naming Word paragraphs, with the same ignore rules as Markdown', async () => {
		const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-docx-ws-')));
		const proposal = await grantProposal();
		fs.mkdirSync(path.join(ws, 'archive'));
		writeFiles(ws, { 'proposal.docx': proposal, 'archive/old.docx': proposal, 'locked.docx': encryptedDocx(), '~$proposal.docx': Buffer.from('lock'), '.accountable.yaml': 'ignore:\n  - archive/**\n' });
		const client = new TestClient({ workspaceFolder: ws, transport: 'in-process' });
		try {
			await client.initialize();
			const summary = await client.connection.sendRequest<{ files: number; findings: number }>('workspace/executeCommand', { command: 'accountable.reviewWorkspace', arguments: [] });
			expect(summary.files).toBe(2);
			const diagnostics = client.latest(uriOf(path.join(ws, 'proposal.docx')))!;
			expect(diagnostics.map((d) => (d.message as string).replace(/:.*/s, ''))).toEqual(['¶1 (Safe Harbor Grant Proposal)', '¶7 (SEC. 5 › Services)', '¶14 (SEC. 5 › Budget)', '¶15 (SEC. 5 › Referral and data sharing)', '¶16 (SEC. 5 › Referral and data sharing)']);
			expect(summary.findings).toBe(5);
			// Line 14 is ¶14 in the Problems panel.
			expect(diagnostics[2]!.range.start.line).toBe(13);
			// Nothing looks clean because it failed: the encrypted file says why.
			expect(client.latest(uriOf(path.join(ws, 'locked.docx')))!.map((d) => [d.severity, d.message])).toEqual([[1, expect.stringMatching(/^Accountable could not review this Word document: locked\.docx is password-protected/)]]);
			expect(client.latest(uriOf(path.join(ws, 'archive', 'old.docx')))).toBeUndefined();
			expect(client.latest(viewUri(path.join(ws, 'proposal.docx')))).toBeUndefined();
		} finally {
			await client.dispose();
			fs.rmSync(ws, { recursive: true, force: true });
		}
	});
});
