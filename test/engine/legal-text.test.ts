/**
 * Legislative plain text and legal citations as drafters write them: section headings in their usual forms
 * and sentence ends after citation abbreviations.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument, splitSentences } from '../../server/src/engine';
import { builtinReviewer } from '../helpers/rules';

const sentences = (s: string) => splitSentences(s, 0).map((r) => s.slice(r.start, r.end));
const sections = (text: string) => parseDocument(text, 'plaintext').sections.slice(1).map((s) => [s.title, s.level, parentTitle(text, s.parent)]);
function parentTitle(text: string, parent: number | undefined): string | undefined {
	if (parent === undefined || parent === 0) return undefined;
	return parseDocument(text, 'plaintext').sections[parent]!.title;
}

describe('sentences in legal text', () => {
	it('end after "et seq." or "etc." when a capitalised word follows', () => {
		expect(sentences('Services are defined in 22 U.S.C. 7101 et seq. The Secretary shall report annually.')).toEqual([
			'Services are defined in 22 U.S.C. 7101 et seq.',
			'The Secretary shall report annually.',
		]);
		expect(sentences('Shelter, food, clothing, etc. Services shall be provided.')).toEqual(['Shelter, food, clothing, etc.', 'Services shall be provided.']);
	});

	it('go on after "et seq." or "etc." inside a sentence', () => {
		expect(sentences('Under 22 U.S.C. 7101 et seq. (the Act) and 18 U.S.C. 1589 et seq. as amended, victims are protected.')).toHaveLength(1);
		expect(sentences('Shelter, food, etc. shall be provided. Then more.')).toEqual(['Shelter, food, etc. shall be provided.', 'Then more.']);
		expect(sentences('See 8 U.S.C. § 1101(a)(15)(T), i.e. the T visa, and Sec. 4(b)(2). It applies.')).toEqual([
			'See 8 U.S.C. § 1101(a)(15)(T), i.e. the T visa, and Sec. 4(b)(2).',
			'It applies.',
		]);
	});

	it('let each sentence around a citation ending in "et seq." have its own finding', () => {
		const text = 'Victims who agree to testify shall be eligible for shelter under 22 U.S.C. 7101 et seq. Victims who agree to testify shall receive housing.';
		const findings = builtinReviewer().review({ text, format: 'plaintext' }).findings.filter((f) => f.ruleId === 'conditional-services/cooperation-required');
		expect(findings.map((f) => f.offsets.start)).toEqual([text.indexOf('who'), text.lastIndexOf('who')]);
	});
});

describe('plain-text legislative headings', () => {
	it('recognise SEC., Section, Sec., Article, numbered and all-caps headings, alone or before their text', () => {
		const text = [
			'TITLE I—GENERAL PROVISIONS',
			'',
			'SEC. 4. DEFINITIONS.',
			'In this Act the term "victim" means a person.',
			'',
			'Section 2 —',
			'',
			'Text.',
			'',
			'Sec. 5. Services for victims.',
			'Services shall be provided.',
			'',
			'ARTICLE 3',
			'',
			'FUNDING',
			'',
			'3.1 Oversight',
			'',
			'Text.',
		].join('\n');
		expect(sections(text)).toEqual([
			['TITLE I—GENERAL PROVISIONS', 1, undefined],
			['SEC. 4. DEFINITIONS.', 2, 'TITLE I—GENERAL PROVISIONS'],
			['Section 2 —', 2, 'TITLE I—GENERAL PROVISIONS'],
			['Sec. 5. Services for victims.', 2, 'TITLE I—GENERAL PROVISIONS'],
			['ARTICLE 3', 2, 'TITLE I—GENERAL PROVISIONS'],
			['FUNDING', 2, 'TITLE I—GENERAL PROVISIONS'],
			['3.1 Oversight', 2, 'TITLE I—GENERAL PROVISIONS'],
		]);
	});

	it('do not take a citation or an all-caps sentence for a heading', () => {
		const text = 'Sec. 4(b) applies to every grant.\n\nNOTHING IN THIS ACT SHALL REQUIRE COOPERATION WITH LAW ENFORCEMENT.\n\nU.S. law applies.\n';
		expect(sections(text)).toEqual([]);
	});

	it('anchor a section finding on a "Sec. 5. Services for victims." heading', () => {
		const text = [
			'Sec. 4. Definitions.',
			'In this Act, "victim" means a person subjected to force, fraud or coercion.',
			'',
			'Sec. 5. Services for victims.',
			'Victims who assist law enforcement in the investigation will receive housing assistance and case management from the county.',
			'The sheriff shall keep a list of the victims who receive housing assistance under this section.',
			'',
		].join('\n');
		const findings = builtinReviewer().review({ text, format: 'plaintext' }).findings;
		const section = findings.find((f) => f.ruleId === 'conditional-services/services-section-without-unconditional-access');
		expect(section, findings.map((f) => f.ruleId).join(', ')).toBeDefined();
		expect(section!.range.start).toEqual({ line: 3, character: 0 });
		expect(section!.message).toMatch(/Sec\. 5\. Services for victims\./);
	});
});
