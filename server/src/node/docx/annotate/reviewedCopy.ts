import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LoadError, ReviewSettings } from '../../../engine';
import { buildReport } from '../../../engine/report';
import type { ReviewService } from '../../reviewService';
import { DocxError, convertWordDocument, isWordDocument } from '../index';
import { annotateWordDocument } from './index';

/** Why a reviewed copy was not written, in words that name the file; `exists` when only --force is missing. */
export class ReviewedCopyError extends Error {
	constructor(
		message: string,
		readonly exists = false,
	) {
		super(message);
	}
}

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
	if (!isWordDocument(file)) throw new ReviewedCopyError(`${display} is not a Word document (.docx); annotate writes comments into .docx files`);
	if (samePath(file, target)) throw new ReviewedCopyError(`the reviewed copy would replace ${display} itself; choose another --output`);
	if (!options.force && fs.existsSync(target)) throw new ReviewedCopyError(`${options.display(target)} already exists; use --force to replace it`, true);
	let bytes: Buffer;
	try {
		bytes = fs.readFileSync(file);
	} catch (e) {
		throw new ReviewedCopyError(`cannot read ${display}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
	}
	let word;
	try {
		word = await convertWordDocument(bytes);
	} catch (e) {
		if (e instanceof DocxError) throw new ReviewedCopyError(`${display} ${e.message}`);
		throw e;
	}
	const review = service.review(file, word.markdown, options.overrides, 'markdown');
	if (review.skipped || !review.result) throw new ReviewedCopyError(`${display}: ${review.skipped ?? 'not reviewed'}`);
	const rules = service.ruleSetFor(file).rules;
	const locate = (f: { offsets: { start: number; end: number } }) => word.locator.locate(f.offsets);
	const report = buildReport(review.result, rules, { file: path.basename(file), version: options.version, generated: options.date.toISOString(), locate });
	const copy = await annotateWordDocument({ bytes, word, review: review.result, rules, report, profileReason: review.result.profileReason, date: options.date.toISOString().replace(/\.\d{3}Z$/, 'Z') });
	try {
		// 'wx' fails if the file appeared since the check: nothing is ever replaced without --force.
		fs.writeFileSync(target, copy.bytes, { flag: options.force ? 'w' : 'wx' });
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		throw new ReviewedCopyError(code === 'EEXIST' ? `${options.display(target)} already exists; use --force to replace it` : `cannot write ${options.display(target)}: ${code ?? (e as Error).message}`, code === 'EEXIST');
	}
	return { target, comments: copy.anchored.length, unanchored: copy.unanchored.length, profile: review.result.profile, profileReason: review.result.profileReason, errors: review.errors };
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
