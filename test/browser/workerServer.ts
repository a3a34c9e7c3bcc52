/**
 * A test client for the web extension's language server (out/browser/server.js): the bundle runs in a Node.js
 * worker thread whose global scope is one end of a MessageChannel, as a browser's web worker's is, and this
 * end speaks JSON-RPC over the other end, as vscode-languageclient/browser does (message objects, no framing).
 * Configuration files live in an in-memory map of URIs, answered as the extension answers from
 * vscode.workspace.fs (client/src/browser/extension.ts).
 */
import * as path from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT, waitUntil } from '../server/lspClient';

export const BROWSER_SERVER = path.join(ROOT, 'out', 'browser', 'server.js');

/** The worker's global scope, as a web worker's: `onmessage`, `postMessage` and `addEventListener` on a port. */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const port = workerData.port;
Object.defineProperty(globalThis, 'onmessage', { set(listener) { port.onmessage = listener; }, configurable: true });
globalThis.postMessage = (message) => port.postMessage(message);
globalThis.addEventListener = (type, listener) => port.addEventListener(type, listener);
require(workerData.bundle);
`;

interface Message {
	jsonrpc: '2.0';
	id?: number | string;
	method?: string;
	params?: unknown;
	result?: unknown;
	error?: { code: number; message: string };
}

export class WorkerServerClient {
	readonly worker: Worker;
	private readonly port: MessagePort;
	private nextId = 1;
	private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
	readonly diagnostics = new Map<string, Diagnostic[][]>();
	readonly requests: Array<{ method: string; params: unknown }> = [];
	readonly logs: string[] = [];
	readonly appliedEdits: unknown[] = [];
	/** Configuration files by URI, as the workspace file system would give them. */
	readonly files = new Map<string, string>();
	/** The workspace folder (a URI): configuration is not looked for above it. */
	workspaceFolder = 'vscode-vfs://github/owner/repo';
	settings: Record<string, unknown> = {};
	private versions = new Map<string, number>();

	constructor(bundle = BROWSER_SERVER) {
		const { port1, port2 } = new MessageChannel();
		this.port = port1;
		this.worker = new Worker(BOOTSTRAP, { eval: true, workerData: { port: port2, bundle }, transferList: [port2] });
		port1.on('message', (message: Message) => void this.receive(message));
	}

	private async receive(message: Message): Promise<void> {
		if (message.method && message.id !== undefined) {
			this.requests.push({ method: message.method, params: message.params });
			try {
				this.port.postMessage({ jsonrpc: '2.0', id: message.id, result: await this.answer(message.method, message.params) });
			} catch (e) {
				this.port.postMessage({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: (e as Error).message } });
			}
		} else if (message.method) {
			if (message.method === 'textDocument/publishDiagnostics') {
				const p = message.params as PublishDiagnosticsParams;
				this.diagnostics.set(p.uri, [...(this.diagnostics.get(p.uri) ?? []), p.diagnostics]);
			} else if (message.method === 'window/logMessage') this.logs.push((message.params as { message: string }).message);
		} else if (typeof message.id === 'number') {
			const waiting = this.pending.get(message.id);
			this.pending.delete(message.id);
			if (message.error) waiting?.reject(new Error(message.error.message));
			else waiting?.resolve(message.result);
		}
	}

	private answer(method: string, params: unknown): unknown {
		switch (method) {
			case 'workspace/configuration':
				return (params as { items: unknown[] }).items.map(() => this.settings);
			case 'client/registerCapability':
				return null;
			case 'workspace/applyEdit':
				this.appliedEdits.push((params as { edit: unknown }).edit);
				return { applied: true };
			case 'accountable/findConfiguration': {
				const { folder, names } = params as { folder: string; names: string[] };
				for (let dir = folder; dir.startsWith(this.workspaceFolder); dir = dir.slice(0, dir.lastIndexOf('/'))) {
					for (const name of names) if (this.files.has(`${dir}/${name}`)) return { uri: `${dir}/${name}`, text: this.files.get(`${dir}/${name}`) };
				}
				return null;
			}
			case 'accountable/readConfiguration': {
				const { uri } = params as { uri: string };
				return this.files.has(uri) ? { uri, text: this.files.get(uri) } : { uri, error: 'could not be read (not found)' };
			}
			default:
				throw new Error(`unexpected request ${method}`);
		}
	}

	request<T>(method: string, params: unknown): Promise<T> {
		const id = this.nextId++;
		const answer = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
		this.port.postMessage({ jsonrpc: '2.0', id, method, params });
		return answer;
	}

	notify(method: string, params: unknown): void {
		this.port.postMessage({ jsonrpc: '2.0', method, params });
	}

	async initialize(): Promise<{ capabilities: Record<string, unknown>; serverInfo?: { name: string } }> {
		const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', {
			processId: null,
			rootUri: this.workspaceFolder,
			workspaceFolders: [{ uri: this.workspaceFolder, name: 'repo' }],
			capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } } },
			initializationOptions: { commandLinks: true },
		});
		this.notify('initialized', {});
		return result;
	}

	open(uri: string, text: string, languageId = 'markdown'): void {
		this.versions.set(uri, 1);
		this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
	}

	change(uri: string, text: string): void {
		const version = (this.versions.get(uri) ?? 1) + 1;
		this.versions.set(uri, version);
		this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
	}

	/** The next diagnostics published for `uri` after `seen` publications (the default: the first). */
	nextDiagnostics(uri: string, seen = 0): Promise<Diagnostic[]> {
		return waitUntil(`diagnostics #${seen + 1} for ${uri}`, () => this.diagnostics.get(uri)?.[seen], 20000);
	}

	published(uri: string): number {
		return this.diagnostics.get(uri)?.length ?? 0;
	}

	async stop(): Promise<void> {
		await this.worker.terminate();
		this.port.close();
	}
}
