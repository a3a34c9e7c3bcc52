import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LoadError, ReviewSettings } from '../engine';
import { REPORT_FORMATS, buildReport, renderReport, type ReportFormat } from '../engine/report';
import type { ReviewService } from '../node/reviewService';
import { DocxError } from '../node/docx';
import { readReviewable } from '../node/docx/reviewable';

export const REPORT_USAGE = `Usage: accountable report <file> [--format md|html|json] [--output <file>]

Writes the accountability report of one draft (Markdown, plain text or a Word .docx): for each of the paper's ten recommendation areas, whether
the draft contradicts it (findings), addresses it (rights-respecting provisions) or does not address it,
with the evidence. Markdown goes to standard output unless --output is given.

Exit codes: 0 the report was written; 2 usage, configuration or I/O error.`;

export interface ReportCommand {
	files: string[];
	format: string | undefined;
	output: string | undefined;
	overrides: ReviewSettings;
	cwd: string;
	version: string;
	/** Where the date comes from: SOURCE_DATE_EPOCH (seconds) when set, for reproducible reports. */
	now: () => Date;
	stdout: (s: string) => void;
	stderr: (s: string) => void;
	displayPath: (file: string) => string;
	reportLoadErrors: (errors: LoadError[]) => number;
}

/** An error the user must fix; the caller prints it and exits 2. */
export class ReportUsageError extends Error {}

/** `accountable report`: reviews one file and writes its report. Resolves to the exit code. */
export async function runReport(service: ReviewService, cmd: ReportCommand): Promise<number> {
	const format = (cmd.format ?? 'md') as ReportFormat;
	if (!REPORT_FORMATS.includes(format)) throw new ReportUsageError(`unknown report format "${cmd.format}"; one of: ${REPORT_FORMATS.join(', ')}`);
	if (cmd.files.length !== 1) throw new ReportUsageError(`report needs exactly one file\n\n${REPORT_USAGE}`);
	const file = path.resolve(cmd.cwd, cmd.files[0]!);
	const display = cmd.displayPath(file);
	if (!fs.existsSync(file)) throw new ReportUsageError(`no such file: ${cmd.files[0]}`);
	if (fs.statSync(file).isDirectory()) throw new ReportUsageError(`${cmd.files[0]} is a folder; a report is made for one file`);
	let source;
	try {
		source = await readReviewable(file);
	} catch (e) {
		throw new ReportUsageError(e instanceof DocxError ? `${display} ${e.message}` : `cannot read ${display}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
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
	const text = renderReport(report, format);
	if (cmd.output) {
		const target = path.resolve(cmd.cwd, cmd.output);
		try {
			fs.writeFileSync(target, text);
		} catch (e) {
			throw new ReportUsageError(`cannot write ${cmd.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
		}
		cmd.stderr(`Accountability report of ${display} written to ${cmd.displayPath(target)}\n`);
	} else {
		cmd.stdout(text);
	}
	return problems > 0 ? 2 : 0;
}

/** The report's date: SOURCE_DATE_EPOCH when set (reproducible builds' convention), else now. */
export function reportDate(env: NodeJS.ProcessEnv): Date {
	const epoch = env.SOURCE_DATE_EPOCH;
	if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
	return new Date();
}
