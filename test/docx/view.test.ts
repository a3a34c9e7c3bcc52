import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { convertWordDocument, type WordDocument } from '../../server/src/node/docx';
import { renderWordView } from '../../server/src/node/docx/view';
import { builtinReviewer, builtinRules } from '../helpers/rules';
import { grantProposal } from './fixtures';

function review(word: WordDocument): string {
	const rules = new Map(builtinRules().rules.map((r) => [r.id, r]));
	const result = builtinReviewer().review({ text: word.markdown, format: 'markdown' });
	return renderWordView({ word, findings: result.findings, rule: (id) => rules.get(id), profile: { profile: result.profile, reason: result.profileReason } });
}

/** The page body parsed by a real HTML parser would be best; these tests read it with patterns on its regular markup. */
function textOf(html: string): string {
	return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('the Word review editor’s page body', () => {
	it('shows the document as formatted text: headings, a numbered list and a table, with no Markdown syntax', async () => {
		const html = review(await convertWordDocument(await grantProposal()));
		const article = /<article class="document"[^>]*>([\s\S]*)<\/article>/.exec(html)![1]!;
		expect(article).toMatch(/<h1 id="p1" data-paragraph="1"[^>]*><mark [^>]*>Safe Harbor Grant Proposal<\/mark><\/h1>/);
		expect(article).toMatch(/<h2 id="p3" data-paragraph="3"[^>]*>Services<\/h2>/);
		expect(article).toMatch(/<ol><li><span id="p5" data-paragraph="5"[^>]*>Open two drop-in centres run with community organisations\.<\/span><\/li><li><span id="p6"/);
		expect(article).toMatch(/<table><tbody><tr><td><p id="p9" data-paragraph="9"[^>]*>Item<\/p><\/td><td><p id="p10"[^>]*>Condition<\/p><\/td><\/tr>/);
		// What the reader sees, not Markdown: no heading marks, table pipes or escapes.
		const text = textOf(article);
		expect(text).not.toMatch(/^#|\| --- \||\\\./m);
		expect(text).toContain('Service providers shall transmit the names and addresses of identified victims to the task force within 48 hours.');
	});

	it('highlights each finding on its words, and lists the findings by Word paragraph and heading path', async () => {
		const html = review(await convertWordDocument(await grantProposal()));
		// ¶14, a table cell: the cooperation condition is marked inside the cell, the rest of the cell is not.
		const cell = /<p id="p14"[^>]*>([\s\S]*?)<\/p>/.exec(html)![1]!;
		expect(cell).toBe('<mark class="finding severity-error" tabindex="0" data-findings="f3" aria-describedby="card-f3">Benefits are available only to victims who cooperate</mark> with the prosecution.');
		// ¶7: the finding's words, which Word split over runs with different formatting.
		expect(/<p id="p7"[^>]*>([\s\S]*?)<\/p>/.exec(html)![1]).toMatch(/<mark [^>]*data-findings="f2"[^>]*>[^<]*testify[^<]*<\/mark>/);
		const list = /<ol class="finding-list">([\s\S]*?)<\/ol>/.exec(html)![1]!;
		expect([...list.matchAll(/<button type="button" class="goto" data-finding="(f\d+)">([^<]*)<\/button>/g)].map((m) => [m[1], textOf(m[2]!)])).toEqual([
			['f1', '¶1 (Safe Harbor Grant Proposal)'],
			['f2', '¶7 (SEC. 5 › Services)'],
			['f3', '¶14 (SEC. 5 › Budget)'],
			['f4', '¶15 (SEC. 5 › Referral and data sharing)'],
			['f5', '¶16 (SEC. 5 › Referral and data sharing)'],
		]);
		expect(html).toContain('<strong>5 findings</strong> · Profile: grant-proposal');
	});

	it('gives each finding a card: what is wrong, why with the paper’s ¶, what to write instead, and its links', async () => {
		const html = review(await convertWordDocument(await grantProposal()));
		const card = /<section class="card severity-\w+" id="card-f3" role="tooltip" hidden>([\s\S]*?)<\/section>/.exec(html)![1]!;
		expect(card).toContain('<code>conditional-services/cooperation-required</code>');
		expect(card).toContain('<p class="where">¶14 (SEC. 5 › Budget)</p>');
		expect(card).toMatch(/<strong>Why\.<\/strong> [^<]*¶\s?\d+/);
		expect(card).toMatch(/<strong>What to write instead\.<\/strong> \S/);
		expect(card).toMatch(/<a class="rule" href="[^"]*cooperation-required[^"]*">Rule documentation<\/a> · <a class="report" href="#report">Accountability report<\/a>/);
	});

	it('keeps nested lists nested and merged table cells merged', async () => {
		const numbering = { config: [{ reference: 'n', levels: [0, 1].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.START })) }] };
		const doc = new Document({
			numbering,
			sections: [
				{
					children: [
						new Paragraph({ text: 'A person is eligible if:', numbering: { reference: 'n', level: 0 } }),
						new Paragraph({ text: 'the person is an adult; and', numbering: { reference: 'n', level: 1 } }),
						new Table({
							rows: [
								new TableRow({ children: [new TableCell({ columnSpan: 2, children: [new Paragraph('Both columns')] })] }),
								new TableRow({ children: [new TableCell({ children: [new Paragraph('Left')] }), new TableCell({ children: [new Paragraph('Right')] })] }),
							],
						}),
					],
				},
			],
		});
		const html = review(await convertWordDocument(await Packer.toBuffer(doc)));
		expect(html).toMatch(/<ol><li><span id="p1"[^>]*>A person is eligible if:<\/span><ol><li><span id="p2"[^>]*>the person is an adult; and<\/span><\/li><\/ol><\/li><\/ol>/);
		expect(html).toMatch(/<tr><td colspan="2"><p id="p3"[^>]*>Both columns<\/p><\/td><\/tr><tr><td><p id="p4"[^>]*>Left<\/p><\/td><td><p id="p5"[^>]*>Right<\/p><\/td><\/tr>/);
	});

	it('escapes every text from the document: markup typed in Word is shown, never run', async () => {
		const hostile = 'Victims who agree to testify <script>alert(1)</script> & <img src=x onerror=alert(2)> shall be eligible for shelter.';
		const doc = new Document({ sections: [{ children: [new Paragraph({ text: 'Services "<b>"', heading: HeadingLevel.HEADING_1 }), new Paragraph(hostile), new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('<iframe>')] })] })] })] }] });
		const html = review(await convertWordDocument(await Packer.toBuffer(doc)));
		expect(html).not.toMatch(/<script|<img|<iframe|<b>/i);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;');
		expect(html).toContain('Services &quot;&lt;b&gt;&quot;');
		expect(textOf(/<article[\s\S]*<\/article>/.exec(html)![0])).toContain(hostile);
	});

	it('marks overlapping findings without nesting marks: each piece names every finding over it', async () => {
		const word = await convertWordDocument(await grantProposal());
		const paragraph = word.paragraphs.find((p) => p.number === 16)!;
		// Two findings on ¶16: the sentence as a whole, and the words "names and addresses" within it.
		const at = (needle: string) => {
			const start = word.markdown.indexOf(needle, paragraph.start);
			return { start, end: start + needle.length };
		};
		const finding = (id: string, offsets: { start: number; end: number }) =>
			({ ruleId: id, severity: 'warning', message: `message of ${id}`, offsets, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, suggestions: [], docUrl: 'https://example.org/rule', scope: 'span' }) as never;
		const html = renderWordView({ word, findings: [finding('a/whole', { start: paragraph.start, end: paragraph.end }), finding('b/part', at('names and addresses'))], rule: () => undefined });
		const body = /<p id="p16"[^>]*>([\s\S]*?)<\/p>/.exec(html)![1]!;
		expect(body).not.toMatch(/<mark[^>]*>[^<]*<mark/);
		expect([...body.matchAll(/<mark [^>]*data-findings="([^"]*)"[^>]*>([^<]*)<\/mark>/g)].map((m) => [m[1], m[2]])).toEqual([
			['f1', 'Service providers shall transmit the '],
			['f1 f2', 'names and addresses'],
			['f1', ' of identified victims to the task force within 48 hours.'],
		]);
	});

	it('says why there are no findings when the review did not run, rather than looking clean', async () => {
		const word = await convertWordDocument(await grantProposal());
		const html = renderWordView({ word, findings: [], rule: () => undefined, notice: 'Accountable is turned off for this document.' });
		expect(html).toContain('<p class="notice" role="status">Accountable is turned off for this document.</p>');
		expect(html).toContain('<strong>0 findings</strong>');
	});
});
