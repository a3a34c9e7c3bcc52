/**
 * Pronouns that stand for the people a frame is about (reading/anaphora.ts). A person named with a universal
 * quantifier ("every person", "any victim") is no antecedent for a pronoun in a later sentence: quantified
 * phrases bind pronouns only inside their own sentence.
 */
import { describe, expect, it } from 'vitest';
import { pronounsFor } from '../../server/src/engine/reading/anaphora';

/** Spans of `names` in `text`, and the pronouns of the second sentence (from `from`) that stand for them. */
function resolved(text: string, from: number, names: string[]): string[] {
	const people = names.map((n) => {
		const start = text.indexOf(n);
		return { start, end: start + n.length };
	});
	return pronounsFor(text, from, people).map((s) => text.slice(s.start, s.end));
}

describe('pronouns for the people of a frame', () => {
	it('go back to the people the sentence before names', () => {
		const text = 'Eight women were found in the club. They were placed in a shelter.';
		expect(resolved(text, text.indexOf('They'), ['Eight women'])).toEqual(['They']);
	});

	it('do not go back to a person named with every, each, any or no in the sentence before', () => {
		for (const q of ['Every person', 'Each person', 'No person']) {
			const text = `${q} shall be free to contact their family. Her case will be dropped once she completes the program.`;
			expect(resolved(text, text.indexOf('Her case'), [q]), q).toEqual([]);
		}
		const text = 'Any victim may leave the shelter. She will be placed under supervision.';
		expect(resolved(text, text.indexOf('She'), ['victim'])).toEqual([]);
	});

	it('go back, after a pronoun that stands for the people, to whom it stands for, though others are named between', () => {
		// Found by the quick-fix property (test/robustness/properties.test.ts, seed -449620848): "she" went back to
		// the traffickers, so the diversion programme imposed on her was flagged only once a fix named "the person".
		const text = 'Victims who assist in the prosecution of traffickers will receive housing assistance. Her case will be dropped once she completes the diversion program.';
		expect(resolved(text, text.indexOf('Her case'), ['Victims'])).toEqual(['Her', 'she']);
		// A pronoun after others named later than it is still theirs.
		const later = 'Victims will receive housing assistance. Her case will be dropped once the trafficker she names is convicted.';
		expect(resolved(later, later.indexOf('Her case'), ['Victims'])).toEqual(['Her']);
	});

	it('go back to the sentence before only for the people it names as its subject, before its verb', () => {
		// Found by the quick-fix property (seed -2102290019, with ten times the runs): the inserted "At least half
		// of the funds shall be awarded to … organisations led by survivors." gave "Her case …" an antecedent.
		const text = 'At least half of the funds shall be awarded to organisations led by survivors. Her case will be dropped once she completes the diversion program.';
		expect(resolved(text, text.indexOf('Her case'), ['survivors'])).toEqual([]);
		const subject = 'Survivors will receive half of the funds. Her case will be dropped once she completes the diversion program.';
		expect(resolved(subject, subject.indexOf('Her case'), ['Survivors'])).toEqual(['Her', 'she']);
	});
});
