import { describe, expect, it } from 'vitest';
import { Reviewer } from '../../server/src/engine';
import { ruleFile, ruleSetFrom } from '../helpers/rules';

// A document-scope "missing" rule judges a whole strategy or proposal; on a one-sentence excerpt the
// absence of an element says nothing, so `topic.minWords` keeps such rules quiet on short inputs.
const rule = ruleFile(
	'prevention/test-min-words',
	'kind: missing\nscope: document\nseverity: information\ntopic:\n  text:\n    - ["police"]\n  minWords: 30\nrequires:\n  - ["prevention"]',
);

function ids(text: string): string[] {
	const set = ruleSetFrom([rule]);
	expect(set.errors).toEqual([]);
	return new Reviewer(set).review({ text, format: 'markdown' }).findings.map((f) => f.ruleId);
}

describe('missing rules with topic.minWords', () => {
	it('stay silent on a text shorter than minWords', () => {
		expect(ids('The police will investigate trafficking cases.')).toEqual([]);
	});

	it('report a long enough text that lacks the required element', () => {
		const long = `# Plan\n\n${'The police will investigate trafficking cases in every county of the state. '.repeat(4)}`;
		expect(ids(long)).toEqual(['prevention/test-min-words']);
	});

	it('count words in every block, headings included', () => {
		const split = `# Plan\n\n${Array.from({ length: 8 }, (_, i) => `Paragraph ${i}: the police act.`).join('\n\n')}`;
		expect(ids(split)).toEqual(['prevention/test-min-words']);
		expect(ids(`${split}\n\nPrevention comes first.`)).toEqual([]);
	});
});
