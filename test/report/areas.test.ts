import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS, AREA_IDS, CATEGORY_AREAS, type AreaDefinition } from '../../server/src/engine/report';
import { CATEGORIES } from '../../server/src/engine';
import { citationProblems, citationsOf, type CitationIndex } from '../../scripts/paper/citations';
import { ROOT } from './helpers';

// The paper may not be redistributed: quotes are checked against its citation index (paper/README.md), which
// keeps each quoted passage as the paper writes it.
const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'paper', 'citations.json'), 'utf8')) as CitationIndex;

/** What is wrong with an area's quotes: not the paper's words at the paragraph cited, or not word for word. */
function quoteProblems(area: AreaDefinition): string[] {
	const problems = citationProblems(index, citationsOf([], [area]));
	for (const q of area.quotes) {
		if (!(index.cited[String(q.paragraph)]?.passages ?? []).some((p) => p.includes(q.quote))) problems.push(`¶${q.paragraph} does not have, word for word: ${q.quote}`);
	}
	return problems;
}
const ruleSchema = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules/schema/rule.schema.json'), 'utf8'));
const reportSchema = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules/schema/report.schema.json'), 'utf8'));

describe('recommendation areas', () => {
	it('are the ten areas of the rule schema, in the same order, in the report schema too', () => {
		expect(AREAS.map((a) => a.id)).toEqual([...AREA_IDS]);
		expect(ruleSchema.properties.recommendation.enum).toEqual([...AREA_IDS]);
		expect(reportSchema.definitions.area.properties.id.enum).toEqual([...AREA_IDS]);
	});

	for (const area of AREAS) {
		it(`${area.id}: quotes the paper word for word, at the paragraph it cites`, () => {
			expect(area.quotes.length).toBeGreaterThan(0);
			expect(quoteProblems(area)).toEqual([]);
			for (const q of area.quotes) {
				// The sentence shown to readers carries the quote (its first letter may change case) and the ¶.
				expect(area.recommendation.toLowerCase()).toContain(q.quote.toLowerCase());
				expect(area.recommendation).toContain(`¶${q.paragraph}`);
			}
			expect(area.recommendation.split(/(?<=[.!?])\s+(?=[A-Z])/).length, 'one sentence').toBe(1);
		});
	}

	it('fail the check above when a quote is not the paper’s, not word for word, or at the wrong paragraph', () => {
		const area = AREAS.find((a) => a.id === 'raids-last-resort')!;
		const [first, ...rest] = area.quotes;
		const withQuote = (quote: { paragraph: number; quote: string }): AreaDefinition => ({ ...area, quotes: [quote, ...rest] });
		expect(quoteProblems(area)).toEqual([]);
		expect(first).toEqual({ paragraph: 5, quote: 'raids should be used only as a last resort' });
		expect(quoteProblems(withQuote({ paragraph: 5, quote: 'raids should only be used as a last resort' }))).toHaveLength(2);
		// Same words, other quotation marks and case: the rules' looser comparison passes it, the report's does not.
		expect(quoteProblems(withQuote({ paragraph: 5, quote: 'Raids should be used only as a last resort' }))).toEqual(['¶5 does not have, word for word: Raids should be used only as a last resort']);
		expect(quoteProblems(withQuote({ paragraph: 6, quote: first!.quote }))).toEqual([
			expect.stringContaining('is not among the passages of ¶6 in paper/citations.json (the index has it under ¶5)'),
			`¶6 does not have, word for word: ${first!.quote}`,
		]);
	});

	it('every category falls back to an area, except framing, which is about wording', () => {
		for (const category of CATEGORIES) {
			if (category === 'framing') expect(CATEGORY_AREAS[category]).toBeUndefined();
			else expect(AREA_IDS).toContain(CATEGORY_AREAS[category]);
		}
	});
});
