import * as fs from 'node:fs';
import { LineIndex, isAtLeast, type Finding, type Severity } from '../engine';
import type { WordLocation } from '../node/docx';
import type { FileResult } from './formats/types';
import { AREA_IDS, REPORT_VERSION, type Report } from '../engine/report';
import { escapeLine } from './formats/escape';
import { severityOfResult } from './formats/sarif';
import { comparePaths } from './shard';

export const MERGE_USAGE = `Usage: accountable merge <files…> [--format json|text|github|sarif] [--fail-on <severity>] [--min-severity <severity>]
                         [--report <file.md|.html|.json> [--force] [--locale <language>]]

Combines the outputs of the jobs of a CI matrix (accountable --shard k/n --format json, or --format sarif)
into one result, as if one job had reviewed every file. JSON outputs merge to JSON (the default), text or
GitHub annotations; SARIF outputs merge to one SARIF log. Refused, naming the file: an input that cannot
be read or is not Accountable's JSON or SARIF output, inputs of both formats, a file reviewed by two jobs,
and outputs of different Accountable versions or rules.

--report writes the accountability report of every document, the one accountable report <folder> writes,
from JSON outputs of jobs run with --format json --with-report (refused, naming the file, without it). Its
extension decides its format; an existing file is replaced only with --force, and never an input.

Exit codes: 0 no finding at or above --fail-on (default: warning); 1 findings; 2 usage error or an input refused.`;

/** An input that cannot be merged: the CLI prints it (`file:line: why`) and exits 2. */
export class MergeError extends Error {}

/** One input file as given and its text. */
export interface MergeInput {
	/** As messages name it (relative to the working folder). */
	name: string;
	text: string;
}

export interface MergeOptions {
	format: string | undefined;
	minSeverity: Severity;
	/** Gather each document's accountability report (JSON inputs written with --with-report). */
	report?: boolean;
	/** The CLI's formatters for JSON inputs: what the review itself would print for these results. */
	formatResults: (format: string, results: FileResult[], version: string) => string;
}

export interface Merged {
	output: string;
	/** Findings that were not suppressed: the exit code and the summary count them. */
	findings: Array<{ severity: Severity }>;
	files: number;
	/** With `report`: every document's report, in path order, and the Accountable version that wrote them. */
	reports?: { version: string; documents: Array<{ file: string; report: Report }> };
}

/** Reads the files named; an unreadable one is refused by name. */
export function readMergeInputs(files: readonly string[], display: (file: string) => string): Array<MergeInput & { file: string }> {
	return files.map((file) => {
		try {
			return { file, name: display(file), text: fs.readFileSync(file, 'utf8') };
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code;
			const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (e as Error).message);
			throw new MergeError(`${display(file)}: cannot read: ${why}`);
		}
	});
}

/** Merges the outputs; throws MergeError when they cannot be merged into one true result. */
export function merge(inputs: readonly MergeInput[], options: MergeOptions): Merged {
	if (inputs.length === 0) throw new MergeError(`merge needs the output files of the jobs\n\n${MERGE_USAGE}`);
	const parsed = inputs.map(parse);
	const first = parsed[0]!;
	const other = parsed.find((p) => p.kind !== first.kind);
	if (other) throw new MergeError(`${other.input.name}: ${describe(other.kind)}, but ${first.input.name} is ${describe(first.kind)}; merge the outputs of one format (every job run with the same --format)`);
	const format = options.format ?? first.kind;
	if (first.kind === 'sarif') {
		if (options.report) throw new MergeError(`${first.input.name}: a SARIF log does not carry the documents' reports; for --report, have the jobs write --format json --with-report`);
		if (format !== 'sarif') throw new MergeError(`SARIF outputs merge to SARIF only (--format sarif); for ${escapeLine(format)}, have the jobs write --format json`);
		return mergeSarif(parsed as SarifInput[], options.minSeverity);
	}
	if (format === 'sarif') throw new MergeError('JSON outputs do not carry the rules’ descriptions SARIF needs: have the jobs write --format sarif and merge those');
	return mergeJson(parsed as JsonInput[], format, options);
}

interface JsonEntry {
	file: string;
	tool?: { name?: string; version?: string; rules?: string; packs?: string[] };
	profile?: { name: string; reason: string };
	findings: JsonFinding[];
	suppressed?: JsonFinding[];
	/** The document's accountability report (--with-report). */
	report?: Report;
}

type JsonFinding = Finding & { location?: WordLocation };

interface JsonInput {
	kind: 'json';
	input: MergeInput;
	entries: JsonEntry[];
}

interface SarifInput {
	kind: 'sarif';
	input: MergeInput;
	run: SarifRun;
	log: Record<string, unknown>;
}

interface SarifRun {
	tool: { driver: { name?: string; version?: string; rules?: Array<{ id: string }> } };
	results: SarifResult[];
	[key: string]: unknown;
}

interface SarifResult {
	ruleId: string;
	ruleIndex?: number;
	level?: string;
	locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string } } }>;
	properties?: { severity?: Severity };
	suppressions?: unknown[];
}

function describe(kind: 'json' | 'sarif'): string {
	return kind === 'json' ? 'Accountable JSON output' : 'a SARIF log';
}

function parse(input: MergeInput): JsonInput | SarifInput {
	let data: unknown;
	try {
		data = JSON.parse(input.text);
	} catch (e) {
		// V8 names the position, except at the end of the text and for a first character that cannot start JSON.
		const at = /at position (\d+)/.exec((e as Error).message);
		const line = at ? lineAt(input.text, Number(at[1])) : /end of JSON/.test((e as Error).message) ? input.text.split('\n').length : lineAt(input.text, input.text.search(/\S|$/));
		throw new MergeError(`${input.name}:${line}: not valid JSON (${escapeLine((e as Error).message)}); merge takes the output of accountable --format json or --format sarif`);
	}
	if (Array.isArray(data)) {
		data.forEach((entry, i) => {
			const e = entry as Partial<JsonEntry> | null;
			if (!e || typeof e !== 'object' || typeof e.file !== 'string' || !Array.isArray(e.findings)) {
				throw new MergeError(`${input.name}:${entryLine(input.text, i)}: entry ${i + 1} is not a reviewed file ({ "file", "findings", … }); merge takes the output of accountable --format json or --format sarif`);
			}
		});
		return { kind: 'json', input, entries: data as JsonEntry[] };
	}
	const log = data as { version?: unknown; runs?: unknown } | null;
	if (log && typeof log === 'object' && log.version === '2.1.0' && Array.isArray(log.runs)) {
		const runs = log.runs as SarifRun[];
		const run = runs[0];
		if (runs.length !== 1 || run?.tool?.driver?.name !== 'Accountable' || !Array.isArray(run.results)) {
			throw new MergeError(`${input.name}:1: a SARIF log, but not one Accountable run; merge takes the output of accountable --format sarif`);
		}
		return { kind: 'sarif', input, run, log: log as Record<string, unknown> };
	}
	throw new MergeError(`${input.name}:1: neither Accountable JSON output (an array of reviewed files) nor a SARIF 2.1.0 log`);
}

function mergeJson(inputs: JsonInput[], format: string, options: MergeOptions): Merged {
	const reviewedBy = new Map<string, JsonInput>();
	const rulesBy = new Map<string, { fingerprint: string; input: JsonInput }>();
	let version: { value: string; input: JsonInput } | undefined;
	const results: FileResult[] = [];
	for (const input of inputs) {
		input.entries.forEach((entry, i) => {
			// Found only for a message: finding an entry's line reads the input from its start.
			const where = (): string => `${input.input.name}:${entryLine(input.input.text, i)}`;
			const earlier = reviewedBy.get(entry.file);
			if (earlier) throw new MergeError(`${where()}: ${escapeLine(entry.file)} was reviewed by ${earlier.input.name} too; each file must be in one job's share (the same --shard n and paths in every job)`);
			reviewedBy.set(entry.file, input);
			const tool = entry.tool;
			if (!tool?.version || !tool.rules) throw new MergeError(`${where()}: ${escapeLine(entry.file)} does not say which Accountable version and rules reviewed it; re-run the job with this version of Accountable`);
			if (!version) version = { value: tool.version, input };
			else if (version.value !== tool.version) throw new MergeError(`${where()}: written by Accountable ${escapeLine(tool.version)}, ${version.input.input.name} by ${escapeLine(version.value)}; every job must run the same version`);
			const packs = JSON.stringify(tool.packs ?? []);
			const rules = rulesBy.get(packs);
			if (!rules) rulesBy.set(packs, { fingerprint: tool.rules, input });
			else if (rules.fingerprint !== tool.rules) throw new MergeError(`${where()}: reviewed with other rules (${escapeLine(tool.rules)}) than ${rules.input.input.name} (${rules.fingerprint}); every job must load the same rules and rule packs`);
			if (options.report && !isReport(entry.report)) throw new MergeError(`${where()}: ${escapeLine(entry.file)} has no accountability report; for --report, run every job with --format json --with-report`);
			results.push(fileResult(entry, options.minSeverity));
		});
	}
	results.sort((a, b) => comparePaths(a.file, b.file));
	const output = options.formatResults(format, results, version?.value ?? '');
	const merged: Merged = { output, findings: results.flatMap((r) => r.findings), files: results.length };
	if (options.report) merged.reports = { version: version?.value ?? '', documents: results.map((r) => ({ file: r.file, report: r.report! })) };
	return merged;
}

/** The review's result for one file back from its JSON entry, as the formatters take it. */
function fileResult(entry: JsonEntry, minSeverity: Severity): FileResult {
	const locations = new Map<Finding, WordLocation>();
	const finding = (json: JsonFinding): Finding => {
		const { location, ...rest } = json;
		const f = rest as Finding;
		if (location) locations.set(f, location);
		return f;
	};
	const shown = (f: Finding): boolean => isAtLeast(f.severity, minSeverity);
	const result: FileResult = { file: entry.file, findings: entry.findings.map(finding).filter(shown), suppressed: (entry.suppressed ?? []).map(finding).filter(shown) };
	if (entry.profile) result.profile = { profile: entry.profile.name as NonNullable<FileResult['profile']>['profile'], reason: entry.profile.reason };
	if (locations.size > 0) result.locate = (f) => locations.get(f);
	if (entry.tool?.rules) result.rules = { fingerprint: entry.tool.rules, packs: entry.tool.packs ?? [] };
	if (entry.report) result.report = entry.report;
	return result;
}

/** Whether an entry's `report` is one report of this format (reportVersion 1, its ten areas). */
function isReport(value: unknown): value is Report {
	const r = value as Partial<Report> | null | undefined;
	return !!r && typeof r === 'object' && r.reportVersion === REPORT_VERSION && Array.isArray(r.areas) && r.areas.length === AREA_IDS.length && typeof r.document?.file === 'string';
}

function mergeSarif(inputs: SarifInput[], minSeverity: Severity): Merged {
	const first = inputs[0]!;
	const rules = new Map<string, { rule: { id: string }; input: SarifInput }>();
	const byFile = new Map<string, { results: SarifResult[]; input: SarifInput }>();
	for (const input of inputs) {
		const driver = input.run.tool.driver;
		if (driver.version !== first.run.tool.driver.version) {
			throw new MergeError(`${input.input.name}:${lineOf(input.input.text, '"version":', 2)}: written by Accountable ${escapeLine(String(driver.version))}, ${first.input.name} by ${escapeLine(String(first.run.tool.driver.version))}; every job must run the same version`);
		}
		for (const rule of driver.rules ?? []) {
			const known = rules.get(rule.id);
			if (!known) rules.set(rule.id, { rule, input });
			else if (JSON.stringify(known.rule) !== JSON.stringify(rule)) {
				throw new MergeError(`${input.input.name}:${lineOf(input.input.text, `"id": ${JSON.stringify(rule.id)}`)}: rule ${escapeLine(rule.id)} differs from ${known.input.input.name}'s; every job must load the same rules and rule packs`);
			}
		}
		const mine = new Map<string, SarifResult[]>();
		for (const result of input.run.results) {
			const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
			const list = mine.get(uri) ?? [];
			list.push(result);
			mine.set(uri, list);
		}
		for (const [uri, results] of mine) {
			const earlier = byFile.get(uri);
			if (earlier) throw new MergeError(`${input.input.name}:${lineOf(input.input.text, `"uri": ${JSON.stringify(uri)}`)}: ${escapeLine(uri)} was reviewed by ${earlier.input.input.name} too; each file must be in one job's share (the same --shard n and paths in every job)`);
			byFile.set(uri, { results, input });
		}
	}
	const ruleList = [...rules.values()].map((r) => r.rule);
	const index = new Map(ruleList.map((r, i) => [r.id, i]));
	const results = [...byFile.keys()]
		.sort(comparePaths)
		.flatMap((uri) => byFile.get(uri)!.results)
		.filter((r) => isAtLeast(severityOfResult(r), minSeverity))
		.map((r) => {
			// The index into the merged rules, in the key's place (the output reads as the review's own).
			const out: SarifResult = { ...r };
			const at = index.get(r.ruleId);
			if (at === undefined) delete out.ruleIndex;
			else out.ruleIndex = at;
			return out;
		});
	const run = { ...first.run, tool: { ...first.run.tool, driver: { ...first.run.tool.driver, rules: ruleList } }, results };
	const output = `${JSON.stringify({ ...first.log, runs: [run] }, null, 2)}\n`;
	return { output, findings: results.filter((r) => !r.suppressions?.length).map((r) => ({ severity: severityOfResult(r) })), files: byFile.size };
}

/** The 1-based line of an offset (an error message's line; not on a hot path). */
function lineAt(text: string, offset: number): number {
	return new LineIndex(text).lineOf(offset) + 1;
}

/** The line of the `occurrence`-th `needle` in the text (1 if absent): where a refused value is. */
function lineOf(text: string, needle: string, occurrence = 1): number {
	let at = -1;
	for (let n = 0; n < occurrence; n++) {
		const next = text.indexOf(needle, at + 1);
		if (next < 0) break;
		at = next;
	}
	return at < 0 ? 1 : lineAt(text, at);
}

/** The line where entry `index` of a JSON output starts (the output is pretty-printed, one `"file"` key per entry). */
function entryLine(text: string, index: number): number {
	const entries = [...text.matchAll(/^ {2}\{$/gm)];
	const at = entries[index]?.index;
	return at === undefined ? 1 : lineAt(text, at);
}
