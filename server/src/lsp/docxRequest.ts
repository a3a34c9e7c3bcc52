import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { DocxError, readWordDocument } from '../node/docx';
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
		const word = await readWordDocument(file);
		return {
			markdown: word.markdown,
			paragraphs: word.paragraphs.map((p) => ({ paragraph: p.number, headingPath: p.headingPath, start: p.start, end: p.end, ...(p.note ? { note: p.note } : {}) })),
		};
	} catch (e) {
		const message = e instanceof DocxError ? `${name} ${e.message}` : `cannot read ${name}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
		throw new ResponseError(ErrorCodes.InvalidRequest, message);
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
