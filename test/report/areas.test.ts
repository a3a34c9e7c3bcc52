import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS, AREA_IDS, CATEGORY_AREAS } from '../../server/src/engine/report';
import { CATEGORIES } from '../../server/src/engine';
import { ROOT } from './helpers';

const paper = fs.readFileSync(path.join(ROOT, '..', 'shared', 'paper', 'accountability-in-anti-trafficking-efforts.txt'), 'utf8').split('\n');
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
			for (const q of area.quotes) {
				expect(paper[q.paragraph - 1], `¶${q.paragraph}`).toContain(q.quote);
				// The sentence shown to readers carries the quote (its first letter may change case) and the ¶.
				expect(area.recommendation.toLowerCase()).toContain(q.quote.toLowerCase());
				expect(area.recommendation).toContain(`¶${q.paragraph}`);
			}
			expect(area.recommendation.split(/(?<=[.!?])\s+(?=[A-Z])/).length, 'one sentence').toBe(1);
		});
	}

	it('every category falls back to an area, except framing, which is about wording', () => {
		for (const category of CATEGORIES) {
			if (category === 'framing') expect(CATEGORY_AREAS[category]).toBeUndefined();
			else expect(AREA_IDS).toContain(CATEGORY_AREAS[category]);
		}
	});
});
