import type { Finding } from '../../engine';
import type { WordLocation } from '../../node/docx';
import type { FormatInput, RulesUsed } from './types';

/**
 * The JSON contract: an array of `{ file, findings: [...] }`, ranges 0-based in UTF-16 code units like LSP.
 * Fields beyond the documented ones (offsets, suggestions, docUrl) may be added; none is ever removed.
 *
 * Written a finding at a time, the same bytes as `JSON.stringify(…, null, 2)` of the whole array: one string
 * of a document with 50,000 findings (80 MB, with every finding's object made at once) was most of the
 * CLI's peak memory.
 */
export function* formatJson({ results, version }: FormatInput): Generator<string> {
	if (results.length === 0) {
		yield '[]\n';
		return;
	}
	yield '[\n';
	for (let i = 0; i < results.length; i++) {
		const r = results[i]!;
		const head = { file: r.file, ...(r.rules ? { tool: tool(version, r.rules) } : {}), ...(r.profile ? { profile: { name: r.profile.profile, reason: r.profile.reason } } : {}) };
		yield `  {\n  ${indented(JSON.stringify(head, null, 2).slice(2, -2), '  ')},\n`;
		const json = (f: Finding) => withLocation(toJson(f), r.locate?.(f));
		yield* member('findings', r.findings, json, ',');
		yield* member('suppressed', r.suppressed, json, r.report ? ',' : '');
		if (r.report) yield `    "report": ${indented(JSON.stringify(r.report, null, 2), '    ')}\n`;
		yield `  }${i < results.length - 1 ? ',' : ''}\n`;
	}
	yield ']\n';
}

/** `"name": [ … ]` at the depth of a file's members, an element at a time. */
function* member(name: string, findings: readonly Finding[], json: (f: Finding) => Record<string, unknown>, after: string): Generator<string> {
	if (findings.length === 0) {
		yield `    ${JSON.stringify(name)}: []${after}\n`;
		return;
	}
	yield `    ${JSON.stringify(name)}: [\n`;
	for (let k = 0; k < findings.length; k++) yield `      ${indented(JSON.stringify(json(findings[k]!), null, 2), '      ')}${k < findings.length - 1 ? ',' : ''}\n`;
	yield `    ]${after}\n`;
}

/** JSON text indented by `by` after each line break (JSON strings hold no raw line break, so each is structure). */
function indented(json: string, by: string): string {
	return json.replace(/\n/g, `\n${by}`);
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
