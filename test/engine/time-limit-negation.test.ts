import { describe, expect, it } from 'vitest';
import { builtinReviewer, ruleIdsIn } from '../helpers/rules';

// A benefit withheld up to a time limit ("not … until", "not … before") is given only once the limit is met:
// the negation does not protect, it states the condition. Exercised through the rules a user sees.
const cooperation = 'conditional-services/cooperation-required';
const counsel = 'rights-process/counsel-after-identification';
const release = 'detention-punishment/release-conditioned';

describe('negation before a time limit', () => {
	it.each([
		['Services will not be provided until the victim agrees to cooperate with law enforcement.', cooperation],
		['Shelter will not be offered before the victim agrees to cooperate with the investigation.', cooperation],
		['Legal aid will not be available until a positive reasonable grounds decision has been made.', counsel],
		['We do not grant a trip home before a girl has been with us for one full year.', release],
	])('flags a benefit withheld until the condition: %s', (text, rule) => {
		expect(ruleIdsIn(text)).toContain(rule);
	});

	it.each([
		['Legal advice is available before any referral or decision.', counsel],
		['Residents may leave the shelter at any time and go home whenever they wish.', release],
		['Services shall be provided before any decision on cooperation with law enforcement is made.', cooperation],
	])('does not flag a benefit given before the limit: %s', (text, rule) => {
		expect(ruleIdsIn(text)).not.toContain(rule);
	});

	it('reads the typographic apostrophe as the plain one: "don’t", "won’t"', () => {
		const detention = 'detention-punishment/detention-of-victims';
		expect(ruleIdsIn('Victims won’t be detained or deported.')).not.toContain(detention);
		expect(ruleIdsIn("Victims won't be detained or deported.")).not.toContain(detention);
		expect(ruleIdsIn('Victims will be detained and deported.')).toContain(detention);
		expect(ruleIdsIn('We don’t grant a trip home before a girl has been with us for one full year.')).toContain(release);
	});

	it('keeps a negation after "so she" inside its own clause: "… sting operations, funding her education so she doesn’t have to work in a bar"', () => {
		const raid = 'raids/raid-as-identification';
		expect(ruleIdsIn('Each case requires a customised approach by performing sting operations, funding a girl’s education so she doesn’t have to work in a bar.')).toContain(raid);
		expect(ruleIdsIn('Each case requires a customised approach, never sting operations, funding a girl’s education so she can stay in school.')).not.toContain(raid);
	});

	it('offers no replacement of the condition that would leave the negation withholding the act', () => {
		const review = (text: string) => builtinReviewer().review({ text, format: 'plaintext' }).findings;
		const withheld = review('Services will not be provided until the victim agrees to cooperate with law enforcement.').find((f) => f.ruleId === cooperation);
		expect(withheld).toBeDefined();
		expect(withheld!.suggestions.filter((s) => s.kind === 'replace')).toEqual([]);
		// A plain condition is still replaced, and the replacement removes the finding.
		const text = 'Residents may return home only after the police have completed their investigation.';
		const held = review(text).find((f) => f.ruleId === release);
		const fix = held!.suggestions.find((s) => s.kind === 'replace')!;
		const fixed = text.slice(0, fix.offsets.start) + fix.text + text.slice(fix.offsets.end);
		expect(fixed).toBe('Residents may return home whenever they choose.');
		expect(review(fixed).map((f) => f.ruleId)).not.toContain(release);
	});
});
