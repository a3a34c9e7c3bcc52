import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LoadError, ReviewSettings } from '../engine';
import type { ReportCommand } from './report';
import { buildReport } from '../engine/report';
import type { ReviewService } from '../node/reviewService';
import { DocxError, convertWordDocument, isWordDocument } from '../node/docx';
import { annotateWordDocument } from '../node/docx/annotate';

export const ANNOTATE_USAGE = `Usage: accountable annotate <file.docx> [--output <file.docx>] [--force]

Writes a reviewed copy of a Word document: the same document with a Word comment (by "Accountable") on the
words of each finding, saying what is wrong, why (with the paper's ¶) and what to write instead, and a
cover comment on the first paragraph with the report's scorecard. Tracked changes and existing comments are
kept. The copy is <file>.reviewed.docx beside the original unless --output says otherwise; an existing file
is never replaced unless --force is given, and the original never is.

Exit codes: 0 the copy was written; 2 usage, configuration or I/O error.`;

/** Report's command line without its format and standard output, and with --force. */
export type AnnotateCommand = Omit<ReportCommand, 'format' | 'stdout'> & { force: boolean };

/** An error the user must fix; the caller prints it and exits 2. */
export class AnnotateUsageError extends Error {}

/** `draft.docx` → `draft.reviewed.docx`. */
export function reviewedCopyPath(file: string): string {
	return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.reviewed.docx`);
}

export interface AnnotatedFile {
	target: string;
	comments: number;
	unanchored: number;
	profile: string;
	profileReason: string;
}

/**
 * Reviews one .docx and writes its commented copy to `target` (never over `file`; over an existing file only
 * with `force`). Shared by the CLI and the language server. Throws AnnotateUsageError with a message that
 * names the file.
 */
export async function writeReviewedCopy(service: ReviewService, file: string, target: string, options: { force: boolean; overrides: ReviewSettings; version: string; date: Date; display: (file: string) => string }): Promise<AnnotatedFile & { errors: LoadError[] }> {
	const display = options.display(file);
	if (!isWordDocument(file)) throw new AnnotateUsageError(`${display} is not a Word document (.docx); annotate writes comments into .docx files`);
	if (samePath(file, target)) throw new AnnotateUsageError(`the reviewed copy would replace ${display} itself; choose another --output`);
	if (!options.force && fs.existsSync(target)) throw new AnnotateUsageError(`${options.display(target)} already exists; use --force to replace it`);
	let bytes: Buffer;
	try {
		bytes = fs.readFileSync(file);
	} catch (e) {
		throw new AnnotateUsageError(`cannot read ${display}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
	}
	let word;
	try {
		word = await convertWordDocument(bytes);
	} catch (e) {
		if (e instanceof DocxError) throw new AnnotateUsageError(`${display} ${e.message}`);
		throw e;
	}
	const review = service.review(file, word.markdown, options.overrides, 'markdown');
	if (review.skipped || !review.result) throw new AnnotateUsageError(`${display}: ${review.skipped ?? 'not reviewed'}`);
	const rules = service.ruleSetFor(file).rules;
	const locate = (f: { offsets: { start: number; end: number } }) => word.locator.locate(f.offsets);
	const report = buildReport(review.result, rules, { file: path.basename(file), version: options.version, generated: options.date.toISOString(), locate });
	const copy = await annotateWordDocument({ bytes, word, review: review.result, rules, report, profileReason: review.result.profileReason, date: options.date.toISOString().replace(/\.\d{3}Z$/, 'Z') });
	try {
		// 'wx' fails if the file appeared since the check: nothing is ever replaced without --force.
		fs.writeFileSync(target, copy.bytes, { flag: options.force ? 'w' : 'wx' });
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		throw new AnnotateUsageError(code === 'EEXIST' ? `${options.display(target)} already exists; use --force to replace it` : `cannot write ${options.display(target)}: ${code ?? (e as Error).message}`);
	}
	return { target, comments: copy.anchored.length, unanchored: copy.unanchored.length, profile: review.result.profile, profileReason: review.result.profileReason, errors: review.errors };
}

/** `accountable annotate`: resolves to the exit code. */
export async function runAnnotate(service: ReviewService, cmd: AnnotateCommand): Promise<number> {
	if (cmd.files.length === 0) throw new AnnotateUsageError(`annotate needs a .docx file\n\n${ANNOTATE_USAGE}`);
	if (cmd.output && cmd.files.length > 1) throw new AnnotateUsageError('--output names one copy: give one .docx with it');
	let problems = 0;
	for (const name of cmd.files) {
		const file = path.resolve(cmd.cwd, name);
		if (!fs.existsSync(file)) throw new AnnotateUsageError(`no such file: ${name}`);
		const target = cmd.output ? path.resolve(cmd.cwd, cmd.output) : reviewedCopyPath(file);
		const written = await writeReviewedCopy(service, file, target, { force: cmd.force, overrides: cmd.overrides, version: cmd.version, date: cmd.now(), display: cmd.displayPath });
		problems += cmd.reportLoadErrors(written.errors);
		const notPlaced = written.unanchored > 0 ? `, ${written.unanchored} listed in the cover comment` : '';
		cmd.stderr(`${cmd.displayPath(file)}: ${written.comments} comment${written.comments === 1 ? '' : 's'} on findings${notPlaced}, profile ${written.profileReason}; written to ${cmd.displayPath(target)}\n`);
	}
	return problems > 0 ? 2 : 0;
}

function samePath(a: string, b: string): boolean {
	const real = (p: string): string => {
		try {
			return fs.realpathSync(p);
		} catch {
			return path.resolve(p);
		}
	};
	return real(a) === real(b);
}
