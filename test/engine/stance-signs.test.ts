import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { sentenceStance, signCounts } from '../../server/src/engine/reading/stance';
import { isQuotedOrReported } from '../../server/src/engine/negation';
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

/** Pieces of sentences that judge, attribute, scare-quote, or only look as if they might; case traps among them. */
const SENTENCE_PIECES = [...PIECES, 'Should be REPEALED', 'under the current law', 'which we Oppose', 'Presently requires', 'CONDEMN', 'Re-Traumatising', 'violates the Convention', 'VIOLATES THE CONSTITUTION', 'in the belief that', 'IN THE NAME OF “', 'the ‘rescue’', "'Rescued'", '“victims” means', 'he said', 'They Explained', ', said Smith', ', SAID \u00c9lise', ', said élise', 'contrary to national', 'the government\'s own', 'urged the state to repeal', 'ſtudy', 'reſearchers found', 'deſpite their protest', '\u212Anowingly', 'İn the belief that', 'according', 'to', 'the', 'police', 'officers', 'detained', 'routinely'];

describe('sentence stance and reported text', () => {
	it('is the same on folded text as with the case-insensitive patterns on the text', () => {
		const seen = new Set<string>();
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...SENTENCE_PIECES), { maxLength: 12 }), (pieces) => {
				const sentence = pieces.join(' ');
				const stance = sentenceStance(sentence, false);
				seen.add(String(stance));
				expect(sentenceStance(sentence), JSON.stringify(sentence)).toBe(stance);
				const reported = isQuotedOrReported(sentence, 0, { start: 0, end: 0 }, false);
				seen.add(`reported text: ${reported}`);
				expect(isQuotedOrReported(sentence, 0, { start: 0, end: 0 }), JSON.stringify(sentence)).toBe(reported);
			}),
			{ numRuns: 3000 },
		);
		// Each answer was met, so each pattern's folded form was compared.
		expect([...seen].sort()).toEqual(['critique', 'reported', 'reported text: false', 'reported text: true', 'undefined']);
	});

	it('is the same on the sentences of the examples and of the development corpus', () => {
		const texts = [fs.readFileSync(path.join(root, 'examples', 'draft-state-bill.md'), 'utf8')];
		const dev = path.join(root, 'test', 'eval', 'corpus', 'dev');
		for (const file of fs.readdirSync(dev).filter((f) => f.endsWith('.yaml'))) {
			const doc = parseYaml(fs.readFileSync(path.join(dev, file), 'utf8')) as { excerpts?: Array<{ text?: string }> };
			for (const excerpt of doc.excerpts ?? []) if (excerpt.text) texts.push(excerpt.text);
		}
		const counts = new Map<string, number>();
		for (const text of texts)
			for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
				const stance = sentenceStance(sentence, false);
				counts.set(String(stance), (counts.get(String(stance)) ?? 0) + 1);
				expect(sentenceStance(sentence), JSON.stringify(sentence)).toBe(stance);
				const reported = isQuotedOrReported(sentence, 0, { start: 0, end: 0 }, false);
				if (reported) counts.set('reported text', (counts.get('reported text') ?? 0) + 1);
				expect(isQuotedOrReported(sentence, 0, { start: 0, end: 0 }), JSON.stringify(sentence)).toBe(reported);
			}
		expect(counts.get('critique')).toBeGreaterThan(50);
		expect(counts.get('reported')).toBeGreaterThan(50);
		expect(counts.get('reported text')).toBeGreaterThan(10);
	});
});
