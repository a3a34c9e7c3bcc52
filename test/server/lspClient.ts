import { spawn, fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
	createMessageConnection,
	IPCMessageReader,
	IPCMessageWriter,
	StreamMessageReader,
	StreamMessageWriter,
	type MessageConnection,
} from 'vscode-jsonrpc/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { createConnection as createServerConnection } from 'vscode-languageserver/node';
import { AccountableServer } from '../../server/src/lsp/session';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'out', 'server.js');

export function uriOf(file: string): string {
	return pathToFileURL(file).href;
}

/** Polls `check` until it returns a value (not undefined/false) or the deadline passes. */
export async function waitUntil<T>(what: string, check: () => T | undefined | false, timeoutMs = 15000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = check();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

export interface ClientOptions {
	/**
	 * in-process: the server's sources run in the test's own process, over a pair of in-memory streams (fast,
	 * and what most protocol tests use); stdio (the default) and node-ipc run the built bundle, as editors do.
	 */
	transport?: 'in-process' | 'stdio' | 'node-ipc';
	/** The server bundle to run (default out/server.js). */
	server?: string;
	/** Command-line arguments for stdio (default --stdio). */
	args?: string[];
	/** Node.js options for the server's process over stdio (e.g. a heap limit). */
	nodeArgs?: string[];
	settings?: Record<string, unknown>;
	initializationOptions?: Record<string, unknown>;
	workspaceFolder?: string;
	/** Advertise window.workDoneProgress, workspace.configuration and showDocument (as VS Code does). */
	capabilities?: { configuration?: boolean; workDoneProgress?: boolean; showDocument?: boolean; watchedFiles?: boolean };
}

/**
 * A minimal LSP client for tests: runs the server (out/server.js, or its sources in process), keeps the open documents in sync incrementally,
 * answers the server's requests (configuration, applyEdit, progress, registrations) and records everything
 * it is sent. Waiting is always for a notification, with a deadline; never a fixed sleep.
 */
export class TestClient {
	/** The server's process (undefined in process). */
	readonly process?: ChildProcess;
	readonly connection: MessageConnection;
	readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
	readonly logs: Array<{ type: number; message: string }> = [];
	readonly configurationRequests: Array<{ scopeUri?: string; section?: string }> = [];
	readonly progress: Array<{ token: unknown; value: { kind: string; message?: string; percentage?: number } }> = [];
	readonly shownDocuments: string[] = [];
	/** accountable/documentProfile notifications, in the order they came. */
	readonly profiles: Array<{ uri: string; profile: string; reason: string }> = [];
	readonly registrations: string[] = [];
	readonly documents = new Map<string, TextDocument>();
	settings: Record<string, unknown>;
	stderr = '';
	exited = false;
	private inProcess?: { toServer: PassThrough; toClient: PassThrough };

	constructor(private readonly options: ClientOptions = {}) {
		this.settings = options.settings ?? {};
		const server = options.server ?? SERVER;
		if (options.transport === 'in-process') {
			// Two in-memory pipes: what the client writes the server reads, and back. The server gets no
			// process id to watch and is never sent `exit` (its handler would end the test's process).
			const toServer = new PassThrough();
			const toClient = new PassThrough();
			new AccountableServer(createServerConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient))).listen();
			this.connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
			this.inProcess = { toServer, toClient };
		} else if (options.transport === 'node-ipc') {
			this.process = fork(server, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
			this.connection = createMessageConnection(new IPCMessageReader(this.process), new IPCMessageWriter(this.process));
		} else {
			this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), server, ...(options.args ?? ['--stdio'])], { stdio: ['pipe', 'pipe', 'pipe'] });
			this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
		}
		this.process?.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
		this.process?.on('exit', () => (this.exited = true));
		const c = this.connection;
		c.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
			this.diagnostics.set(p.uri, [...(this.diagnostics.get(p.uri) ?? []), p]);
		});
		c.onNotification('accountable/documentProfile', (p: TestClient['profiles'][number]) => void this.profiles.push(p));
		c.onNotification('window/logMessage', (p: { type: number; message: string }) => void this.logs.push(p));
		c.onNotification('$/progress', (p: TestClient['progress'][number]) => void this.progress.push(p));
		c.onRequest('workspace/configuration', (p: { items: Array<{ scopeUri?: string; section?: string }> }) => {
			this.configurationRequests.push(...p.items);
			return p.items.map((item) => (item.section === 'accountable' ? this.settings : null));
		});
		c.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string }> }) => {
			this.registrations.push(...p.registrations.map((r) => r.method));
			return null;
		});
		c.onRequest('window/workDoneProgress/create', () => null);
		c.onRequest('window/showDocument', (p: { uri: string }) => {
			this.shownDocuments.push(p.uri);
			return { success: true };
		});
		c.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
			this.logs.push(p);
			return null;
		});
		c.onNotification('window/showMessage', (p: { type: number; message: string }) => void this.logs.push(p));
		c.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
			for (const [uri, edits] of Object.entries(p.edit.changes ?? {})) this.applyEdits(uri, edits);
			return { applied: true };
		});
		c.listen();
	}

	async initialize(): Promise<InitializeResult> {
		const folder = this.options.workspaceFolder;
		const caps = { configuration: true, workDoneProgress: true, showDocument: true, watchedFiles: true, ...this.options.capabilities };
		const request = this.connection.sendRequest<InitializeResult>('initialize', {
			processId: this.inProcess ? null : process.pid,
			rootUri: folder ? uriOf(folder) : null,
			workspaceFolders: folder ? [{ uri: uriOf(folder), name: path.basename(folder) }] : null,
			initializationOptions: this.options.initializationOptions,
			capabilities: {
				workspace: {
					configuration: caps.configuration,
					applyEdit: true,
					workspaceFolders: true,
					didChangeConfiguration: { dynamicRegistration: true },
					didChangeWatchedFiles: { dynamicRegistration: caps.watchedFiles },
				},
				window: { workDoneProgress: caps.workDoneProgress, showDocument: caps.showDocument ? { support: true } : undefined },
				textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true }, synchronization: { didSave: true } },
			},
		});
		// A server that cannot start (no build, an error on loading) fails here with what it printed, not at the
		// test's timeout: the request alone would wait for an answer forever.
		const result = await Promise.race([request, this.closed('initialize')]);
		await this.connection.sendNotification('initialized', {});
		return result;
	}

	/** Rejects when the server's process ends (its output read to the end), naming what it was waiting for; never settles in process. */
	private closed(waitingFor: string): Promise<never> {
		const child = this.process;
		if (!child) return new Promise<never>(() => undefined);
		const ended = new Promise<never>((_, reject) => {
			const fail = (): void => reject(new Error(`the language server (${this.options.server ?? SERVER}) exited before answering ${waitingFor} (exit code ${child.exitCode ?? child.signalCode}): ${this.stderr.trim() || 'nothing on stderr'}`));
			if (child.exitCode !== null || child.signalCode !== null) fail();
			else child.once('close', fail);
		});
		ended.catch(() => undefined); // an exit after the answer (dispose) is no error
		return ended;
	}

	open(file: string, text: string, languageId = file.endsWith('.md') ? 'markdown' : 'plaintext'): string {
		const uri = uriOf(file);
		this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
		void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
		return uri;
	}

	/** Sends an incremental change and applies it to the local copy. */
	change(uri: string, changes: Array<{ range: Range; text: string }>): number {
		const doc = this.documents.get(uri)!;
		const updated = TextDocument.update(doc, changes as TextDocumentContentChangeEvent[], doc.version + 1);
		this.documents.set(uri, updated);
		void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: updated.version }, contentChanges: changes });
		return updated.version;
	}

	applyEdits(uri: string, edits: TextEdit[]): number {
		return this.change(uri, edits.map((e) => ({ range: e.range, text: e.newText })));
	}

	close(uri: string): void {
		this.documents.delete(uri);
		void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
	}

	text(uri: string): string {
		return this.documents.get(uri)!.getText();
	}

	/** A range covering `needle`'s first occurrence in the open document. */
	rangeOf(uri: string, needle: string): Range {
		const doc = this.documents.get(uri)!;
		const at = doc.getText().indexOf(needle);
		if (at < 0) throw new Error(`"${needle}" is not in ${uri}`);
		return { start: doc.positionAt(at), end: doc.positionAt(at + needle.length) };
	}

	publishCount(uri: string): number {
		return this.diagnostics.get(uri)?.length ?? 0;
	}

	latest(uri: string): Diagnostic[] | undefined {
		const all = this.diagnostics.get(uri);
		return all?.[all.length - 1]?.diagnostics;
	}

	/** Waits for a publishDiagnostics for `uri` (after `after` earlier ones) whose diagnostics satisfy `check`. */
	async waitForDiagnostics(uri: string, check: (d: Diagnostic[]) => boolean, what = 'diagnostics', after = 0, timeoutMs = 15000): Promise<Diagnostic[]> {
		return waitUntil(`${what} for ${path.basename(uri)}`, () => {
			const all = this.diagnostics.get(uri) ?? [];
			for (let i = all.length - 1; i >= after; i--) if (check(all[i]!.diagnostics)) return all[i]!.diagnostics;
			return undefined;
		}, timeoutMs);
	}

	/** Waits for the next publish for `uri` after the current one. */
	async nextDiagnostics(uri: string, check: (d: Diagnostic[]) => boolean = () => true, what = 'new diagnostics'): Promise<Diagnostic[]> {
		return this.waitForDiagnostics(uri, check, what, this.publishCount(uri));
	}

	async dispose(): Promise<void> {
		if (this.exited) return;
		if (this.inProcess) {
			await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]).catch(() => undefined);
			this.exited = true;
			this.connection.dispose();
			this.inProcess.toServer.end();
			this.inProcess.toClient.end();
			return;
		}
		try {
			await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
			void this.connection.sendNotification('exit');
		} catch {
			// already gone
		}
		await waitUntil('server exit', () => this.exited, 5000).catch(() => this.process?.kill());
		this.connection.dispose();
	}
}

export const withRule = (id: string) => (d: Diagnostic[]): boolean => d.some((x) => x.code === id);
export const withoutRule = (id: string) => (d: Diagnostic[]): boolean => !d.some((x) => x.code === id);
