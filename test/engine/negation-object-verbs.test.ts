import { describe, expect, it } from 'vitest';
import { isNegated } from '../../server/src/engine/negation';
import { ruleIdsIn } from '../helpers/rules';

// Verbs such as "prohibits", "bans", "ends", "repeals" and "opposes" negate their object and nothing else.
// Used as nouns ("outright bans on …"), without an object ("ends once the case is over"), or followed by a
// new predicate, they must not silence a finding further on.
function negatedAt(sentence: string, anchor: string): boolean {
	const start = sentence.indexOf(anchor);
	return isNegated(sentence, 0, { start, end: start + anchor.length });
}

describe('negating verbs govern their object', () => {
	it.each([
		['The Act prohibits the detention of trafficked persons in immigration facilities.', 'detention'],
		['This bill repeals the requirement that victims cooperate with law enforcement.', 'cooperate'],
		['The coalition opposes raids on massage parlours.', 'raids'],
		['States should avoid detaining presumed victims.', 'detaining'],
		['Legislation to end the arrest of trafficked persons for prostitution offences.', 'arrest'],
		['The statute bans the practice that requires victims to testify before receiving shelter.', 'testify'],
		['The regulation forbids employers from confiscating passports.', 'confiscating'],
	])('negated: %s', (sentence, anchor) => {
		expect(negatedAt(sentence, anchor)).toBe(true);
	});

	it.each([
		['Widespread legal reform through outright bans on the purchasing of sex has decreased sex slavery and trafficking significantly.', 'sex slavery'],
		['Continued presence usually ends once the criminal case is over.', 'criminal case'],
		['A ban on the purchase of sex is the anti-trafficking strategy of the state.', 'anti-trafficking'],
		['The unit avoids publicity and will conduct raids on massage parlours.', 'raids'],
		['The programme ends with the detention of all persons found on the premises.', 'detention'],
		['The task force, which opposes legalisation, will conduct raids on brothels.', 'raids'],
		['The bill prohibits solicitation, and officers shall arrest every person found in a brothel.', 'arrest'],
	])('not negated: %s', (sentence, anchor) => {
		expect(negatedAt(sentence, anchor)).toBe(false);
	});
});

describe('negating verbs through the rules users see', () => {
	it('flags a sex-slavery claim after a noun "bans"', () => {
		expect(ruleIdsIn('Widespread legal reform through outright bans on the purchasing of sex has decreased sex slavery and trafficking significantly by introducing laws to criminalise prostitution.')).toContain('conflation/commercial-sex-equated-with-trafficking');
	});

	it('stays silent when the verb governs the practice, flags it when a new predicate follows', () => {
		expect(ruleIdsIn('The coalition opposes raids on massage parlours as an anti-trafficking measure.')).not.toContain('raids/vice-raids');
		expect(ruleIdsIn('The unit avoids publicity and will conduct raids on massage parlours.')).toContain('raids/vice-raids');
		expect(ruleIdsIn('A ban on street solicitation ends and the unit will conduct raids on massage parlours.')).toContain('raids/vice-raids');
	});
});
