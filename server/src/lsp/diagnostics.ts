import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { SEVERITIES, severityRank, type Finding, type LoadError, type Severity } from '../engine';
import { DIAGNOSTIC_SOURCE, ServerCodes, type DiagnosticData, type FindingData, type SuggestionData } from './protocol';

/** The one place findings and problems become LSP diagnostics. */

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	information: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

/**
 * Diagnostics already made, by finding: an incremental re-review returns the same Finding objects for the
 * parts of a document an edit did not move, and their diagnostics need not be made again on each keystroke.
 */
const made = new WeakMap<Finding, { uri: string; diagnostic: Diagnostic }>();

/**
 * Diagnostics already made, by the finding's range object: a finding an edit moved along its lines (the edit
 * added or removed no line break before it) is a new Finding that keeps its range objects (movedFinding), and
 * its diagnostic is the same as before when everything it shows is (sameDiagnostic).
 */
const madeByRange = new WeakMap<Finding['range'], { uri: string; finding: Finding; diagnostic: Diagnostic }>();

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
	const known = made.get(finding);
	if (known?.uri === uri) return known.diagnostic;
	const moved = madeByRange.get(finding.range);
	const diagnostic = moved?.uri === uri && sameDiagnostic(moved.finding, finding) ? moved.diagnostic : makeDiagnostic(finding, uri);
	made.set(finding, { uri, diagnostic });
	madeByRange.set(finding.range, { uri, finding, diagnostic });
	return diagnostic;
}

/** Whether two findings with the same range object make the same diagnostic (makeDiagnostic reads nothing else). */
function sameDiagnostic(a: Finding, b: Finding): boolean {
	if (a.severity !== b.severity || a.ruleId !== b.ruleId || a.docUrl !== b.docUrl || a.message !== b.message || a.scope !== b.scope || !a.quoted !== !b.quoted) return false;
	if (a.suggestions.length !== b.suggestions.length || (a.related?.length ?? 0) !== (b.related?.length ?? 0)) return false;
	for (let i = 0; i < (a.related?.length ?? 0); i++) if (a.related![i]!.range !== b.related![i]!.range || a.related![i]!.message !== b.related![i]!.message) return false;
	return true;
}

function makeDiagnostic(finding: Finding, uri: string): Diagnostic {
	const data: DiagnosticData = {};
	if (finding.scope !== 'span') data.scope = finding.scope;
	if (finding.quoted) data.quoted = true;
	// How many, not what: the suggestions' titles and texts were half of each publish, sent again on every
	// keystroke; a client asks for them when it needs them (findingSuggestions: quick fixes, Requests.suggestions).
	if (finding.suggestions.length > 0) data.fixes = finding.suggestions.length;
	const diagnostic: Diagnostic = {
		range: finding.range,
		severity: SEVERITY[finding.severity],
		source: DIAGNOSTIC_SOURCE,
		code: finding.ruleId,
		codeDescription: { href: finding.docUrl },
		message: finding.message,
	};
	if (Object.keys(data).length > 0) diagnostic.data = data;
	if (finding.related && finding.related.length > 0) {
		diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
	}
	return diagnostic;
}

/** What one of our finding's diagnostics says of it (its code, link and `data`), or undefined for anyone else's. */
export function findingData(diagnostic: Diagnostic): FindingData | undefined {
	if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
	const ruleId = diagnostic.code;
	const docUrl = diagnostic.codeDescription?.href;
	if (typeof ruleId !== 'string' || !ruleId.includes('/') || typeof docUrl !== 'string') return undefined;
	const data = (diagnostic.data ?? {}) as DiagnosticData;
	return { ruleId, category: ruleId.split('/')[0]!, docUrl, scope: data.scope ?? 'span', quoted: data.quoted };
}

/** A finding's suggestions as a client applies them (an edit of `range` to `text`). */
export function suggestionData(finding: Finding): SuggestionData[] {
	return finding.suggestions.map((s) => ({ kind: s.kind, title: s.title, text: s.text, range: s.range }));
}

/**
 * The suggestions of one of our diagnostics: those it carries (a diagnostic made by an earlier server), else
 * those of the finding it was made from, looked up in the findings it was published with (same rule, range and
 * message; the first such finding, as a diagnostic cannot tell two identical findings apart). None when the
 * diagnostic is not among them (a review since has changed or removed it).
 */
export function findingSuggestions(diagnostic: Pick<Diagnostic, 'code' | 'range' | 'message' | 'data'>, findings: readonly Finding[] | undefined): SuggestionData[] {
	const carried = (diagnostic.data as DiagnosticData | undefined)?.suggestions;
	if (Array.isArray(carried)) return carried;
	if (!findings || typeof diagnostic.code !== 'string') return [];
	const { start, end } = diagnostic.range;
	const finding = findings.find(
		(f) =>
			f.range.start.line === start.line &&
			f.range.start.character === start.character &&
			f.range.end.line === end.line &&
			f.range.end.character === end.character &&
			f.ruleId === diagnostic.code &&
			f.message === diagnostic.message,
	);
	return finding ? suggestionData(finding) : [];
}

/**
 * The diagnostics published for a document's findings: every one up to `max`; beyond that the `max` most
 * severe (in document order, the earlier first among equals) and one line at the top that says how many
 * are not shown, and where to see them all.
 */
export function findingDiagnostics(findings: readonly Finding[], uri: string, max: number, diagnostic: (f: Finding) => Diagnostic = (f) => toDiagnostic(f, uri)): Diagnostic[] {
	if (findings.length <= max) return findings.map(diagnostic);
	// Counted, not sorted: every finding more severe than the least severe shown, and the earliest of that
	// severity up to `max` (each keystroke of a document with tens of thousands of findings publishes again).
	const bySeverity = findings.reduce((counts, f) => {
		counts[severityRank(f.severity)]!++;
		return counts;
	}, SEVERITIES.map(() => 0));
	let cutoff = 0;
	let room = max;
	while (cutoff < bySeverity.length - 1 && bySeverity[cutoff]! < room) room -= bySeverity[cutoff++]!;
	const shown = [tooManyFindingsDiagnostic(findings.length, max)];
	for (const f of findings) {
		const rank = severityRank(f.severity);
		if (rank < cutoff || (rank === cutoff && room-- > 0)) shown.push(diagnostic(f));
	}
	return shown;
}

/** A diagnostic about the document as a whole, not about words in it: placed at its start. */
function aboutTheDocument(severity: DiagnosticSeverity, code: string, message: string): Diagnostic {
	return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, source: DIAGNOSTIC_SOURCE, code, message };
}

function tooManyFindingsDiagnostic(total: number, shown: number): Diagnostic {
	return aboutTheDocument(DiagnosticSeverity.Information, ServerCodes.tooManyFindings, l10n.t("Accountable shows the {0} most severe of this document's {1} findings (setting accountable.maxNumberOfProblems). The accountability report (Accountable: Show Accountability Report) and the CLI list every finding.", shown, total));
}

/** The single diagnostic shown instead of a review when a document is over the size limit. */
export function tooLargeDiagnostic(length: number, limit: number): Diagnostic {
	return aboutTheDocument(DiagnosticSeverity.Information, ServerCodes.tooLarge, l10n.t('Accountable did not review this document: {0} characters is over the limit of {1} (setting accountable.maxDocumentSize or maxDocumentSize in .accountable.yaml).', length, limit));
}

/** The single diagnostic shown instead of a review when a document holds binary content. */
export function binaryDiagnostic(): Diagnostic {
	return aboutTheDocument(DiagnosticSeverity.Information, ServerCodes.binary, l10n.t('Accountable did not review this document: it holds binary content (a NUL character near the start), not text.'));
}

/** Shown instead of a review that failed: never an empty list, which would read as "nothing found". */
export function reviewFailedDiagnostic(e: unknown): Diagnostic {
	return aboutTheDocument(DiagnosticSeverity.Error, ServerCodes.reviewFailed, l10n.t('Accountable could not review this document: {0}. See the Accountable output for details.', (e as Error)?.message ?? String(e)));
}

/** A .docx a workspace review could not read (encrypted, a .doc, damaged): an error where its findings would be. */
export function unreadableDocxDiagnostic(message: string): Diagnostic {
	return aboutTheDocument(DiagnosticSeverity.Error, ServerCodes.unreadableDocx, l10n.t('Accountable could not review this Word document: {0}', message));
}

/**
 * A problem in a configuration file or rule pack, shown on that file at its (1-based) line. `lineText` gives
 * the line's length so the whole line is underlined.
 */
export function loadErrorDiagnostic(error: LoadError, lineText: (line: number) => string | undefined, isConfig: boolean): Diagnostic {
	const line = Math.max(0, error.line - 1);
	const text = lineText(line) ?? '';
	const indent = text.length - text.trimStart().length;
	return {
		range: { start: { line, character: indent }, end: { line, character: Math.max(indent, text.length) } },
		severity: DiagnosticSeverity.Error,
		source: DIAGNOSTIC_SOURCE,
		code: isConfig ? ServerCodes.configError : ServerCodes.rulePackError,
		message: error.message,
	};
}
