import { describe, expect, it } from 'vitest';
import { QUOTED_MATCH } from '../../server/src/engine/review/findings';
import { builtinRules } from '../helpers/rules';

describe('rule messages', () => {
	it('say the summary first and quote the words found last, as one Problems entry reads', () => {
		const quoting = builtinRules().rules.filter((r) => r.spec.message.includes('{match}'));
		expect(quoting.length).toBeGreaterThan(40);
		for (const rule of quoting) {
			expect(rule.spec.message.endsWith(QUOTED_MATCH), `${rule.id}: ${rule.spec.message}`).toBe(true);
			expect(rule.spec.message.indexOf('{match}'), rule.id).toBe(rule.spec.message.length - '{match}”'.length);
		}
	});
});
