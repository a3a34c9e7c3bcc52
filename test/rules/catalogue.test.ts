import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, REQUIRED_DOC_SECTIONS } from '../../server/src/engine';
import { builtinRulesDir } from '../../server/src/node/ruleFiles';
import { rulesIndexMarkdown } from '../../server/src/node/rulesIndex';
import { builtinRules } from '../helpers/rules';

const paper = fs
	.readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'paper', 'accountability-in-anti-trafficking-efforts.txt'), 'utf8')
	.split('\n');
const normalise = (s: string): string => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').toLowerCase();

describe('the rule catalogue', () => {
	const set = builtinRules();

	it('loads without errors', () => {
		expect(set.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([]);
	});

	it('has a rule file for every rule and a path that mirrors each id', () => {
		for (const rule of set.rules) {
			expect(path.relative(builtinRulesDir(), rule.path).split(path.sep).join('/')).toBe(`${rule.id}.md`);
		}
	});

	it('uses only the taxonomy categories', () => {
		for (const rule of set.rules) expect(CATEGORIES).toContain(rule.category);
	});

	it.each(builtinRules().rules.map((r) => [r.id, r] as const))('%s documents what, why, instead and not-flagged', (_id, rule) => {
		expect(rule.doc.title).not.toBe('');
		for (const section of REQUIRED_DOC_SECTIONS) expect(rule.doc.sections[section], `section "${section}"`).toBeTruthy();
		expect(rule.doc.sections['Why']).toMatch(/¶\d+/);
	});

	it.each(builtinRules().rules.map((r) => [r.id, r] as const))('%s quotes the paragraphs it cites', (_id, rule) => {
		for (const e of rule.spec.evidence) {
			const paragraph = paper[e.paragraph - 1];
			expect(paragraph, `¶${e.paragraph} exists`).toBeDefined();
			expect(normalise(paragraph!), `¶${e.paragraph} contains the quote`).toContain(normalise(e.quote.replace(/…/g, '')).trim());
		}
		for (const cited of rule.doc.markdown.matchAll(/¶(\d+)/g)) {
			expect(Number(cited[1]), `¶${cited[1]} cited in the documentation exists`).toBeLessThanOrEqual(paper.length);
		}
	});

	it('keeps rules/README.md in sync (run npm run rules:index)', () => {
		const current = fs.readFileSync(path.join(builtinRulesDir(), 'README.md'), 'utf8');
		expect(current).toBe(rulesIndexMarkdown(set.rules));
	});
});
