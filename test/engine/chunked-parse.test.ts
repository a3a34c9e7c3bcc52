import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseMarkdownWhole } from '../../server/src/engine/document/markdown';
import { markdownChunks } from '../../server/src/engine/document/chunks';
import { generatePolicy, loadCorpus, prng } from '../bench/generate';

const corpus = loadCorpus(path.resolve(__dirname, '..', '..'));

/** Constructs that run across blank lines or change meaning at a chunk's start. */
const TRICKY = [
	'```\ncode\n\n# not a heading\n\n```\n',
	'~~~~\n```\n\nstill code\n~~~~\n',
	'<!--\nhidden\n\nstill hidden\n-->\n',
	'<pre>\n\nText inside pre\n\n</pre>\n',
	'- item one\n\n- item two\n\n  continued\n\nAfter the list.\n',
	'1. first\n\n2. second\n',
	'> quoted\n\n> another quote\n',
	'Title\n===\n',
	'---\n',
	'    indented code\n\n    more\n',
	'| a | b |\n|---|---|\n| Victims shall be detained | x |\n',
	'Text with a footnote[^1] and www.example.org and a@b.org and ~~struck~~.\n',
	'- [ ] task\n- [x] done\n',
	'  ```\n  indented fence\n\nunindented\n```\n',
	'<script>\n\nvar x;\n\n</script>\n',
	'<!-- accountable-disable-next-line -->\n',
];

function tricky(seed: number): string {
	const random = prng(seed);
	const parts: string[] = [];
	if (random() < 0.3) parts.push('---\ntitle: x\n\nstatus: draft\n---\n');
	const n = 5 + Math.floor(random() * 25);
	for (let i = 0; i < n; i++) {
		const r = random();
		if (r < 0.5) parts.push(TRICKY[Math.floor(random() * TRICKY.length)]!);
		else parts.push(`${corpus.sentences[Math.floor(random() * corpus.sentences.length)]}\n`);
		parts.push(random() < 0.8 ? '\n' : '');
	}
	return parts.join('');
}

describe('chunked Markdown parsing', () => {
	it('gives exactly the document of a whole-text parse, on generated policies', () => {
		for (let seed = 1; seed <= 20; seed++) {
			const text = generatePolicy(8000, corpus, { seed, tricky: true });
			expect(markdownChunks(text).length).toBeGreaterThan(3);
			expect(parseMarkdown(text)).toEqual(parseMarkdownWhole(text));
		}
	});

	it('gives exactly the document of a whole-text parse when fences, comments and lists span blank lines', () => {
		for (let seed = 1; seed <= 200; seed++) {
			const text = tricky(seed);
			expect(parseMarkdown(text), text).toEqual(parseMarkdownWhole(text));
		}
	});

	it('does not cut a text that may define link references, which apply to the whole document', () => {
		const text = 'See [the law][act].\n\nMore text.\n\n[act]: https://example.org\n';
		expect(markdownChunks(text)).toEqual([{ start: 0, end: text.length }]);
		expect(parseMarkdown(text)).toEqual(parseMarkdownWhole(text));
	});
});
