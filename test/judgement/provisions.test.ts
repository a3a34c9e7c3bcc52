import { describe, expect, it } from 'vitest';
import { buildReport } from '../../server/src/engine/report/build';
import { builtinReviewer } from '../helpers/rules';

/**
 * The report credits a provision only when the text provides the thing: a word in a heading, in a name, in a
 * past report or naming who acts ("outreach workers will accompany police during raids") is not a prevention
 * measure, and must not turn an area to "Addressed". A false "Addressed" is worse than a miss.
 */
const reviewer = builtinReviewer();
const statusOf = (text: string, area: string): string => {
	const review = reviewer.review({ text, format: 'markdown' });
	return buildReport(review, reviewer.ruleSet.rules, { file: 'draft.md', version: 'test' }).areas.find((a) => a.id === area)!.status;
};

describe('a provision is credited only where the text provides it', () => {
	it.each([
		['a heading', '# Prevention and outreach\n\nThe task force meets monthly.\n'],
		['who acts', 'Outreach workers will accompany police during raids on massage parlours.\n'],
		['a name', 'Complaints go to the Community Outreach and Prevention Office of the Sheriff.\n'],
		['a past report', 'In 2019 the department trained 40 officers, and arrests rose.\n'],
		['a past report with an irregular verb', 'In 2019 the department ran outreach programmes for migrant workers.\n'],
	])('not in %s', (_what, text) => {
		expect(statusOf(text, 'prevention-training')).not.toBe('addressed');
	});

	it('but when the draft provides it', () => {
		expect(statusOf('The Department shall fund outreach and rights-awareness programmes for migrant workers.\n', 'prevention-training')).toBe('addressed');
		expect(statusOf('Hire outreach workers who speak the languages of the people served.\n', 'prevention-training')).toBe('addressed');
		expect(statusOf('Officers shall avoid arresting, charging or prosecuting victims for offences that are the direct result of their being trafficked.\n', 'non-punishment')).toBe('addressed');
		// A report owed to the legislature is oversight; one the unit made last year is not.
		expect(statusOf('The Secretary shall report to Congress each year on the effectiveness of the program.\n', 'oversight-data')).toBe('addressed');
		expect(statusOf('Last year the unit reported to Congress on its arrests.\n', 'oversight-data')).not.toBe('addressed');
	});
});
