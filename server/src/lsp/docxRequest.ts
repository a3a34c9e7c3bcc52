import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { readWordDocument, type WordDocument, type WordLocation } from '../node/docx';
import { readFailureMessage } from '../node/docx/reviewable';
import { DEFAULT_MAX_DOCUMENT_SIZE } from '../node/reviewService';
import { CONVERT_DOCX_REQUEST, DOCX_SCHEME, REVIEWED_COPY_EXISTS, docxFileUri, type AnnotateDocxParams, type AnnotateDocxResult, type ConvertDocxParams, type ConvertDocxResult } from './docxProtocol';
import { ReviewedCopyError, reviewedCopyPath, writeReviewedCopy } from '../node/docx/annotate/reviewedCopy';
import type { ReviewService } from '../node/reviewService';
import type { Offsets, Range, ReviewSettings } from '../engine';
import { version } from '../../../package.json';

/**
 * `accountable/convertDocx`: reads a .docx from disk and returns the Markdown the review view shows (and the
 * server then reviews like any open Markdown document), with where each Word paragraph landed. Problems come
 * back as a ResponseError whose message names the file, as the CLI's do.
 */
export async function convertDocxRequest(params: ConvertDocxParams): Promise<ConvertDocxResult> {
	const file = wordDocumentPath(params?.uri);
	if (!file) throw new ResponseError(ErrorCodes.InvalidParams, `not a file: URI or ${DOCX_SCHEME}: URI: ${String(params?.uri)}`);
	const name = path.basename(file);
	try {
		const word = await readConversion(file);
		return {
			markdown: word.markdown,
			paragraphs: word.paragraphs.map((p) => ({ paragraph: p.number, headingPath: p.headingPath, start: p.start, end: p.end, ...(p.note ? { note: p.note } : {}) })),
		};
	} catch (e) {
		throw new ResponseError(ErrorCodes.InvalidRequest, readFailureMessage(name, e));
	}
}

/**
 * The last conversion of each .docx, so a review of its view can name Word paragraphs in the Problems panel
 * ("¶14 (SEC. 5 › Budget): …"). One per file, replaced by the next conversion.
 */
const conversions = new Map<string, WordDocument>();

export async function readConversion(file: string): Promise<WordDocument> {
	// The review applies the editor's (smaller) limit to the text; this one stops runaway unpacking.
	const word = await readWordDocument(file, DEFAULT_MAX_DOCUMENT_SIZE);
	conversions.set(file, word);
	return word;
}

/** Where a finding is in the .docx behind a view, while the view shows the conversion kept for it. */
export function wordLocation(file: string, viewText: string, offsets: Offsets): WordLocation | undefined {
	const word = conversions.get(file);
	return word && word.markdown === viewText ? word.locator.locate(offsets) : undefined;
}

/**
 * Where a finding is on the .docx itself, as a range the Problems panel shows: the line is the Word paragraph's
 * (line 14 is ¶14) and the columns are its words' within the paragraph.
 */
export function wordParagraphRange(file: string, viewText: string, offsets: Offsets): Range | undefined {
	const word = conversions.get(file);
	const span = word && word.markdown === viewText ? word.locator.span(offsets) : undefined;
	if (!span) return undefined;
	const line = span.paragraph.number - 1;
	return { start: { line, character: span.start }, end: { line, character: span.end } };
}

export function registerDocxRequest(connection: Connection): void {
	connection.onRequest(CONVERT_DOCX_REQUEST, (params: ConvertDocxParams) => convertDocxRequest(params));
}

/** What writing a reviewed copy needs of the server: the review a .docx gets in the editor. */
export interface AnnotateContext {
	reviewFor(file: string): Promise<{ service: ReviewService; overrides: ReviewSettings }>;
}

/**
 * `accountable/annotateDocx`: writes `<name>.reviewed.docx` beside the .docx, reviewed as the editor reviews
 * it (configuration, editor settings, rule packs). An existing copy is replaced only with `force`; refusing,
 * the error carries REVIEWED_COPY_EXISTS so the client can ask.
 */
export async function annotateDocxRequest(context: AnnotateContext, params: AnnotateDocxParams): Promise<AnnotateDocxResult> {
	const file = wordDocumentPath(params?.uri);
	if (!file) throw new ResponseError(ErrorCodes.InvalidParams, `not a file: URI or ${DOCX_SCHEME}: URI: ${String(params?.uri)}`);
	const { service, overrides } = await context.reviewFor(file);
	try {
		const written = await writeReviewedCopy(service, file, reviewedCopyPath(file), { force: params.force === true, overrides, version, date: new Date(), display: (f) => path.basename(f) });
		return { target: pathToFileURL(written.target).href, comments: written.comments, unanchored: written.unanchored, profile: written.profile, profileReason: written.profileReason };
	} catch (e) {
		if (e instanceof ReviewedCopyError) throw new ResponseError(e.exists ? REVIEWED_COPY_EXISTS : ErrorCodes.InvalidRequest, e.message);
		throw e;
	}
}

/** The .docx on disk behind a file: or accountable-docx: URI; configuration is found from its folder. */
export function wordDocumentPath(uri: string | undefined): string | undefined {
	if (typeof uri !== 'string') return undefined;
	const fileUri = docxFileUri(uri);
	if (!fileUri.startsWith('file:')) return undefined;
	try {
		return fileURLToPath(fileUri);
	} catch {
		return undefined;
	}
}
