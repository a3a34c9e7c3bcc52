import { shiftOffsets, type Finding, type Offsets, type Range, type Suggestion } from '../finding';

/**
 * A kept finding moved with its chunk: `by` characters and `lines` lines. Chunks start at the start of a
 * line, so characters within a line do not depend on where the chunk is.
 */
export function movedFinding(f: Finding, by: number, lines: number): Finding {
	// Ranges are never changed in place: a finding moved along its lines (any edit that adds or removes no line
	// break before it) keeps its range objects, so that each keystroke makes and keeps fewer objects. Every
	// finding after an edit is moved on each keystroke: copied field by field, in the order toFinding makes them
	// (the order JSON shows them in), rather than spread.
	const out: Finding = {
		ruleId: f.ruleId,
		category: f.category,
		severity: f.severity,
		scope: f.scope,
		message: f.message,
		range: lines === 0 ? f.range : moveRange(f.range, lines),
		offsets: shiftOffsets(f.offsets, by),
		matchedText: f.matchedText,
		suggestions: f.suggestions.length === 0 ? f.suggestions : f.suggestions.map((s) => movedSuggestion(s, by, lines)),
		docUrl: f.docUrl,
	};
	if (f.quoted !== undefined) out.quoted = f.quoted;
	if (f.related) out.related = f.related.map((r) => ({ message: r.message, offsets: shiftOffsets(r.offsets, by), range: lines === 0 ? r.range : moveRange(r.range, lines) }));
	if (f.suppression) out.suppression = f.suppression;
	return out;
}

function movedSuggestion(s: Suggestion, by: number, lines: number): Suggestion {
	const out: Suggestion = { kind: s.kind, title: s.title, text: s.text, offsets: shiftOffsets(s.offsets, by), range: lines === 0 ? s.range : moveRange(s.range, lines) };
	if (s.where !== undefined) out.where = s.where;
	return out;
}

/** Whether a finding's offsets, suggestions and related locations all lie in [start, end]. */
export function findingWithin(f: Finding, start: number, end: number): boolean {
	const inside = (o: Offsets): boolean => o.start >= start && o.end <= end;
	return inside(f.offsets) && f.suggestions.every((s) => inside(s.offsets)) && (f.related ?? []).every((r) => inside(r.offsets));
}

function moveRange(r: Range, lines: number): Range {
	return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}
