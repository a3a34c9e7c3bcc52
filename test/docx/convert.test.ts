import fc from 'fast-check';
import { AlignmentType, DeletedTextRun, Document, FootnoteReferenceRun, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../server/src/engine';
import { convertWordDocument, DocxError } from '../../server/src/node/docx';
import { unescapeMarkdown } from '../../server/src/node/docx/markdown';
import { builtinReviewer } from '../helpers/rules';
import { encryptedDocx, grantProposal, legacyDocRenamed, storedZip, truncatedDocx } from './fixtures';

async function docxOf(children: Array<Paragraph | Table>): Promise<Buffer> {
	const numbering = {
		config: [
			{
				reference: 'n',
				levels: [
					{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
					{ level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.START },
				],
			},
		],
	};
	return Packer.toBuffer(new Document({ numbering, sections: [{ children }] }));
}

describe('converting .docx to reviewable Markdown', () => {
	it('keeps headings as headings, numbered lists as ordered lists and tables as GFM tables', async () => {
		const { markdown, paragraphs } = await convertWordDocument(await grantProposal());
		expect(markdown).toMatch(/^# Safe Harbor Grant Proposal\n\n# SEC\. 5\n\n## Services\n/);
		expect(markdown).toMatch(/^1\. Open two drop-in centres.*\n2\. Hire outreach workers/m);
		expect(markdown).toMatch(/^\| Item \| Condition \|\n\| --- \| --- \|\n\| Counselling \| Available to all participants\. \|\n/m);
		// The engine sees the same structure: sections from the headings, one block per Word paragraph.
		const doc = parseDocument(markdown, 'markdown');
		expect(doc.sections.slice(1).map((s) => s.title)).toEqual(['Safe Harbor Grant Proposal', 'SEC. 5', 'Services', 'Budget', 'Referral and data sharing']);
		expect(doc.blocks.map((b) => b.kind)).toEqual(paragraphs.map((p) => p.kind));
		expect(paragraphs.map((p) => p.number)).toEqual(paragraphs.map((_, i) => i + 1));
		expect(paragraphs.length).toBe(16); // the empty paragraph is not counted
	});

	it('records for each paragraph its number, heading path and where its text is in the Markdown', async () => {
		const { markdown, paragraphs } = await convertWordDocument(await grantProposal());
		const cell = paragraphs.find((p) => p.text.startsWith('Benefits'))!;
		expect(cell).toMatchObject({ number: 14, kind: 'tableCell', headingPath: ['SEC. 5', 'Budget'] });
		expect(markdown.slice(cell.start, cell.end)).toBe('Benefits are available only to victims who cooperate with the prosecution\\.'.replace('\\.', '.'));
		const heading = paragraphs.find((p) => p.text === 'Referral and data sharing')!;
		expect(heading.headingPath).toEqual(['SEC. 5', 'Referral and data sharing']);
	});

	it('reviews nested lists and multi-paragraph cells paragraph by paragraph', async () => {
		const { markdown, paragraphs } = await convertWordDocument(
			await docxOf([
				new Paragraph({ text: 'Eligibility', heading: HeadingLevel.HEADING_1 }),
				new Paragraph({ text: 'A person is eligible if:', numbering: { reference: 'n', level: 0 } }),
				new Paragraph({ text: 'the person agrees to testify; and', numbering: { reference: 'n', level: 1 } }),
				new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('First line'), new Paragraph('Second line')] })] })] }),
			]),
		);
		expect(markdown).toContain('1. A person is eligible if:\n   1. the person agrees to testify; and\n');
		expect(markdown).toContain('| First line<br>Second line |');
		expect(paragraphs.map((p) => [p.number, p.kind, p.text])).toEqual([
			[1, 'heading', 'Eligibility'],
			[2, 'listItem', 'A person is eligible if:'],
			[3, 'listItem', 'the person agrees to testify; and'],
			[4, 'tableCell', 'First line'],
			[5, 'tableCell', 'Second line'],
		]);
		const doc = parseDocument(markdown, 'markdown');
		expect(doc.blocks.find((b) => b.kind === 'listItem' && b.listDepth === 2)).toBeDefined();
	});

	it('reviews text that looks like Markdown as Word’s words (code spans, HTML, list markers are escaped)', async () => {
		const words = '`Victims who agree to testify shall be eligible for shelter.`';
		const { markdown } = await convertWordDocument(await docxOf([new Paragraph(words), new Paragraph('<b>Victims who agree to testify shall be eligible for shelter.</b>')]));
		const findings = builtinReviewer().review({ text: markdown, format: 'markdown' }).findings;
		expect(findings.map((f) => f.ruleId)).toEqual(['conditional-services/cooperation-required', 'conditional-services/cooperation-required']);
	});

	it('lets Word users type a suppression comment as a paragraph', async () => {
		const bad = 'Victims who agree to testify shall be eligible for shelter.';
		const { markdown } = await convertWordDocument(
			await docxOf([new Paragraph('<!-- accountable-disable-next-line conditional-services -- quoted from the 2005 Act -->'), new Paragraph(bad), new Paragraph(bad)]),
		);
		const result = builtinReviewer().review({ text: markdown, format: 'markdown' });
		expect(result.suppressed.map((f) => f.suppression?.reason)).toEqual(['quoted from the 2005 Act']);
		expect(result.findings).toHaveLength(1);
	});

	it('names footnotes as Word does and leaves deleted tracked changes out', async () => {
		const bad = 'Victims who agree to testify shall be eligible for shelter.';
		const doc = new Document({
			footnotes: { 1: { children: [new Paragraph(bad)] } },
			sections: [
				{
					children: [
						new Paragraph({ text: 'Services', heading: HeadingLevel.HEADING_1 }),
						new Paragraph({ children: [new TextRun('Shelter is open to all.'), new FootnoteReferenceRun(1)] }),
						new Paragraph({ children: [new TextRun('Outreach is funded. '), new DeletedTextRun({ text: bad, id: 1, author: 'Editor', date: '2024-01-01T00:00:00Z' })] }),
					],
				},
			],
		});
		const word = await convertWordDocument(await Packer.toBuffer(doc));
		expect(word.markdown).not.toContain('Outreach is funded. Victims');
		const findings = builtinReviewer().review({ text: word.markdown, format: 'markdown' }).findings;
		expect(findings.map((f) => f.ruleId)).toEqual(['conditional-services/cooperation-required']);
		expect(word.locator.locate(findings[0]!.offsets)).toEqual({ paragraph: 4, headingPath: [], quote: findings[0]!.matchedText, note: 'footnote 1' });
	});

	it('maps any paragraph text to exactly one reviewed block and back to the same text (property)', async () => {
		const piece = fc.constantFrom('a', 'Z', ' ', '1', '.', ')', '#', '>', '-', '+', '*', '_', '`', '<', '>', '[', ']', '|', '\\', '&', 'amp;', '!', '~', '=', '<!--', '-->', 'é', '“', '\t');
		const text = fc.array(piece, { minLength: 1, maxLength: 24 }).map((p) => p.join('')).filter((t) => t.trim().length > 0 && !t.includes('<!--'));
		await fc.assert(
			fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 4 }), fc.boolean(), async (texts, inTable) => {
				const children = inTable ? [new Table({ rows: [new TableRow({ children: texts.map((t) => new TableCell({ children: [new Paragraph(t)] })) })] })] : texts.map((t) => new Paragraph(t));
				const { markdown, paragraphs } = await convertWordDocument(await docxOf(children));
				const expected = texts.map((t) => t.replace(/[ \t]+/g, ' ').trim());
				expect(paragraphs.map((p) => p.text)).toEqual(expected);
				for (const p of paragraphs) expect(unescapeMarkdown(markdown.slice(p.start, p.end))).toBe(p.text);
				const blocks = parseDocument(markdown, 'markdown').blocks.filter((b) => b.prose.trim() !== '' || inTable);
				expect(blocks.length).toBe(paragraphs.length);
			}),
			{ numRuns: 60 },
		);
	});
});

describe('refusing what is not a readable .docx', () => {
	const cases: Array<[string, () => Buffer | Promise<Buffer>, DocxError['reason'], RegExp]> = [
		['a password-protected file', encryptedDocx, 'encrypted', /password-protected/],
		['a Word 97–2003 file renamed', legacyDocRenamed, 'legacy-word', /Word 97–2003/],
		['a truncated package', truncatedDocx, 'corrupt', /damaged/],
		['a text file renamed', () => Buffer.from('plain words'), 'not-word', /not a ZIP package \(it looks like plain text\)/],
		['an empty file', () => Buffer.alloc(0), 'corrupt', /empty/],
		['a ZIP without a Word document', () => storedZip({ 'a.txt': 'x' }), 'not-word', /no word\/document\.xml/],
	];
	for (const [name, bytes, reason, message] of cases) {
		it(`explains ${name}`, async () => {
			const error = await convertWordDocument(await bytes()).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(DocxError);
			expect(error).toMatchObject({ reason, message: expect.stringMatching(message) });
		});
	}
});
