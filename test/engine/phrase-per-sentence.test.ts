import { describe, expect, it } from 'vitest';
import { Reviewer } from '../../server/src/engine';
import { ruleFile, ruleSetFrom } from '../helpers/rules';

// A phrase rule reports a sentence once, at its first match that no negation cancels: two matches of the
// same rule in one sentence are one problem for the reader.
const reviewer = new Reviewer(ruleSetFrom([ruleFile('raids/test-phrase', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["raid", "sweep"]')]));
const found = (text: string) => reviewer.review({ text, format: 'plaintext' }).findings.map((f) => f.matchedText);

describe('phrase kind: one finding per sentence', () => {
	it('reports the first match of a sentence once', () => {
		expect(found('The unit will conduct a raid and then a sweep of the area.')).toEqual(['raid']);
	});

	it('reports each sentence that matches', () => {
		expect(found('The unit will conduct a raid. A sweep follows.')).toEqual(['raid', 'sweep']);
	});

	it('falls through to a later match when the first one is negated', () => {
		expect(found('There shall not be a raid; instead the police will sweep the area.')).toEqual(['sweep']);
	});
});
