/**
 * The web page's review of one draft: a dropped or chosen file (.docx, .md, .txt) or pasted text, reviewed
 * by the same functions as the CLI (the engine's Reviewer and report, the Word reader's conversion and
 * paragraph locator) with the built-in rules compiled into the page. No DOM and no network here: the page
 * (./page/main.ts) reads the file's bytes and shows what this returns; tests call it on Node.js.
 */
import { formatForPath, type Reviewer, type DocumentFormat, type Finding, type ReviewResult, type Rule } from '../engine';
export { builtinReviewer } from './builtinReviewer';
import { buildReport, type Report } from '../engine/report';
import { DEFAULT_MAX_DOCUMENT_SIZE, refusalOf } from '../engine/review/refusal';
import { annotateWordDocument } from '../node/docx/annotate';
import { DocxError } from '../node/docx/convert';
import { describeLocation, type WordLocation } from '../node/docx/locate';
import type { RawInflate } from '../node/docx/package';
import { convertWordBytes, type WordDocument } from '../node/docx/wordDocument';

/** What the page reads: the extensions the CLI reviews (server/src/node/files.ts: REVIEWED_EXTENSIONS). */
export const ACCEPTED_EXTENSIONS = ['.docx', '.md', '.markdown', '.txt'] as const;

/** The name pasted text is reviewed under: Markdown, which reads plain prose the same. */
export const PASTED_NAME = 'pasted text.md';

/** A draft that cannot be reviewed, with a message that names it and says what to do. */
export class DraftError extends Error {}

/** What the page reviews with: the built-in rules, and how to inflate a Word package in this browser. */
export interface ReviewEnvironment {
	reviewer: Reviewer;
	inflateRaw: RawInflate;
	version: string;
	/** When the report is made (ISO 8601). */
	now: () => string;
}

/** A reviewed draft: the text the engine read, its findings, the rules they came from and the report. */
export interface ReviewedDraft {
	name: string;
	kind: 'word' | 'markdown' | 'text';
	/** The reviewed text: the file's own, or for a Word document its converted Markdown. */
	text: string;
	format: DocumentFormat;
	result: ReviewResult;
	rules: readonly Rule[];
	report: Report;
	/** For a Word document: its conversion (paragraphs, locator) and original bytes, for the commented copy. */
	word?: { document: WordDocument; bytes: Uint8Array };
}

/** Which reader a file name calls for; throws DraftError for anything else. */
export function kindOf(name: string): ReviewedDraft['kind'] {
	const lower = name.toLowerCase();
	if (lower.endsWith('.docx')) return 'word';
	if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
	if (lower.endsWith('.txt')) return 'text';
	if (lower.endsWith('.doc')) throw new DraftError(`${name} is a Word 97–2003 document (.doc), which Accountable cannot read; open it in Word and save it as .docx`);
	const dot = lower.lastIndexOf('.');
	const what = dot > 0 ? `a ${name.slice(dot)} file` : 'a file without an extension';
	throw new DraftError(`${name} is ${what}, which Accountable does not review; choose a Word document (.docx), Markdown (.md) or plain text (.txt), or paste the text`);
}

/** Reviews a file's bytes. Throws DraftError when the file cannot be read or reviewed (never an empty result). */
export async function reviewFile(name: string, bytes: Uint8Array, env: ReviewEnvironment): Promise<ReviewedDraft> {
	const kind = kindOf(name);
	if (kind !== 'word') {
		// As the CLI reads text files: UTF-8, a byte order mark kept (so offsets match), bad bytes replaced.
		if (bytes.length > DEFAULT_MAX_DOCUMENT_SIZE * 3) throw new DraftError(`${name} is not reviewed: it is over the limit of ${DEFAULT_MAX_DOCUMENT_SIZE} characters`);
		return reviewText(name, new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), env, kind);
	}
	let document: WordDocument;
	try {
		document = await convertWordBytes(bytes, env.inflateRaw, DEFAULT_MAX_DOCUMENT_SIZE);
	} catch (e) {
		if (e instanceof DocxError) throw new DraftError(`${name} ${e.message}`);
		throw e;
	}
	return reviewText(name, document.markdown, env, 'word', { document, bytes });
}

/** Reviews text (pasted, or a file's) as the CLI reviews a file of that name. */
export function reviewText(name: string, text: string, env: ReviewEnvironment, kind: ReviewedDraft['kind'] = kindOf(name), word?: ReviewedDraft['word']): ReviewedDraft {
	if (text.trim() === '') throw new DraftError(`${name} is empty: there is nothing to review`);
	const refusal = refusalOf(text, DEFAULT_MAX_DOCUMENT_SIZE);
	if (refusal) throw new DraftError(`${name}: ${refusal.skipped}`);
	const format: DocumentFormat = kind === 'word' ? 'markdown' : formatForPath(name);
	const result = env.reviewer.review({ text, format });
	const rules = env.reviewer.ruleSet.rules;
	const locate = word ? (f: Finding) => word.document.locator.locate(f.offsets) : undefined;
	const report = buildReport(result, rules, { file: name, version: env.version, generated: env.now(), ...(locate ? { locate } : {}) });
	return { name, kind, text, format, result, rules, report, ...(word ? { word } : {}) };
}

/** Where a finding is, as the page names it: “¶7 (SEC. 5 › Services)” in a Word document, “Line 12” otherwise. */
export function placeOf(draft: ReviewedDraft, finding: Finding): string {
	const location = wordLocation(draft, finding);
	return location ? describeLocation(location) : `Line ${finding.range.start.line + 1}`;
}

export function wordLocation(draft: ReviewedDraft, finding: Finding): WordLocation | undefined {
	return draft.word?.document.locator.locate(finding.offsets);
}

/** `draft.docx` → `draft.reviewed.docx`, as the CLI names the copy; `draft.md` → `draft.report.html`. */
export function downloadName(name: string, suffix: string): string {
	const dot = name.lastIndexOf('.');
	return `${dot > 0 ? name.slice(0, dot) : name}.${suffix}`;
}

/** The Word document with a comment on the words of each finding and the report's scorecard (as `accountable annotate`). */
export async function reviewedWordCopy(draft: ReviewedDraft): Promise<Uint8Array> {
	if (!draft.word) throw new DraftError(`${draft.name} is not a Word document: a commented copy is made of .docx files only`);
	const copy = await annotateWordDocument({
		bytes: draft.word.bytes,
		word: draft.word.document,
		review: draft.result,
		rules: draft.rules,
		report: draft.report,
		profileReason: draft.result.profileReason,
		date: draft.report.generated?.replace(/\.\d{3}Z$/, 'Z') ?? new Date().toISOString(),
	});
	return copy.bytes;
}
