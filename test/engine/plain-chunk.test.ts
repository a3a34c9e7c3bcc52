import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownEvents } from '../../server/src/engine/document/markdown';
import { markdownChunks } from '../../server/src/engine/document/chunks';
import { plainChunkTree } from '../../server/src/engine/document/plainChunk';
import { generatePolicy, loadCorpus } from '../bench/generate';

const corpus = loadCorpus(path.resolve(__dirname, '..', '..'));

/** Line openings, words and line ends that are plain, nearly plain, or Markdown syntax, so the shortcut's limits are crossed often. */
const ITEMS = ['- ', '+ ', '1. ', '2) ', '10. ', '  - ', '   - ', '   + ', '    - ', '     - ', '   1. ', '-  ', '-'];
const OPENINGS = ['# ', '## ', '###### ', '####### ', '#', '1. ', '1) ', '2005 ', '2005. ', '12a ', '(a) ', '- ', '+ ', '* ', '= ', '===', '---', '> ', '    ', ' ', '"', '“', '§ ', 'é'];
const PLAIN_WORDS = ['Victims', 'shall', 'not', 'be', 'detained', 'section', '7.', 'U.S.C.', '(b)', '—', '#', '#1', 'a', '%', '$5', 'Dr.', 'naïve', 'Sec.', '1.', 'A:', '+', '=', '-'];
const SYNTAX_WORDS = ['www.example.org', 'a@b.org', 'http://x', '*', '_', '`', '&amp;', '\\', '[', ']', '|', '~', '<b>', '!', '\t', ' '];
const CLOSINGS = [' ', '  ', '#', ' #'];

const pick = <T>(common: T[], rare: T[]): fc.Arbitrary<T> => fc.oneof({ arbitrary: fc.constantFrom(...common), weight: 10 }, { arbitrary: fc.constantFrom(...rare), weight: 1 });
const line = fc
	.tuple(fc.oneof({ arbitrary: pick([''], OPENINGS), weight: 2 }, { arbitrary: fc.constantFrom(...ITEMS), weight: 1 }), fc.array(pick(PLAIN_WORDS, SYNTAX_WORDS), { minLength: 0, maxLength: 8 }), pick([''], CLOSINGS))
	.map(([open, words, close]) => `${open}${words.join(' ')}${close}`);
const chunkText = fc.tuple(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '\n', '\n\n', '\n\n\n')).map(([lines, end]) => `${lines.join('\n')}${end}`);

describe('plain chunks (headings, paragraphs and simple lists read without the parser)', () => {
	it('give exactly the events of remark-parse wherever the shortcut applies', () => {
		let shortcuts = 0;
		fc.assert(
			fc.property(chunkText, fc.boolean(), (text, first) => {
				if (!plainChunkTree(text)) return;
				shortcuts++;
				expect(markdownEvents(text, first, true), JSON.stringify(text)).toEqual(markdownEvents(text, first, false));
			}),
			{ numRuns: 3000, seed: 20261129 },
		);
		// The generator must reach the shortcut often, or this test would prove nothing.
		expect(shortcuts).toBeGreaterThan(150);
	});

	it('apply to most headings, paragraphs and lists of generated policies, with the parser’s events', () => {
		let plain = 0;
		let chunks = 0;
		for (let seed = 1; seed <= 5; seed++) {
			const text = generatePolicy(20_000, corpus, { seed });
			for (const c of markdownChunks(text)) {
				const chunk = text.slice(c.start, c.end);
				chunks++;
				if (!plainChunkTree(chunk)) continue;
				plain++;
				expect(markdownEvents(chunk, c.start === 0, true)).toEqual(markdownEvents(chunk, c.start === 0, false));
			}
		}
		expect(plain / chunks).toBeGreaterThan(0.3);
	});

	it('leave Markdown syntax to the parser', () => {
		for (const text of ['Title\n===\n', 'A *word*\n', 'A `code` span\n', 'See www.example.org\n', '> quote\n', '## Heading #\n', 'Line  \nbreak\n', '    code\n', '- a\n+ b\n', '- a\ncontinued\n', 'Text\n- item\n', '---\ntitle: x\n---\n', 'Text\n\n    indented\n']) {
			expect(plainChunkTree(text), text).toBeUndefined();
		}
		expect(plainChunkTree('## SEC. 1. Services\n\n')).toBeDefined();
		expect(plainChunkTree('(a) Victims shall not be detained.\nThe Office shall report.\n')).toBeDefined();
		expect(plainChunkTree('1. The Office shall report.\n   - Each year.\n2. Victims shall not be detained.\n')).toBeDefined();
	});
});
