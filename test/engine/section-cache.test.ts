import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../server/src/engine';
import { ReviewContext } from '../../server/src/engine/rules/kinds/context';
import type { Matcher } from '../../server/src/engine/matching/matcher';
import { builtinRules } from '../helpers/rules';
import { generatePolicy, loadCorpus } from '../bench/generate';

const corpus = loadCorpus(path.resolve(__dirname, '..', '..'));

function matchersOf(): Matcher[] {
	const out = new Map<string, Matcher>();
	for (const rule of builtinRules().rules) {
		for (const value of Object.values(rule.compiled)) for (const m of Array.isArray(value) ? value : [value]) if (m && 'regex' in m) out.set(m.key, m);
	}
	return [...out.values()];
}

describe('section-level answers (any match, matches, word count) computed from subsections', () => {
	it('equal asking every block of the section, for every section and matcher', () => {
		const matchers = matchersOf();
		expect(matchers.length).toBeGreaterThan(10);
		for (const seed of [1, 2, 3]) {
			for (const format of ['markdown', 'plaintext'] as const) {
				const doc = parseDocument(generatePolicy(15000, corpus, { seed, tricky: seed === 2 }), format);
				const ctx = new ReviewContext(doc);
				const reference = new ReviewContext(doc);
				expect(doc.sections.length).toBeGreaterThan(5);
				for (const section of doc.sections) {
					const blocks = reference.sectionBlocks(section);
					expect(ctx.sectionWords(section)).toBe(blocks.reduce((n, b) => n + (b.prose.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0), 0));
					for (const m of matchers) {
						expect(ctx.sectionHas(m, section), `${section.title} ${m.key.slice(0, 40)}`).toBe(blocks.some((b) => reference.has(m, b)));
						expect(ctx.sectionMatches(m, section)).toEqual(blocks.flatMap((b) => reference.matches(m, b)));
					}
				}
			}
		}
	});
});
