import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectProfile, detectProfileWithReason, Reviewer } from '../../server/src/engine';
import { ruleFile, ruleSetFrom } from '../helpers/rules';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'documents');

describe('profile detection', () => {
	it('detects a bill by its enacting clause, long title or numbered sections', () => {
		expect(detectProfile('Be it enacted by the General Assembly of the State:\n\nThe department shall…')).toBe('bill');
		expect(detectProfile('# An Act relating to human trafficking\n\nText.')).toBe('bill');
		expect(detectProfile('SEC. 1. PURPOSE.\nThe purpose…\n\nSEC. 2. DEFINITIONS.\nIn this chapter…')).toBe('bill');
		expect(detectProfile('## Section 1. Findings\n\nx\n\n## Section 2. Services\n\ny')).toBe('bill');
	});

	it('detects a grant proposal by two different parts of a proposal', () => {
		expect(detectProfile('# Project narrative\n\n## Statement of need\n\nx\n\n## Budget justification\n\ny')).toBe('grant-proposal');
		expect(detectProfile('The applicant will track performance measures quarterly and describe them in the logic model.')).toBe('grant-proposal');
	});

	it('keeps briefs, strategies and documents that merely cite a statute general', () => {
		expect(detectProfile('Under 22 U.S.C. § 7105, certification is required. We recommend repealing it.')).toBe('general');
		expect(detectProfile('The applicant for a T visa must show extreme hardship.')).toBe('general');
		expect(detectProfile('# National strategy\n\nThe strategy addresses trafficking in all sectors.')).toBe('general');
	});

	it('prefers grant-proposal when a proposal numbers its sections like a bill but has no enacting clause', () => {
		expect(detectProfile('Section 1. Statement of need\n\nx\n\nSection 2. Project design\n\nThe applicant…\n\nSection 3. Budget justification')).toBe('grant-proposal');
	});

	it('recognises the openings of proposals and bills as Word title pages write them, and says why', () => {
		// Converted Word documents start with their title as a heading.
		expect(detectProfileWithReason('# Grant proposal to the State Office of Victim Services\n\n## Services\n\nWe will open two centres.')).toEqual({
			profile: 'grant-proposal',
			reason: 'grant proposal: “Grant proposal to …” in the first lines',
		});
		expect(detectProfileWithReason('# Safe Harbor Grant Proposal\n\nText.')).toEqual({ profile: 'grant-proposal', reason: 'grant proposal: “Safe Harbor Grant Proposal” in the first lines' });
		expect(detectProfile('Northside Coalition\n\nApplication for funding under the Victim Services Program\n\nText.')).toBe('grant-proposal');
		expect(detectProfile('Concept note\n\nText.')).toBe('grant-proposal');
		expect(detectProfileWithReason('# A BILL\n\nTo provide services to survivors of trafficking.')).toEqual({ profile: 'bill', reason: 'bill: “A BILL” in the first lines' });
		expect(detectProfile('SENATE BILL No. 42\n\nRelating to trafficking.')).toBe('bill');
		expect(detectProfile('H.R. 2801\n\nTo amend the Act.')).toBe('bill');
		expect(detectProfileWithReason('Be it enacted by the General Assembly:\n\nThe department shall…').reason).toBe('bill: “Be it enacted” on line 1');
		expect(detectProfileWithReason('Intro\n\nSEC. 1. PURPOSE.\nx\n\nSEC. 2. DEFINITIONS.\ny').reason).toBe('bill: 2 numbered sections (“SEC. 1.” on line 3)');
		// Further down, a proposal named in passing is not an opening; a research brief stays general.
		expect(detectProfileWithReason('# Research brief\n\nOne\n\nTwo\n\nThree\n\nOur grant proposal to the fund was rejected.')).toMatchObject({ profile: 'general', reason: expect.stringMatching(/^general: /) });
	});

	it('says a profile chosen in the settings was chosen there', () => {
		const reviewer = new Reviewer(ruleSetFrom([]));
		const result = reviewer.review({ text: '# Grant proposal to the Fund\n', format: 'markdown' }, { profile: 'bill' });
		expect([result.profile, result.profileReason]).toEqual(['bill', 'bill: chosen in the settings']);
		expect(reviewer.review({ text: '# Grant proposal to the Fund\n', format: 'markdown' }).profile).toBe('grant-proposal');
	});

	it.each([
		['state-bill-safe-harbor-services.md', 'bill'],
		['model-law-rights-based.md', 'bill'],
		['task-force-mou.md', 'general'],
		['grant-narrative-police-budget.md', 'grant-proposal'],
	])('detects the fixture %s as %s', (file, profile) => {
		expect(detectProfile(fs.readFileSync(path.join(FIXTURES, file), 'utf8'))).toBe(profile);
	});

	it('runs profile-limited rules only in their profile, and the setting overrides detection', () => {
		const reviewer = new Reviewer(ruleSetFrom([ruleFile('funding-accountability/test-grant-only', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["overtime"]\nprofiles: [grant-proposal]')]));
		const proposal = '# Project narrative\n\n## Budget justification\n\nFunds pay overtime.\n';
		const bill = 'Be it enacted:\n\nFunds pay overtime.\n';
		expect(reviewer.review({ text: proposal, format: 'markdown' }).findings).toHaveLength(1);
		expect(reviewer.review({ text: bill, format: 'markdown' }).findings).toHaveLength(0);
		expect(reviewer.review({ text: bill, format: 'markdown' }, { profile: 'grant-proposal' }).findings).toHaveLength(1);
		expect(reviewer.review({ text: proposal, format: 'markdown' }, { profile: 'general' }).findings).toHaveLength(0);
	});
});
