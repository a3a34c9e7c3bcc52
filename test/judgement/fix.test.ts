import { describe, expect, it } from 'vitest';
import type { Finding } from '../../server/src/engine';
import { builtinReviewer } from '../helpers/rules';

/**
 * A fix fixes: a protective sentence added beside a conditional one does not cure the condition (the finding
 * stays and says the text now contradicts itself), and the quick fix for a condition rewrites the condition.
 */
const reviewer = builtinReviewer();
const RULE = 'conditional-services/cooperation-required';
const review = (text: string): Finding[] => reviewer.review({ text, format: 'markdown' }).findings.filter((f) => f.ruleId === RULE);
const apply = (text: string, f: Finding, i = 0): string => {
	const s = f.suggestions[i]!;
	return text.slice(0, s.offsets.start) + s.text + text.slice(s.offsets.end);
};

describe('a fix for a condition', () => {
	const draft = 'Emergency shelter is available to survivors who cooperate with the investigation.\n';

	it('does not disappear when the model clause is added beside the condition, and says the text contradicts itself', () => {
		const both = `${draft.trim()} Services shall be provided regardless of whether the person cooperates with law enforcement.\n`;
		const [finding] = review(both);
		expect(finding, 'the condition is still in the text').toBeDefined();
		expect(finding!.message).toMatch(/contradicts itself/);
	});

	it('rewrites the condition itself, after which nothing is flagged', () => {
		const [finding] = review(draft);
		expect(finding!.suggestions.map((s) => s.kind)).toEqual(['replace']);
		const fixed = apply(draft, finding!);
		expect(fixed).toBe('Emergency shelter is available to survivors regardless of whether the person cooperates with law enforcement.\n');
		expect(review(fixed)).toEqual([]);
	});

	it('works for a condition clause as for a relative clause', () => {
		const text = 'Shelter shall be provided to a victim only if the victim is willing to testify against the trafficker.\n';
		const [finding] = review(text);
		const fixed = apply(text, finding!);
		expect(fixed).toBe('Shelter shall be provided to a victim regardless of whether the person cooperates with law enforcement.\n');
		expect(review(fixed)).toEqual([]);
	});
});
