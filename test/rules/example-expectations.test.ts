import { describe, expect, it } from 'vitest';
import { Reviewer } from '../../server/src/engine';
import { expectationMismatch, ruleSetFrom } from '../helpers/rules';

const FRONT = `---
id: raids/sweep
kind: phrase
scope: span
severity: warning
summary: A sweep
message: Sweeps ("{match}") are raids.
evidence:
  - paragraph: 1
    quote: raids
match: ["sweep"]
---

# Sweeps

## Examples
`;

function ruleWith(examples: string) {
	return ruleSetFrom([{ path: '/rules/raids/sweep.md', text: `${FRONT}\n${examples}` }]);
}

describe('rule examples with expected findings (```expect blocks)', () => {
	it('reads where the finding starts and ends and its message, and checks them against the review', () => {
		const set = ruleWith('```flag\nThe police held a\nsweep of the street.\n```\n\n```expect\n2:1-2:6: Sweeps ("sweep") are raids.\n```\n\n```pass\nNo raids.\n```\n');
		expect(set.errors).toEqual([]);
		const [flag, pass] = set.rules[0]!.examples;
		expect(flag!.expected).toEqual({ line: 2, column: 1, end: { line: 2, column: 6 }, message: 'Sweeps ("sweep") are raids.' });
		expect(pass!.expected).toBeUndefined();
		const finding = new Reviewer(set).review({ text: flag!.text, format: 'markdown' }).findings[0]!;
		expect(expectationMismatch(flag!.expected!, finding)).toBeUndefined();
		expect(expectationMismatch({ line: 2, column: 3 }, finding)).toBe('starts at 2:1, expected 2:3');
		expect(expectationMismatch({ line: 2, column: 1, message: 'Other.' }, finding)).toBe('says "Sweeps ("sweep") are raids.", expected "Other."');
	});

	it('takes a position alone', () => {
		const set = ruleWith('```flag\nA sweep.\n```\n```expect\n1:3\n```\n');
		expect(set.rules[0]!.examples[0]!.expected).toEqual({ line: 1, column: 3 });
	});

	it('reports a malformed expect block at its line, as any other problem of the rule file', () => {
		const set = ruleWith('```flag\nA sweep.\n```\n\n```expect\nsomewhere near the start\n```\n');
		expect(set.rules).toEqual([]);
		expect(set.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^an expect block holds one line "line:column/)]);
	});
});
