import { Reviewer, loadRuleSet, type Finding, type RuleSet, type SourceFile } from '../../server/src/engine';
import type { ExpectedFinding } from '../../server/src/engine/rules/types';
import { loadRules } from '../../server/src/node/ruleFiles';

let builtin: RuleSet | undefined;

/** The built-in rule set, loaded once per test file. */
export function builtinRules(): RuleSet {
	builtin ??= loadRules();
	return builtin;
}

export function builtinReviewer(): Reviewer {
	return new Reviewer(builtinRules());
}

/** Reviews Markdown with the built-in rules and returns the ids of the findings, in order. */
export function ruleIdsIn(text: string, format: 'markdown' | 'plaintext' = 'markdown'): string[] {
	return builtinReviewer().review({ text, format }).findings.map((f) => f.ruleId);
}

/** A rule set built from in-memory files plus the built-in vocabularies, for engine tests. */
export function ruleSetFrom(rules: SourceFile[], vocabularies: SourceFile[] = builtinVocabularyFiles()): RuleSet {
	return loadRuleSet({ rules, vocabularies });
}

export function builtinVocabularyFiles(): SourceFile[] {
	return [...builtinRules().vocabularies.values()].map((v) => ({ path: v.path, text: require('node:fs').readFileSync(v.path, 'utf8') as string, trusted: true }));
}

/** A minimal valid rule file with the given front-matter lines, for loader and kind tests. */
export function ruleFile(id: string, frontMatter: string, examples = ''): SourceFile {
	return {
		path: `/rules/${id}.md`,
		text: `---\nid: ${id}\n${frontMatter.trim()}\nsummary: Test rule\nmessage: "Found {match}"\nevidence:\n  - paragraph: 5\n    quote: "raids should be used only as a last resort"\n---\n# Test rule\n\n## What it flags\nx\n\n## Why\ny\n\n## What to write instead\nz\n\n## Not flagged\nw\n${examples}`,
	};
}

/** How a finding differs from what a rule example's ```expect block says (1-based lines and columns), or undefined. */
export function expectationMismatch(expected: ExpectedFinding, finding: Finding): string | undefined {
	const at = (p: { line: number; character: number }): string => `${p.line + 1}:${p.character + 1}`;
	const start = at(finding.range.start);
	const end = at(finding.range.end);
	if (start !== `${expected.line}:${expected.column}`) return `starts at ${start}, expected ${expected.line}:${expected.column}`;
	if (expected.end && end !== `${expected.end.line}:${expected.end.column}`) return `ends at ${end}, expected ${expected.end.line}:${expected.end.column}`;
	if (expected.message !== undefined && finding.message !== expected.message) return `says "${finding.message}", expected "${expected.message}"`;
	return undefined;
}
