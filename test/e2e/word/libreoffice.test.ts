import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../../helpers/cli';
import { proposalAsExchanged, writeFiles, type JsonFinding } from '../../docx/fixtures';

// The commented copy as a real word processor reads it: Debian's LibreOffice (headless) opens
// draft.reviewed.docx, saves it as flat ODF (read back here: each comment's author, text and the words its
// range covers, as LibreOffice understood them) and as PDF (comments exported as PDF annotations; its first
// page is rendered to PNG for a person to look at). Part of `npm run test:e2e -- word`, which installs
// LibreOffice first (scripts/e2e/install.sh). Never skipped: without LibreOffice these tests fail and say how
// to install it.
const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';
const RESULTS = path.join(ROOT, 'test-results', 'word');
const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const DC = 'http://purl.org/dc/elements/1.1/';

interface OfficeComment {
	author: string;
	text: string;
	/** The text between the comment's start and end, as LibreOffice placed them. */
	anchored: string;
}

let findings: JsonFinding[];
let comments: OfficeComment[];
let odf: Document;
let pdf: Buffer;

/** Runs LibreOffice on its own profile folder (never the user's), converting `file` into `RESULTS`. */
function convert(file: string, to: string): string {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-lo-'));
	const run = spawnSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', RESULTS, file], {
		encoding: 'utf8',
		timeout: 180000,
		env: { ...process.env, HOME: profile },
	});
	fs.rmSync(profile, { recursive: true, force: true });
	const out = path.join(RESULTS, `${path.basename(file, '.docx')}.${to.split(':')[0]}`);
	if (!fs.existsSync(out)) throw new Error(`LibreOffice did not convert ${file} to ${to} (exit ${run.status}): ${run.stderr}`);
	return out;
}

/** Each annotation in a flat ODF text document, with the text its range covers in document order. */
function readAnnotations(document: Document): OfficeComment[] {
	const found = new Map<string, OfficeComment>();
	const open = new Set<string>();
	const text = (s: string) => {
		for (const name of open) found.get(name)!.anchored += s;
	};
	const walk = (node: Node): void => {
		for (let n = node.firstChild; n; n = n.nextSibling) {
			if (n.nodeType === 3) text(n.nodeValue ?? '');
			if (n.nodeType !== 1) continue;
			const e = n as Element;
			if (e.namespaceURI === OFFICE && e.localName === 'annotation') {
				const name = e.getAttributeNS(OFFICE, 'name') ?? '';
				const author = e.getElementsByTagNameNS(DC, 'creator')[0]?.textContent ?? '';
				const paragraphs = Array.from(e.getElementsByTagNameNS(TEXT, 'p')).map((p) => p.textContent ?? '');
				found.set(name || `#${found.size}`, { author, text: paragraphs.join('\n'), anchored: '' });
				if (name) open.add(name);
			} else if (e.namespaceURI === OFFICE && e.localName === 'annotation-end') open.delete(e.getAttributeNS(OFFICE, 'name') ?? '');
			else if (e.namespaceURI === TEXT && e.localName === 's') text(' '.repeat(Number(e.getAttributeNS(TEXT, 'c') || 1)));
			else if (e.namespaceURI === TEXT && e.localName === 'tab') text('\t');
			else if (e.namespaceURI === TEXT && e.localName === 'tracked-changes') continue;
			else if (e.namespaceURI === TEXT && e.localName === 'note') {
				// A footnote: its mark (the citation) is what a comment around the reference covers.
				text(e.getElementsByTagNameNS(TEXT, 'note-citation')[0]?.textContent ?? '');
			} else walk(e);
		}
	};
	walk(document.getElementsByTagNameNS(OFFICE, 'text')[0]!);
	return [...found.values()];
}

/** The /Contents of every text annotation (comment) in a PDF LibreOffice wrote (UTF-16BE hex strings). */
function pdfComments(bytes: Buffer): string[] {
	const source = bytes.toString('latin1');
	return [...source.matchAll(/\/Subtype\s*\/Text\b[\s\S]*?\/Contents\s*<FEFF([0-9A-Fa-f]*)>/g)].map((m) => Buffer.from(m[1]!, 'hex').swap16().toString('utf16le'));
}

beforeAll(async () => {
	if (!fs.existsSync(SOFFICE)) {
		throw new Error(`LibreOffice is needed for the Word round-trip tests and was not found at ${SOFFICE}. Run them with npm run test:e2e -- word, which installs it (scripts/e2e/install.sh)`);
	}
	fs.rmSync(RESULTS, { recursive: true, force: true });
	fs.mkdirSync(RESULTS, { recursive: true });
	writeFiles(RESULTS, { 'draft.docx': await proposalAsExchanged() });
	findings = (JSON.parse(runCli(['--format', 'json', 'draft.docx'], { cwd: RESULTS }).stdout) as Array<{ findings: JsonFinding[] }>)[0]!.findings;
	const annotate = runCli(['annotate', 'draft.docx'], { cwd: RESULTS });
	expect(annotate.code, annotate.stderr).toBe(0);
	odf = new DOMParser().parseFromString(fs.readFileSync(convert(path.join(RESULTS, 'draft.reviewed.docx'), 'fodt'), 'utf8'), 'text/xml') as unknown as Document;
	comments = readAnnotations(odf);
	pdf = fs.readFileSync(convert(path.join(RESULTS, 'draft.reviewed.docx'), 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'));
});

describe('LibreOffice opens draft.reviewed.docx', () => {
	it('shows one Accountable comment on the words of each finding (read back from LibreOffice\'s own save)', () => {
		const ours = comments.filter((c) => c.author === 'Accountable');
		expect(findings.length).toBeGreaterThanOrEqual(4);
		expect(ours).toHaveLength(findings.length + 1);
		for (const finding of findings) {
			const comment = ours.find((c) => c.text.includes(finding.message) && (finding.location.note ? c.text.includes(`In ${finding.location.note}`) : true));
			expect(comment, `a comment for ${finding.ruleId}: ${JSON.stringify(ours.map((c) => [c.anchored, c.text.slice(0, 60)]))}`).toBeDefined();
			// A note's finding sits on the note's mark; every other finding on its own words.
			expect(comment!.anchored.trim()).toBe(finding.location.note ? finding.location.note.replace(/^\D+/, '') : finding.location.quote);
			expect(comment!.text).toMatch(/Why: .*¶\d+/);
		}
	});

	it('shows the cover comment with the profile and the scorecard on the title', () => {
		const cover = comments.find((c) => c.author === 'Accountable' && c.text.startsWith('Accountable review'));
		expect(cover?.anchored).toBe('Grant proposal to the State Office of Victim Services');
		expect(cover!.text).toContain('Profile: grant-proposal (grant proposal: “Grant proposal to …” in the first lines)');
		expect(cover!.text.split('\n').filter((l) => /^[✗✓○] /.test(l))).toHaveLength(10);
	});

	it('keeps the colleague\'s comment, the tracked changes and the header', () => {
		expect(comments.filter((c) => c.author === 'Maria Lopez')).toEqual([{ author: 'Maria Lopez', text: 'Can we name the drop-in centres?', anchored: 'The program will open two drop-in centres.' }]);
		// Each tracked change as LibreOffice keeps it: its kind, author and the words between its marks in the text.
		const body = new XMLSerializer().serializeToString(odf.getElementsByTagNameNS(OFFICE, 'text')[0]!);
		const regions = Array.from(odf.getElementsByTagNameNS(TEXT, 'changed-region')).map((r) => {
			const change = Array.from(r.childNodes).find((n) => n.nodeType === 1) as Element;
			const id = r.getAttributeNS(TEXT, 'id') ?? r.getAttribute('xml:id');
			const marked = new RegExp(`<text:change-start text:change-id="${id}"/>([\\s\\S]*?)<text:change-end text:change-id="${id}"/>`).exec(body)?.[1] ?? '';
			return [change.localName, change.getElementsByTagNameNS(DC, 'creator')[0]?.textContent, marked.replace(/<[^>]+>/g, '')];
		});
		expect(regions.sort()).toEqual([
			['deletion', 'Maria Lopez', ' and food'],
			['insertion', 'Maria Lopez', 'testify '],
		]);
		const header = Array.from(odf.getElementsByTagNameNS('urn:oasis:names:tc:opendocument:xmlns:style:1.0', 'header')).map((h) => h.textContent).join('');
		expect(header).toContain('DRAFT for the coalition: not for circulation');
	});

	it('exports the comments to PDF, and its first page renders to a PNG to look at', () => {
		const texts = pdfComments(pdf);
		for (const finding of findings) expect(texts.some((t) => t.includes(finding.message)), finding.ruleId).toBe(true);
		expect(texts.some((t) => t.startsWith('Can we name the drop-in centres?'))).toBe(true);
		const png = path.join(RESULTS, 'draft-reviewed-page');
		const render = spawnSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', path.join(RESULTS, 'draft.reviewed.pdf'), png], { encoding: 'utf8' });
		expect(render.status, render.stderr).toBe(0);
		expect(fs.statSync(`${png}.png`).size).toBeGreaterThan(10000);
		const text = spawnSync('pdftotext', ['-f', '1', '-l', '1', path.join(RESULTS, 'draft.reviewed.pdf'), '-'], { encoding: 'utf8' }).stdout;
		expect(text).toContain('Benefits are available only to victims who cooperate with the');
	});
});
