import { PROFILE_HEAD } from '../config';
import type { DocumentFormat } from '../document';
import { HEAD as STANCE_HEAD } from '../reading/stance';

/**
 * A long document's first review in stages: its start, then more and more of it, each stage an
 * IncrementalReviewer.review of the text up to the stage's end (`part`), each kept for the next as an edit's
 * review is, and last a review of the whole text: the findings of one whole review. An editor publishes each
 * stage's findings (block-local rules' findings outside the stage's last chunk, which the whole review makes
 * too) and handles edits between stages, so a long document shows its first diagnostics in the time a short
 * one takes, and the rest of its first review does not hold up typing.
 */

/** Documents shorter than this are reviewed whole at once (a review of this much takes about half a second on a busy machine). */
export const STAGED_REVIEW_LENGTH = 150_000;

/** The first stage reaches past the document's head, which decides its profile and stance (every finding's severity). */
export const FIRST_STAGE_LENGTH = Math.max(PROFILE_HEAD, STANCE_HEAD);

/** Each later stage adds at least this much, or half of what is reviewed, so that a long document has few stages (8 before the whole review of a 1.3 MB one, 15 of a 20 MB one). */
const STAGE_STEP = 64_000;

/**
 * Where the next stage of the first review of `text` ends, after stages that reviewed it up to `reviewed`
 * (undefined before the first): the start of a paragraph (a line after a blank line, not indented) at least
 * a step further; undefined when the next review should be of the whole text (a short document, the last
 * stage, or Markdown that cannot be reviewed in parts).
 */
export function nextStageEnd(text: string, format: DocumentFormat, reviewed?: number): number | undefined {
	if (text.length < STAGED_REVIEW_LENGTH) return undefined;
	// Link reference and footnote definitions apply to the whole document: such Markdown is one chunk (chunks.ts).
	if (format === 'markdown' && text.includes(']:')) return undefined;
	const from = reviewed === undefined ? FIRST_STAGE_LENGTH : reviewed + Math.max(STAGE_STEP, reviewed >> 1);
	const end = paragraphStartFrom(text, from);
	// A last stage of less than a step would cost a stage's overhead for little: the whole text instead.
	return end === undefined || text.length - end < STAGE_STEP ? undefined : end;
}

/** The first line at or after `from` that follows a blank line and starts with neither a space nor a tab. */
function paragraphStartFrom(text: string, from: number): number | undefined {
	let i = text.lastIndexOf('\n', from - 1) + 1;
	let previousBlank = false;
	while (i < text.length) {
		let next = text.indexOf('\n', i);
		next = next === -1 ? text.length : next + 1;
		const blank = /^[ \t\r]*\n?$/.test(text.slice(i, next));
		const c = text.charCodeAt(i);
		if (!blank && previousBlank && i >= from && c !== 32 && c !== 9) return i;
		previousBlank = blank;
		i = next;
	}
	return undefined;
}
