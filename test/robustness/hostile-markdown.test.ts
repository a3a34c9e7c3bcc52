import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinReviewer } from '../helpers/rules';
import { markdownHazard, MAX_MARKDOWN_NESTING } from '../../server/src/engine/document/hostile';

const ROOT = path.resolve(__dirname, '..', '..');
/** A sentence the built-in rules flag (conditional-services/cooperation-required). */
const FLAGGED = 'Shelter shall be provided to a victim only if the victim is willing to testify against the trafficker.';
const RULE = 'conditional-services/cooperation-required';

const reviewer = builtinReviewer();

function review(text: string, format: 'markdown' | 'plaintext' = 'markdown') {
	return reviewer.review({ text, format });
}

/**
 * Inputs that overflowed the stack or took minutes before the hazard check (measured: 5,000 nested block quotes
 * threw RangeError in our walk; 5,000 nested list markers threw in remark-gfm after 23 s; 10,000 emphasis
 * delimiters took 6 s and 40,000 would take minutes; a 100,000-row table took 45 s and 2.4 GB).
 */
const HOSTILE: Record<string, string> = {
	'5,000 nested block quotes on one line': `${'> '.repeat(5000)}${FLAGGED}`,
	'2,000 block quotes, one level deeper per line': Array.from({ length: 2000 }, (_, i) => `${'>'.repeat(i + 1)} line ${i}`).join('\n') + ` ${FLAGGED}`,
	'5,000 nested list markers': `${'- '.repeat(5000)}${FLAGGED}`,
	'1,000 nested indented list items': Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n') + `\n\n${FLAGGED}`,
	'alternating quotes and lists, 3,000 deep': `${'> - '.repeat(3000)}${FLAGGED}`,
	'20,000 emphasis delimiters around a word': `${'*'.repeat(10000)}x${'*'.repeat(10000)}\n\n${FLAGGED}`,
	'20,000 unmatched brackets': `${'['.repeat(10000)}x${']'.repeat(10000)}\n\n${FLAGGED}`,
	'10,000 unclosed links': `${'[a]('.repeat(10000)}\n\n${FLAGGED}`,
	'a 100,000-row table': `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(100000)}\n${FLAGGED}`,
	'a 2 MB paragraph of lines with an autolink-looking @': `${'word word @ word.\n'.repeat(110000)}\n${FLAGGED}`,
};

describe('hostile Markdown', () => {
	for (const [name, text] of Object.entries(HOSTILE)) {
		it(`${name}: reviewed without throwing, and its words still checked`, () => {
			const result = review(text);
			expect(result.findings.map((f) => f.ruleId)).toContain(RULE);
			for (const f of result.findings) {
				expect(f.offsets.start).toBeGreaterThanOrEqual(0);
				expect(f.offsets.end).toBeLessThanOrEqual(text.length);
				expect(text.slice(f.offsets.start, f.offsets.end)).toBe(f.matchedText);
			}
		}, 60_000);
	}

	it('the hazard check names each hostile input and none of the real documents', () => {
		for (const [name, text] of Object.entries(HOSTILE)) expect(markdownHazard(text), name).toBeDefined();
		const real = [path.join(ROOT, 'examples'), path.join(ROOT, 'test/fixtures/documents'), path.join(ROOT, 'rules')]
			.flatMap((dir) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)))
			.filter((f) => f.endsWith('.md'));
		expect(real.length).toBeGreaterThan(5);
		for (const file of real) expect(markdownHazard(fs.readFileSync(file, 'utf8')), file).toBeUndefined();
	});

	it('emphasis delimiters are budgeted per paragraph: a blank line of spaces, tabs or carriage returns ends one, any other line does not', () => {
		// 3,000 delimiters in each of two paragraphs are within the budget (2 × 3,000²); 6,000 in one are not (6,000²).
		const half = `${'*'.repeat(1000)} word ${'_'.repeat(1000)}\n${'['.repeat(500)} and ${']'.repeat(500)}`;
		for (const blank of ['\n\n', '\n \t\r\n', '\r\n\r\n']) expect(markdownHazard(`${half}${blank}${half}`), JSON.stringify(blank)).toBeUndefined();
		for (const joint of ['\n', '\n\v\n', '\n . \n', ' ']) expect(markdownHazard(`${half}${joint}${half}`), JSON.stringify(joint)).toMatch(/delimiters/);
	});

	it('every delimiter counts, the four kinds interleaved over the lines of a paragraph: 5,000 in one are the whole budget', () => {
		// 5,000² is MAX_DELIMITER_WORK exactly (Σ over paragraphs of their delimiters², over it is a hazard).
		const paragraph = (n: number): string => Array.from({ length: n }, (_, i) => `${'*_[]'[i % 4]}w${i % 7 === 6 ? '\n' : ' '}`).join('');
		expect(markdownHazard(`${paragraph(4999)}*`)).toBeUndefined();
		expect(markdownHazard(`${paragraph(5000)}]`)).toMatch(/delimiters/);
		expect(markdownHazard(`intro\n\n${paragraph(4999)}\n\n${paragraph(99)}`)).toBeUndefined();
		expect(markdownHazard(`intro\n\n${paragraph(5000)}\n\n${paragraph(100)}`)).toMatch(/delimiters/);
	});

	it('Markdown nested up to the limit is still parsed as Markdown (a quoted sentence is milder)', () => {
		const depth = Math.floor(MAX_MARKDOWN_NESTING / 2);
		const quoted = review(`${'> '.repeat(depth)}${FLAGGED}`);
		expect(quoted.document.format).toBe('markdown');
		const finding = quoted.findings.find((f) => f.ruleId === RULE);
		expect(finding?.quoted).toBe(true);
		const beyond = review(`${'> '.repeat(MAX_MARKDOWN_NESTING + 1)}${FLAGGED}`);
		expect(beyond.document.format).toBe('plaintext');
	});

	it('plain text with the same hostile content is reviewed too', () => {
		for (const text of Object.values(HOSTILE)) expect(review(text, 'plaintext').findings.map((f) => f.ruleId)).toContain(RULE);
	}, 60_000);
});
