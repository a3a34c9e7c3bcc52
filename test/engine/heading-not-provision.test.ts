/**
 * A heading marked up as one names what its section is about; the provision, if any, is in the section. A span
 * rule's words in a Markdown heading ("Enforcement operations") are no finding, so a rights-respecting section
 * under such a heading does not make the report's area "Contradicted". A line of plain text is a heading only by
 * guess and may be all there is of a provision, so it keeps its finding.
 */
import { describe, expect, it } from 'vitest';
import { builtinReviewer } from '../helpers/rules';

const RAID = 'raids/raid-as-identification';

describe('span rules and headings', () => {
	it('find nothing in a Markdown heading whose section provides the opposite', () => {
		const text = '# Act\n\n## Section 7. Enforcement operations\n\nRaids shall be used only as a last resort and after consultation with service providers.\n';
		const ids = builtinReviewer().review({ text, format: 'markdown' }).findings.map((f) => f.ruleId);
		expect(ids).not.toContain(RAID);
	});

	it('still find the provision in the section under the heading', () => {
		const text = '# Act\n\n## Section 7. Enforcement operations\n\nOfficers shall conduct a sweep of known prostitution areas to locate potential victims.\n';
		const findings = builtinReviewer().review({ text, format: 'markdown' }).findings.filter((f) => f.ruleId === RAID);
		expect(findings.length).toBeGreaterThan(0);
		expect(findings.every((f) => f.range.start.line === 4)).toBe(true);
	});

	it('keep a finding on a plain-text line read as a heading', () => {
		const ids = builtinReviewer().review({ text: 'Enforcement operations to rescue victims', format: 'plaintext' }).findings.map((f) => f.ruleId);
		expect(ids).toContain(RAID);
	});
});
