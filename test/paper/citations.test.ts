import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREAS } from '../../server/src/engine/report';
import { buildIndex, citationsOf, findPassage, indexDifferences, normalise, paragraphHash, type CitationIndex } from '../../scripts/paper/citations';
import { ROOT } from '../helpers/cli';
import { builtinRules } from '../helpers/rules';

// The citation index (paper/citations.json) stands in for the paper, which may not be redistributed. The rule
// catalogue and area tests check quotes against it; here: what the index may hold, and how the script that
// writes it from a local copy (scripts/paper/index.mjs) treats that copy, on a made-up paper.
const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'paper', 'citations.json'), 'utf8')) as CitationIndex;

const PAPER = [
	'Jane Doe',
	'Raids should be used only as a last resort. They harm the “very people” they are meant to help.',
	'Services should be unconditional.',
];
const quote = (paragraph: number, text: string, by = 'rule test/x') => ({ paragraph, quote: text, by });

describe('paper/citations.json', () => {
	const { quotes, mentions } = citationsOf(builtinRules().rules, AREAS);

	it('holds exactly the paragraphs the rules and areas cite, each with a hash of the paragraph', () => {
		const cited = new Set([...quotes, ...mentions].map((c) => String(c.paragraph)));
		expect(Object.keys(index.cited).sort()).toEqual([...cited].sort());
		for (const entry of Object.values(index.cited)) expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
	});

	it('holds no more of the paper than is quoted: every passage is a quote of its paragraph, none inside another', () => {
		for (const [paragraph, entry] of Object.entries(index.cited)) {
			for (const passage of entry.passages) {
				const quoted = quotes.filter((q) => String(q.paragraph) === paragraph).map((q) => normalise(q.quote).trim());
				expect(quoted, `¶${paragraph}: ${passage}`).toContain(normalise(passage).trim());
				expect(entry.passages.filter((other) => other !== passage && other.includes(passage)), passage).toEqual([]);
			}
		}
	});
});

describe('writing the index from a copy of the paper', () => {
	it('keeps the paper’s own wording of each quote, and a hash of the whole paragraph', () => {
		const built = buildIndex(PAPER, { quotes: [quote(2, 'raids should be used only as a last resort'), quote(2, 'harm the "very people"')], mentions: [{ paragraph: 3, by: 'rule test/x (documentation)' }] });
		expect(built).toEqual({
			version: 1,
			paragraphs: 3,
			cited: {
				2: { sha256: paragraphHash(PAPER[1]!), passages: ['Raids should be used only as a last resort', 'harm the “very people”'] },
				3: { sha256: paragraphHash(PAPER[2]!), passages: [] },
			},
		});
	});

	it('refuses a misquote, a wrong paragraph and a paragraph the paper does not have, naming each', () => {
		const attempt = () =>
			buildIndex(PAPER, { quotes: [quote(2, 'raids should be used only as a first resort'), quote(3, 'raids should be used only as a last resort'), quote(4, 'anything')], mentions: [{ paragraph: 9, by: 'rule test/y (documentation)' }] });
		expect(attempt).toThrow(/¶2 does not contain "raids should be used only as a first resort"/);
		expect(attempt).toThrow(/¶3 does not contain "raids should be used only as a last resort"/);
		expect(attempt).toThrow(/rule test\/x: ¶4 is not in the paper \(3 paragraphs\)/);
		expect(attempt).toThrow(/rule test\/y \(documentation\): ¶9 is not in the paper/);
	});

	it('matches quotes across case, quotation marks, line breaks and spacing, but not other words', () => {
		expect(findPassage(PAPER[1]!, 'they harm the "very  people"')).toBe('They harm the “very people”');
		expect(findPassage('a trafficked\n   person’s family', "trafficked person's family")).toBe('trafficked\n   person’s family');
		expect(findPassage(PAPER[1]!, 'They harm the very people')).toBeUndefined();
		expect(findPassage(PAPER[1]!, '…')).toBeUndefined();
	});

	it('tells a copy whose paragraphs differ from the indexed one (every ¶N could be off) from new quotes', () => {
		const citations = { quotes: [quote(2, 'raids should be used only as a last resort')], mentions: [] };
		const committed = buildIndex(PAPER, citations);
		expect(indexDifferences(committed, buildIndex(PAPER, citations))).toEqual({ moved: [], changed: false });
		expect(indexDifferences(committed, buildIndex(PAPER, { ...citations, quotes: [...citations.quotes, quote(3, 'unconditional')] }))).toEqual({ moved: [], changed: true });
		const edited = [PAPER[0]!, PAPER[1]!.replace('They harm', 'They hurt'), PAPER[2]!];
		expect(indexDifferences(committed, buildIndex(edited, citations)).moved).toEqual([expect.stringMatching(/^¶2 is not the paragraph the index was made from/)]);
		expect(indexDifferences(committed, buildIndex(['Foreword', ...PAPER], { quotes: [quote(3, 'raids should be used only as a last resort')], mentions: [] })).moved).toEqual([
			'the copy has 4 paragraphs, the index 3',
		]);
	});
});
