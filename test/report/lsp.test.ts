import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../server/src/engine/report';
import { REPORT_REQUEST } from '../../server/src/lsp/reportProtocol';
import { TestClient, uriOf } from '../server/lspClient';
import { ROOT } from './helpers';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules/schema/report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

const DRAFT = '# County Draft\n\n## Services\n\nVictims who agree to testify shall be eligible for shelter.\n';
const FIXED = 'Shelter shall be provided regardless of whether the person cooperates with law enforcement.';

describe('accountable/report over stdio', () => {
	let dir: string;
	let client: TestClient;

	beforeAll(async () => {
		dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-report-lsp-')));
		fs.mkdirSync(path.join(dir, 'drafts'));
		fs.writeFileSync(path.join(dir, 'drafts', 'on-disk.md'), DRAFT);
		client = new TestClient({ workspaceFolder: dir });
		await client.initialize();
	});

	afterAll(async () => {
		await client?.dispose();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	const report = (uri: string) => client.connection.sendRequest<Report | null>(REPORT_REQUEST, { uri });
	const services = (r: Report | null) => r!.areas.find((a) => a.id === 'unconditional-services')!;

	it('answers with the scorecard of the open document, as the editor has it', async () => {
		const uri = client.open(path.join(dir, 'drafts', 'draft.md'), DRAFT);
		const r = await report(uri);
		expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
		expect(r!.document).toMatchObject({ file: 'drafts/draft.md', title: 'County Draft' });
		expect(services(r).status).toBe('contradicted');
		expect(services(r).findings[0]).toMatchObject({ ruleId: 'conditional-services/cooperation-required', line: 5 });
	});

	it('follows unsaved edits: the next request reports the text just typed', async () => {
		const uri = uriOf(path.join(dir, 'drafts', 'draft.md'));
		client.change(uri, [{ range: client.rangeOf(uri, 'Victims who agree to testify shall be eligible for shelter.'), text: FIXED }]);
		const r = await report(uri);
		expect(services(r).status).not.toBe('contradicted');
		expect(services(r).findings).toEqual([]);
	});

	it('reads a closed file from disk, and refuses what it cannot read with an error response', async () => {
		const r = await report(uriOf(path.join(dir, 'drafts', 'on-disk.md')));
		expect(services(r).status).toBe('contradicted');
		await expect(report(uriOf(path.join(dir, 'gone.md')))).rejects.toMatchObject({ message: 'gone.md does not exist' });
		await expect(report('untitled:Untitled-9')).rejects.toMatchObject({ message: 'not an open document: untitled:Untitled-9' });
		// The server is still answering.
		expect(services(await report(uriOf(path.join(dir, 'drafts', 'draft.md')))).findings).toEqual([]);
	});
});
