/**
 * Quoted text, as the README documents it: a quotation of five words or more is kept one severity milder and
 * says so; a short quotation (a scare quote, a term) is the author's own wording; a rule may ignore quotations.
 */
import { describe, expect, it } from 'vitest';
import { Reviewer } from '../../server/src/engine';
import { builtinReviewer, ruleFile, ruleSetFrom } from '../helpers/rules';

const COOPERATION = 'conditional-services/cooperation-required';
const findingOf = (text: string) => builtinReviewer().review({ text, format: 'markdown' }).findings.find((f) => f.ruleId === COOPERATION);

describe('text in quotation marks', () => {
	it('of five words or more keeps its finding, one severity milder, saying it is quoted', () => {
		for (const text of [
			'The statute says “victims who agree to testify shall be eligible for shelter” and we object.',
			'The statute says "victims who agree to testify shall be eligible for shelter" and we object.',
		]) {
			const finding = findingOf(text);
			expect(finding, text).toBeDefined();
			expect(finding!.severity).toBe('warning');
			expect(finding!.quoted).toBe(true);
			// The note follows the summary; the quoted words close the message, as every Problems entry ends.
			expect(finding!.message).toMatch(/ \(in quoted or reported text\): “[^”]+”$/);
		}
	});

	it('of fewer than five words is the author\'s own wording, at full severity', () => {
		const finding = findingOf('Victims who agree to “testify” shall be eligible for shelter.');
		expect(finding!.severity).toBe('error');
		expect(finding!.quoted).toBeUndefined();
	});

	it('is skipped by a rule that sets quoted: ignore', () => {
		const set = ruleSetFrom([ruleFile('raids/test-sweeps', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["street sweep"]\nquoted: ignore')]);
		expect(set.errors).toEqual([]);
		const reviewer = new Reviewer(set);
		const review = (text: string) => reviewer.review({ text, format: 'markdown' }).findings.map((f) => f.ruleId);
		expect(review('The county will run a street sweep every month.')).toEqual(['raids/test-sweeps']);
		expect(review('The mayor promised “the county will run a street sweep every month” last year.')).toEqual([]);
		expect(review('> The county will run a street sweep every month.')).toEqual([]);
	});
});
