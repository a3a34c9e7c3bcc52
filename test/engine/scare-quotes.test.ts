/**
 * Scare quotes (reading/stance.ts, inScareQuotes): a writer who sets the very words a rule found in a short
 * quotation keeps their distance from them, so no span finding is made there; a quoted term that a definition
 * defines, a quoted name, a longer quotation and a finding that merely begins with a quoted term are read as
 * they are.
 */
import { describe, expect, it } from 'vitest';
import { builtinReviewer } from '../helpers/rules';

const spans = (text: string): string[] =>
	builtinReviewer()
		.review({ text, format: 'plaintext' })
		.findings.filter((f) => f.scope === 'span')
		.map((f) => f.ruleId);

describe('scare quotes', () => {
	it('makes no finding on a loaded term in single or double scare quotes', () => {
		expect(spans('Officers will take part in vice raids across the country.')).toContain('raids/vice-raids');
		expect(spans('Officers will take part in ‘vice raids’ across the country.')).not.toContain('raids/vice-raids');
		expect(spans('The report gives an estimate of sex slaves in England.')).toContain('framing/sensational-slavery-language');
		expect(spans('The report gives an estimate of "sex slaves" in England.')).not.toContain('framing/sensational-slavery-language');
	});

	it('still reads a finding that only begins with a quoted term', () => {
		expect(spans('The “T visa” is designed for certain human trafficking victims who cooperate with law enforcement.')).toContain('conditional-services/cooperation-required');
	});

	it('still reads a term a definition defines', () => {
		expect(spans('b. “Human trafficking” also means knowingly purchasing services involving commercial sexual activity from a victim.')).toContain('conflation/definition-without-coercion');
	});

	it('still reads a quoted name', () => {
		expect(spans('Officers shall carry out raids under "Operation Clean Sweep" in every district.')).toContain('raids/raid-as-identification');
	});
});
