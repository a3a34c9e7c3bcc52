import { describe, expect, it } from 'vitest';
import { ruleIdsIn } from '../helpers/rules';

// "Does not prevent X" and "nothing shall preclude X" leave X possible: the negation of a verb of preventing is
// no protection against the act it governs.
const detention = 'detention-punishment/detention-of-victims';

describe('a negated verb of preventing', () => {
	it.each([
		'Subsection (1) does not prevent the removal of a trafficked person under the Immigration Ordinance.',
		'Nothing in this Act shall prevent the detention of a victim of trafficking under the Immigration Act.',
		'Nothing in this Act shall be construed to prevent the deportation of victims.',
		'This section does not prohibit the detention of victims who refuse to testify.',
	])('leaves the act standing: %s', (text) => {
		expect(ruleIdsIn(text)).toContain(detention);
	});

	it.each([
		'Victims shall not be detained.',
		'No victim shall be detained or deported.',
		'This section does not authorise the detention of victims.',
		'Nothing in this Act shall authorise the detention of victims.',
		'The detention of victims is prohibited.',
	])('while a plain negation still protects: %s', (text) => {
		expect(ruleIdsIn(text)).not.toContain(detention);
	});
});
