import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownEvents } from '../../server/src/engine/document/markdown';
import { markdownChunks } from '../../server/src/engine/document/chunks';
import { fastMarkdownEvents } from '../../server/src/engine/document/fastMarkdown';
import { generatePolicy, loadCorpus } from '../bench/generate';
import { readCorpus } from '../eval/corpus';

const root = path.resolve(__dirname, '..', '..');
const corpus = loadCorpus(root);

/** The fast reader's events where it applies, remark-parse's always: the two must be equal wherever the first is defined. */
function bothReadings(text: string, first: boolean): { fast: boolean; equal: boolean; message: string } {
	const fast = fastMarkdownEvents(text, first);
	if (!fast) return { fast: false, equal: true, message: '' };
	const reference = markdownEvents(text, first, false);
	const equal = JSON.stringify(fast) === JSON.stringify(reference);
	return { fast: true, equal, message: equal ? '' : `${JSON.stringify(text)}\nfast:   ${JSON.stringify(fast)}\nremark: ${JSON.stringify(reference)}` };
}

// Words, inline markup the fast reader handles, and near misses around each construct (which it must leave to remark or read exactly as remark does).
const WORDS = ['Victims', 'shall', 'not', 'be', 'detained', 'section', '7.', 'U.S.C.', '(b)', '—', 'a', '2005', '§', '$5', 'naïve', '“quoted”', "State's", 'x', '7.5', '#5', '!', 'A:', '=', '-', '+', '%', '>'];
const MARKUP = [
	'*victims*', '**shall**', '_term_', '__term__', '`Sec. 7`', '``a`b``', '` * `', '[the guidance](https://example.org/guidance)', '[*x*](y)',
	'[a `]` b](c)', '![logo](img.png)', '<https://example.org>', '[https://x.org](https://x.org)', '[x](x)', '[x](http://x)', '(*a*)', '"*a*"',
	'*a.*', '**a**,', '*a*)', '[**b**](c_d)', '*see [x](y) z*', '*a `b` c*', '[![i](j)](k)', '*across\nlines*', '[link\ntext](x)', '`code\nspan`',
	'[x](a_b*c%20d#e?f=g)', '[a%20b](a%20b)', '<https://a.b/c_d*e>', '`<b>`', '`&amp;`', '`` ` ``', '` `', '*a*:', '**“b”**', '[a](b)[c](d)', '**Applicant:**', '*(a);*', '$*5*', '#*a*', '-*a*', '**a:**b', '*a:*:', '[*a*]', '`x`*a*', '*a*`x`', '/*a*/', '**a-**',
];
const NEAR = [
	'*', '**', '***', '_', '*a', 'a*', '*a*b', 'a*b*', '**a*', '*a**', '_a_b', 'x_y_z', '`', '```', '[x]', '[x] (y)', '[x](y z)', '[](x)',
	'[x](<y>)', '[x](y "t")', '[x](y(z))', '<b>', '<!-- c -->', '&amp;', '& co', '&#35;', '\\*', '~~x~~', '~', 'www.x.org', 'http://x', 'a@b.org',
	'|', '#', '! [x](y)', '[^1]', '*(a)*', '* a*', '<x@y>', '[a [b](c)](d)', '*[a*](b)', '`a', '*a [b* c](d)', '**a *b* c**', '*a **b** c*',
	'"*a"*', '*a*"', '*.a*', '_a*', '(_a_)', '**a**b', '*a\u00a0*', '\u00a0*a*', '*é*', '*1*', '<http://a b>', '<mailto:a>', '[x](a&b)', '[ x ](y)',
];
const OPENINGS = ['# ', '## ', '###### ', '####### ', '#', '- ', '+ ', '* ', '1. ', '2. ', '1) ', '10. ', '0. ', '01. ', '1234567890. ', '> ', '>', '>> ', '  ', '   ', '    ', ' ', '  - ', '   - ', '     - ', '   1. ', '   2. ', '      - ', '| ', '---', '***', '* * *', '___', '===', '```', '```text', '``` `x`', '~~~', '  ```', '    ```', '"', '(', '*', '`', '[', '!', '<', '-', '2005. ', '5) '];
const CLOSINGS = [' ', '  ', ' |', '|', ' #', '#', '\\'];

const weighted = <T>(common: readonly T[], rare: readonly T[], rareWeight = 1): fc.Arbitrary<T> =>
	fc.oneof({ arbitrary: fc.constantFrom(...common), weight: 30 }, { arbitrary: fc.constantFrom(...rare), weight: rareWeight });
const word = fc.oneof({ arbitrary: fc.constantFrom(...WORDS), weight: 24 }, { arbitrary: fc.constantFrom(...MARKUP), weight: 5 }, { arbitrary: fc.constantFrom(...NEAR), weight: 1 });
const words = fc.array(word, { minLength: 1, maxLength: 7 }).map((w) => w.join(' '));
const opening = fc.oneof(
	{ arbitrary: fc.constant(''), weight: 16 },
	{ arbitrary: fc.constantFrom('- ', '1. ', '2. ', '   - ', '   1. ', '  - ', '> ', '## ', '   '), weight: 8 },
	{ arbitrary: fc.constantFrom(...OPENINGS), weight: 1 },
);
const line = fc.tuple(opening, words, weighted([''], CLOSINGS, 1)).map(([o, w, c]) => `${o}${w}${c}`);
const cell = fc.oneof(words, fc.constantFrom('', ' ', '`a|b`', '\\|'));
const table = fc
	.tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), fc.constantFrom('|---|', '|:--|', '| - |', '|--:|', '|---'), fc.boolean())
	.map(([columns, rows, delimiter, header]) => {
		const row = (cells: string[]): string => `| ${cells.slice(0, columns).join(' | ')} |`;
		const head = header ? `| ${Array.from({ length: columns }, (_, k) => `Column ${k}`).join(' | ')} |` : row(rows[0]!);
		return [head, delimiter.repeat(columns).replace(/\|\|/g, '|'), ...rows.map((r) => (r.length >= columns ? row(r) : row([...r, ...Array(columns).fill('x')])))].join('\n');
	});
const fence = fc
	.tuple(fc.constantFrom('```', '````', '```text', '~~~'), fc.array(fc.oneof(words, fc.constantFrom('# not a heading', '', '<!--', '```js', '  ```', '*a*')), { maxLength: 3 }), fc.constantFrom('```', '````', '``` ', '~~~', '', '``'))
	.map(([open, body, close]) => [open, ...body, close].join('\n'));
const quote = fc.array(fc.oneof({ arbitrary: words.map((w) => `> ${w}`), weight: 4 }, { arbitrary: fc.constantFrom('>', '> - a', '> # h', 'lazy', '>  x', '> *a\n> b*', '> `a\n> b`', '> 1. a'), weight: 1 }), { minLength: 1, maxLength: 4 }).map((l) => l.join('\n'));
/** Lists: items nested up to three deep, with continuation lines and blank lines, indented right or (rarely) off by one. */
const listItem = fc.tuple(
	fc.integer({ min: 0, max: 2 }),
	weighted(['- ', '1. ', '2. '], ['+ ', '* ', '1) ', '10. ']),
	words,
	fc.array(words, { maxLength: 2 }),
	weighted([false], [true]),
	weighted([0], [-1, 1]),
	fc.boolean(),
);
const list = fc.array(listItem, { minLength: 1, maxLength: 5 }).map((items) => {
	const lines: string[] = [];
	const columns = [0];
	for (const [depth, marker, text, continued, blankBefore, skew, blankInside] of items) {
		const d = Math.min(depth, columns.length - 1);
		const indent = ' '.repeat(Math.max(0, columns[d]! + skew));
		columns.length = d + 1;
		columns.push(columns[d]! + marker.length);
		if (blankBefore && lines.length > 0) lines.push('');
		lines.push(`${indent}${marker}${text}`);
		for (const c of continued) {
			if (blankInside) lines.push('');
			lines.push(`${' '.repeat(columns[d + 1]!)}${c}`);
		}
	}
	return lines.join('\n');
});
const comment = fc.constantFrom('<!-- accountable-disable-next-line -->', '<!--\nmulti\n\nline -->', '<!--\n*a*\n--> tail', '<!-->', '<!--->', '<!-- a --> tail', '<!-- unclosed', '<!-- a -->  ', ' <!-- a -->', '<!---->', '<!-- a -- b -->');
const element = fc.oneof({ arbitrary: line, weight: 8 }, { arbitrary: list, weight: 3 }, { arbitrary: comment, weight: 1 }, { arbitrary: fc.constantFrom('---', '***', '* * *', '___', '- - -'), weight: 1 }, { arbitrary: table, weight: 1 }, { arbitrary: fence, weight: 1 }, { arbitrary: quote, weight: 1 }, { arbitrary: fc.constant(''), weight: 1 });
/** Front matter (read as such only at the start of the first chunk) and near misses. */
const frontMatter = weighted([''], ['---\ntitle: x\n---\n', '---\n---\n', '+++\ntitle = 1\n+++\n', '---\ntitle: x\n', '--- \nx\n---\n', '---\nx\n--- \n', '---\nx\n----\n---\n', '---\n\n---\n', '---\nx\n...\n', '---\nx\n---', '+++\nx\n---\n', '---\nemail: a@b.org\npattern: \'\\bx\'\n---\n', '---\nx: ~\n---\n@b\n'], 3);
const chunkText = fc
	.tuple(frontMatter, fc.array(element, { minLength: 1, maxLength: 5 }), fc.constantFrom('', '\n', '\n\n'))
	.map(([front, elements, end]) => `${front}${elements.join('\n')}${end}`);
/** A chunk with one syntax character dropped in at some place: the near misses of every construct at once. */
const mutated = fc
	.tuple(chunkText, fc.nat(), fc.constantFrom('*', '_', '`', '[', ']', '(', ')', '<', '>', '|', '#', '-', ' ', '\n', '!', '\t', '&', '~', '1.', '\n\n', '\n  '))
	.map(([text, at, insert]) => {
		const k = at % (text.length + 1);
		return text.slice(0, k) + insert + text.slice(k);
	});

/** Syntax characters and line openings dropped into real text. */
const MUTATIONS = ['*', '**', '_', '`', '[', ']', '(', ')', '<', '>', '|', '#', '-', ' ', '  ', '\n', '\n\n', '!', '&', '1. ', '- ', '> ', '   ', '\n   ', '\n  - ', '\n1) ', '---', '```', '<!--', '-->', ':', '"', 'http', 'www.', '=', '\u00a0', 'é'];

/** Constructs a fast reading must have covered for the property test to prove something about each. */
const CONSTRUCTS: Record<string, RegExp> = {
	emphasis: /(?:^|[\s("'])\*\p{L}/u,
	strong: /\*\*\p{L}/u,
	underscore: /_term_/,
	codeSpan: /`[^`\n]+`/,
	link: /\]\([^)]+\)/,
	image: /!\[/,
	autolink: /<https:/,
	heading: /^#{1,6} /m,
	bulletList: /^- /m,
	orderedList: /^\d\. /m,
	nestedList: /^ {2,3}[-\d]/m,
	continuation: /^ {2,}\p{L}/mu,
	quote: /^> /m,
	table: /^\|[-: |]+\|$/m,
	fence: /^```/m,
	htmlComment: /^<!-- a/m,
	frontMatter: /^(?:---|\+\+\+)\n/,
	thematicBreak: /^(?:---|\*\*\*|___)$/m,
};

/** Markdown files under the given folders (those that exist), recursively. */
function markdownFiles(dirs: string[]): string[] {
	const out: string[] = [];
	for (const dir of dirs) {
		if (!fs.existsSync(dir)) continue;
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const file = path.join(dir, entry.name);
			if (entry.isDirectory()) out.push(...markdownFiles([file]));
			else if (entry.name.endsWith('.md')) out.push(file);
		}
	}
	return out;
}

describe('the fast Markdown reader (remark-parse’s events without remark-parse)', () => {
	it('gives exactly the events of remark-parse on generated chunks with every handled construct and near misses around each', () => {
		let fast = 0;
		const covered = new Map<string, number>();
		fc.assert(
			fc.property(fc.oneof({ arbitrary: chunkText, weight: 3 }, { arbitrary: mutated, weight: 1 }), fc.boolean(), (text, first) => {
				const r = bothReadings(text, first);
				if (!r.fast) return;
				fast++;
				for (const [name, re] of Object.entries(CONSTRUCTS)) if (re.test(text)) covered.set(name, (covered.get(name) ?? 0) + 1);
				expect(r.equal, r.message).toBe(true);
			}),
			{ numRuns: 16000 },
		);
		// The generator must reach the fast reader often, on every construct, or this test would prove little
		// (over 12 seeds: 1693 to 1827 fast readings, the least covered construct 21 to 32 times).
		expect(fast).toBeGreaterThan(1500);
		for (const name of Object.keys(CONSTRUCTS)) expect(covered.get(name) ?? 0, name).toBeGreaterThan(10);
	});

	it('reads nearly every chunk of generated policies, with remark-parse’s events (also with constructs that make chunking hard)', () => {
		let fastChars = 0;
		let plainChars = 0;
		for (let seed = 1; seed <= 30; seed++) {
			const tricky = seed % 2 === 0;
			const text = generatePolicy(15_000, corpus, { seed, tricky });
			for (const c of markdownChunks(text)) {
				const chunk = text.slice(c.start, c.end);
				const r = bothReadings(chunk, c.start === 0);
				expect(r.equal, r.message).toBe(true);
				if (r.fast && !tricky) fastChars += chunk.length;
				if (!tricky) plainChars += chunk.length;
			}
		}
		expect(fastChars / plainChars).toBeGreaterThan(0.97);
	});

	// CPU-bound: about 4 s on a quiet machine, up to 12 s measured on CI's loaded two cores: a timeout of its own, not vitest's 30 s.
	it('gives remark-parse’s events on every chunk of the real documents, corpus excerpts and the repository’s own Markdown', () => {
		const texts: string[] = [];
		for (const file of markdownFiles([path.join(root, 'test', 'fixtures', 'documents'), path.join(root, 'rules'), path.join(root, 'examples'), path.join(root, 'docs')])) texts.push(fs.readFileSync(file, 'utf8'));
		for (const name of ['README.md', 'CHANGELOG.md']) texts.push(fs.readFileSync(path.join(root, name), 'utf8'));
		const excerpts = [...readCorpus(path.join(root, 'test', 'eval', 'corpus', 'dev')), ...readCorpus(path.join(root, 'test', 'eval', 'corpus', 'sealed'), { allowEmpty: true })];
		for (const e of excerpts) texts.push(e.text);
		// The excerpts also as one document, so that they are read as chunks among others.
		texts.push(excerpts.map((e) => e.text).join('\n\n'));
		let fast = 0;
		let chunks = 0;
		for (const text of texts) {
			for (const c of markdownChunks(text)) {
				const chunk = text.slice(c.start, c.end);
				const r = bothReadings(chunk, c.start === 0);
				expect(r.equal, r.message).toBe(true);
				chunks++;
				if (r.fast) fast++;
			}
		}
		expect(fast / chunks).toBeGreaterThan(0.8);
	}, 120_000);

	it('gives remark-parse’s events on chunks of a generated policy and the real documents with syntax characters dropped in or taken out', () => {
		const sources = [generatePolicy(40_000, corpus, { seed: 3 })];
		for (const file of markdownFiles([path.join(root, 'test', 'fixtures', 'documents')])) sources.push(fs.readFileSync(file, 'utf8'));
		const chunks: Array<{ text: string; first: boolean }> = [];
		for (const text of sources) for (const c of markdownChunks(text)) chunks.push({ text: text.slice(c.start, c.end), first: c.start === 0 });
		const edit = fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...MUTATIONS), fc.constant(null)));
		let fast = 0;
		fc.assert(
			fc.property(fc.nat({ max: chunks.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (index, edits) => {
				let text = chunks[index]!.text;
				for (const [at, insert] of edits) {
					const k = at % (text.length + 1);
					text = insert === null ? text.slice(0, k) + text.slice(k + 1) : text.slice(0, k) + insert + text.slice(k);
				}
				const r = bothReadings(text, chunks[index]!.first);
				if (r.fast) fast++;
				expect(r.equal, r.message).toBe(true);
			}),
			{ numRuns: 4000 },
		);
		expect(fast).toBeGreaterThan(1000);
	});

	it('leaves to remark-parse what it is not certain of', () => {
		const leftToRemark = [
			'<!-->\nText\n', '<!-- never closed\n', 'Title\n===\n', 'Title\n---\n', 'A \\*literal\\* star\n', 'Fish &amp; chips\n', 'Text\n  indented continuation\n',
			'- item\nlazy continuation\n', '> quote\nlazy continuation\n', '[x]: https://example.org\n', 'A [reference] link\n', 'See www.example.org\n',
			'Mail a@b.org\n', '~~struck~~\n', '***strong emphasis***\n', '*a **nested** b*\n', '    indented code\n', '```\nnever closed\n', '| a |\n| b |\n',
			'Tab\there\n', '#   \n', '<!-- a -->  \n', '| a |  \n|---|\n', '## Closing #\n', 'Text\n2. continues the paragraph\n', '1. a\n   2. continues the item\n', '* * *\n- a\nb\n',
			'<b>bold</b>\n', 'snake_case_word\n', '`unclosed code\n', 'a*b*c\n', '> > nested\n', '- > quote in item\n', '- [ ] task\n',
		];
		for (const text of leftToRemark) expect(fastMarkdownEvents(text, false), text).toBeUndefined();
		for (const text of ['---\ntitle: x\n', '--- \ntitle: x\n---\n', '---\ntitle: x\n--- \n', '---\n----\n---\n']) expect(fastMarkdownEvents(text, true), text).toBeUndefined();
		for (const text of ['---\ntitle: x\n---\n# Title\n', '+++\ntitle = "x"\n+++\nText\n']) {
			const r = bothReadings(text, true);
			expect(r.fast, text).toBe(true);
			expect(r.equal, r.message).toBe(true);
		}
		const read = [
			'## SEC. 1. Services\n\n', '(a) Victims **shall** not be *detained*. See [the guidance](https://example.org/guidance).\nThe Office shall report (`Sec. 7`).\n',
			'1. The Office shall report.\n   - Each year.\n     Continued.\n2. Victims shall not be detained.\n\n   A second paragraph.\n',
			'> Quoted *text*.\n>\n> More.\n', '| Area | Amount |\n|---|---:|\n| Training | $4 |\n', '```text\n# not a heading\n```\n', '* * *\n',
			'Text\n<!-- accountable-disable-next-line -->\nVictims shall be detained.\n', 'A hard  \nline break and trailing spaces  \n', '# Title  \n- item  \n  more \n', '```\ncode\n```  \n',
		];
		for (const text of read) {
			const r = bothReadings(text, false);
			expect(r.fast, text).toBe(true);
			expect(r.equal, r.message).toBe(true);
		}
	});
});
