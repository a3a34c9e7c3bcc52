import { describe, expect, it } from 'vitest';
import { Reviewer } from '../../server/src/engine';
import { ruleFile, ruleSetFrom } from '../helpers/rules';

// A section rule judges sections, not the document's title: the single top-level heading that wraps every
// other section is the whole document, which document-scope rules review.
const reviewer = new Reviewer(
	ruleSetFrom([ruleFile('consent/test-section', 'kind: missing\nscope: section\nseverity: warning\ntopic:\n  heading: ["services"]\nrequires:\n  - ["@consent"]')]),
);
const headings = (text: string) => reviewer.review({ text, format: 'markdown' }).findings.map((f) => f.matchedText);

describe('missing kind: the document title is not a section', () => {
	it('skips the one top-level heading that wraps the other sections', () => {
		expect(headings('# Victim Services Act\n\n## Section 1. Title\n\nText.\n\n## Section 2. Funding\n\nMoney.\n')).toEqual([]);
	});

	it('still checks its subsections and top-level sections that have siblings', () => {
		expect(headings('# Victim Services Act\n\n## Services\n\nShelter is provided.\n')).toEqual(['## Services']);
		expect(headings('# Services\n\n## Shelter\n\nText.\n\n# Funding\n\nMoney.\n')).toEqual(['# Services']);
	});

	it('checks a lone top-level section without subsections', () => {
		expect(headings('# Services\n\nShelter is provided.\n')).toEqual(['# Services']);
	});
});
