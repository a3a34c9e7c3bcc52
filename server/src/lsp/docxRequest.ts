import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { readWordDocument } from '../node/docx';
import { readFailureMessage } from '../node/docx/reviewable';
import { DEFAULT_MAX_DOCUMENT_SIZE } from '../node/reviewService';
import { CONVERT_DOCX_REQUEST, DOCX_SCHEME, docxFileUri, type ConvertDocxParams, type ConvertDocxResult } from './docxProtocol';

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
		// The review applies the editor's (smaller) limit to the text; this one stops runaway unpacking.
		const word = await readWordDocument(file, DEFAULT_MAX_DOCUMENT_SIZE);
		return {
			markdown: word.markdown,
			paragraphs: word.paragraphs.map((p) => ({ paragraph: p.number, headingPath: p.headingPath, start: p.start, end: p.end, ...(p.note ? { note: p.note } : {}) })),
		};
	} catch (e) {
		throw new ResponseError(ErrorCodes.InvalidRequest, readFailureMessage(name, e));
	}
}

export function registerDocxRequest(connection: Connection): void {
	connection.onRequest(CONVERT_DOCX_REQUEST, (params: ConvertDocxParams) => convertDocxRequest(params));
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
