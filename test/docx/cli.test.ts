import * as fs from 'node:fs';
import * as path from 'node:path';
import AjvDraft4 from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertWordDocument } from '../../server/src/node/docx';
import { ROOT, runCli, tempFolder } from '../helpers/cli';
import { schemaValidator } from '../helpers/schemas';
import { cleanProposal, encryptedDocx, grantProposal, legacyDocRenamed, storedZip, truncatedDocx, writeFiles } from './fixtures';

let proposal: Buffer;
let dir: string;

beforeAll(async () => {
	proposal = await grantProposal();
	dir = tempFolder({});
	writeFiles(dir, { 'proposal.docx': proposal, 'clean.docx': await cleanProposal() });
});

interface JsonFinding {
	ruleId: string;
	severity: string;
	offsets: { start: number; end: number };
	matchedText: string;
	location: { paragraph: number; headingPath: string[]; quote: string };
}

describe('accountable proposal.docx (text output)', () => {
	it('names each finding by Word paragraph, heading path and quote, not by line and column', () => {
		const run = runCli(['proposal.docx'], { cwd: dir });
		expect(run.code).toBe(1);
		const [header, ...lines] = run.stdout.trim().split('\n');
		expect(header).toMatch(/^# proposal\.docx: profile grant-proposal \(grant proposal: /);
		expect(lines).toHaveLength(5);
		for (const line of lines) expect(line).not.toMatch(/^proposal\.docx:\d+:\d+/);
		// Its title says it is a grant proposal, so the grant rules run: a document-level finding on the title.
		expect(lines.shift()).toMatch(/^proposal\.docx: ¶1 \(Safe Harbor Grant Proposal\) information funding-accountability\/grant-without-outcome-data /);
		// The paragraph with runs in different formatting, inside a heading path two levels deep.
		expect(lines[0]).toMatch(/^proposal\.docx: ¶7 \(SEC\. 5 › Services\) error conditional-services\/cooperation-required .*“who agree to testify shall be eligible”$/);
		// The table cell holding a finding (¶14: the second cell of the third row).
		expect(lines[1]).toMatch(/^proposal\.docx: ¶14 \(SEC\. 5 › Budget\) error conditional-services\/cooperation-required .*“Benefits are available only to victims who cooperate”$/);
		// A section-level rule works because Word's headings stay headings; it is anchored on the heading.
		expect(lines[2]).toMatch(/^proposal\.docx: ¶15 \(SEC\. 5 › Referral and data sharing\) warning consent\/data-sharing-without-consent Section “Referral and data sharing”/);
		// The sentence of that section that hands over names and addresses, read as a frame (what is shared, with no consent).
		expect(lines[3]).toMatch(/^proposal\.docx: ¶16 \(SEC\. 5 › Referral and data sharing\) warning consent\/information-shared-without-consent .*“transmit the names”$/);
		expect(run.stderr).toMatch(/5 findings \(2 errors, 2 warnings, 1 information\) in 1 file/);
	});

	it('adds the quote when the message does not already carry it', () => {
		const run = runCli(['proposal.docx', '--format', 'text', '--min-severity', 'warning'], { cwd: dir });
		// The consent message quotes the heading itself, so nothing is repeated after it.
		expect(run.stdout).not.toMatch(/but never requires the person's consent “/);
		expect(runCli(['clean.docx'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
	});
});

describe('accountable --format json proposal.docx', () => {
	it('adds location { paragraph, headingPath, quote }; range and offsets refer to the converted text', async () => {
		const run = runCli(['--format', 'json', 'proposal.docx'], { cwd: dir });
		const [file] = JSON.parse(run.stdout) as Array<{ file: string; findings: JsonFinding[] }>;
		expect(file!.file).toBe('proposal.docx');
		expect(file!.findings.map((f) => [f.ruleId, f.location.paragraph, f.location.headingPath.join(' › ')])).toEqual([
			['funding-accountability/grant-without-outcome-data', 1, 'Safe Harbor Grant Proposal'],
			['conditional-services/cooperation-required', 7, 'SEC. 5 › Services'],
			['conditional-services/cooperation-required', 14, 'SEC. 5 › Budget'],
			['consent/data-sharing-without-consent', 15, 'SEC. 5 › Referral and data sharing'],
			['consent/information-shared-without-consent', 16, 'SEC. 5 › Referral and data sharing'],
		]);
		expect(file!.findings[3]!.location.quote).toBe('Referral and data sharing');
		const { markdown } = await convertWordDocument(proposal);
		for (const f of file!.findings) expect(markdown.slice(f.offsets.start, f.offsets.end)).toBe(f.matchedText);
	});

	it('still validates against the documented JSON output schema', () => {
		const validate = schemaValidator('output.schema.json');
		const out = JSON.parse(runCli(['--format', 'json', 'proposal.docx'], { cwd: dir }).stdout);
		expect(validate(out), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
		out[0].findings[0].location.paragraph = 0;
		expect(validate(out)).toBe(false);
	});
});

describe('accountable --format sarif / github proposal.docx', () => {
	it('gives SARIF a logical location naming the paragraph and a snippet quoting Word’s text, valid against SARIF 2.1.0', () => {
		const log = JSON.parse(runCli(['--format', 'sarif', 'proposal.docx'], { cwd: dir }).stdout);
		const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
		const validate = new AjvDraft4({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);
		expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
		const location = log.runs[0].results[2].locations[0];
		expect(location.logicalLocations).toEqual([{ name: '¶14', fullyQualifiedName: '¶14 (SEC. 5 › Budget)', kind: 'paragraph' }]);
		expect(location.physicalLocation.region.snippet.text).toBe('Benefits are available only to victims who cooperate');
	});

	it('annotates the file on GitHub without meaningless line numbers', () => {
		const out = runCli(['--format', 'github', 'proposal.docx'], { cwd: dir }).stdout;
		expect(out).toMatch(/^::error file=proposal\.docx,title=Accountable conditional-services\/cooperation-required::¶7 \(SEC\. 5 › Services\): /m);
		expect(out).not.toMatch(/line=/);
	});
});

describe('folders and mixed runs', () => {
	it('reviews .docx files found in folders beside Markdown, skipping Word lock files', () => {
		const folder = tempFolder({ 'drafts/bill.md': 'Victims who agree to testify shall be eligible for shelter.\n' });
		writeFiles(path.join(folder, 'drafts'), { 'proposal.docx': proposal, '~$oposal.docx': 'owner lock file' });
		const run = runCli(['--format', 'json', '.'], { cwd: folder });
		expect(run.code).toBe(1);
		expect(JSON.parse(run.stdout).map((r: { file: string }) => r.file)).toEqual(['drafts/bill.md', 'drafts/proposal.docx']);
		expect(run.stderr).not.toMatch(/~\$/);
	});

	it('refuses a .docx on standard input with a usage message', () => {
		const run = runCli(['--stdin', '--stdin-filename', 'x.docx'], { input: 'PK' });
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/Word documents are read from a file/);
	});
});

describe('files that are not readable Word documents', () => {
	it('gives each a clear message naming the file and exit code 2, while the other files are still reviewed', async () => {
		const folder = tempFolder({});
		writeFiles(folder, {
			'proposal.docx': proposal,
			'locked.docx': encryptedDocx(),
			'old.docx': legacyDocRenamed(),
			'cut.docx': await truncatedDocx(),
			'notes.docx': 'Meeting notes, saved as text and renamed.\n',
			'scan.docx': Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
			'sheet.docx': zipWithout(),
		});
		const run = runCli(['locked.docx', 'old.docx', 'cut.docx', 'notes.docx', 'scan.docx', 'sheet.docx', 'proposal.docx'], { cwd: folder });
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^accountable: locked\.docx is password-protected \(encrypted\)/m);
		expect(run.stderr).toMatch(/^accountable: old\.docx is a Word 97–2003 document \(\.doc\)/m);
		expect(run.stderr).toMatch(/^accountable: cut\.docx is damaged and cannot be read/m);
		expect(run.stderr).toMatch(/^accountable: notes\.docx is not a Word document \(\.docx\): it is not a ZIP package \(it looks like plain text\)/m);
		expect(run.stderr).toMatch(/^accountable: scan\.docx is not a Word document .*PDF/m);
		expect(run.stderr).toMatch(/^accountable: sheet\.docx is a ZIP file but not a Word document/m);
		expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack traces
		expect(run.stdout).toMatch(/^proposal\.docx: ¶7 /m);
	});

	it('exits 2 for a single bad file even when it would otherwise be clean', () => {
		const folder = tempFolder({});
		writeFiles(folder, { 'locked.docx': encryptedDocx() });
		const run = runCli(['--format', 'json', 'locked.docx'], { cwd: folder });
		expect(run.code).toBe(2);
		expect(JSON.parse(run.stdout)).toEqual([]);
	});
});

/** A valid ZIP package that is not a Word document (no word/document.xml), like a renamed spreadsheet. */
function zipWithout(): Buffer {
	return storedZip({ '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', 'xl/workbook.xml': '<workbook/>' });
}
