import type { Finding } from '../../engine';
import type { WordLocation } from '../../node/docx';
import type { FormatInput, RulesUsed } from './types';

/**
 * The JSON contract: an array of `{ file, findings: [...] }`, ranges 0-based in UTF-16 code units like LSP.
 * Fields beyond the documented ones (offsets, suggestions, docUrl) may be added; none is ever removed.
 */
export function formatJson({ results, version }: FormatInput): string {
	return `${JSON.stringify(results.map((r) => ({ file: r.file, ...(r.rules ? { tool: tool(version, r.rules) } : {}), ...(r.profile ? { profile: { name: r.profile.profile, reason: r.profile.reason } } : {}), findings: r.findings.map((f) => withLocation(toJson(f), r.locate?.(f))), suppressed: r.suppressed.map((f) => withLocation(toJson(f), r.locate?.(f))) })), null, 2)}\n`;
}

/** What reviewed the file, so outputs of different jobs can be checked to come from the same version and rules. */
function tool(version: string, rules: RulesUsed): Record<string, unknown> {
	return { name: 'accountable', version, rules: rules.fingerprint, ...(rules.packs.length > 0 ? { packs: rules.packs } : {}) };
}

/** Word documents add `location: { paragraph, headingPath, quote }`; `range` still refers to the converted text. */
function withLocation(json: Record<string, unknown>, location: WordLocation | undefined): Record<string, unknown> {
	return location ? { ...json, location } : json;
}

function toJson(f: Finding): Record<string, unknown> {
	return {
		ruleId: f.ruleId,
		category: f.category,
		severity: f.severity,
		scope: f.scope,
		message: f.message,
		range: f.range,
		offsets: f.offsets,
		matchedText: f.matchedText,
		suggestions: f.suggestions.map((s) => ({ kind: s.kind, title: s.title, text: s.text, range: s.range, offsets: s.offsets, ...(s.where ? { where: s.where } : {}) })),
		docUrl: f.docUrl,
		...(f.quoted ? { quoted: true } : {}),
		...(f.related ? { related: f.related.map((r) => ({ message: r.message, range: r.range, offsets: r.offsets })) } : {}),
		...(f.suppression ? { suppression: f.suppression } : {}),
	};
}
