import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatForPath, type DocumentFormat } from '../engine';
import { isWordReviewView } from './docxProtocol';
import { wordDocumentPath } from './docxRequest';

/** The workspace folders, and where a document's configuration is looked for. */
export class WorkspacePaths {
	folders: string[] = [];

	/** The path a document's configuration is found from; untitled documents count as in the first folder. */
	fileFor(uri: string, languageId: string | undefined): string {
		const file = uriToPath(uri);
		if (file) return file;
		return path.join(this.folders[0] ?? process.cwd(), languageId === 'markdown' ? 'untitled.md' : 'untitled.txt');
	}

	/** The innermost workspace folder holding `file`. */
	folderOf(file: string): string | undefined {
		return this.folders
			.filter((f) => {
				const r = path.relative(f, file);
				return !r.startsWith('..') && !path.isAbsolute(r);
			})
			.sort((a, b) => b.length - a.length)[0];
	}
}

export function uriToPath(uri: string): string | undefined {
	// A Word document's review view is configured (and ignored) as the .docx on disk.
	if (isWordReviewView(uri)) return wordDocumentPath(uri);
	if (!uri.startsWith('file:')) return undefined;
	try {
		return fileURLToPath(uri);
	} catch {
		return undefined;
	}
}

/**
 * How a document is read: as Markdown when the editor says so, when it is a Word document's review view
 * (Markdown made from the .docx), or when its file name says so; as plain text otherwise.
 */
export function documentFormat(uri: string, file: string, languageId: string | undefined): DocumentFormat {
	return languageId === 'markdown' || isWordReviewView(uri) ? 'markdown' : formatForPath(file);
}
