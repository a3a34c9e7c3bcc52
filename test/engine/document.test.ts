import { describe, expect, it } from 'vitest';
import { parseDocument, splitSentences } from '../../server/src/engine';

const proseOf = (text: string, format: 'markdown' | 'plaintext' = 'markdown'): string[] =>
	parseDocument(text, format).blocks.map((b) => b.prose.replace(/\s+/g, ' ').trim());

describe('the Markdown document model', () => {
	it('keeps exact UTF-16 offsets: every block prose character equals the source or is blanked', () => {
		const text = '# Título 🚀\n\nA **bold** [link](https://example.org) and `code` — “quoted”.\n\n> Quoted 👩🏽‍⚖️ text.\n';
		const doc = parseDocument(text, 'markdown');
		for (const block of doc.blocks) {
			expect(block.prose.length).toBe(block.end - block.start);
			for (let i = 0; i < block.prose.length; i++) {
				const c = block.prose[i]!;
				if (c !== ' ') expect(c).toBe(text[block.start + i]);
			}
		}
	});

	it('does not review code, inline code, HTML comments, front matter or URLs as prose', () => {
		const text = '---\ntitle: raids everywhere\n---\n\nSee https://example.org/raids and `raid()`.\n\n```\nraid the brothel\n```\n\n<!-- raid -->\n';
		const all = proseOf(text).join(' ');
		expect(all).toBe('See and .');
	});

	it('nests sections by heading level and knows which section holds each block', () => {
		const doc = parseDocument('# Act\n\nIntro.\n\n## Definitions\n\nTerms.\n\n### Sub\n\nDeep.\n\n## Services\n\nHelp.\n', 'markdown');
		const titles = doc.sections.map((s) => `${s.level}:${s.title}`);
		expect(titles).toEqual(['0:Act', '1:Act', '2:Definitions', '3:Sub', '2:Services']);
		expect(doc.sections[3]!.parent).toBe(2);
		const deep = doc.blocks.find((b) => b.prose.includes('Deep'))!;
		expect(doc.sections[deep.section]!.title).toBe('Sub');
		expect(doc.sections[2]!.blocks.map((i) => doc.blocks[i]!.prose.trim())).toEqual(['Terms.', 'Sub', 'Deep.']);
	});

	it('marks block quotes and list depth, and reads table cells as blocks', () => {
		const doc = parseDocument('> quoted words\n\n- one\n  - two\n\n| a | b |\n|---|---|\n| cell x | cell y |\n', 'markdown');
		const byText = (t: string) => doc.blocks.find((b) => b.prose.includes(t))!;
		expect(byText('quoted words').quoted).toBe(true);
		expect(byText('one').listDepth).toBe(1);
		expect(byText('two').listDepth).toBe(2);
		expect(byText('cell y').kind).toBe('tableCell');
	});
});

describe('the plain-text document model', () => {
	it('splits paragraphs on blank lines and finds legislative headings', () => {
		const text = 'SAFE HARBOR ACT\n\nSEC. 4. DEFINITIONS. In this Act the term applies.\n\nSection 2 — Services\n\nText here.\n\n3. Funding\n\nMoney.\n';
		const doc = parseDocument(text, 'plaintext');
		expect(doc.sections.slice(1).map((s) => s.title)).toEqual(['SAFE HARBOR ACT', 'SEC. 4. DEFINITIONS.', 'Section 2 — Services', '3. Funding']);
		expect(doc.blocks.find((b) => b.prose.includes('In this Act'))!.prose.trim()).toBe('In this Act the term applies.');
	});

	it('makes enumerated lines separate blocks', () => {
		const doc = parseDocument('The task force shall:\n(a) meet monthly;\n(b) publish data.\n', 'plaintext');
		expect(doc.blocks.map((b) => b.prose.trim())).toEqual(['The task force shall:', '(a) meet monthly;', '(b) publish data.']);
	});
});

describe('sentence segmentation', () => {
	const sentences = (s: string) => splitSentences(s, 0).map((r) => s.slice(r.start, r.end));

	it('does not split after legal abbreviations, section numbers or initials', () => {
		const text = 'See 22 U.S.C. 7105 et seq. and Sec. 4. The Act, i.e. the statute, applies. Pub. L. No. 106-386 is cited by J. Smith.';
		expect(sentences(text)).toEqual([
			'See 22 U.S.C. 7105 et seq. and Sec. 4.',
			'The Act, i.e. the statute, applies.',
			'Pub. L. No. 106-386 is cited by J. Smith.',
		]);
	});

	it('splits ordinary sentences, including after quotations', () => {
		expect(sentences('Raids harm people. “They were scared.” Services help.')).toEqual(['Raids harm people.', '“They were scared.”', 'Services help.']);
	});

	it('keeps numbered clauses such as (a)(1) inside their sentence', () => {
		expect(sentences('Under subsection (a)(1). the rule applies.')).toHaveLength(1);
	});

	it('ends a sentence at a full stop and a line break when the next line opens with a symbol, not with a lower-case word', () => {
		// A quick fix's model clause inserted after a line opening with ">" must not join the sentence before it.
		expect(sentences('The sheriff will publish the names of those arrested.\n> Funds shall serve survivors.')).toEqual([
			'The sheriff will publish the names of those arrested.',
			'> Funds shall serve survivors.',
		]);
		expect(sentences('The victim may apply under sec.\n3 of the Act.')).toHaveLength(1);
		expect(sentences('Services shall be provided.\nand shall be free.')).toHaveLength(1);
		expect(sentences('Services shall be provided. > not a new line')).toHaveLength(1);
	});
});
