import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CATEGORIES } from '../../server/src/engine';
import { builtinReviewer } from '../helpers/rules';

/**
 * Minimal pairs: the same provision twice, once harmful and once with the protective wording that makes it
 * rights-respecting (negation by a predicate, a subject, an adverbial or a savings clause; independence;
 * consent; last resort; scope; stance), and traps where the protective-looking word does not protect ("if
 * the victim does NOT cooperate, services will end"). A pair holds when the flag side gets a span finding of
 * the pair's category and the pass side gets none.
 *
 * The pairs the engine does not yet get right are listed, with which side fails, in known-failures.yaml: a
 * pair on that list that starts to hold fails this test too, so the list only ever shrinks with the code.
 */
interface Pair {
	id: string;
	category: string;
	flag: string;
	pass: string;
	mechanism: string;
	note: string;
}

const dir = __dirname;
const pairs = parse(fs.readFileSync(path.join(dir, 'minimal-pairs.yaml'), 'utf8')) as Pair[];
const known = new Map(Object.entries((parse(fs.readFileSync(path.join(dir, 'known-failures.yaml'), 'utf8')) as Record<string, string>) ?? {}));
const reviewer = builtinReviewer();
const categoriesOf = (text: string): Set<string> => new Set(reviewer.review({ text, format: 'plaintext' }).findings.filter((f) => f.scope === 'span').map((f) => f.category));

/** What goes wrong with a pair: 'miss' (flag side not flagged), 'false-alarm' (pass side flagged), 'both', or undefined. */
function failure(pair: Pair): string | undefined {
	const missed = !categoriesOf(pair.flag).has(pair.category);
	const alarmed = categoriesOf(pair.pass).has(pair.category);
	return missed && alarmed ? 'both' : missed ? 'miss' : alarmed ? 'false-alarm' : undefined;
}

describe('minimal pairs', () => {
	it('cover every category with at least 15 pairs, 150 in all, with unique ids', () => {
		expect(pairs.length).toBeGreaterThanOrEqual(150);
		expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
		for (const c of CATEGORIES) expect(pairs.filter((p) => p.category === c).length, c).toBeGreaterThanOrEqual(15);
		for (const id of known.keys()) expect(pairs.some((p) => p.id === id), `known-failures.yaml names ${id}`).toBe(true);
	});

	it.each(pairs.map((p) => [p.id, p] as const))('%s', (id, pair) => {
		const got = failure(pair);
		const expected = known.get(id);
		const sides = `\n  flag: ${pair.flag}\n  pass: ${pair.pass}`;
		if (expected === undefined) expect(got, `${id} (${pair.category}, ${pair.mechanism}) should hold${sides}`).toBeUndefined();
		else expect(got, `${id} is listed as a known ${expected} in known-failures.yaml; remove or update it${sides}`).toBe(expected);
	});
});
