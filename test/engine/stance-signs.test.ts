import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signCounts } from '../../server/src/engine/reading/stance';
import { generatePolicy, loadCorpus } from '../bench/generate';

const root = path.resolve(__dirname, '..', '..');

/** Words of the signs in other cases, case traps (K, ſ, İ) and separators. */
const PIECES = ['shall', 'SHALL', 'Must', 'this Act', 'THIS SECTION', 'the Secretary shall', 'Applicants must', 'We will', 'our team provides', '§', 'Sec. 4', '(a)', '\n', '\n## ', ' ', '  ', ', ', '.', 'according to', 'ACCORDING TO', 'researchers found', 'Critics argued', 'criticised', 'CRITICIZED', 'condemned', 'ineffective', 'human rights violations', 'more harm than good', 'undermines', 'we interviewed', 'respondents', 'Smith et al.', '(Smith, 2019)', '(2021)', '45%', '12 per cent', ', said Jones', ', said jones', '\u212Aansas', 'ſhall', 'muſt', 'İ', 'reportedly', 'ALLEGEDLY', 'the report found'];

describe('document stance signs', () => {
	it('counts the same signs on folded text as the case-insensitive patterns on the text', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
				const text = pieces.join(' ');
				expect(signCounts(text), JSON.stringify(text)).toEqual(signCounts(text, false));
			}),
			{ numRuns: 1500 },
		);
	});

	it('counts the same on the examples and on generated policies', () => {
		const texts = [fs.readFileSync(path.join(root, 'examples', 'draft-state-bill.md'), 'utf8')];
		const corpus = loadCorpus(root);
		for (let seed = 1; seed <= 5; seed++) texts.push(generatePolicy(6_000, corpus, { seed }));
		let signs = 0;
		for (const text of texts) {
			const counts = signCounts(text);
			expect(counts).toEqual(signCounts(text, false));
			signs += counts.prescriptive + counts.descriptive;
		}
		expect(signs).toBeGreaterThan(20);
	});
});
