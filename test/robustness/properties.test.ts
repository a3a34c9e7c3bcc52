import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import type { Finding, Range, ReviewResult } from '../../server/src/engine';
import { builtinReviewer, builtinRules } from '../helpers/rules';

/**
 * Properties every review must have, whatever the text: no exception, ranges inside the document on UTF-16
 * boundaries that agree with line/character as an LSP client counts them, the same findings for LF and CRLF,
 * and quick fixes that remove their finding without touching anything else. Run counts are fixed; the seed is
 * new each run and printed (ACCOUNTABLE_SEED replays a failure); fast-check prints the shrunk counterexample.
 */

const reviewer = builtinReviewer();

/** Sentences that the built-in rules flag or pass, taken from their own examples. */
const EXAMPLES = builtinRules()
	.rules.flatMap((r) => r.examples.map((e) => e.text.trim()))
	.filter((t) => t.length > 0 && t.length < 600);

const WORDS = [
	'victims', 'shall', 'only if', 'testify', 'cooperate with law enforcement', 'shelter', 'services', 'raid', 'sweep', 'deport', 'detain',
	'prostitution', 'trafficking', 'consent', 'regardless of', 'not', 'no', 'interpreter', 'counsel', 'funding', 'police', 'slavery', 'rescue',
];
const MARKUP = [
	'\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\t', '  ', '> ', '>> ', '- ', '* ', '1. ', '# ', '## ', '```', '```\n', '~~~', '|', '| --- |', '*', '**', '_', '[', ']', '(', ')',
	'<!--', '-->', '<!-- accountable-disable-next-line -->', '<!-- accountable-disable raids -->', '---\n', '\\', '`', '&amp;', '<br>', 'http://x.org',
];
const HOSTILE_UNITS = [
	'\u0000', '\uD800', '\uDC00', '\uDBFF\uDFFF', '😀', '👩🏽‍⚖️', '\u200F', '\u202E', '\u200B', '\uFEFF', 'שלום', 'مرحبا', 'עובדים', '中文', 'é', 'e\u0301', '\u2028', '\u2029', '\u0085',
];

const unit = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...WORDS).map((w) => `${w} `) },
	{ weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
	{ weight: 2, arbitrary: fc.constantFrom(...HOSTILE_UNITS) },
	{ weight: 2, arbitrary: fc.constantFrom(...EXAMPLES) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
	{ weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }) },
);
const text = fc.array(unit, { maxLength: 60 }).map((parts) => parts.join(''));
const format = fc.constantFrom('markdown' as const, 'plaintext' as const);

function isHigh(c: number): boolean {
	return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
	return c >= 0xdc00 && c <= 0xdfff;
}
/** True when `offset` falls between the two halves of a surrogate pair. */
function splitsPair(s: string, offset: number): boolean {
	return offset > 0 && offset < s.length && isHigh(s.charCodeAt(offset - 1)) && isLow(s.charCodeAt(offset));
}

function checkRange(s: string, doc: TextDocument, offsets: { start: number; end: number }, range: Range, what: string): void {
	expect(offsets.start, what).toBeGreaterThanOrEqual(0);
	expect(offsets.end, what).toBeGreaterThanOrEqual(offsets.start);
	expect(offsets.end, what).toBeLessThanOrEqual(s.length);
	expect(splitsPair(s, offsets.start), `${what} starts inside a surrogate pair`).toBe(false);
	expect(splitsPair(s, offsets.end), `${what} ends inside a surrogate pair`).toBe(false);
	expect(range.start, `${what} start position`).toEqual(doc.positionAt(offsets.start));
	expect(range.end, `${what} end position`).toEqual(doc.positionAt(offsets.end));
}

function checkResult(s: string, result: ReviewResult): void {
	const doc = TextDocument.create('file:///x.md', 'markdown', 1, s);
	for (const f of [...result.findings, ...result.suppressed, ...result.provisions]) {
		checkRange(s, doc, f.offsets, f.range, f.ruleId);
		expect(f.matchedText).toBe(s.slice(f.offsets.start, f.offsets.end));
		for (const r of f.related ?? []) checkRange(s, doc, r.offsets, r.range, `${f.ruleId} related`);
		for (const g of f.suggestions) checkRange(s, doc, g.offsets, g.range, `${f.ruleId} suggestion`);
	}
}

/** What a finding looks like independently of the line-break style. */
function lineBreakFree(f: Finding): string {
	const n = (s: string): string => s.replace(/\r\n/g, '\n');
	return JSON.stringify([f.ruleId, f.severity, f.range, n(f.message), n(f.matchedText), f.suggestions.map((s) => [s.kind, n(s.text), s.range])]);
}

describe('any text', () => {
	it('is reviewed without throwing, with every range inside the text on UTF-16 boundaries and matching line/character', () => {
		fc.assert(
			fc.property(text, format, (s, f) => {
				checkResult(s, reviewer.review({ text: s, format: f }));
			}),
			{ numRuns: 400 },
		);
	}, 120_000);

	it('gives the same findings with LF and CRLF line breaks', () => {
		const lfText = text.map((s) => s.replace(/\r\n?/g, '\n'));
		fc.assert(
			fc.property(lfText, format, (s, f) => {
				const lf = reviewer.review({ text: s, format: f }).findings.map(lineBreakFree);
				const crlf = reviewer.review({ text: s.replace(/\n/g, '\r\n'), format: f }).findings.map(lineBreakFree);
				expect(crlf).toEqual(lf);
			}),
			{ numRuns: 300 },
		);
	}, 120_000);
});

describe('large and deeply nested generated Markdown', () => {
	const nested = fc.record({
		depth: fc.integer({ min: 1, max: 3000 }),
		marker: fc.constantFrom('> ', '- ', '* ', '1. ', '> - ', '  '),
		body: fc.constantFrom(...EXAMPLES),
		fence: fc.boolean(),
		rows: fc.integer({ min: 0, max: 1000 }),
		longLine: fc.integer({ min: 0, max: 100_000 }),
	});
	it('nested lists and quotes, unclosed fences, huge tables and long lines never throw', () => {
		fc.assert(
			fc.property(nested, format, ({ depth, marker, body, fence, rows, longLine }, f) => {
				const s = [
					`${marker.repeat(depth)}${body}`,
					fence ? '```\nunclosed fence' : '',
					rows > 0 ? `| a | b |\n|---|---|\n${`| ${body.slice(0, 40)} | x |\n`.repeat(rows)}` : '',
					longLine > 0 ? `${'word '.repeat(longLine / 5)}${body}` : '',
				].join('\n\n');
				checkResult(s, reviewer.review({ text: s, format: f }));
			}),
			{ numRuns: 12 },
		);
	}, 120_000);
});

describe('quick fixes', () => {
	const drafts = fc
		.array(
			fc.oneof(
				{ weight: 5, arbitrary: fc.constantFrom(...EXAMPLES) },
				{ weight: 1, arbitrary: fc.constantFrom('# Services', '## Definitions', '## Funding', '### Enforcement', 'SEC. 3. SERVICES.', '- item one', '> quoted') },
			),
			{ minLength: 1, maxLength: 8 },
		)
		.chain((parts) => fc.constantFrom('\n\n', '\r\n\r\n', '\n').map((sep) => parts.join(sep)));

	it('applying any suggestion removes its finding and leaves the other findings’ texts as they were', () => {
		let applied = 0;
		fc.assert(
			fc.property(drafts, format, (s, f) => {
				const before = reviewer.review({ text: s, format: f });
				for (const finding of before.findings) {
					for (const suggestion of finding.suggestions) {
						applied++;
						const { start, end } = suggestion.offsets;
						const edited = s.slice(0, start) + suggestion.text + s.slice(end);
						const delta = suggestion.text.length - (end - start);
						const after = reviewer.review({ text: edited, format: f });
						checkResult(edited, after);
						const moved = (o: number): number => (o >= end ? o + delta : o);
						// The finding is gone: the same rule no longer reports the same place.
						const same = after.findings.filter((g) => g.ruleId === finding.ruleId && g.offsets.start === moved(finding.offsets.start) && g.matchedText === (finding.offsets.start >= end ? finding.matchedText : g.matchedText));
						expect(same.map((g) => `${g.ruleId} “${g.matchedText}”`), `after “${suggestion.title}” in:\n${s}`).toEqual([]);
						// Nothing new in the text: every span finding after the fix was there before (same rule, same
						// words). Section and document findings may change: the fix adds words, and those rules wait
						// for a minimum length before they judge a section or a document.
						const key = (g: Finding): string => `${g.ruleId}\u0000${g.matchedText}`;
						const was = new Map<string, number>();
						for (const g of before.findings) was.set(key(g), (was.get(key(g)) ?? 0) + 1);
						// A finding of another rule whose words included the replaced text (a headline-number claim around
						// "sex slaves") necessarily reads differently after the fix: the same rule over the same place is
						// the same finding, not a new one. A finding the inserted words bring on their own still fails.
						const inserted = { start, end: start + suggestion.text.length };
						const rewordedOld = (g: Finding): boolean =>
							g.offsets.start < inserted.end && g.offsets.end > inserted.start &&
							before.findings.some((b) => b !== finding && b.ruleId === g.ruleId && b.offsets.start < end && b.offsets.end > start);
						for (const g of after.findings.filter((x) => x.scope === 'span' && !rewordedOld(x))) {
							const n = was.get(key(g)) ?? 0;
							expect(n, `“${suggestion.title}” brought ${g.ruleId} “${g.matchedText}” into:\n${edited}`).toBeGreaterThan(0);
							was.set(key(g), n - 1);
						}
					}
				}
			}),
			{
				numRuns: 150,
				// Counterexamples found before, tried on every run. Seed -449620848: after the fix named "the person",
				// "she" went back to them and the diversion programme became a finding; "she" went to the traffickers
				// before, though "Her" opening the sentence stood for the victims (reading/anaphora.ts).
				// Seed 1498339018: the fix of a detention finding resolved it, and the consent finding that had yielded to it
				// on the same words came back; a yielding rule is now resolved by the model clauses it yields to.
				examples: [
					['Victims who assist in the investigation and prosecution of traffickers will receive housing assistance.\nHer case will be dropped once she successfully completes the diversion program.\n# Services', 'markdown'],
					['Victims who are material witnesses may be placed in protective custody until the trial.\n\nA temporary stay may be granted to a foreign national on the recommendation of the police.', 'markdown'],
					// Seed -442283866: a raid pattern held the rescue word, so rewording "freed" changed the raid finding's
					// text. Seed 846994347: the fix for "sex slaves" left "to work as human trafficking", and a consent
					// finding on "relocating them" appeared.
					['Seven women were freed from a brothel after the operation.\n\nA temporary stay may be granted to a foreign national on the recommendation of the police.', 'markdown'],
					['The trade involves recruiting people from one country and relocating them to another to work as sex slaves.', 'markdown'],
				],
			},
		);
		expect(applied).toBeGreaterThan(50);
	}, 120_000);
});
