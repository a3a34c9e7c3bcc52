/**
 * A document's stance (reading/stance.ts): research, reporting and testimony describe; bills, grants and
 * protocols prescribe. A descriptive document's findings are reported text, and what it leaves out is no
 * finding at all: a study of sex trafficking is not a policy that forgets labour trafficking.
 */
import { describe, expect, it } from 'vitest';
import { documentStance } from '../../server/src/engine/reading/stance';
import { builtinReviewer } from '../helpers/rules';

const sentence = (k: number): string =>
	`Several empirical studies on the exit from sex trafficking concern adult women in brothels (Gunnell, 200${k % 10}; Kaufman & Crawford, 201${k % 10}; Surtees, 2008).`;
const review = (k: number): string => `# Exit from sex trafficking: a review\n\n${Array.from({ length: 12 }, (_, i) => sentence(i + k)).join(' ')}\n\nThe women who leave prostitution describe the brothel owners and the victims' families as obstacles to exit from sex trafficking.\n`;

describe('document stance', () => {
	it('counts each author-year citation of a bracketed list, so a literature review reads as descriptive', () => {
		expect(documentStance(review(0))).toBe('descriptive');
		// The same text with its citations removed has too few signs of reporting to tell.
		expect(documentStance(review(0).replace(/\([^)]*\)/g, ''))).toBe('prescriptive');
	});

	it('reports nothing a descriptive document leaves out, and keeps what a policy leaves out', () => {
		const missing = (text: string): string[] =>
			builtinReviewer()
				.review({ text, format: 'markdown' })
				.findings.filter((f) => f.ruleId === 'labour-blindness/sex-sector-only-scope')
				.map((f) => f.ruleId);
		expect(missing(review(0))).toEqual([]);
		const policy = `# Plan against sex trafficking\n\n${Array.from({ length: 12 }, () => 'The task force shall identify victims of sex trafficking in brothels and massage parlours and shall refer them to shelters.').join(' ')}\n`;
		expect(documentStance(policy)).toBe('prescriptive');
		expect(missing(policy)).toEqual(['labour-blindness/sex-sector-only-scope']);
	});
});
