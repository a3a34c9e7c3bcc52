import { describe, expect, it } from 'vitest';
import { isNegated } from '../../server/src/engine/negation';

// "that" opens a relative clause ("victims that do not cooperate") or a complement clause ("ensure that
// victims shall not be detained"); only the relative clause's negation describes the person instead of
// the provision.
function negatedAt(sentence: string, anchor: string): boolean {
	const start = sentence.indexOf(anchor);
	return isNegated(sentence, 0, { start, end: start + anchor.length });
}

describe('negation after "that" and "which"', () => {
	it('counts a negation in a complement clause', () => {
		expect(negatedAt('The Rapporteur has stated that trafficked persons should not be detained.', 'detained')).toBe(true);
		expect(negatedAt('Each State shall ensure that victims shall not be prosecuted.', 'prosecuted')).toBe(true);
	});

	it('ignores a negation that opens a relative clause', () => {
		expect(negatedAt('Victims that do not cooperate shall be detained.', 'detained')).toBe(false);
		expect(negatedAt('Victims who do not testify shall be detained.', 'detained')).toBe(false);
		expect(negatedAt('Persons whose applications are not approved shall be removed.', 'removed')).toBe(false);
	});
});
