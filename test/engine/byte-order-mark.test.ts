/**
 * A Markdown file that starts with a byte-order mark (as Windows editors save UTF-8) is read at the text's own
 * offsets: the Markdown parser drops a leading U+FEFF and counts from the character after it, which put every
 * block one character early and a model clause inserted at a sentence's end inside a surrogate pair.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../server/src/engine/document';
import { builtinReviewer } from '../helpers/rules';

const BOM = '\uFEFF';
const ASTRAL = '\u{1F600}';

describe('a Markdown file with a byte-order mark', () => {
	it('has its blocks where the text has them, whichever Markdown reader reads it', () => {
		// The second and third texts need remark-parse (a heading, an astral character); the first is ordinary.
		for (const body of ['A foreign victim is eligible.', `# Title\n\nA foreign victim is eligible.${ASTRAL}`, `- item one\n- item two${ASTRAL}`]) {
			const text = BOM + body;
			const blocks = parseDocument(text, 'markdown').blocks;
			const last = blocks[blocks.length - 1]!;
			expect(last.end, body).toBe(text.length);
			for (const b of blocks) expect(text.slice(b.start, b.end).includes(b.prose.trim().slice(0, 6)), body).toBe(true);
		}
	});

	it('places findings and model clauses at the same characters as without the mark, one further on', () => {
		const body = `A foreign national adult victim is eligible for state benefits and services upon certification by the department.${ASTRAL}`;
		const review = (text: string) => builtinReviewer().review({ text, format: 'markdown' }).findings.filter((f) => f.scope === 'span');
		const plain = review(body);
		const marked = review(BOM + body);
		expect(plain.length).toBeGreaterThan(0);
		expect(marked.map((f) => f.ruleId)).toEqual(plain.map((f) => f.ruleId));
		marked.forEach((f, i) => {
			expect(f.offsets.start).toBe(plain[i]!.offsets.start + 1);
			const insertion = f.suggestions.find((s) => s.kind === 'insert' && s.where === 'sentence-end');
			expect(insertion?.offsets.start).toBe(BOM.length + body.length);
		});
	});
});
