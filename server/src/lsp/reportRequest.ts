import * as path from 'node:path';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { buildReport, type Report, type ReportOptions } from '../engine/report';
import { isWordDocument, readWordDocument, type WordDocument } from '../node/docx';
import { readConversion } from './docxRequest';
import { readFailureMessage } from '../node/docx/reviewable';
import { DEFAULT_MAX_DOCUMENT_SIZE } from '../node/reviewService';
import { bytesForCharacters, readBoundedText } from '../node/safeRead';
import type { ServerConfiguration } from './configuration';
import type { DocumentReviews } from './documents';
import { isWordReviewView } from './docxProtocol';
import type { ServerLog } from './log';
import { documentFormat, type WorkspacePaths } from './paths';
import { REPORT_REQUEST, type ReportParams } from './reportProtocol';
import { reviewOverrides } from './settings';
import { fileURLToPath } from 'node:url';
import { version } from '../../../package.json';

/** What the report needs of the server (session.ts hands itself over). */
export interface ReportContext {
	readonly connection: Connection;
	readonly paths: WorkspacePaths;
	readonly configuration: ServerConfiguration;
	readonly reviews: DocumentReviews;
	readonly log: ServerLog;
}

/**
 * `accountable/report`: the accountability report of a document, built from the same review the
 * diagnostics come from (configuration file, editor settings, rule packs). An open document is reported as
 * the editor has it, unsaved changes included; a closed file: document is read from disk.
 */
export async function reportRequest(server: ReportContext, params: ReportParams): Promise<Report | null> {
	const uri = params?.uri;
	if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'accountable/report needs { uri }');
	const open = server.reviews.documents.get(uri);
	const file = server.paths.fileFor(uri, open?.languageId);
	let text: string;
	// A .docx (the Word review editor's document) is reported from its conversion, placed by Word paragraph.
	let word: WordDocument | undefined;
	if (open) text = open.getText();
	else {
		const onDisk = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
		if (!onDisk) throw new ResponseError(ErrorCodes.InvalidParams, `not an open document: ${uri}`);
		try {
			if (isWordDocument(onDisk)) word = await readConversion(onDisk);
			text = word ? word.markdown : readBoundedText(onDisk, bytesForCharacters(DEFAULT_MAX_DOCUMENT_SIZE));
		} catch (e) {
			throw new ResponseError(ErrorCodes.InvalidRequest, readFailureMessage(path.basename(onDisk), e));
		}
	}
	const settings = await server.configuration.settingsFor(uri);
	const service = server.configuration.serviceFor(settings.packs, file);
	const review = service.review(file, text, reviewOverrides(settings), word ? 'markdown' : documentFormat(uri, file, open?.languageId), undefined, settings.maxDocumentSize);
	if (!review.result) return null;
	const converted = word;
	const locate: ReportOptions['locate'] | undefined = converted ? (finding) => converted.locator.locate(finding.offsets) : isWordReviewView(uri) ? await wordLocator(file, text) : undefined;
	return buildReport(review.result, service.ruleSetFor(file).rules, { file: displayName(server, file, uri), version, ...(locate ? { locate } : {}) });
}

/**
 * For a Word document's review view: evidence placed by Word paragraph and heading path, as the CLI's report
 * of the .docx does. Only while the view shows what the .docx holds now; a view about to reload gets plain
 * line numbers, and the report is asked again after the reload.
 */
async function wordLocator(file: string, viewText: string): Promise<ReportOptions['locate'] | undefined> {
	try {
		const word = await readWordDocument(file, DEFAULT_MAX_DOCUMENT_SIZE);
		return word.markdown === viewText ? (finding) => word.locator.locate(finding.offsets) : undefined;
	} catch {
		return undefined; // the view already says why the file cannot be read
	}
}

/** The file as the user knows it: relative to its workspace folder, else its name. */
function displayName(server: ReportContext, file: string, uri: string): string {
	if (!uri.startsWith('file:') && !isWordReviewView(uri)) return decodeURIComponent(uri.replace(/^[a-z-]+:/, ''));
	const folder = server.paths.folderOf(file);
	return folder ? path.relative(folder, file).split(path.sep).join('/') : path.basename(file);
}

export function registerReportRequest(server: ReportContext): void {
	server.connection.onRequest(REPORT_REQUEST, async (params: ReportParams) => {
		try {
			return await reportRequest(server, params);
		} catch (e) {
			if (e instanceof ResponseError) throw e;
			server.log.error(REPORT_REQUEST, e);
			throw new ResponseError(ErrorCodes.InternalError, `Accountable could not build the report: ${(e as Error).message}`);
		}
	});
}
