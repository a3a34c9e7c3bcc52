import { describe, expect, it } from 'vitest';
import { tagSentence } from '../../server/src/engine/reading/tokens';
import { ruleIdsIn } from '../helpers/rules';

// Every token's offsets are where its text is: the tagger drops some separators (U+2028, U+2029) from the
// spaces it reports before a token, and offsets counted from those spaces drifted, one character per
// separator, until a finding's quick fix ended inside a surrogate pair (found by the property tests).
describe('token offsets', () => {
	it.each([
		['a line separator', 'Services depend on testimony \u2028 for victims.'],
		['a paragraph separator and an astral character', 'Victims who testify\u2029 receive shelter \u{10000}.'],
		['both, twice', 'upon certification by the department.testify \u2028\u{10000} and \u2029 more'],
	])('match the text after %s', (_what, text) => {
		for (const t of tagSentence(text)) expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.lower);
	});

	it('keep findings after a separator on the words they quote', () => {
		expect(ruleIdsIn('Shelter \u2028 is available only to victims who testify against their traffickers.')).toContain('conditional-services/cooperation-required');
	});
});
