import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseError } from 'vscode-languageserver/node';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { CONVERT_DOCX_REQUEST, DOCX_SCHEME, docxFileUri, type ConvertDocxResult } from '../../server/src/lsp/docxProtocol';
import { convertDocxRequest } from '../../server/src/lsp/docxRequest';
import { TestClient, uriOf } from '../server/lspClient';
import { encryptedDocx, grantProposal, truncatedDocx, writeFiles } from './fixtures';

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
		expect(await failure('gone.docx')).toMatchObject({ message: 'cannot read gone.docx: ENOENT' });
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
		client = new TestClient({ workspaceFolder: dir });
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
		expect(diagnostics.map((d) => d.code)).toEqual(['conditional-services/cooperation-required', 'conditional-services/cooperation-required', 'consent/data-sharing-without-consent']);
		const consent = diagnostics[2]!;
		expect(converted.markdown.split('\n')[consent.range.start.line]).toBe('## Referral and data sharing');
		const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: diagnostics[0]!.range.start });
		expect((hover?.contents as MarkupContent).value).toMatch(/cooperat/i);
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
		expect(diagnostics.map((d) => d.code)).toEqual(['conditional-services/cooperation-required', 'conditional-services/cooperation-required']);
	});

	it('answers a bad file with an error response, not a crash', async () => {
		const error = await client.connection.sendRequest(CONVERT_DOCX_REQUEST, { uri: uriOf(path.join(dir, 'locked.docx')) }).catch((e: unknown) => e);
		expect(error).toMatchObject({ message: expect.stringMatching(/^locked\.docx is password-protected/) });
	});
});
