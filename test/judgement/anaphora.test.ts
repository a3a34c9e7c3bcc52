import { describe, expect, it } from 'vitest';
import { builtinReviewer } from '../helpers/rules';

/**
 * Pronouns: news, programme pages and court orders name the people once and then say what was done to them.
 * A reviewer reads "they" as the people named before it; so does a frame's person role, within a paragraph.
 */
const reviewer = builtinReviewer();
const findings = (text: string, category: string) =>
	reviewer.review({ text, format: 'markdown' }).findings.filter((f) => f.scope === 'span' && f.category === category);

describe('a pronoun stands for the people named before it', () => {
	it('in the sentence before: the people found are the ones held, and the finding is on the pronoun’s clause', () => {
		const text = 'Eleven women were found working in the two clubs. They were held in police custody for two weeks.\n';
		const [finding, ...more] = findings(text, 'detention-punishment');
		expect(more).toEqual([]);
		expect(text.slice(finding!.offsets.start, finding!.offsets.end)).toMatch(/^They were held/);
	});

	it('a pronoun opening a sentence continues the previous subject: after the owners were found, "they" are the owners', () => {
		expect(findings('The two club owners were found with eleven women working for them. They were held in police custody for two weeks.\n', 'detention-punishment')).toEqual([]);
	});

	it('inside one sentence the nearest person named before the pronoun is its antecedent', () => {
		expect(findings('The agency recovered the migrant workers from the farm, and they were placed in immigration detention pending removal.\n', 'detention-punishment')).toHaveLength(1);
		expect(findings('The agency recovered the migrant workers from the farm owned by the employers, and they were placed in immigration detention pending removal.\n', 'detention-punishment')).toEqual([]);
	});

	it('a sentence that names no one else: its people are whom "they" continues, though not its subject', () => {
		const found = 'Warrants were executed on a farm where 27 workers were located.';
		expect(findings(`${found} They now face removal from the country.\n`, 'detention-punishment')).toHaveLength(1);
		// The police, named there, may be whom "they" means: left alone.
		expect(findings('Police located 27 workers at the farm. They now face removal from the country.\n', 'detention-punishment')).toEqual([]);
		// "She" does not stand for 27 workers.
		expect(findings(`${found} She now faces removal from the country.\n`, 'detention-punishment')).toEqual([]);
	});

	it('does not reach across paragraphs: a new paragraph names its own people', () => {
		expect(findings('Eleven women were found working in the two clubs.\n\nThey were held in police custody for two weeks.\n', 'detention-punishment')).toEqual([]);
	});

	it('a placement ordered for people named before is flagged for consent; an offer they may refuse is not', () => {
		const found = 'Two adult women were found at the lodge during the inspection.';
		expect(findings(`${found} The magistrate ordered that they be placed in a shelter home until further orders.\n`, 'consent')).toHaveLength(1);
		expect(findings(`${found} The magistrate ordered that they be offered a place in a shelter home, which they may accept or refuse.\n`, 'consent')).toEqual([]);
	});

	it('"her" before a noun is a possessive, not the person the act is done to', () => {
		expect(findings('The victim reported the case, and officers will photograph her documents.\n', 'consent')).toEqual([]);
		expect(findings('The victim reported the case, and officers will photograph her.\n', 'consent')).toHaveLength(1);
	});
});

describe('an imagined case is not a provision', () => {
	it('a past-tense condition ("if they were removed") is counterfactual: no detention finding', () => {
		expect(findings('Victims who can show that they would suffer extreme hardship if they were removed from the country are eligible.\n', 'detention-punishment')).toEqual([]);
	});

	it('a present-tense condition still describes what happens', () => {
		expect(findings('If victims are found without papers, they shall be detained until removal.\n', 'detention-punishment')).toHaveLength(1);
	});
});
