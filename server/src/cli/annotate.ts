import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReportCommand } from './report';
import type { ReviewService } from '../node/reviewService';
import { ReviewedCopyError, reviewedCopyPath, writeReviewedCopy } from '../node/docx/annotate/reviewedCopy';
import { escapeLine } from './formats/escape';

export const ANNOTATE_USAGE = `Usage: accountable annotate <file.docx> [--output <file.docx>] [--force]

Writes a reviewed copy of a Word document: the same document with a Word comment (by "Accountable") on the
words of each finding, saying what is wrong, why (with the paper's ¶) and what to write instead, and a
cover comment on the first paragraph with the report's scorecard. Tracked changes and existing comments are
kept. The copy is <file>.reviewed.docx beside the original unless --output says otherwise; an existing file
is never replaced unless --force is given, and the original never is.

Exit codes: 0 the copy was written; 2 usage, configuration or I/O error.`;

/** Report's command line without its format and standard output, and with --force. */
export type AnnotateCommand = Omit<ReportCommand, 'format' | 'stdout' | 'reviewDocuments'> & { force: boolean };

/** An error the user must fix; the caller prints it and exits 2. */
export class AnnotateUsageError extends Error {}

/** `accountable annotate`: resolves to the exit code. */
export async function runAnnotate(service: ReviewService, cmd: AnnotateCommand): Promise<number> {
	if (cmd.files.length === 0) throw new AnnotateUsageError(`annotate needs a .docx file\n\n${ANNOTATE_USAGE}`);
	if (cmd.output && cmd.files.length > 1) throw new AnnotateUsageError('--output names one copy: give one .docx with it');
	let problems = 0;
	for (const name of cmd.files) {
		const file = path.resolve(cmd.cwd, name);
		if (!fs.existsSync(file)) throw new AnnotateUsageError(`no such file: ${name}`);
		const target = cmd.output ? path.resolve(cmd.cwd, cmd.output) : reviewedCopyPath(file);
		let written;
		try {
			written = await writeReviewedCopy(service, file, target, { force: cmd.force, overrides: cmd.overrides, version: cmd.version, date: cmd.now(), display: cmd.displayPath });
		} catch (e) {
			if (e instanceof ReviewedCopyError) throw new AnnotateUsageError(e.message);
			throw e;
		}
		problems += cmd.reportLoadErrors(written.errors);
		const notPlaced = written.unanchored > 0 ? `, ${written.unanchored} listed in the cover comment` : '';
		cmd.stderr(`${cmd.displayPath(file)}: ${written.comments} comment${written.comments === 1 ? '' : 's'} on findings${notPlaced}, profile ${escapeLine(written.profileReason)}; written to ${cmd.displayPath(target)}\n`);
	}
	return problems > 0 ? 2 : 0;
}
