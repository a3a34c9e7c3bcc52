import { describe, expect, it } from 'vitest';
import { builtinReviewer } from '../helpers/rules';

const bad = 'Victims who agree to testify shall be eligible for shelter.';
const review = (text: string) => builtinReviewer().review({ text, format: 'markdown' });

describe('inline suppression', () => {
	it('disable-next-line by rule id hides the finding and keeps it, with its reason, for the report', () => {
		const result = review(`<!-- accountable-disable-next-line conditional-services/cooperation-required -- quoted from the current statute -->\n${bad}\n`);
		expect(result.findings).toEqual([]);
		expect(result.suppressed).toHaveLength(1);
		expect(result.suppressed[0]!.suppression).toMatchObject({ reason: 'quoted from the current statute', line: 0 });
	});

	it('disable-next-line by category, and it covers only the next line', () => {
		const result = review(`<!-- accountable-disable-next-line conditional-services -->\n${bad}\n\n${bad}\n`);
		expect(result.findings.map((f) => f.range.start.line)).toEqual([3]);
		expect(result.suppressed).toHaveLength(1);
	});

	it('keeps the reason of a suppression by category, for a line and for a region', () => {
		const result = review(`<!-- accountable-disable-next-line conditional-services -- quoted from the 2005 Act -->\n${bad}\n\n<!-- accountable-disable conditional-services -- the Act's text, for comparison -->\n\n${bad}\n\n<!-- accountable-enable -->\n`);
		expect(result.findings).toEqual([]);
		expect(result.suppressed.map((f) => [f.ruleId, f.range.start.line, f.suppression?.reason])).toEqual([
			['conditional-services/cooperation-required', 1, 'quoted from the 2005 Act'],
			['conditional-services/cooperation-required', 5, 'the Act\'s text, for comparison'],
		]);
	});

	it('disable … enable covers a region; a comment for another rule does not', () => {
		const result = review(`<!-- accountable-disable conditional-services/* -->\n\n${bad}\n\n<!-- accountable-enable -->\n\n${bad}\n\n<!-- accountable-disable-next-line raids -->\n${bad}\n`);
		expect(result.findings.map((f) => f.range.start.line)).toEqual([6, 9]);
		expect(result.suppressed.map((f) => f.range.start.line)).toEqual([2]);
	});

	it('ignores directives shown inside code blocks', () => {
		const result = review(`\`\`\`\n<!-- accountable-disable -->\n\`\`\`\n\n${bad}\n`);
		expect(result.findings).toHaveLength(1);
	});

	it('works in plain text too', () => {
		const result = builtinReviewer().review({ text: `<!-- accountable-disable-line --> ${bad}\n`, format: 'plaintext' });
		expect(result.findings).toEqual([]);
		expect(result.suppressed).toHaveLength(1);
	});
});
