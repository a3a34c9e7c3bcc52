import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncrementalReviewer, type ReviewSettings } from '../../server/src/engine';
import { builtinReviewer } from '../helpers/rules';
import { generatePolicy, loadCorpus } from '../bench/generate';

const corpus = loadCorpus(path.resolve(__dirname, '..', '..'));
const reviewer = builtinReviewer();

/** Insertions that change Markdown structure as well as words. */
const INSERTS = ['x', ' ', '\n', '\n\n', '#', '# ', '- ', '1. ', '> ', '```', '~~~', '\n```\n', '<!--', '-->', '|', '---', '===', '*', '_', '[', ']:', '`', '    ', 'not ', 'shall not ', 'victims', 'detained', ' regardless of ', 'raids', 'cooperate with law enforcement', '"', '<!-- accountable-disable -->', '\r\n'];

const edit = fc.record({
	at: fc.double({ min: 0, max: 1, noNaN: true }),
	remove: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 200 })),
	insert: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 3 })),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
	const at = Math.min(text.length, Math.floor(e.at * text.length));
	return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('incremental review', () => {
	// CPU-bound: about 3 s on a quiet machine, up to 14 s measured on CI's loaded two cores: a timeout of its own, not vitest's 30 s.
	it('equals a full review after every edit, over random edit sequences on generated policies', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1000 }), fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 8 }), (seed, tricky, edits) => {
				let text = generatePolicy(4000, corpus, { seed, tricky });
				const incremental = new IncrementalReviewer(reviewer);
				expect(incremental.review({ text, format: 'markdown' })).toEqual(reviewer.review({ text, format: 'markdown' }));
				for (const e of edits) {
					text = apply(text, e);
					expect(incremental.review({ text, format: 'markdown' })).toEqual(reviewer.review({ text, format: 'markdown' }));
				}
			}),
			{ numRuns: 25 },
		);
	}, 120_000);

	it('equals a full review of plain text after every edit', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (seed, edits) => {
				let text = generatePolicy(4000, corpus, { seed }).replace(/^#+ /gm, '').replace(/[*`|>]/g, '');
				const incremental = new IncrementalReviewer(reviewer);
				for (const e of [{ at: 0, remove: 0, insert: '' }, ...edits]) {
					text = apply(text, e);
					expect(incremental.review({ text, format: 'plaintext' })).toEqual(reviewer.review({ text, format: 'plaintext' }));
				}
			}),
			{ numRuns: 10 },
		);
	});

	it('follows settings that change between reviews (rules off, severities, profile, minimum severity)', () => {
		const text = generatePolicy(20000, corpus, { seed: 7 });
		const incremental = new IncrementalReviewer(reviewer);
		const first = reviewer.review({ text, format: 'markdown' });
		expect(first.findings.length).toBeGreaterThan(5);
		const ruleId = first.findings[0]!.ruleId;
		const variants: ReviewSettings[] = [{}, { rules: { [ruleId]: 'off' } }, { rules: { [ruleId.split('/')[0]!]: 'error' } }, { profile: 'grant-proposal' }, { minSeverity: 'warning' }, {}];
		for (const settings of variants) {
			expect(incremental.review({ text, format: 'markdown' }, settings)).toEqual(reviewer.review({ text, format: 'markdown' }, settings));
		}
	});

	it('reads the stance of a document again when an edit reaches its head, and only then', () => {
		// A research report's opening makes the findings below it reported text; the same body under a bill's
		// opening is provisions. The incremental reviewer keeps the stance while edits stay below the head.
		const report = `# Findings\n\n${'We interviewed 40 participants and surveyed respondents (Smith, 2019); researchers found that 45% of informants were detained, et al. '.repeat(50)}\n\n`;
		const bill = `# The bill\n\n${'The department shall provide shelter and the agency shall fund services under section 4 of this act for every person. '.repeat(50)}\n\n`;
		const body = generatePolicy(20_000, corpus, { seed: 11 });
		const incremental = new IncrementalReviewer(reviewer);
		const reported = (text: string) => incremental.review({ text, format: 'markdown' }).findings.filter((f) => f.message.includes('in quoted or reported text')).length;
		const asReport = reported(report + body);
		const belowHead = report + body.replace('shall', 'shall not');
		const editedBelow = incremental.review({ text: belowHead, format: 'markdown' });
		expect(editedBelow).toEqual(reviewer.review({ text: belowHead, format: 'markdown' }));
		const asBill = reported(bill + body);
		expect(asReport).toBeGreaterThan(asBill);
		expect(incremental.review({ text: bill + body, format: 'markdown' })).toEqual(reviewer.review({ text: bill + body, format: 'markdown' }));
	});

	it('re-parses only the chunk an edit touched in a long document', () => {
		const text = generatePolicy(200_000, corpus, { seed: 3 });
		const incremental = new IncrementalReviewer(reviewer);
		incremental.review({ text, format: 'markdown' });
		const middle = text.indexOf('shall', text.length >> 1);
		const edited = `${text.slice(0, middle)}x${text.slice(middle)}`;
		const stats = incremental.lastStats;
		incremental.review({ text: edited, format: 'markdown' });
		expect(stats.chunks).toBeGreaterThan(100);
		expect(incremental.lastStats.parsed).toBe(1);
		expect(incremental.review({ text: edited, format: 'markdown' })).toEqual(reviewer.review({ text: edited, format: 'markdown' }));
	});
});
