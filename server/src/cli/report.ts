import * as fs from 'node:fs';
import * as path from 'node:path';
import { count, type LoadError, type ReviewSettings } from '../engine';
import { REPORT_FORMATS, buildPortfolio, buildReport, renderPortfolio, renderReport, type Portfolio, type Report, type ReportFormat, type ReportLabels } from '../engine/report';
import { comparePaths } from './shard';
import { isGlob } from '../node/files';
import { reportLabelsFor } from '../node/reportLocale';
import type { ReviewService } from '../node/reviewService';
import { readFailureMessage, readReviewable } from '../node/docx/reviewable';
import { escapeLine, escapeTerminal } from './formats/escape';

export const REPORT_USAGE = `Usage: accountable report <file> [--format md|html|json] [--output <file> [--force]] [--locale <language>]
       accountable report <folders, files or globs…> [same options]

Writes the accountability report of one draft (Markdown, plain text or a Word .docx): for each of the paper's ten recommendation areas, whether
the draft contradicts it (findings), addresses it (rights-respecting provisions) or does not address it,
with the evidence. Given a folder, a glob or several files, writes one report of them all: an overview (one
row per document: its status in each area and its counts), then each document's report. Markdown goes to
standard output unless --output is given; the output file's extension (.md, .html, .json) decides its format.
An existing file is replaced only with --force, and never a draft reported on.
--locale es writes the report's headings, status words and sentences in Spanish (the paper's areas and the
rules' messages stay English); English by default.

Exit codes: 0 the report was written; 2 usage, configuration or I/O error (no report is written when a
document named could not be reviewed).`;

export interface ReportCommand {
	files: string[];
	format: string | undefined;
	output: string | undefined;
	/** Replace an existing output file. */
	force: boolean;
	/** The language of the report's words (--locale); English when absent. */
	locale?: string | undefined;
	overrides: ReviewSettings;
	cwd: string;
	version: string;
	/** Where the date comes from: SOURCE_DATE_EPOCH (seconds) when set, for reproducible reports. */
	now: () => Date;
	stdout: (s: string) => void;
	stderr: (s: string) => void;
	displayPath: (file: string) => string;
	reportLoadErrors: (errors: LoadError[]) => number;
	/** Reviews the files, folders and globs of a report of many documents, each with its report (undated). */
	reviewDocuments: (paths: string[]) => Promise<ReviewedDocuments>;
}

/** The documents of a report of many: each file (relative to the working folder) with its report, in file order. */
export interface ReviewedDocuments {
	documents: Array<{ file: string; report?: Report }>;
	/** A path named was missing or a file could not be read or reviewed (each named on stderr already). */
	failed: boolean;
	/** Configuration and rule-pack problems reported. */
	problems: number;
}

/** An error the user must fix; the caller prints it and exits 2. */
export class ReportUsageError extends Error {}

/**
 * `accountable report`: reviews one file and writes its report, or several (a folder, a glob, more than one
 * path) and writes the report of them all. Resolves to the exit code.
 */
export async function runReport(service: ReviewService, cmd: ReportCommand): Promise<number> {
	const format = reportFormat(cmd.format, cmd.output);
	const labels = localeLabels(cmd.locale);
	if (cmd.files.length === 0) throw new ReportUsageError(`report needs a file, or the folders, files or globs of many documents\n\n${REPORT_USAGE}`);
	const file = path.resolve(cmd.cwd, cmd.files[0]!);
	if (cmd.files.length > 1 || isFolder(file) || (!fs.existsSync(file) && isGlob(cmd.files[0]!))) return runPortfolioReport(cmd, format, labels);
	const display = cmd.displayPath(file);
	if (!fs.existsSync(file)) throw new ReportUsageError(`no such file: ${display}`);
	const target = cmd.output === undefined ? undefined : path.resolve(cmd.cwd, cmd.output);
	if (target !== undefined) refuseOutput([file], target, cmd);
	let source;
	try {
		source = await readReviewable(file, service.sizeLimitFor(file));
	} catch (e) {
		throw new ReportUsageError(escapeLine(readFailureMessage(display, e)));
	}
	const review = service.review(file, source.text, cmd.overrides, source.format);
	const problems = cmd.reportLoadErrors(review.errors);
	if (review.skipped || !review.result) throw new ReportUsageError(`${display}: ${review.skipped ?? 'not reviewed'}`);
	const locate = source.locate;
	const report = buildReport(review.result, service.ruleSetFor(file).rules, {
		file: display,
		version: cmd.version,
		generated: cmd.now().toISOString(),
		...(locate ? { locate } : {}),
	});
	writeReport(renderReport(report, format, labels), format, target, `Accountability report of ${display}`, cmd);
	return problems > 0 ? 2 : 0;
}

/** The report of many documents: refused, with nothing written, when one of them could not be reviewed. */
async function runPortfolioReport(cmd: ReportCommand, format: ReportFormat, labels: ReportLabels | undefined): Promise<number> {
	const target = cmd.output === undefined ? undefined : path.resolve(cmd.cwd, cmd.output);
	if (target !== undefined) refuseOutput([], target, cmd);
	const reviewed = await cmd.reviewDocuments(cmd.files);
	const unreported = reviewed.documents.filter((d) => !d.report);
	if (reviewed.failed || unreported.length > 0) {
		throw new ReportUsageError(`no report written: not every document named could be reviewed (${unreported.length > 0 ? unreported.map((d) => escapeLine(d.file)).join(', ') : 'see above'})`);
	}
	if (reviewed.documents.length === 0) throw new ReportUsageError(`no documents to report on in ${cmd.files.map(escapeLine).join(', ')}`);
	if (target !== undefined) refuseOutput(reviewed.documents.map((d) => path.resolve(cmd.cwd, d.file)), target, cmd);
	const portfolio = portfolioOf(reviewed.documents as Array<{ file: string; report: Report }>, cmd.version, cmd.now());
	writeReport(renderPortfolio(portfolio, format, labels), format, target, `Accountability report of ${count(portfolio.documents.length, 'document')}`, cmd);
	return reviewed.problems > 0 ? 2 : 0;
}

/**
 * The report of many documents from each one's report, in the order --shard deals files out in (by path):
 * what `accountable report <folder>` and `accountable merge --report` both write, so they write the same.
 */
export function portfolioOf(documents: ReadonlyArray<{ file: string; report: Report }>, version: string, date: Date): Portfolio {
	const ordered = [...documents].sort((a, b) => comparePaths(a.file, b.file));
	return buildPortfolio(
		ordered.map((d) => d.report),
		{ version, generated: date.toISOString() },
	);
}

/** Writes a report to `target` (created, or replaced with --force) and says so on stderr; else to stdout. */
export function writeReport(text: string, format: ReportFormat, target: string | undefined, what: string, cmd: Pick<ReportCommand, 'force' | 'stdout' | 'stderr' | 'displayPath'>): void {
	if (target !== undefined) {
		try {
			// Without --force the file is created only if it is not there (checked again at the moment of writing).
			fs.writeFileSync(target, text, { flag: cmd.force ? 'w' : 'wx' });
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code;
			const why = code === 'EEXIST' ? 'it already exists (--force replaces it)' : code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? (e as Error).message);
			throw new ReportUsageError(`cannot write ${cmd.displayPath(target)}: ${why}`);
		}
		cmd.stderr(`${what} written to ${cmd.displayPath(target)}\n`);
	} else {
		// Markdown on a terminal: quoted text from the draft cannot carry escape sequences to it.
		cmd.stdout(format === 'md' ? escapeTerminal(text) : text);
	}
}

function isFolder(file: string): boolean {
	try {
		return fs.statSync(file).isDirectory();
	} catch {
		return false;
	}
}

/** The report's words for --locale, checked before any work is done. */
export function localeLabels(locale: string | undefined): ReportLabels | undefined {
	if (locale === undefined) return undefined;
	try {
		return reportLabelsFor(locale);
	} catch (e) {
		throw new ReportUsageError(escapeLine((e as Error).message));
	}
}

const FORMAT_BY_EXTENSION: Record<string, ReportFormat> = { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.json': 'json' };

/** The report's format: --format, else the output file's extension, else Markdown; the two must agree. */
export function reportFormat(option: string | undefined, output: string | undefined): ReportFormat {
	if (option !== undefined && !REPORT_FORMATS.includes(option as ReportFormat)) throw new ReportUsageError(`unknown report format "${escapeLine(option)}"; one of: ${REPORT_FORMATS.join(', ')}`);
	const byExtension = output === undefined ? undefined : FORMAT_BY_EXTENSION[path.extname(output).toLowerCase()];
	if (option !== undefined && byExtension !== undefined && option !== byExtension) {
		throw new ReportUsageError(`--format ${option} does not match the output file ${escapeLine(path.basename(output!))} (a .${byExtension === 'md' ? 'md' : byExtension} file); change one of them`);
	}
	return (option as ReportFormat | undefined) ?? byExtension ?? 'md';
}

/** Refuses to write over a draft being reported on or an input (by any name: a link, a hard link), or over a file without --force. */
export function refuseOutput(inputs: readonly string[], target: string, cmd: Pick<ReportCommand, 'force' | 'displayPath'>, kind = 'the draft being reported on'): void {
	let existing: fs.Stats | undefined;
	try {
		existing = fs.statSync(target);
	} catch {
		existing = undefined;
	}
	if (!existing) return;
	for (const input of inputs) {
		const source = fs.statSync(input, { throwIfNoEntry: false });
		if (source && existing.dev === source.dev && existing.ino === source.ino) throw new ReportUsageError(`${cmd.displayPath(target)} is ${kind}; the report cannot be written over it`);
	}
	if (existing.isDirectory()) throw new ReportUsageError(`cannot write ${cmd.displayPath(target)}: it is a folder`);
	if (!cmd.force) throw new ReportUsageError(`${cmd.displayPath(target)} already exists; --force replaces it`);
	if (!existing.isFile()) throw new ReportUsageError(`cannot write ${cmd.displayPath(target)}: it is not a regular file`);
}

/** The report's date: SOURCE_DATE_EPOCH when set (reproducible builds' convention), else now. */
export function reportDate(env: NodeJS.ProcessEnv): Date {
	const epoch = env.SOURCE_DATE_EPOCH;
	if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
	return new Date();
}
