import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { convertWordDocument } from '../../server/src/node/docx';
import { DraftError, downloadName, kindOf, placeOf, reviewedWordCopy, reviewFile, reviewText } from '../../server/src/web/draft';
import { runCli, tempFoldersRemovedAfterAll } from '../helpers/cli';
import { BODY_CLOSE, BODY_OPEN, deflatedRepeat, wordPackage } from '../helpers/zip';
import { cleanProposal, encryptedDocx, grantProposal, legacyDocRenamed, truncatedDocx } from '../docx/fixtures';
import { findingKeys, webEnvironment } from './helpers';

// The web page's review (server/src/web/draft.ts) with what the page embeds: the compiled built-in rules and
// the browser's inflater. Its findings must be the CLI's for the same file; what it cannot read is an error.
const env = webEnvironment();
const folder = tempFoldersRemovedAfterAll();

interface CliFinding {
	ruleId: string;
	severity: string;
	message: string;
	offsets: { start: number; end: number };
	location?: { paragraph: number; headingPath: string[] };
}

function cliFindings(dir: string, name: string): CliFinding[] {
	const run = runCli(['--format', 'json', name], { cwd: dir });
	expect(run.code, run.stderr).toBeLessThan(2);
	return (JSON.parse(run.stdout) as Array<{ findings: CliFinding[] }>)[0]!.findings;
}

const cliKeys = (findings: CliFinding[]): string[] => findings.map((f) => `${f.ruleId} ${f.severity} ${f.offsets.start}-${f.offsets.end} ${f.message}`);

describe('the web page’s review of a file', () => {
	it('finds in a Word document what the CLI finds, at the same Word paragraphs', async () => {
		const bytes = await grantProposal();
		const dir = folder({});
		fs.writeFileSync(path.join(dir, 'proposal.docx'), bytes);
		const cli = cliFindings(dir, 'proposal.docx');
		const draft = await reviewFile('proposal.docx', new Uint8Array(bytes), env);
		expect(cli.length).toBeGreaterThanOrEqual(3);
		expect(findingKeys(draft.result.findings)).toEqual(cliKeys(cli));
		expect(draft.result.findings.map((f) => placeOf(draft, f))).toEqual(cli.map((f) => (f.location!.headingPath.length > 0 ? `¶${f.location!.paragraph} (${f.location!.headingPath.join(' › ')})` : `¶${f.location!.paragraph}`)));
		expect(draft.kind).toBe('word');
		// The browser's inflater converts exactly as Node.js's zlib does.
		expect(draft.text).toBe((await convertWordDocument(bytes)).markdown);
	});

	it('finds in Markdown and plain text what the CLI finds', async () => {
		const text = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'draft-state-bill.md'), 'utf8');
		const dir = folder({ 'bill.md': text, 'bill.txt': text });
		for (const name of ['bill.md', 'bill.txt']) {
			const draft = await reviewFile(name, new TextEncoder().encode(text), env);
			expect(draft.result.findings.length, name).toBeGreaterThan(3);
			expect(findingKeys(draft.result.findings), name).toEqual(cliKeys(cliFindings(dir, name)));
			expect(placeOf(draft, draft.result.findings[0]!)).toBe(`Line ${draft.result.findings[0]!.range.start.line + 1}`);
		}
		expect((await reviewFile('bill.txt', new TextEncoder().encode(text), env)).format).toBe('plaintext');
	});

	it('keeps a byte order mark, as the CLI reads files, so offsets match', async () => {
		const text = '\ufeffShelter shall be provided to a victim only if the victim is willing to testify against the trafficker.\n';
		const dir = folder({ 'bom.md': text });
		const draft = await reviewFile('bom.md', new TextEncoder().encode(text), env);
		expect(draft.text.charCodeAt(0)).toBe(0xfeff);
		expect(findingKeys(draft.result.findings)).toEqual(cliKeys(cliFindings(dir, 'bom.md')));
	});

	it('reviews pasted text as Markdown, with the CLI’s findings', () => {
		const text = '# Services\n\nShelter shall be provided to a victim only if the victim is willing to testify against the trafficker.\n';
		const dir = folder({ 'pasted.md': text });
		const draft = reviewText('pasted text.md', text, env, 'markdown');
		expect(draft.result.findings.map((f) => f.ruleId)).toContain('conditional-services/cooperation-required');
		expect(findingKeys(draft.result.findings)).toEqual(cliKeys(cliFindings(dir, 'pasted.md')));
		expect(draft.report.document.file).toBe('pasted text.md');
		expect(draft.report.summary.findings).toBe(draft.result.findings.length);
	});

	it('reports a clean Word document as reviewed with no findings (not as an error)', async () => {
		const draft = await reviewFile('clean.docx', new Uint8Array(await cleanProposal()), env);
		expect(draft.result.findings).toEqual([]);
		expect(draft.text).toContain('regardless of whether the person cooperates');
	});
});

describe('what the page cannot review fails loudly, naming the file', () => {
	const failure = async (name: string, bytes: Uint8Array): Promise<string> => {
		const e = await reviewFile(name, bytes, env).catch((error: unknown) => error);
		expect(e, name).toBeInstanceOf(DraftError);
		return (e as Error).message;
	};

	it('a file type it does not read', async () => {
		expect(await failure('draft.pdf', new TextEncoder().encode('%PDF-1.7'))).toMatch(/^draft\.pdf is a \.pdf file, which Accountable does not review; choose a Word document \(\.docx\), Markdown \(\.md\) or plain text \(\.txt\)/);
		expect(await failure('README', new Uint8Array([0x61]))).toMatch(/^README is a file without an extension/);
		expect(await failure('old.doc', new Uint8Array(legacyDocRenamed()))).toMatch(/^old\.doc is a Word 97–2003 document \(\.doc\)/);
	});

	it('a .docx that is not a Word document, is damaged, encrypted or empty', async () => {
		expect(await failure('notes.docx', new TextEncoder().encode('just some text'))).toMatch(/^notes\.docx is not a Word document \(\.docx\): it is not a ZIP package \(it looks like plain text\)/);
		expect(await failure('cut.docx', new Uint8Array(await truncatedDocx()))).toMatch(/^cut\.docx is damaged and cannot be read/);
		expect(await failure('secret.docx', new Uint8Array(encryptedDocx()))).toMatch(/^secret\.docx is password-protected/);
		expect(await failure('empty.docx', new Uint8Array())).toMatch(/^empty\.docx is empty \(0 bytes\)/);
	});

	it('an empty or binary text file', async () => {
		expect(await failure('blank.md', new TextEncoder().encode('  \n\n'))).toBe('blank.md is empty: there is nothing to review');
		expect(await failure('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x0d, 0x0a]))).toMatch(/^image\.txt: not reviewed: binary content/);
		expect(() => reviewText('pasted text.md', '', env, 'markdown')).toThrow(DraftError);
	});

	it('a zip bomb is refused while the browser’s inflater unpacks it', async () => {
		// 5 GB of text in 5 MB: refused at the text limit, not after unpacking it all.
		const bomb = wordPackage(deflatedRepeat(BODY_OPEN, Buffer.alloc(1024 * 1024, 0x61), 5000, BODY_CLOSE));
		const started = Date.now();
		expect(await failure('bomb.docx', new Uint8Array(bomb))).toMatch(/^bomb\.docx is not reviewed: its text is over the limit of 10000000 characters/);
		expect(Date.now() - started).toBeLessThan(20_000);
	});
});

describe('file names and kinds', () => {
	it('names downloads after the draft, as the CLI names its copies', () => {
		expect(downloadName('proposal.docx', 'reviewed.docx')).toBe('proposal.reviewed.docx');
		expect(downloadName('pasted text.md', 'report.html')).toBe('pasted text.report.html');
		expect(downloadName('README', 'report.md')).toBe('README.report.md');
	});

	it('reads .docx, .md, .markdown and .txt whatever their case', () => {
		expect(['A.DOCX', 'b.md', 'c.Markdown', 'd.TXT'].map(kindOf)).toEqual(['word', 'markdown', 'markdown', 'text']);
	});
});

describe('the reviewed copy with comments, made in the page', () => {
	it('has one comment by Accountable per finding plus the cover comment, like accountable annotate', async () => {
		const bytes = await grantProposal();
		const draft = await reviewFile('proposal.docx', new Uint8Array(bytes), env);
		const copy = await reviewedWordCopy(draft);
		const zip = await JSZip.loadAsync(copy);
		const comments = await zip.file('word/comments.xml')!.async('string');
		const authors = [...comments.matchAll(/w:author="([^"]*)"/g)].map((m) => m[1]);
		expect(authors.length).toBe(draft.result.findings.length + 1);
		expect(new Set(authors)).toEqual(new Set(['Accountable']));
		// The copy still reads as the same document.
		expect((await convertWordDocument(copy)).markdown).toBe(draft.text);

		const dir = folder({});
		fs.writeFileSync(path.join(dir, 'proposal.docx'), bytes);
		const cli = runCli(['annotate', 'proposal.docx'], { cwd: dir });
		expect(cli.code, cli.stderr).toBe(0);
		const cliComments = await (await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'proposal.reviewed.docx')))).file('word/comments.xml')!.async('string');
		expect(cliComments.match(/w:author=/g)!.length).toBe(authors.length);
	});

	it('is refused for a text draft', async () => {
		const draft = reviewText('pasted text.md', 'Raids shall be conducted.\n', env, 'markdown');
		await expect(reviewedWordCopy(draft)).rejects.toThrow(/is not a Word document/);
	});
});
