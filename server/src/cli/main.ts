import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { PROFILES, SEVERITIES, count, didYouMean, isAtLeast, isProfile, type LoadError, type ReviewSettings, type Rule, type Severity } from '../engine';
import { ConfigResolver } from '../node/config';
import { ReviewService } from '../node/reviewService';
import { expandPaths } from '../node/files';
import { formatText } from './formats/text';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatGithub } from './formats/github';
import type { FileResult, FormatInput, FormatOutput, RulesUsed } from './formats/types';
import { Progress } from './progress';
import { filesOfShard, parseShard, type Shard } from './shard';
import { ReviewPool, reviewDocument, type PooledReview } from './pool';
import { rulesIndexMarkdown } from '../node/rulesIndex';
import { isWordDocument } from '../node/docx';
import { readFailureMessage, readReviewable, type ReviewableFile } from '../node/docx/reviewable';
import { escapeLine, escapeTerminal } from './formats/escape';
import { bytesForCharacters } from '../node/safeRead';
import { version } from '../../../package.json';
import { REPORT_USAGE, ReportUsageError, localeLabels, portfolioOf, refuseOutput, reportDate, reportFormat, runReport, writeReport, type ReviewedDocuments } from './report';
import { renderPortfolio, type ReportFormat, type ReportLabels } from '../engine/report';
import { MERGE_USAGE, MergeError, merge, readMergeInputs } from './merge';
import { ruleSetFingerprint } from '../node/ruleFiles';
import { ANNOTATE_USAGE, AnnotateUsageError, runAnnotate, type AnnotateCommand } from './annotate';

/** For the build step (scripts/build.mjs), which compiles the built-in rules with this very bundle. */
export { writeCompiledRules } from '../node/ruleFiles';
/** For the build step too: the English model's data beside the bundle (out/english-model.json and .bin). */
export { writeEnglishModel } from '../node/englishModel';

const FORMATS: Record<string, (input: FormatInput) => FormatOutput> = { text: formatText, json: formatJson, sarif: formatSarif, github: formatGithub };

const USAGE = `Usage: accountable [options] [files, folders or globs…]
       accountable rules [--format text|json|markdown]
       accountable explain <rule-id>
       accountable report <file, or folders, files and globs> [--format md|html|json] [--output <file>] [--locale <language>]
       accountable annotate <file.docx> [--output <file.docx>] [--force]
       accountable merge <outputs of the --shard jobs…> [--format json|text|github|sarif] [--fail-on <severity>] [--report <file>]

Reviews anti-trafficking policies, bills and grant proposals (.md, .markdown, .txt, .docx).

Options:
  --format <text|json|sarif|github>   output format (default: text)
  --min-severity <severity>           report findings at or above: error, warning, information, hint (default: hint)
  --fail-on <severity>                exit 1 when a reported finding is at or above this (default: warning)
  --config <file>                     use this configuration file instead of searching for one
  --no-config                         ignore configuration files
  --profile <auto|general|bill|grant-proposal>
  --shard <k/n>                       review only the k-th of n shares of the files (a CI matrix of n jobs)
  --with-report                       with --format json: each file's accountability report too (for merge --report)
  --stdin                             review standard input
  --stdin-filename <name>             the name (and format) of standard input
  --follow-links                      follow symbolic links out of the folders reviewed (off: reported, skipped)
  --quiet                             no summary or progress on stderr
  -h, --help                          show this help
  -v, --version                       show the version

Exit codes: 0 no findings at or above --fail-on; 1 findings; 2 usage, configuration or I/O error, or a file
not reviewed (over maxDocumentSize, binary, unreadable, not a regular file).`;

const OPTIONS = {
	format: { type: 'string' },
	'min-severity': { type: 'string' },
	'fail-on': { type: 'string' },
	config: { type: 'string' },
	'no-config': { type: 'boolean' },
	profile: { type: 'string' },
	stdin: { type: 'boolean' },
	shard: { type: 'string' },
	'stdin-filename': { type: 'string' },
	quiet: { type: 'boolean' },
	output: { type: 'string', short: 'o' },
	force: { type: 'boolean' },
	'follow-links': { type: 'boolean' },
	locale: { type: 'string' },
	'with-report': { type: 'boolean' },
	report: { type: 'string' },
	help: { type: 'boolean', short: 'h' },
	version: { type: 'boolean', short: 'v' },
} as const;

/** An error the user must fix (bad option, unreadable file): exit code 2 with a message. */
class UsageError extends Error {}

export interface CliIO {
	stdout: (s: string) => void;
	stderr: (s: string) => void;
	/** Standard input as text; rejects once it passes `maxBytes` (`cat /dev/zero | accountable --stdin` must not fill memory). */
	readStdin: (maxBytes: number) => Promise<string>;
	cwd: string;
	isTTY: boolean;
	/** stderr for the progress line's own control sequences (the file names in it are escaped by Progress). */
	progress?: (s: string) => void;
}

/**
 * Standard output written as a file is: in one go. Through a pipe, Node queues what the pipe cannot take at once,
 * and the output is written in one synchronous loop, so the queue held the whole JSON of a dense document
 * (600 MB more at peak for 55,000 findings piped to `cat`). Blocking writes keep it to the pipe's own buffer.
 */
function blockingStdout(): void {
	const handle = (process.stdout as unknown as { _handle?: { setBlocking?: (blocking: boolean) => void } })._handle;
	handle?.setBlocking?.(true);
}

const defaultIO: CliIO = {
	stdout: (s) => process.stdout.write(s),
	stderr: (s) => process.stderr.write(s),
	readStdin: async (maxBytes) => {
		const chunks: Buffer[] = [];
		let total = 0;
		for await (const chunk of process.stdin) {
			total += (chunk as Buffer).length;
			if (total > maxBytes) {
				process.stdin.destroy();
				throw new UsageError(`standard input is over the limit of ${maxBytes} bytes for a document (maxDocumentSize); not reviewed`);
			}
			chunks.push(chunk as Buffer);
		}
		return Buffer.concat(chunks).toString('utf8');
	},
	cwd: process.cwd(),
	isTTY: Boolean(process.stderr.isTTY),
};

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(argv: string[], rawIO: CliIO = defaultIO): Promise<number> {
	if (rawIO === defaultIO) blockingStdout();
	// Whatever reaches stderr passes here: no escape sequence from a file name or document reaches the terminal.
	const io: CliIO = { ...rawIO, stderr: (s) => rawIO.stderr(escapeTerminal(s)), progress: rawIO.stderr };
	try {
		return await run(argv, io);
	} catch (e) {
		if (e instanceof UsageError) {
			io.stderr(`accountable: ${e.message}\n`);
			return 2;
		}
		io.stderr(`accountable: ${(e as Error).stack ?? String(e)}\n`);
		return 2;
	}
}

async function run(argv: string[], io: CliIO): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
	} catch (e) {
		throw new UsageError(optionProblem(e as NodeJS.ErrnoException));
	}
	const { values, positionals } = parsed;
	// report, annotate and merge explain themselves.
	if (values.help && !['report', 'annotate', 'merge'].includes(positionals[0] ?? '')) {
		io.stdout(`${USAGE}\n`);
		return 0;
	}
	if (values.version) {
		io.stdout(`${version}\n`);
		return 0;
	}
	const configs = new ConfigResolver({ explicit: values.config ? path.resolve(io.cwd, values.config) : undefined, none: values['no-config'] });
	if (values.config && !fs.existsSync(path.resolve(io.cwd, values.config))) throw new UsageError(`configuration file not found: ${escapeLine(values.config)}`);
	const service = new ReviewService(configs);

	// The report is the one output in a reader's language; findings and rule texts are English.
	if (values.locale !== undefined && positionals[0] !== 'report' && positionals[0] !== 'merge') throw new UsageError('--locale applies to accountable report only (findings and rule texts are in English)');
	if (values.report !== undefined && positionals[0] !== 'merge') throw new UsageError('--report <file> applies to accountable merge; for a report of drafts, run accountable report <files or folders>');
	if (positionals[0] === 'rules') return listRules(service, io, values.format ?? 'text');
	if (positionals[0] === 'explain') return explain(service, io, positionals[1]);
	if (positionals[0] === 'report') return report(service, io, positionals.slice(1), values);
	if (positionals[0] === 'annotate') return annotate(service, io, positionals.slice(1), values);
	if (positionals[0] === 'merge') return mergeOutputs(io, positionals.slice(1), values);

	const format = values.format ?? 'text';
	const formatter = formatterFor(format);
	const { minSeverity, failOn } = severityOptions(values);
	// Only the JSON output records the rules that reviewed each file (merge compares them): hashing a rule set
	// takes tens of milliseconds, which no other format pays.
	const rulesOf = (file: string): Pick<FileResult, 'rules'> => (format === 'json' ? { rules: rulesUsed(service, file, io.cwd) } : {});
	const profile = profileOption(values.profile);
	const overrides = { minSeverity, ...(profile ? { profile } : {}) };

	const withReport = values['with-report'] ?? false;
	if (withReport && format !== 'json') throw new UsageError('--with-report adds each file’s accountability report to the JSON output: give --format json too');
	const shard = values.shard === undefined ? undefined : parseShard(values.shard);
	if (typeof shard === 'string') throw new UsageError(shard);
	if (shard && values.stdin) throw new UsageError('--shard splits files and folders; standard input is one document');
	let batch: Batch;
	if (values.stdin) {
		const name = values['stdin-filename'] ?? 'stdin.md';
		if (isWordDocument(name)) throw new UsageError('Word documents are read from a file, not standard input: accountable proposal.docx');
		const stdinFile = path.resolve(io.cwd, name);
		const review = reviewDocument(service, stdinFile, await io.readStdin(bytesForCharacters(service.sizeLimitFor(stdinFile))), overrides, undefined, withReport ? { file: displayName(name), version } : undefined);
		batch = { results: [{ file: name, ...resultOf(review), ...rulesOf(stdinFile) }], errors: review.errors, ioFailed: false };
		if (review.skipped) {
			io.stderr(`${displayName(name)}: ${review.skipped}\n`);
			batch.ioFailed = true;
		}
	} else {
		if (positionals.length === 0) throw new UsageError(`no files given\n\n${USAGE}`);
		batch = await reviewPaths(service, positionals, io, values, { overrides, shard, withReport, rulesOf });
	}
	const { results, errors, ioFailed } = batch;

	const rules = uniqueRules(service, results.length > 0 ? path.resolve(io.cwd, results[0]!.file) : io.cwd);
	writeOutput(formatter({ results, rules, version, cwd: io.cwd }), io);
	const problems = reportLoadErrors(errors, io);
	const all = results.flatMap((r) => r.findings);
	if (!values.quiet) io.stderr(summary(all, results.length));
	if (problems > 0 || ioFailed) return 2;
	return exitCodeFor(all, failOn);
}

/** What reviewing the files named gave: each file's result (in file order), configuration problems, and whether a file failed. */
interface Batch {
	results: FileResult[];
	errors: LoadError[];
	ioFailed: boolean;
}

interface BatchOptions {
	overrides: ReviewSettings;
	shard?: Shard | undefined;
	/** Build each document's accountability report too (FileResult.report, dated by whoever prints it). */
	withReport: boolean;
	rulesOf: (file: string) => Pick<FileResult, 'rules'>;
}

/**
 * Reviews the files, folders and globs named (this job's share of them with --shard), on every core for a
 * large batch, naming on stderr every path passed over and every file that could not be read or reviewed.
 * The review and `accountable report` over many documents both review this way.
 */
async function reviewPaths(service: ReviewService, positionals: string[], io: CliIO, values: { config?: string; 'no-config'?: boolean; 'follow-links'?: boolean; quiet?: boolean }, options: BatchOptions): Promise<Batch> {
	const { overrides, shard, withReport, rulesOf } = options;
	const results: FileResult[] = [];
	const errors: LoadError[] = [];
	let ioFailed = false;
	const configOptions = { explicit: values.config ? path.resolve(io.cwd, values.config) : undefined, none: values['no-config'] };
	const expanded = expandPaths(positionals, service.configs, io.cwd, { followLinks: values['follow-links'] });
	const { missing, unmatched, skipped } = expanded;
	const files = shard ? filesOfShard(expanded.files, shard, io.cwd) : expanded.files;
	for (const m of missing) io.stderr(`accountable: no such file or folder: ${escapeLine(m)}\n`);
	// A glob that matches nothing is most likely mistyped; passing silently would hide every finding in CI.
	for (const g of unmatched) io.stderr(`accountable: no files match ${escapeLine(g)}\n`);
	// Nothing is passed over in silence: each skipped file or folder is named with its reason.
	for (const s of skipped) io.stderr(`accountable: ${s.failed ? '' : 'skipped: '}${displayPath(s.path, io.cwd)} ${escapeLine(s.reason)}\n`);
	if (missing.length > 0 || unmatched.length > 0 || skipped.some((s) => s.failed)) ioFailed = true;
	const progress = new Progress(files.length, io.isTTY && !values.quiet, io.progress ?? io.stderr);
	// Large batches are reviewed on every core (the main thread and workers); results and messages still come out in file order.
	const pool = ReviewPool.forBatch(files, configOptions);
	const pending: Array<() => Promise<void>> = [];
	try {
		for (const file of files) {
			progress.tick(file);
			const display = displayPath(file, io.cwd);
			let source: ReviewableFile;
			try {
				source = await readReviewable(file, service.sizeLimitFor(file));
			} catch (e) {
				const message = `accountable: ${escapeLine(readFailureMessage(display, e))}\n`;
				pending.push(async () => {
					io.stderr(message);
					ioFailed = true;
				});
				continue;
			}
			const { text, format, locate } = source;
			// The report names the document as messages do; a date is given to the whole report when it is written.
			const report = withReport ? { file: display, version } : undefined;
			// Let the workers' answers in (reading a file may not yield to them), so wantsMore is up to date.
			if (pool) await pool.settle();
			const toPool = pool && !locate && pool.wantsMore;
			const reviewed: Promise<PooledReview> = toPool ? pool.review(file, text, overrides, format, report) : Promise.resolve(reviewDocument(service, file, text, overrides, format, report && { ...report, ...(locate ? { locate } : {}) }));
			reviewed.catch(() => undefined);
			pending.push(async () => {
				const review = await reviewed;
				errors.push(...review.errors);
				if (review.skipped) {
					io.stderr(`${display}: ${review.skipped}\n`);
					ioFailed = true;
				}
				// Formats escape the name as their syntax needs (JSON and SARIF keep it exact).
				results.push({ file: relativePath(file, io.cwd), ...resultOf(review), ...(locate ? { locate } : {}), ...rulesOf(file) });
			});
			while (pending.length >= (pool?.window ?? 1)) await pending.shift()!();
		}
		for (const finish of pending.splice(0)) await finish();
	} finally {
		await pool?.close();
	}
	progress.done();
	return { results, errors, ioFailed };
}

/** 1 when a finding is at or above --fail-on: the review and merge decide it alike. */
function exitCodeFor(findings: Array<{ severity: Severity }>, failOn: Severity): number {
	return findings.some((f) => isAtLeast(f.severity, failOn)) ? 1 : 0;
}

function formatterFor(format: string): (input: FormatInput) => FormatOutput {
	const formatter = FORMATS[format];
	if (!formatter) throw new UsageError(`unknown format "${escapeLine(format)}"${didYouMean(format, Object.keys(FORMATS))}; one of: ${Object.keys(FORMATS).join(', ')}`);
	return formatter;
}

function severityOptions(values: { 'min-severity'?: string; 'fail-on'?: string }): { minSeverity: Severity; failOn: Severity } {
	return { minSeverity: severityOption(values['min-severity'], '--min-severity') ?? 'hint', failOn: severityOption(values['fail-on'], '--fail-on') ?? 'warning' };
}

/** The rules that reviewed `file`, as the JSON output records them for `accountable merge` to compare. */
function rulesUsed(service: ReviewService, file: string, cwd: string): RulesUsed {
	const packs = service.configs.forDirectory(path.dirname(file)).packs.map((p) => relativePath(p, cwd));
	return { fingerprint: ruleSetFingerprint(service.ruleSetFor(file)), packs };
}

/** `accountable merge <files…>`: the outputs of a CI matrix's --shard jobs as one result (see ./merge.ts), and with --report their accountability report. */
function mergeOutputs(io: CliIO, files: string[], values: Partial<Record<keyof typeof OPTIONS, string | boolean>> & { format?: string; 'min-severity'?: string; 'fail-on'?: string; report?: string; force?: boolean; locale?: string }): number {
	if (values.help) {
		io.stdout(`${MERGE_USAGE}\n`);
		return 0;
	}
	const review = (['shard', 'stdin', 'stdin-filename', 'config', 'no-config', 'profile', 'follow-links', 'output', 'with-report'] as const).find((o) => values[o] !== undefined);
	if (review) throw new UsageError(`--${review} does not apply to merge: give it to the jobs that review (accountable --help)`);
	if (values.report === undefined && values.force !== undefined) throw new UsageError('--force applies to merge --report <file> (merge writes its result to standard output)');
	if (values.report === undefined && values.locale !== undefined) throw new UsageError('--locale applies to merge --report <file> (findings and rule texts are in English)');
	if (values.format !== undefined) formatterFor(values.format);
	const { minSeverity, failOn } = severityOptions(values);
	const paths = files.map((f) => path.resolve(io.cwd, f));
	const display = (f: string): string => displayPath(f, io.cwd);
	const writer = { force: values.force ?? false, stdout: io.stdout, stderr: io.stderr, displayPath: display };
	let target: string | undefined;
	let reportFormatOf: ReportFormat | undefined;
	let labels: ReportLabels | undefined;
	try {
		if (values.report !== undefined) {
			target = path.resolve(io.cwd, values.report);
			reportFormatOf = reportFormat(undefined, values.report);
			labels = localeLabels(values.locale);
			refuseOutput(paths, target, writer, 'an input of the merge');
		}
	} catch (e) {
		if (e instanceof ReportUsageError) throw new UsageError(e.message);
		throw e;
	}
	let merged;
	try {
		const inputs = readMergeInputs(paths, display);
		merged = merge(inputs, { format: values.format, minSeverity, report: target !== undefined, formatResults: (format, results, version) => outputText(formatterFor(format)({ results, rules: [], version, cwd: io.cwd })) });
	} catch (e) {
		if (e instanceof MergeError) throw new UsageError(e.message);
		throw e;
	}
	if (target !== undefined && merged.reports) {
		// The same report `accountable report <folder>` writes: the documents' own reports, dated now.
		const portfolio = portfolioOf(merged.reports.documents, merged.reports.version, reportDate(process.env));
		try {
			writeReport(renderPortfolio(portfolio, reportFormatOf!, labels), reportFormatOf!, target, `Accountability report of ${count(portfolio.documents.length, 'document')}`, writer);
		} catch (e) {
			if (e instanceof ReportUsageError) throw new UsageError(e.message);
			throw e;
		}
	}
	io.stdout(merged.output);
	if (!values.quiet) io.stderr(summary(merged.findings, merged.files));
	return exitCodeFor(merged.findings, failOn);
}

/** A format's output as one string (merge's result, which it writes itself). */
function outputText(output: FormatOutput): string {
	return typeof output === 'string' ? output : [...output].join('');
}

/** A format's output to stdout, its pieces gathered into writes of about 64 KB. */
function writeOutput(output: FormatOutput, io: CliIO): void {
	if (typeof output === 'string') {
		io.stdout(output);
		return;
	}
	let pending = '';
	for (const piece of output) {
		pending += piece;
		if (pending.length >= 65536) {
			io.stdout(pending);
			pending = '';
		}
	}
	if (pending) io.stdout(pending);
}

function resultOf(review: PooledReview): Omit<FileResult, 'file'> {
	return { findings: review.findings, suppressed: review.suppressed, ...(review.profile ? { profile: review.profile } : {}), ...(review.report ? { report: review.report } : {}) };
}

/** `accountable report <file>`: the accountability scorecard (see ./report.ts). */
async function report(service: ReviewService, io: CliIO, files: string[], values: SubcommandValues & { format?: string; force?: boolean; locale?: string; config?: string; 'no-config'?: boolean; 'follow-links'?: boolean; quiet?: boolean }): Promise<number> {
	if (values.help) {
		io.stdout(`${REPORT_USAGE}\n`);
		return 0;
	}
	try {
		const common = subcommand(io, values);
		// Many documents are reviewed as the review reviews a batch (every core for a large one), each with its report.
		const reviewDocuments = async (paths: string[]): Promise<ReviewedDocuments> => {
			const batch = await reviewPaths(service, paths, io, values, { overrides: common.overrides, withReport: true, rulesOf: () => ({}) });
			return { documents: batch.results, failed: batch.ioFailed, problems: reportLoadErrors(batch.errors, io) };
		};
		return await runReport(service, { ...common, files, format: values.format, output: values.output, force: values.force ?? false, locale: values.locale, stdout: io.stdout, reviewDocuments });
	} catch (e) {
		if (e instanceof ReportUsageError) throw new UsageError(e.message);
		throw e;
	}
}

/** `accountable annotate <file.docx>`: the reviewed copy with Word comments (see ./annotate.ts). */
async function annotate(service: ReviewService, io: CliIO, files: string[], values: SubcommandValues & { force?: boolean }): Promise<number> {
	if (values.help) {
		io.stdout(`${ANNOTATE_USAGE}\n`);
		return 0;
	}
	try {
		return await runAnnotate(service, { ...subcommand(io, values), files, output: values.output, force: values.force ?? false });
	} catch (e) {
		if (e instanceof AnnotateUsageError) throw new UsageError(e.message);
		throw e;
	}
}

interface SubcommandValues {
	output?: string;
	profile?: string;
	'min-severity'?: string;
	help?: boolean;
}

/** What report and annotate share: the review's overrides from --profile and --min-severity, and how they print. */
function subcommand(io: CliIO, values: SubcommandValues): Omit<AnnotateCommand, 'files' | 'output' | 'force'> {
	const profile = profileOption(values.profile);
	const minSeverity = severityOption(values['min-severity'], '--min-severity');
	return {
		overrides: { ...(minSeverity ? { minSeverity } : {}), ...(profile ? { profile } : {}) },
		cwd: io.cwd,
		version,
		now: () => reportDate(process.env),
		stderr: io.stderr,
		displayPath: (file) => displayPath(file, io.cwd),
		reportLoadErrors: (errors) => reportLoadErrors(errors, io),
	};
}

function severityOption(value: string | undefined, name: string): Severity | undefined {
	if (value === undefined) return undefined;
	if (!(SEVERITIES as readonly string[]).includes(value)) throw new UsageError(`${name} must be one of: ${SEVERITIES.join(', ')} (not "${escapeLine(value)}")`);
	return value as Severity;
}

function profileOption(value: string | undefined): (typeof PROFILES)[number] | 'auto' | undefined {
	if (value === undefined) return undefined;
	const valid = ['auto', ...PROFILES];
	if (!isProfile(value, true)) throw new UsageError(`unknown profile "${escapeLine(value)}"${didYouMean(value, valid)}; --profile is one of: ${valid.join(', ')}`);
	return value;
}

/** A command-line parsing problem in words: an unknown option names itself and the nearest known one. */
function optionProblem(e: NodeJS.ErrnoException): string {
	const known = Object.keys(OPTIONS).map((o) => `--${o}`);
	const unknown = /^Unknown option '([^']+)'/.exec(e.message)?.[1];
	if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
		return `unknown option ${escapeLine(unknown)}${didYouMean(unknown.replace(/=.*$/, ''), known, (s) => s)}\nRun accountable --help for the list of options.`;
	}
	const needsValue = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(e.message)?.[1];
	if (needsValue) return `${needsValue} needs a value, e.g. ${needsValue} ${needsValue === '--format' ? 'json' : needsValue === '--output' ? 'report.html' : '…'}`;
	return `${escapeLine(e.message.split('\n')[0] ?? '')}\nRun accountable --help for the list of options.`;
}

/** Configuration and rule-pack problems, each once, as `file:line: problem`. */
function reportLoadErrors(errors: LoadError[], io: CliIO): number {
	const seen = new Set<string>();
	for (const e of errors) {
		const line = `${displayPath(e.file, io.cwd)}:${e.line}: ${escapeLine(e.message)}`;
		if (seen.has(line)) continue;
		seen.add(line);
		io.stderr(`${line}\n`);
	}
	return seen.size;
}

function summary(findings: { severity: Severity }[], files: number): string {
	const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
	const detail = counts.length > 0 ? ` (${counts.map(([s, n]) => count(n, s)).join(', ')})` : '';
	return `${count(findings.length, 'finding')}${detail} in ${count(files, 'file')}\n`;
}

/**
 * A file as messages name it: relative to the working folder when inside it, on one line (control characters
 * as codes), and never starting with `::`, which a CI runner would read as a command.
 */
function displayPath(file: string, cwd: string): string {
	return displayName(relativePath(file, cwd));
}

/** Relative to the working folder when inside it, with forward slashes; else absolute. */
function relativePath(file: string, cwd: string): string {
	const relative = path.relative(cwd, file);
	return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

function displayName(name: string): string {
	const line = escapeLine(name);
	return line.startsWith('::') ? `./${line}` : line;
}

function uniqueRules(service: ReviewService, file: string): Rule[] {
	return service.ruleSetFor(file).rules;
}

function listRules(service: ReviewService, io: CliIO, format: string): number {
	const set = service.ruleSetFor(path.join(io.cwd, 'x.md'));
	if (format === 'json') {
		io.stdout(`${JSON.stringify(set.rules.map((r) => ({ id: r.id, category: r.category, severity: r.spec.severity, scope: r.spec.scope, kind: r.spec.kind, summary: r.spec.summary, provision: r.spec.provision ?? false, docUrl: r.docUrl })), null, 2)}\n`);
	} else if (format === 'text') {
		const width = Math.max(...set.rules.map((r) => r.id.length), 2);
		for (const r of set.rules) io.stdout(`${r.id.padEnd(width)}  ${r.category.padEnd(22)}  ${r.spec.severity.padEnd(11)}  ${r.spec.summary}\n`);
	} else if (format === 'markdown') {
		io.stdout(rulesIndexMarkdown(set.rules));
	} else throw new UsageError(`unknown format "${format}" for rules; one of: text, json, markdown`);
	return reportLoadErrors(set.errors, io) > 0 ? 2 : 0;
}

function explain(service: ReviewService, io: CliIO, id: string | undefined): number {
	if (!id) throw new UsageError('explain needs a rule id, e.g. accountable explain conditional-services/cooperation-required');
	const set = service.ruleSetFor(path.join(io.cwd, 'x.md'));
	const rule = set.rules.find((r) => r.id === id);
	if (!rule) {
		const nearest = didYouMean(id, set.rules.map((r) => r.id));
		const near = set.rules.filter((r) => r.id.includes(id) || id.includes(r.category)).map((r) => r.id);
		throw new UsageError(`unknown rule "${escapeLine(id)}"${nearest || (near.length > 0 ? `; did you mean: ${near.slice(0, 5).join(', ')}` : '')}`);
	}
	const lines = [
		`${rule.id} (${rule.spec.severity}, ${rule.spec.scope})`,
		'',
		`# ${rule.doc.title || rule.spec.summary}`,
		'',
		rule.doc.markdown.replace(/^# .*\n+/, ''),
		'',
		'Evidence:',
		...rule.spec.evidence.map((e) => `  ¶${e.paragraph}: “${e.quote}”`),
		...(rule.spec.standards?.length ? ['', 'Standards:', ...rule.spec.standards.map((s) => `  ${s}`)] : []),
		'',
		`Documentation: ${rule.docUrl}`,
	];
	io.stdout(`${lines.join('\n')}\n`);
	return 0;
}
