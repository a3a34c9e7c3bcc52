import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, REQUIRED_DOC_SECTIONS, type Rule } from '../../server/src/engine';
import { builtinRulesDir } from '../../server/src/node/ruleFiles';
import { rulesIndexMarkdown } from '../../server/src/node/rulesIndex';
import { citationProblems, citationsOf, type CitationIndex } from '../../scripts/paper/citations';
import { ROOT } from '../helpers/cli';
import { builtinRules, ruleFile, ruleSetFrom } from '../helpers/rules';

// The paper may not be redistributed: quotes are checked against its citation index (paper/README.md).
const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'paper', 'citations.json'), 'utf8')) as CitationIndex;
const problemsOf = (rule: Rule): string[] => citationProblems(index, citationsOf([rule], []));

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
		expect(rule.spec.evidence.length).toBeGreaterThan(0);
		expect(problemsOf(rule)).toEqual([]);
	});

	it('keeps rules/README.md in sync (run npm run rules:index)', () => {
		const current = fs.readFileSync(path.join(builtinRulesDir(), 'README.md'), 'utf8');
		expect(current).toBe(rulesIndexMarkdown(set.rules));
	});
});

describe('a citation the paper does not back fails the quote check', () => {
	// A rule file as a contributor writes it (evidence: ¶5, "raids should be used only as a last resort").
	const written = ruleFile('raids/test-citation', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["raid"]');
	const loaded = (from?: string, to?: string): Rule => {
		const text = from === undefined ? written.text : written.text.replace(from, to!);
		if (from !== undefined) expect(text, `the rule file has ${from}`).not.toBe(written.text);
		const set = ruleSetFrom([{ ...written, text }]);
		expect(set.errors).toEqual([]);
		return set.rules[0]!;
	};

	it('passes as written: the quote is the paper’s, at its paragraph', () => {
		expect(loaded().spec.evidence).toEqual([{ paragraph: 5, quote: 'raids should be used only as a last resort' }]);
		expect(problemsOf(loaded())).toEqual([]);
	});

	it('fails on a misquote (one word changed)', () => {
		expect(problemsOf(loaded('only as a last resort', 'only as a first resort'))).toEqual([
			expect.stringMatching(/^rule raids\/test-citation: "raids should be used only as a first resort" is not among the passages of ¶5 /),
		]);
	});

	it('fails on the right words at the wrong paragraph, and says where they are', () => {
		expect(problemsOf(loaded('paragraph: 5', 'paragraph: 6'))).toEqual([expect.stringContaining('is not among the passages of ¶6 in paper/citations.json (the index has it under ¶5)')]);
	});

	it('fails on a paragraph the paper does not have, in the evidence or in the documentation', () => {
		expect(problemsOf(loaded('paragraph: 5', `paragraph: ${index.paragraphs + 1}`))).toEqual([expect.stringContaining(`is not among the passages of ¶${index.paragraphs + 1}`)]);
		expect(problemsOf(loaded('## Why\ny', `## Why\nAs the paper shows (¶${index.paragraphs + 1}).`))).toEqual([
			`rule raids/test-citation (documentation): ¶${index.paragraphs + 1} is not in the paper (${index.paragraphs} paragraphs)`,
		]);
	});
});

