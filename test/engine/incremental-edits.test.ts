import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncrementalReviewer, type Unchanged } from '../../server/src/engine';
import { builtinReviewer } from '../helpers/rules';

// An editor tells the server which stretch of the text each change replaced; the server passes the engine how
// much of the text at its start and end the changes since its last review left alone (Unchanged), and the
// engine then takes the chunks there as unchanged without comparing their texts. These hold the engine to a
// whole review over random edits of a real document: a wrong count, or one taken where it does not hold, keeps
// a chunk's findings for text that changed. fast-check prints the seed of a failing run.
const reviewer = builtinReviewer();
const BILL = fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'draft-state-bill.md'), 'utf8');
// The bill three times over: repeated paragraphs keep a findings list per repeat (pipeline.ts's assemble).
const DOCUMENTS = [BILL, [BILL, BILL, BILL].join('\n')];

/** Insertions that change Markdown structure as well as words. */
const INSERTS = ['x', ' ', '\n', '\n\n', '# ', '- ', '1. ', '> ', '```', '\n```\n', '<!--', '-->', '|', '*', '`', 'not ', 'shall not ', 'detained', 'cooperate with law enforcement', '<!-- accountable-disable -->', '\r\n'];

const edit = fc.record({
	at: fc.nat(),
	remove: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 300 })),
	insert: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 3 }), fc.constant('')),
	// Typing over a character: the text keeps its length, so only the edit's own chunk changed.
	over: fc.boolean(),
	// Whether the document is reviewed after this edit; if not, the next review's Unchanged counts both.
	review: fc.boolean(),
});

describe('incremental review told what the edits left unchanged', () => {
	it('equals a whole review after random edits of the example bill', () => {
		fc.assert(
			fc.property(fc.constantFrom(...DOCUMENTS.keys()), fc.array(edit, { minLength: 1, maxLength: 10 }), (which, edits) => {
				let text = DOCUMENTS[which]!;
				const incremental = new IncrementalReviewer(reviewer);
				incremental.review({ text, format: 'markdown' });
				let unchanged: Unchanged = { prefix: Infinity, suffix: Infinity };
				edits.forEach((e, i) => {
					const at = e.at % (text.length + 1);
					const end = Math.min(text.length, at + (e.over ? e.insert.length : e.remove));
					unchanged = { prefix: Math.min(unchanged.prefix, at), suffix: Math.min(unchanged.suffix, text.length - end) };
					text = text.slice(0, at) + e.insert + text.slice(end);
					if (!e.review && i < edits.length - 1) return;
					expect(incremental.review({ text, format: 'markdown' }, {}, undefined, unchanged)).toEqual(reviewer.review({ text, format: 'markdown' }));
					unchanged = { prefix: Infinity, suffix: Infinity };
				});
			}),
			{ numRuns: 60 },
		);
	}, 120_000);

	it('reads again the chunk of a character typed over, which keeps the text its length', () => {
		const incremental = new IncrementalReviewer(reviewer);
		incremental.review({ text: BILL, format: 'markdown' });
		const at = BILL.indexOf('law enforcement') + 1;
		const text = `${BILL.slice(0, at)}X${BILL.slice(at + 1)}`;
		expect(incremental.review({ text, format: 'markdown' }, {}, undefined, { prefix: at, suffix: BILL.length - at - 1 })).toEqual(reviewer.review({ text, format: 'markdown' }));
		expect(incremental.lastStats.parsed).toBe(1);
	});

	it('takes no count of a stage of a first review, whose text was cut short', () => {
		// A stage reviews the text up to a point; counts of what an edit left at the end are of the whole text.
		const text = `${BILL}\n${BILL.toUpperCase()}`;
		const incremental = new IncrementalReviewer(reviewer);
		incremental.review({ text, format: 'markdown' }, {}, BILL.length);
		const edited = `x${text}`;
		expect(incremental.review({ text: edited, format: 'markdown' }, {}, undefined, { prefix: 0, suffix: text.length })).toEqual(reviewer.review({ text: edited, format: 'markdown' }));
	});
});
