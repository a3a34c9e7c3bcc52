import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Rule, Severity } from '../../engine';
import type { FormatInput } from './types';
import { describeLocation, type WordLocation } from '../../node/docx';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A SARIF result's severity back: the one written in its properties, or else the one its level stands for. */
export function severityOfResult(result: { level?: string; properties?: { severity?: Severity } }): Severity {
	return result.properties?.severity ?? (result.level === 'error' ? 'error' : result.level === 'warning' ? 'warning' : 'information');
}

/**
 * SARIF 2.1.0 for code scanning. Paths are relative to the working folder (%SRCROOT%), columns count UTF-16
 * code units, suppressed findings are included with an in-source suppression so tools can show them as such.
 */
export function formatSarif({ results, rules, version, cwd }: FormatInput): string {
	const index = new Map(rules.map((r, i) => [r.id, i]));
	const sarifResults = results.flatMap((r) => [
		...r.findings.map((f) => result(f, r.file, index, cwd, r.locate?.(f))),
		...r.suppressed.map((f) => result(f, r.file, index, cwd, r.locate?.(f))),
	]);
	const log = {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [
			{
				tool: {
					driver: {
						name: 'Accountable',
						semanticVersion: version,
						version,
						rules: rules.map(describeRule),
					},
				},
				originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
				columnKind: 'utf16CodeUnits',
				results: sarifResults,
			},
		],
	};
	return `${JSON.stringify(log, null, 2)}\n`;
}

function describeRule(rule: Rule): Record<string, unknown> {
	const sections = rule.doc.sections;
	const full = [sections['What it flags'], sections['Why']].filter(Boolean).join('\n\n');
	return {
		id: rule.id,
		name: rule.id.split('/')[1],
		shortDescription: { text: rule.spec.summary },
		fullDescription: { text: plain(full || rule.spec.summary) },
		helpUri: rule.docUrl,
		help: { text: plain(rule.doc.markdown), markdown: rule.doc.markdown },
		defaultConfiguration: { level: LEVEL[rule.spec.severity] },
		properties: { category: rule.category, scope: rule.spec.scope, tags: [rule.category, 'human-rights', 'anti-trafficking'] },
	};
}

function result(f: Finding, file: string, index: Map<string, number>, cwd: string, word?: WordLocation): Record<string, unknown> {
	const uri = path.isAbsolute(file) ? pathToFileURL(file).href : path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
	const out: Record<string, unknown> = {
		ruleId: f.ruleId,
		level: LEVEL[f.severity],
		message: { text: f.message },
		locations: [
			{
				physicalLocation: {
					artifactLocation: path.isAbsolute(file) ? { uri } : { uri, uriBaseId: '%SRCROOT%' },
					region: {
						startLine: f.range.start.line + 1,
						startColumn: f.range.start.character + 1,
						endLine: f.range.end.line + 1,
						endColumn: f.range.end.character + 1,
						charOffset: f.offsets.start,
						charLength: f.offsets.end - f.offsets.start,
						snippet: { text: word?.quote ?? f.matchedText },
					},
				},
				// In a Word document the region is in the converted text; the paragraph is what a Word user can find.
				...(word ? { logicalLocations: [wordLogicalLocation(word)] } : {}),
			},
		],
		properties: { category: f.category, scope: f.scope, severity: f.severity, ...(f.quoted ? { quoted: true } : {}) },
	};
	const ruleIndex = index.get(f.ruleId);
	if (ruleIndex !== undefined) out.ruleIndex = ruleIndex;
	if (f.suppression) out.suppressions = [{ kind: 'inSource', ...(f.suppression.reason ? { justification: f.suppression.reason } : {}) }];
	const replacements = f.suggestions.map((s) => ({
		description: { text: s.title },
		artifactChanges: [
			{
				artifactLocation: path.isAbsolute(file) ? { uri } : { uri, uriBaseId: '%SRCROOT%' },
				replacements: [{ deletedRegion: { charOffset: s.offsets.start, charLength: s.offsets.end - s.offsets.start }, insertedContent: { text: s.text } }],
			},
		],
	}));
	if (replacements.length > 0) out.fixes = replacements;
	return out;
}

function wordLogicalLocation(word: WordLocation): Record<string, unknown> {
	return { name: word.note ?? `¶${word.paragraph}`, fullyQualifiedName: describeLocation(word), kind: 'paragraph' };
}

function plain(markdown: string): string {
	return markdown.replace(/^#+\s*/gm, '').replace(/[*_`]/g, '').trim();
}
