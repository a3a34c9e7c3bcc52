import type { CancellationToken } from 'vscode-languageserver/node';
import { expandPaths } from '../node/files';
import type { ConfigResolver } from '../node/config';


export interface WorkspaceReviewProgress {
	begin(title: string, percentage?: number, message?: string, cancellable?: boolean): void;
	report(percentage: number, message?: string): void;
	done(): void;
}

export interface WorkspaceReviewSummary {
	files: number;
	findings: number;
	cancelled: boolean;
	/** Files and folders not reviewed, each with its reason (a link out of the folder, an unreadable folder, a FIFO…). */
	skipped: Array<{ file: string; reason: string }>;
}

/**
 * Reviews every `.md`, `.markdown`, `.txt` and `.docx` file under the workspace folders, as the CLI reviews a
 * folder (honouring each configuration's `ignore`, skipping node_modules, .git and Word's lock files), one
 * file per turn of the event loop so cancellation and other requests get through. `reviewFile` publishes the
 * file's diagnostics (a .docx's on its review view) and returns how many it found.
 */
export async function reviewWorkspace(
	folders: readonly string[],
	configs: ConfigResolver,
	/** Reviews one file: the number of findings, or why it could not be read. */
	reviewFile: (file: string) => number | { skipped: string } | Promise<number | { skipped: string }>,
	progress: WorkspaceReviewProgress,
	tokens: ReadonlyArray<CancellationToken | undefined>,
): Promise<WorkspaceReviewSummary> {
	const cancelled = (): boolean => tokens.some((t) => t?.isCancellationRequested);
	progress.begin('Accountable: reviewing the workspace', 0, 'finding files…', true);
	const expanded = folders.length > 0 ? expandPaths(folders, configs) : { files: [], skipped: [] };
	const files = expanded.files;
	const skipped = expanded.skipped.map((s) => ({ file: s.path, reason: s.reason }));
	let findings = 0;
	let done = 0;
	try {
		for (const file of files) {
			if (cancelled()) return { files: done, findings, cancelled: true, skipped };
			const result = await reviewFile(file);
			if (typeof result === 'number') findings += result;
			else skipped.push({ file, reason: result.skipped });
			done++;
			progress.report(Math.round((done / files.length) * 100), `${done}/${files.length} files`);
			await new Promise((resolve) => setImmediate(resolve));
		}
		return { files: done, findings, cancelled: cancelled(), skipped };
	} finally {
		progress.done();
	}
}
