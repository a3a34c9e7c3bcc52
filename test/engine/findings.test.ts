import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/engine';
import { builtinReviewer } from '../helpers/rules';

describe('findings', () => {
	it('carry rule, category, severity, scope, exact range, matched text, suggestions and a documentation link', () => {
		const text = '# Bill\n\nIntro 🚀 text.\n\nVictims who agree to testify shall be eligible for shelter.\n';
		const [finding] = builtinReviewer().review({ text, format: 'markdown' }).findings.filter((f) => f.ruleId === 'conditional-services/cooperation-required');
		expect(finding).toMatchObject({ category: 'conditional-services', severity: 'error', scope: 'span' });
		expect(text.slice(finding!.offsets.start, finding!.offsets.end)).toBe(finding!.matchedText);
		expect(finding!.range).toEqual(new LineIndex(text).range(finding!.offsets));
		expect(finding!.range.start.line).toBe(4);
		expect(finding!.docUrl).toMatch(/^file:.*rules\/conditional-services\/cooperation-required\.md$/);
		// The fix for a condition rewrites the condition ("who agree to testify"), set off by commas mid-sentence.
		expect(finding!.suggestions[0]).toMatchObject({ kind: 'replace', text: ', regardless of whether the person cooperates with law enforcement,' });
	});

	it('applying a suggested clause removes the finding it came from', () => {
		const text = '## Referral\n\nProviders shall send the names of victims to the task force.\n';
		const reviewer = builtinReviewer();
		const [finding] = reviewer.review({ text, format: 'markdown' }).findings.filter((f) => f.ruleId === 'consent/data-sharing-without-consent');
		const s = finding!.suggestions[0]!;
		const fixed = text.slice(0, s.offsets.start) + s.text + text.slice(s.offsets.end);
		expect(reviewer.review({ text: fixed, format: 'markdown' }).findings.map((f) => f.ruleId)).not.toContain('consent/data-sharing-without-consent');
	});

	it('anchor section findings on the heading, with the topic mentions as related locations', () => {
		const text = '# Plan\n\nThe task force targets prostitution and commercial sex to end sex trafficking.\n';
		const [finding] = builtinReviewer().review({ text, format: 'markdown' }).findings.filter((f) => f.scope === 'document');
		expect(finding!.range.start).toEqual({ line: 0, character: 0 });
		expect(finding!.related!.length).toBeGreaterThan(0);
	});

	it('give the same findings for LF and CRLF text', () => {
		const lf = '# Plan\n\n## Referral\n\nProviders send names of victims to police.\n\nVictims who agree to testify shall be eligible for shelter.\n';
		const crlf = lf.replace(/\n/g, '\r\n');
		const reviewer = builtinReviewer();
		const strip = (t: string) => reviewer.review({ text: t, format: 'markdown' }).findings.map((f) => [f.ruleId, f.range.start, f.matchedText.replace(/\r/g, '')]);
		expect(strip(crlf)).toEqual(strip(lf));
	});

	it('respect rule settings by id, category and glob, and the minimum severity', () => {
		const text = 'Victims who agree to testify shall be eligible for shelter. Sex slaves are everywhere.';
		const reviewer = builtinReviewer();
		const ids = (rules: Record<string, 'off' | 'on' | 'warning'>, minSeverity?: 'warning') =>
			reviewer.review({ text, format: 'markdown' }, { rules, minSeverity }).findings.map((f) => `${f.ruleId}:${f.severity}`);
		expect(ids({})).toEqual(['conditional-services/cooperation-required:error', 'framing/sensational-slavery-language:information']);
		expect(ids({ framing: 'off' })).toEqual(['conditional-services/cooperation-required:error']);
		expect(ids({ 'conditional-services/*': 'warning' })).toEqual(['conditional-services/cooperation-required:warning', 'framing/sensational-slavery-language:information']);
		expect(ids({ framing: 'off', 'framing/sensational-slavery-language': 'on' })).toHaveLength(2);
		expect(ids({}, 'warning')).toEqual(['conditional-services/cooperation-required:error']);
	});
});
