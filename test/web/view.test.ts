import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { reviewFile, reviewText, type ReviewedDraft } from '../../server/src/web/draft';
import { countMessage, documentHtml, findingsHtml, markdownBlocks, reportHtml } from '../../server/src/web/view';
import { grantProposal } from '../docx/fixtures';
import { webEnvironment } from './helpers';

// What the web page shows of a review (server/src/web/view.ts), read as a DOM (happy-dom) without a browser:
// every finding marked once in the document and numbered, linked both ways to its card; the draft's own text
// never becomes markup. The page in a real browser: test/e2e/web.
const env = webEnvironment();
const window = new Window();
afterAll(() => window.close());

function dom(html: string): ReturnType<Window['document']['createElement']> {
	const container = window.document.createElement('div');
	container.innerHTML = html;
	return container;
}

const BILL = `# Services

Shelter shall be provided to a victim only if the victim is willing to testify against the trafficker.

Police shall conduct raids on massage parlours to rescue victims. <script>alert("draft")</script>
`;

/** The words of finding `n` as the document view marks them. */
function markedWords(view: ReturnType<typeof dom>, n: number): string {
	return [...view.querySelectorAll('mark')]
		.filter((m) => m.getAttribute('data-findings')!.split(' ').includes(String(n)))
		.map((m) => m.textContent)
		.join('');
}

describe('the document view', () => {
	const draft = reviewText('bill.md', BILL, env);

	it('marks each finding’s words, numbered once, with a link to its card', () => {
		expect(draft.result.findings.length).toBeGreaterThanOrEqual(2);
		const view = dom(documentHtml(draft));
		draft.result.findings.forEach((f, i) => {
			const n = i + 1;
			if (f.offsets.end > f.offsets.start) expect(markedWords(view, n), f.ruleId).toBe(BILL.slice(f.offsets.start, f.offsets.end));
			const refs = view.querySelectorAll(`a.finding-ref[href="#finding-${n}"]`);
			expect(refs.length, f.ruleId).toBe(f.offsets.end > f.offsets.start ? 1 : 0);
		});
		// The text reads as the draft, with the finding numbers added.
		const numbers = [...view.querySelectorAll('a.finding-ref')].map((a) => a.textContent).join('');
		expect(view.querySelector('pre')!.textContent!.length).toBe(BILL.length + numbers.length);
	});

	it('shows the draft’s markup as text: nothing in a draft becomes an element', () => {
		const view = dom(documentHtml(draft));
		expect(view.querySelectorAll('script').length).toBe(0);
		expect(view.textContent).toContain('<script>alert("draft")</script>');
	});

	it('shows a Word document as numbered paragraphs, a finding marked within its paragraph', async () => {
		const word = await reviewFile('proposal.docx', new Uint8Array(await grantProposal()), env);
		const view = dom(documentHtml(word));
		const paragraphs = [...view.querySelectorAll('p.para')];
		expect(paragraphs.length).toBe(word.word!.document.paragraphs.length);
		expect(paragraphs[6]!.querySelector('.para-number')!.textContent).toBe('¶7');
		const conditional = word.result.findings.findIndex((f) => f.ruleId === 'conditional-services/cooperation-required');
		expect(conditional).toBeGreaterThanOrEqual(0);
		const marked = paragraphs[6]!.querySelector(`mark[data-findings~="${conditional + 1}"]`);
		expect(marked, '¶7 has the conditional-services finding').not.toBeNull();
		// Without the finding numbers, each paragraph reads as in Word.
		for (const ref of [...view.querySelectorAll('a.finding-ref')]) ref.remove();
		expect(paragraphs.map((p) => p.querySelector('.para-text')!.textContent)).toEqual(word.word!.document.paragraphs.map((p) => p.text));
	});
});

describe('the finding cards', () => {
	const draft = reviewText('bill.md', BILL, env);
	const cards = dom(findingsHtml(draft));

	it('say what is wrong, why with the paper’s ¶, and what to write instead', () => {
		const items = [...cards.querySelectorAll('li.finding')];
		expect(items.map((li) => li.id)).toEqual(draft.result.findings.map((_, i) => `finding-${i + 1}`));
		const first = items[0]!;
		expect(first.querySelector('.message')!.textContent).toBe(`What is wrong: ${draft.result.findings[0]!.message}`);
		expect(first.querySelector('.why')!.textContent).toMatch(/¶\d+/);
		expect(first.querySelector('.instead h4')!.textContent).toBe('What to write instead');
		expect(first.querySelector('.place')!.textContent).toBe(`Line ${draft.result.findings[0]!.range.start.line + 1}`);
	});

	it('offer each model clause with a copy button that names the clause’s element', () => {
		const withClause = draft.result.findings.findIndex((f) => f.suggestions.some((s) => s.kind === 'insert'));
		expect(withClause).toBeGreaterThanOrEqual(0);
		const card = cards.querySelector(`#finding-${withClause + 1}`)!;
		const button = card.querySelector('button.copy')!;
		expect(button.getAttribute('type')).toBe('button');
		expect(button.textContent).toContain('Copy model clause');
		const clause = card.querySelector(`#${button.getAttribute('data-copy')}`)!;
		expect(clause.textContent).toBe(draft.result.findings[withClause]!.suggestions.find((s) => s.kind === 'insert')!.text.trim());
	});

	it('say plainly when there is nothing to flag', () => {
		const clean = reviewText('clean.md', 'Services shall be provided regardless of whether the person cooperates with law enforcement.\n', env);
		expect(clean.result.findings).toEqual([]);
		expect(dom(findingsHtml(clean)).textContent).toMatch(/^No findings/);
		expect(countMessage(clean)).toBe('0 findings in clean.md.');
	});
});

describe('the report beside the document', () => {
	it('is the engine’s report, each finding’s place a link to its card', () => {
		const draft: ReviewedDraft = reviewText('bill.md', BILL, env);
		const report = dom(reportHtml(draft));
		expect([...report.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Summary', 'Scorecard', 'Recommendation areas', 'Language']);
		const links = [...report.querySelectorAll('a.where')].map((a) => a.getAttribute('href'));
		expect(new Set(links)).toEqual(new Set(draft.result.findings.map((_, i) => `#finding-${i + 1}`)));
	});
});

describe('words', () => {
	it('count the findings by severity for the live region', () => {
		const draft = reviewText('bill.md', BILL, env);
		const errors = draft.result.findings.filter((f) => f.severity === 'error').length;
		expect(countMessage(draft)).toMatch(new RegExp(`^${draft.result.findings.length} findings in bill\\.md: ${errors} errors?`));
	});

	it('render a rule’s Markdown as paragraphs and lists of plain words', () => {
		expect(markdownBlocks('One **bold** [link](https://example.org).\n\n- first\n- second `code`')).toBe('<p>One bold link.</p><ul><li>first</li><li>second code</li></ul>');
	});
});
