import { describe, expect, it } from 'vitest';
import { ruleIdsIn } from '../helpers/rules';

// The shared negation mechanism, exercised through a real rule so that what is tested is what users see.
const cooperation = 'conditional-services/cooperation-required';

describe('negation and modality', () => {
	it.each([
		'Assistance shall not be made conditional on the victim\'s willingness to cooperate with law enforcement.',
		'Services shall not be conditioned on cooperation with law enforcement.',
		'Services are available regardless of immigration status or cooperation with any investigation.',
		'Benefits are provided irrespective of cooperation with the prosecution.',
		'Shelter is provided whether or not the person cooperates with law enforcement.',
		'Housing is offered without requiring cooperation with the investigation.',
		'No agency shall require a victim to testify as a condition of receiving services.',
		'A service provider may not require cooperation with law enforcement before providing shelter.',
		'The department is prohibited from conditioning benefits on cooperation with prosecutors.',
	])('cancels the finding in: %s', (text) => {
		expect(ruleIdsIn(text)).not.toContain(cooperation);
	});

	it.each([
		'Victims who agree to testify shall be eligible for shelter.',
		'Housing assistance is conditional on the victim\'s cooperation with the investigation.',
		'Victims who do not cooperate with the prosecution shall not be eligible for benefits; services require cooperation with law enforcement.',
	])('keeps the finding in: %s', (text) => {
		expect(ruleIdsIn(text)).toContain(cooperation);
	});

	it('reads "not just" and "not only" as adding, not negating: "We raided not just one brothel, but two"', () => {
		expect(ruleIdsIn('We raided not just one brothel, but two, and removed the women found there.')).toContain('raids/vice-raids');
		expect(ruleIdsIn('We did not raid the brothel; outreach workers visited it with health services.')).not.toContain('raids/vice-raids');
	});

	it('lets a negated second predicate leave the first standing: "deported and barred from re-entering", "arrested and not allowed to call"', () => {
		const detention = 'detention-punishment/detention-of-victims';
		expect(ruleIdsIn('The women have been deported and barred from re-entering the country.')).toContain(detention);
		expect(ruleIdsIn('The women were arrested and not allowed to call anyone.')).toContain(detention);
		expect(ruleIdsIn('Victims shall be screened and not detained.')).not.toContain(detention);
		expect(ruleIdsIn('Victims shall be identified and shall not be detained or deported.')).not.toContain(detention);
	});

	it('does not count a hedged safeguard: consent "wherever possible" or return "preferably voluntary" leaves the act free to go ahead', () => {
		const repatriation = 'consent/repatriation-without-consent';
		expect(ruleIdsIn('Victims shall be returned to their country of origin, with their consent wherever possible.')).toContain(repatriation);
		expect(ruleIdsIn('Victims shall be returned to their country of origin only with their consent.')).not.toContain(repatriation);
		// "Possible" describing a noun is no hedge: "who encounter a POSSIBLE victim … if the person wishes to".
		expect(ruleIdsIn('Service providers who encounter a possible victim shall tell the person how to contact the police if the person wishes to.')).not.toContain('consent/reporting-duty');
	});

	it('reads "would" after a verb of saying as the future it reports, across a time phrase: "said after the investigations the girls would be repatriated"', () => {
		const repatriation = 'consent/repatriation-without-consent';
		expect(ruleIdsIn('Mrs. Quaye said after the investigations the girls would be repatriated.')).toContain(repatriation);
		expect(ruleIdsIn('If the girls were repatriated after the investigations, they would face reprisals.')).not.toContain(repatriation);
	});

	it('does not let a negation in another clause cancel the finding', () => {
		expect(ruleIdsIn('Victims shall not be charged; shelter is available only to those who testify.')).toContain(cooperation);
	});
});

describe('quoted and reported text', () => {
	it('keeps a finding in reported text but one severity milder, and says so', async () => {
		const { builtinReviewer } = await import('../helpers/rules');
		const reviewer = builtinReviewer();
		const plain = reviewer.review({ text: 'Victims who agree to testify shall be eligible for shelter.', format: 'markdown' }).findings[0]!;
		const reported = reviewer.review({ text: 'The 2005 Act provides that victims who agree to testify shall be eligible for shelter, which we recommend repealing.', format: 'markdown' }).findings[0]!;
		const quoted = reviewer.review({ text: '> Victims who agree to testify shall be eligible for shelter.', format: 'markdown' }).findings[0]!;
		expect(plain.severity).toBe('error');
		expect(reported.severity).toBe('warning');
		expect(reported.quoted).toBe(true);
		expect(reported.message).toMatch(/quoted or reported/);
		expect(quoted.severity).toBe('warning');
	});

	it('reads the view of people the sentence describes ("policymakers who argued that …") as reported, the same view stated as the text\'s own not', async () => {
		const { builtinReviewer } = await import('../helpers/rules');
		const reviewer = builtinReviewer();
		const rule = 'conflation/prostitution-as-a-form-of-exploitation';
		const own = reviewer.review({ text: 'Prostitution is a form of male violence against women.', format: 'markdown' }).findings.find((f) => f.ruleId === rule)!;
		const theirs = reviewer.review({ text: 'The Act was introduced by policymakers who argued that prostitution is a form of male violence against women.', format: 'markdown' }).findings.find((f) => f.ruleId === rule)!;
		expect(own.quoted).not.toBe(true);
		expect(theirs.quoted).toBe(true);
		expect(theirs.message).toMatch(/quoted or reported/);
	});
});
