import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncrementalReviewer, SEVERITIES, severityRank, type Finding, type Severity } from '../../server/src/engine';
import { codeActionsFor } from '../../server/src/lsp/codeActions';
import { findingDiagnostics, findingSuggestions, toDiagnostic } from '../../server/src/lsp/diagnostics';
import type { DiagnosticData } from '../../server/src/lsp/protocol';
import { builtinReviewer } from '../helpers/rules';
import { densePolicy, loadCorpus } from '../bench/generate';

const ROOT = path.resolve(__dirname, '..', '..');
const URI = 'file:///work/policy.md';

/** The published selection as the setting describes it: the `max` most severe, the earlier first among equals, in document order. */
function mostSevere(findings: readonly Finding[], max: number): Finding[] {
	return findings
		.map((finding, index) => ({ finding, index }))
		.sort((a, b) => severityRank(a.finding.severity) - severityRank(b.finding.severity) || a.index - b.index)
		.slice(0, max)
		.sort((a, b) => a.index - b.index)
		.map(({ finding }) => finding);
}

describe('the diagnostics published for a document', () => {
	const reviewer = builtinReviewer();
	const text = densePolicy(60_000, loadCorpus(ROOT), ROOT);
	const findings = reviewer.review({ text, format: 'markdown' }).findings;

	it('are the most severe findings up to maxNumberOfProblems, in document order, after one line saying how many there are', () => {
		expect(new Set(findings.map((f) => f.severity)).size).toBeGreaterThan(2);
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...SEVERITIES), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 320 }), (severities: Severity[], max) => {
				const list = severities.map((severity, i) => ({ ...findings[i % findings.length]!, severity }));
				const published = findingDiagnostics(list, URI, max);
				if (list.length <= max) {
					expect(published).toEqual(list.map((f) => toDiagnostic(f, URI)));
					return;
				}
				expect(published[0]!.code).toBe('accountable/too-many-findings');
				expect(published[0]!.message).toContain(`${max} most severe of this document's ${list.length} findings`);
				expect(published.slice(1)).toEqual(mostSevere(list, max).map((f) => toDiagnostic(f, URI)));
			}),
			{ numRuns: 200 },
		);
	});

	it('after a one-character edit are those of a whole review of the edited text, the moved findings\' reused', () => {
		const incremental = new IncrementalReviewer(reviewer);
		const before = findingDiagnostics(incremental.review({ text, format: 'markdown' }).findings, URI, 1e9);
		const middle = text.indexOf(' ', text.length >> 1) + 1;
		const edited = `${text.slice(0, middle)}x${text.slice(middle)}`;
		const after = findingDiagnostics(incremental.review({ text: edited, format: 'markdown' }).findings, URI, 1e9);
		// A whole review's findings are new objects: their diagnostics are made afresh.
		expect(after).toEqual(findingDiagnostics(reviewer.review({ text: edited, format: 'markdown' }).findings, URI, 1e9));
		// Findings after the edit moved along their lines: the server publishes the diagnostics it already made.
		const last = after.length - 1;
		expect(after[last]!.range.start.line).toBeGreaterThan(text.slice(0, middle).split('\n').length);
		expect(after[last]).toBe(before[last]);
	});

	it('are made again when a finding keeps its range but says something else', () => {
		const f = findings.find((x) => x.suggestions.length > 0)!;
		const first = toDiagnostic(f, URI);
		expect(toDiagnostic({ ...f, offsets: { start: f.offsets.start + 1, end: f.offsets.end + 1 } }, URI)).toBe(first);
		expect(toDiagnostic({ ...f, message: 'Another message' }, URI).message).toBe('Another message');
		expect(toDiagnostic({ ...f, severity: f.severity === 'hint' ? 'error' : 'hint' }, URI).severity).not.toBe(first.severity);
		expect(toDiagnostic({ ...f, suggestions: [...f.suggestions, f.suggestions[0]!] }, URI).data).toMatchObject({ fixes: f.suggestions.length + 1 });
	});

	it('say how many suggestions a finding has, and its quick fixes are exactly its suggestions, looked up by the server', () => {
		const withSuggestions = findings.filter((f) => f.suggestions.length > 0);
		expect(withSuggestions.length).toBeGreaterThan(50);
		const diagnostics = findingDiagnostics(findings, URI, 1e9);
		// No suggestion's title or text is sent with a diagnostic (they were half of each publish).
		expect(diagnostics.some((d) => JSON.stringify(d).includes('"suggestions"'))).toBe(false);
		diagnostics.forEach((d, i) => {
			const f = findings[i]!;
			expect((d.data as DiagnosticData | undefined)?.fixes).toBe(f.suggestions.length || undefined);
			// What the published diagnostic carried before, and what a code action made from it edits.
			const expected = f.suggestions.map((s) => ({ kind: s.kind, title: s.title, text: s.text, range: s.range }));
			expect(findingSuggestions(d, findings)).toEqual(expected);
			const params = { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } };
			const edits = codeActionsFor(params, () => undefined, () => findings).flatMap((a) => (a.edit ? a.edit.changes![URI]! : []));
			expect(edits).toEqual(expected.map((s) => ({ range: s.range, newText: s.text })));
		});
	});

	it('have no suggestions once the finding is gone or says something else (a review since), and keep those a diagnostic carries', () => {
		const f = findings.find((x) => x.suggestions.length > 0)!;
		const d = toDiagnostic(f, URI);
		expect(findingSuggestions(d, findings)).not.toEqual([]);
		expect(findingSuggestions({ ...d, message: 'Another message' }, findings)).toEqual([]);
		expect(findingSuggestions(d, findings.filter((x) => x !== f))).toEqual([]);
		expect(findingSuggestions(d, undefined)).toEqual([]);
		// A diagnostic published by an earlier server carries its suggestions.
		const carried = [{ kind: 'insert' as const, title: 'T', text: 'x', range: d.range }];
		expect(findingSuggestions({ ...d, data: { suggestions: carried } }, undefined)).toEqual(carried);
	});
});

