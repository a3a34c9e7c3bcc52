import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncrementalReviewer, type ReviewResult, type ReviewSettings } from '../../server/src/engine';
import { builtinReviewer } from '../helpers/rules';
import { densePolicy, generatePolicy, loadCorpus } from '../bench/generate';

/**
 * What the incremental reviewer keeps between reviews (findings per chunk, section-rule hits and answers per
 * section, blocks moved rather than rebuilt, chunks found by position) must never show: every review equals
 * a full review of the same text, whatever the edit changed around the kept parts.
 */
const corpus = loadCorpus(path.resolve(__dirname, '..', '..'));
const reviewer = builtinReviewer();

function expectFull(incremental: IncrementalReviewer, text: string, settings: ReviewSettings = {}, format: 'markdown' | 'plaintext' = 'markdown'): ReviewResult {
	const result = incremental.review({ text, format }, settings);
	expect(result).toEqual(reviewer.review({ text, format }, settings));
	return result;
}

function insertAt(text: string, at: number, insert: string, remove = 0): string {
	return text.slice(0, at) + insert + text.slice(at + remove);
}

/** The offset of the start of the line holding `needle`'s first occurrence after `from`. */
function lineStartOf(text: string, needle: string | RegExp, from = 0): number {
	const rest = text.slice(from);
	const at = typeof needle === 'string' ? rest.indexOf(needle) : rest.search(needle);
	if (at < 0) throw new Error(`not found: ${String(needle)}`);
	return text.lastIndexOf('\n', from + at) + 1;
}

describe('incremental review: kept findings, sections and blocks', () => {
	const text = generatePolicy(40_000, corpus, { seed: 11 });

	it('re-reviews only the sections around a one-character edit, with the same results', () => {
		const incremental = new IncrementalReviewer(reviewer);
		const first = expectFull(incremental, text);
		const middle = text.indexOf(' ', text.length >> 1) + 1;
		expectFull(incremental, insertAt(text, middle, 'x'));
		expect(incremental.lastStats.parsed).toBe(1);
		// The root, the title's section and the edited one's ancestors: a handful of the document's sections.
		expect(incremental.lastStats.sectionsReviewed).toBeLessThan(first.document.sections.length / 4);
		expectFull(incremental, text);
		expect(incremental.lastStats.sectionsReviewed).toBeLessThan(first.document.sections.length / 4);
	});

	it('follows typing forward and lines added and removed before kept findings', () => {
		const incremental = new IncrementalReviewer(reviewer);
		let current = text;
		expectFull(incremental, current);
		const at = lineStartOf(current, /^## /m, current.length >> 2);
		for (const [i, ch] of [...'Trafficked persons\n\n'].entries()) {
			current = insertAt(current, at + i, ch);
			expectFull(incremental, current);
		}
		current = insertAt(current, at, '', 'Trafficked persons\n\n'.length);
		expect(current).toBe(text);
		expectFull(incremental, current);
		// A line break at the very start moves every line of the document.
		expectFull(incremental, `\n${current}`);
		expectFull(incremental, current);
	});

	it('follows headings added, removed and renamed (sections of later blocks and section rules change)', () => {
		const incremental = new IncrementalReviewer(reviewer);
		expectFull(incremental, text);
		const at = lineStartOf(text, /^### /m, text.length >> 1);
		// A new top-level section takes every later subsection out of its parent.
		const withHeading = insertAt(text, at, '## Services for victims\n\nVictims who cooperate with law enforcement shall receive shelter and services.\n\n');
		expectFull(incremental, withHeading);
		// Renamed so the section is about services (a missing-element rule's topic heading), then back.
		const heading = lineStartOf(withHeading, /^### /m, at + 10);
		const lineEnd = withHeading.indexOf('\n', heading);
		const renamed = insertAt(withHeading, heading, '### Assistance and shelter for victims', lineEnd - heading);
		expectFull(incremental, renamed);
		// The safeguard the section lacked, then removed again.
		const safeguard = insertAt(renamed, renamed.indexOf('\n', heading) + 1, '\nServices shall be provided regardless of cooperation with law enforcement.\n');
		expectFull(incremental, safeguard);
		expectFull(incremental, renamed);
		// A heading demoted and promoted: the section tree around it changes, the blocks do not.
		expectFull(incremental, insertAt(renamed, heading, '#'));
		expectFull(incremental, insertAt(renamed, heading, '', 1));
		expectFull(incremental, text);
	});

	it('follows suppression comments added and removed around kept findings', () => {
		const incremental = new IncrementalReviewer(reviewer);
		const first = expectFull(incremental, text);
		const target = first.findings[Math.floor(first.findings.length / 2)]!;
		const line = lineStartOf(text, text.slice(target.offsets.start, target.offsets.end), target.offsets.start);
		const suppressed = insertAt(text, line, `<!-- accountable-disable-next-line ${target.ruleId} -- tested -->\n`);
		const result = expectFull(incremental, suppressed);
		expect(result.suppressed.map((f) => f.ruleId)).toContain(target.ruleId);
		const region = insertAt(text, line, '<!-- accountable-disable -->\n\n');
		expect(expectFull(incremental, region).suppressed.length).toBeGreaterThan(0);
		expectFull(incremental, insertAt(region, region.length, '\n<!-- accountable-enable -->\n'));
		expectFull(incremental, text);
	});

	it('follows the profile (detected from the head, or set) and settings changing between edits', () => {
		const incremental = new IncrementalReviewer(reviewer);
		expectFull(incremental, text);
		expect(incremental.review({ text, format: 'markdown' }).profile).toBe('bill');
		// Only the head decides the profile: one that reads as a grant proposal turns the bill into one.
		const grant = `${'Budget justification, statement of need and logic model of this grant application. '.repeat(240)}\n\n${text}`;
		expect(expectFull(incremental, grant).profile).toBe('grant-proposal');
		const middle = grant.indexOf(' ', grant.length >> 1) + 1;
		const edited = insertAt(grant, middle, 'x');
		const ruleId = reviewer.review({ text: edited, format: 'markdown' }).findings[0]!.ruleId;
		for (const settings of [{ profile: 'bill' }, { rules: { [ruleId]: 'off' } }, { rules: { [ruleId]: 'hint' } }, { minSeverity: 'warning' }, {}] as ReviewSettings[]) {
			expectFull(incremental, edited, settings);
			expectFull(incremental, grant, settings);
		}
	});

	it('keeps repeated paragraphs apart, and starts again when the format changes', () => {
		const incremental = new IncrementalReviewer(reviewer);
		expectFull(incremental, text);
		const at = lineStartOf(text, /^\d+\. /m, text.length >> 1);
		const paragraph = 'Persons found during an operation may be held in protective custody until they agree to testify.\n\n';
		const twice = insertAt(text, at, paragraph + paragraph);
		expectFull(incremental, twice);
		expectFull(incremental, insertAt(twice, at, paragraph));
		expectFull(incremental, insertAt(twice, at + paragraph.length, 'x'));
		expectFull(incremental, twice, {}, 'plaintext');
		expectFull(incremental, twice);
	});

	it('keeps the findings of unchanged sections through edits before them, line breaks, a change of line ending and edits at the end', () => {
		const dense = densePolicy(60_000, corpus, path.resolve(__dirname, '..', '..'));
		const incremental = new IncrementalReviewer(reviewer);
		const first = expectFull(incremental, dense);
		expect(first.findings.filter((f) => f.scope === 'section').length).toBeGreaterThan(10);
		const early = dense.indexOf(' ', dense.length >> 3) + 1;
		const space = dense.indexOf(' ', dense.length >> 2);
		const steps: Array<(t: string) => string> = [
			(t) => insertAt(t, early, 'x'), // later sections move by a character, on the same lines
			(t) => insertAt(t, early, '', 1),
			(t) => insertAt(t, early, '\n\n'), // and by lines
			(t) => insertAt(t, space, '\n', 1), // the same length, one line more
			(t) => insertAt(t, space, ' ', 1),
			(t) => insertAt(t, early, '\r\n'), // the document's line break now \r\n: model clauses are joined with it
			(t) => insertAt(t, early, '', 2),
			(t) => `${t}\n\nThe agency may share data with immigration enforcement.\n`, // clauses placed at the document's end move
			(t) => t.slice(0, t.lastIndexOf('\n\nThe agency')),
		];
		let current = dense;
		for (const step of steps) {
			current = step(current);
			expectFull(incremental, current);
		}
	});

	it('keeps the findings of definitions in unchanged sections through edits before them, and judges a changed definition or section title again', () => {
		const dense = densePolicy(60_000, corpus, path.resolve(__dirname, '..', '..'));
		const incremental = new IncrementalReviewer(reviewer);
		const isDefinition = (f: { ruleId: string }): boolean => /definition-(?:without-coercion|sex-only)$/.test(f.ruleId);
		const first = expectFull(incremental, dense);
		const definitions = first.findings.filter(isDefinition);
		expect(definitions.length).toBeGreaterThan(5);
		// The second "DEFINITIONS" section: sections before it can be edited while it stays as it was.
		const heading = lineStartOf(dense, 'SEC. 2. DEFINITIONS', lineStartOf(dense, 'SEC. 2. DEFINITIONS') + 10);
		const early = dense.indexOf(' ', heading >> 1) + 1;
		const headingEnd = dense.indexOf('\n', heading);
		const term = dense.indexOf('"Human trafficking" means', heading);
		const definitionEnd = dense.indexOf('commercial sex act.', term) + 'commercial sex act'.length;
		const steps: Array<(t: string) => string> = [
			(t) => insertAt(t, early, 'x'), // kept definitions move by a character
			(t) => insertAt(t, early, '', 1),
			(t) => insertAt(t, early, '\n\n'), // and by lines
			(t) => insertAt(t, early, '', 2),
			// The definition itself: given coercion, then as it was.
			(t) => insertAt(t, definitionEnd + 0, ' by means of force, fraud or coercion'),
			(t) => insertAt(t, definitionEnd, '', ' by means of force, fraud or coercion'.length),
			// The section's title (an item that opens with a term defines it only under a definitions heading), and back.
			(t) => insertAt(t, heading, 'SEC. 2. SCOPE', headingEnd - heading),
			(t) => insertAt(t, heading, 'SEC. 2. DEFINITIONS', 'SEC. 2. SCOPE'.length),
			// The heading removed (its blocks join the section before), then back.
			(t) => insertAt(t, heading, '', headingEnd - heading + 1),
			() => dense,
		];
		let current = dense;
		for (const step of steps) {
			current = step(current);
			expectFull(incremental, current);
		}
		expect(expectFull(incremental, current).findings.filter(isDefinition)).toEqual(definitions);
	});

	it('equals a full review after random edits to a longer policy', () => {
		const INSERTS = ['x', '\n', '\n\n', '## Services\n\n', '### Screening\n\n', '- ', '> ', '```\n', 'not ', 'law enforcement ', '<!-- accountable-disable-line -->', '\r\n'];
		const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 })), insert: fc.constantFrom(...INSERTS) });
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(edit, { minLength: 1, maxLength: 5 }), (seed, edits) => {
				let current = generatePolicy(15_000, corpus, { seed });
				const incremental = new IncrementalReviewer(reviewer);
				expectFull(incremental, current);
				for (const e of edits) {
					const at = Math.floor(e.at * current.length);
					current = insertAt(current, at, e.insert, Math.min(e.remove, current.length - at));
					expectFull(incremental, current);
				}
			}),
			{ numRuns: 8 },
		);
	});
});
