import { describe, expect, it } from 'vitest';
import { builtinReviewer, builtinRules, expectationMismatch } from '../helpers/rules';

// Every example in every rule file is a test: a `flag` block must produce exactly one finding of its rule,
// a `pass` block none; where an ```expect block follows a flag block, the finding must start (and end) where
// it says, with its message. Adding a rule adds its tests.
const rules = builtinRules().rules;
const reviewer = builtinReviewer();

describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
	it('has at least three flag and three pass examples', () => {
		expect(rule.examples.filter((e) => e.expect === 'flag').length).toBeGreaterThanOrEqual(3);
		expect(rule.examples.filter((e) => e.expect === 'pass').length).toBeGreaterThanOrEqual(3);
	});
	for (const example of rule.examples) {
		const label = `${example.expect}s line ${example.line}: ${example.text.replace(/\s+/g, ' ').slice(0, 70)}`;
		it(label, () => {
			const result = reviewer.review({ text: example.text, format: example.format });
			const pool = rule.spec.provision ? result.provisions : result.findings;
			const mine = pool.filter((f) => f.ruleId === rule.id);
			if (example.expect === 'flag') {
				expect(mine.map((f) => f.message), `expected one finding of ${rule.id}`).toHaveLength(1);
				expect(mine[0]!.message).not.toMatch(/\{(match|heading|missing)\}/);
				if (example.expected) expect(expectationMismatch(example.expected, mine[0]!)).toBeUndefined();
			} else {
				expect(mine.map((f) => `${f.message} @ ${f.matchedText}`), `expected no finding of ${rule.id}`).toEqual([]);
			}
		});
	}
});
