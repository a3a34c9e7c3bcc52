import { describe, expect, it } from 'vitest';
import { Reviewer } from '../../server/src/engine';
import { ruleFile, ruleSetFrom } from '../helpers/rules';

// A colon or dash after a term defines it only when it follows the term at once; after other words it
// is an aside, as in news and briefs ("trafficking victims – some in their early teens – are arrested").
const reviewer = new Reviewer(
	ruleSetFrom([ruleFile('conflation/test-definition', 'kind: definition\nscope: span\nseverity: warning\nterm: ["human trafficking"]\nrequires:\n  - ["@coercion"]')]),
);
const found = (text: string): number => reviewer.review({ text, format: 'plaintext' }).findings.length;

describe('definition kind: where a definition begins', () => {
	it('reads a colon or dash right after the term as a definition', () => {
		expect(found('Human trafficking: the recruitment of a person for labour.')).toBe(1);
		expect(found('"Human trafficking" — the recruitment of a person for labour.')).toBe(1);
		expect(found('Human trafficking means the recruitment of a person for labour.')).toBe(1);
	});

	it('does not read a dash after other words as a definition', () => {
		expect(found('The result is that human trafficking victims – some in their early teens – are arrested.')).toBe(0);
		expect(found('Human trafficking cases rose: the report counts 40.')).toBe(0);
	});

	it('still accepts up to four words before a defining verb', () => {
		expect(found('Human trafficking in this Act means the recruitment of a person for labour.')).toBe(1);
	});

	it('ends a definition where the next item defines another term, so that term’s elements are not borrowed', () => {
		const markdown = (text: string): number => reviewer.review({ text, format: 'markdown' }).findings.length;
		const list = (next: string): string => `4. a. "Human trafficking" means recruiting a person by force for labor.\n\nb. "Human trafficking" also means purchasing commercial sex from any person.\n\n${next}\n`;
		// The continuation paragraph b. has no means of its own; the next definition's "serious harm" is not its.
		expect(markdown(list('5. "Involuntary servitude" means a condition induced by threats of serious harm.'))).toBe(1);
		expect(markdown(list('5. "Labor" means work of economic value.'))).toBe(1);
		// A list the definition introduces is still read as its items.
		expect(markdown('"Human trafficking" means any of the following:\n\n1. recruiting a person by force for labor.\n')).toBe(0);
		expect(markdown('"Human trafficking" means any of the following:\n\n1. recruiting a person for labor.\n')).toBe(1);
	});

	it('in a Definitions section, reads an item that opens with the term as its definition, but not one that only judges it', () => {
		const markdown = (text: string): number => reviewer.review({ text, format: 'markdown' }).findings.length;
		expect(markdown('## Definitions\n\n(a) Human trafficking, the recruitment of a person for labour.\n')).toBe(1);
		expect(markdown('## Definitions\n\n(a) Human trafficking is the recruitment of a person for labour.\n')).toBe(1);
		// An evaluative copula names no act: it is not a definition that lacks the means.
		expect(markdown('## Definitions\n\nHuman trafficking is an affront to human dignity.\n')).toBe(0);
		expect(markdown('## Definitions\n\nHuman trafficking is a crime against humanity.\n')).toBe(0);
	});
});
