import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempFolder } from '../helpers/cli';
import { grantProposal, proposalAsExchanged, writeFiles, type JsonFinding } from './fixtures';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A comment as Word shows it: its author, its text, and the words its range covers in the body. */
interface ReadComment {
	id: string;
	author: string;
	text: string;
	anchored: string;
}

/**
 * Reads a .docx's comments and the text each one's range covers, walking the body in document order the way
 * Word draws it (deleted text left out, a note reference read as "[note n]").
 */
async function readComments(bytes: Buffer): Promise<{ comments: ReadComment[]; zip: JSZip; document: Document }> {
	const zip = await JSZip.loadAsync(bytes);
	const parse = async (name: string) => new DOMParser().parseFromString(await zip.file(name)!.async('string'), 'text/xml') as unknown as Document;
	const document = await parse('word/document.xml');
	const anchored = new Map<string, string>();
	const open = new Set<string>();
	const walk = (node: Node): void => {
		for (let n = node.firstChild; n; n = n.nextSibling) {
			if (n.nodeType !== 1) continue;
			const e = n as Element;
			const id = e.getAttributeNS(W, 'id') ?? '';
			if (e.localName === 'del') continue;
			if (e.localName === 'commentRangeStart') {
				open.add(id);
				anchored.set(id, '');
			} else if (e.localName === 'commentRangeEnd') open.delete(id);
			else if (e.localName === 't' || e.localName === 'footnoteReference') {
				const text = e.localName === 't' ? (e.textContent ?? '') : `[note ${id}]`;
				for (const o of open) anchored.set(o, anchored.get(o)! + text);
			} else walk(e);
		}
	};
	walk(document.documentElement);
	const comments = Array.from((await parse('word/comments.xml')).getElementsByTagNameNS(W, 'comment')).map((c) => {
		const id = c.getAttributeNS(W, 'id') ?? '';
		const text = Array.from(c.getElementsByTagNameNS(W, 'p')).map((p) => p.textContent).join('\n');
		return { id, author: c.getAttributeNS(W, 'author') ?? '', text, anchored: anchored.get(id) ?? '' };
	});
	return { comments, zip, document };
}

let dir: string;
let original: Buffer;
let findings: JsonFinding[];

beforeAll(async () => {
	original = await proposalAsExchanged();
	dir = tempFolder({});
	writeFiles(dir, { 'draft.docx': original, 'formatted.docx': await grantProposal() });
	findings = (JSON.parse(runCli(['--format', 'json', 'draft.docx'], { cwd: dir }).stdout) as Array<{ findings: JsonFinding[] }>)[0]!.findings;
	const run = runCli(['annotate', 'draft.docx'], { cwd: dir });
	expect(run.code, run.stderr).toBe(0);
});

describe('accountable annotate draft.docx', () => {
	it('writes draft.reviewed.docx beside it and leaves the original byte for byte as it was', () => {
		expect(fs.existsSync(path.join(dir, 'draft.reviewed.docx'))).toBe(true);
		expect(fs.readFileSync(path.join(dir, 'draft.docx')).equals(original)).toBe(true);
	});

	it('puts one comment by Accountable on the exact words of each finding, saying what, why (¶) and what instead', async () => {
		const { comments } = await readComments(fs.readFileSync(path.join(dir, 'draft.reviewed.docx')));
		const ours = comments.filter((c) => c.author === 'Accountable');
		expect(findings.length).toBe(4);
		// One per finding, and the cover comment.
		expect(ours).toHaveLength(findings.length + 1);
		for (const finding of findings) {
			const comment = ours.find((c) => c.text.includes(finding.message) && (finding.location.note ? c.text.includes(`In ${finding.location.note}`) : c.anchored === finding.location.quote));
			expect(comment, `${finding.ruleId} “${finding.location.quote}”: ${JSON.stringify(ours.map((c) => c.anchored))}`).toBeDefined();
			expect(comment!.text).toMatch(/Why: .*¶\d+/);
			expect(comment!.text).toMatch(/What to write instead: /);
		}
		// The flagged words include a tracked insertion ("testify "): the comment covers them as Word shows them.
		expect(ours.some((c) => c.anchored === 'who agree to testify shall be eligible')).toBe(true);
		// A finding inside a footnote is anchored on the footnote's reference mark.
		expect(ours.some((c) => c.anchored === '[note 1]' && c.text.includes('In footnote 1: “who agree to testify shall be eligible”'))).toBe(true);
	});

	it('adds a cover comment on the first paragraph with the profile, why, and the scorecard', async () => {
		const { comments } = await readComments(fs.readFileSync(path.join(dir, 'draft.reviewed.docx')));
		const cover = comments.find((c) => c.author === 'Accountable' && c.text.startsWith('Accountable review'))!;
		expect(cover.anchored).toBe('Grant proposal to the State Office of Victim Services');
		expect(cover.text).toContain('Profile: grant-proposal (grant proposal: “Grant proposal to …” in the first lines)');
		expect(cover.text).toMatch(/✗ Unconditional access to services: Contradicted/);
		expect(cover.text.split('\n').filter((l) => /^[✗✓○] /.test(l))).toHaveLength(10);
	});

	it('keeps the existing comment, the tracked changes, the header and the footnotes as they were', async () => {
		const before = await readComments(original);
		const after = await readComments(fs.readFileSync(path.join(dir, 'draft.reviewed.docx')));
		const maria = after.comments.find((c) => c.author === 'Maria Lopez');
		expect(maria).toEqual(before.comments.find((c) => c.author === 'Maria Lopez'));
		expect(maria!.anchored).toBe('The program will open two drop-in centres.');
		const changes = (d: Document, name: string) => Array.from(d.getElementsByTagNameNS(W, name)).map((e) => [e.getAttributeNS(W, 'author'), e.getAttributeNS(W, 'date'), e.textContent]);
		expect(changes(after.document, 'ins')).toEqual(changes(before.document, 'ins'));
		expect(changes(after.document, 'del')).toEqual(changes(before.document, 'del'));
		expect(changes(after.document, 'ins')).toEqual([['Maria Lopez', '2026-11-02T09:00:00Z', 'testify ']]);
		for (const part of ['word/header1.xml', 'word/footnotes.xml', 'word/styles.xml']) {
			expect(await after.zip.file(part)!.async('string'), part).toBe(await before.zip.file(part)!.async('string'));
		}
	});

	it('reads back as the same draft: reviewing the copy finds the same findings in the same paragraphs', () => {
		const again = JSON.parse(runCli(['--format', 'json', 'draft.reviewed.docx'], { cwd: dir }).stdout) as Array<{ findings: JsonFinding[] }>;
		expect(again[0]!.findings.map((f) => [f.ruleId, f.location])).toEqual(findings.map((f) => [f.ruleId, f.location]));
	});

	it('splits runs at the finding\'s words and keeps each part\'s formatting', async () => {
		const run = runCli(['annotate', 'formatted.docx'], { cwd: dir });
		expect(run.code, run.stderr).toBe(0);
		const { comments, document } = await readComments(fs.readFileSync(path.join(dir, 'formatted.reviewed.docx')));
		expect(comments.map((c) => c.anchored)).toContain('who agree to testify shall be eligible');
		// "shall be eligible" was bold in one run: it still is, and nothing else became bold.
		const bold = Array.from(document.getElementsByTagNameNS(W, 'r')).filter((r) => r.getElementsByTagNameNS(W, 'b').length > 0).map((r) => r.textContent).join('');
		expect(bold).toBe('shall be eligible');
	});
});

describe('accountable annotate never writes over what it should not', () => {
	it('refuses to replace an existing reviewed copy unless --force is given', () => {
		const folder = tempFolder({});
		writeFiles(folder, { 'draft.docx': original, 'draft.reviewed.docx': Buffer.from('keep me') });
		const refused = runCli(['annotate', 'draft.docx'], { cwd: folder });
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/draft\.reviewed\.docx already exists; use --force/);
		expect(fs.readFileSync(path.join(folder, 'draft.reviewed.docx'), 'utf8')).toBe('keep me');
		const forced = runCli(['annotate', 'draft.docx', '--force'], { cwd: folder });
		expect(forced.code, forced.stderr).toBe(0);
		expect(fs.readFileSync(path.join(folder, 'draft.reviewed.docx')).subarray(0, 2).toString()).toBe('PK');
	});

	it('never replaces the original, even with --force, and writes where --output says', () => {
		const folder = tempFolder({});
		writeFiles(folder, { 'draft.docx': original });
		const onto = runCli(['annotate', 'draft.docx', '--output', 'draft.docx', '--force'], { cwd: folder });
		expect(onto.code).toBe(2);
		expect(onto.stderr).toMatch(/would replace draft\.docx itself/);
		expect(fs.readFileSync(path.join(folder, 'draft.docx')).equals(original)).toBe(true);
		const elsewhere = runCli(['annotate', 'draft.docx', '--output', 'out/for-maria.docx'], { cwd: folder });
		expect(elsewhere.code).toBe(2);
		expect(elsewhere.stderr).toMatch(/cannot write out\/for-maria\.docx: ENOENT/);
		fs.mkdirSync(path.join(folder, 'out'));
		expect(runCli(['annotate', 'draft.docx', '--output', 'out/for-maria.docx'], { cwd: folder }).code).toBe(0);
		expect(fs.existsSync(path.join(folder, 'draft.reviewed.docx'))).toBe(false);
	});

	it('explains what it cannot annotate: a Markdown file, a missing file, a damaged .docx', () => {
		const folder = tempFolder({ 'draft.md': '# Draft\n', 'broken.docx': 'not a zip' });
		expect(runCli(['annotate', 'draft.md'], { cwd: folder }).stderr).toMatch(/draft\.md is not a Word document \(\.docx\)/);
		expect(runCli(['annotate', 'gone.docx'], { cwd: folder }).stderr).toMatch(/no such file: gone\.docx/);
		const broken = runCli(['annotate', 'broken.docx'], { cwd: folder });
		expect(broken.code).toBe(2);
		expect(broken.stderr).toMatch(/broken\.docx is not a Word document/);
		expect(fs.existsSync(path.join(folder, 'broken.reviewed.docx'))).toBe(false);
	});
});
