import * as path from 'node:path';
import * as vscode from 'vscode';

/** Word saves through temporary files, so one save is several file events: wait for them to settle. */
const SETTLE_MS = 300;

/** Calls `changed` once a .docx has been saved, replaced, deleted or re-created (after its events settle). */
export function watchWordFile(file: vscode.Uri, changed: () => void): vscode.Disposable {
	const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(file, '..'), path.posix.basename(file.path)));
	let timer: ReturnType<typeof setTimeout> | undefined;
	const settle = (): void => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(changed, SETTLE_MS);
	};
	const subscriptions = [watcher, watcher.onDidChange(settle), watcher.onDidCreate(settle), watcher.onDidDelete(settle)];
	return { dispose: () => (timer && clearTimeout(timer), subscriptions.forEach((s) => s.dispose())) };
}
