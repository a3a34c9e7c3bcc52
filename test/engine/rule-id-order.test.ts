import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRuleIds } from '../../server/src/engine/review/findings';
import { builtinReviewer } from '../helpers/rules';

const root = new Intl.Collator('und');
const sign = (n: number) => Math.sign(n);

describe('findings at the same place are ordered by rule id', () => {
	it('as the root collation orders plain ids (letters, digits, hyphens, slashes), without a collator', () => {
		const plain = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-/'), maxLength: 12 });
		// Ids that share a beginning are the interesting pairs: a prefix, '-' against '/', a digit against a letter.
		const pair = fc.oneof(fc.tuple(plain, plain), fc.tuple(plain, plain, plain).map(([p, a, b]) => [p + a, p + b] as [string, string]));
		fc.assert(fc.property(pair, ([a, b]) => sign(compareRuleIds(a, b)) === sign(root.compare(a, b))), { numRuns: 20_000 });
	});

	it('orders every pair of built-in rule ids as the root collation does', () => {
		const ids = builtinReviewer().ruleSet.rules.map((r) => r.id);
		expect(ids.length).toBeGreaterThan(50);
		expect([...ids].sort(compareRuleIds)).toEqual([...ids].sort((a, b) => root.compare(a, b)));
	});

	it('compares other ids with localeCompare', () => {
		for (const [a, b] of [['Pack/B', 'pack/a'], ['pack/é', 'pack/f'], ['pack/a_b', 'pack/a-b'], ['Z/x', 'a/x']]) expect(sign(compareRuleIds(a!, b!))).toBe(sign(a!.localeCompare(b!)));
	});
});
