// The language server as an editor meets it: out/server.js over stdio, a document opened, one-character
// edits typed one at a time, each timed to the publishDiagnostics of its version (run.mjs's LSP rows).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readMessages, writeMessage } from '../lsp-stdio.mjs';
import { summary } from './table.mjs';

/**
 * Starts out/server.js --stdio, opens the document, and times one-character edits to their diagnostics.
 * `configFile`: the text of an .accountable.yaml beside the document (maxDocumentSize past the default's 10
 * million characters), else none.
 */
export async function lspLatency(root, text, edits, settings = {}, configFile = undefined) {
	const child = spawn(process.execPath, [path.join(root, 'bin', 'accountable-lsp.js'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
	const waiters = [];
	const pending = new Map();
	const serverMs = new Map();
	// Versions reviewed whole: a long document's first review goes in stages, each published (documents.ts),
	// and its log line says "its first N of M characters" until the last.
	const reviewedWhole = new Set();
	let firstWholeAt;
	let lastPublished = 0;
	let id = 0;
	readMessages(child.stdout, (message) => {
		const now = performance.now();
		if (message.id !== undefined && message.method === undefined) pending.get(message.id)?.(message.result);
		else if (message.id !== undefined) send({ jsonrpc: '2.0', id: message.id, result: null });
		else if (message.method === 'window/logMessage') {
			// The server's own account of each review ("reviewed policy.md v7 (change): … in 12 ms").
			const m = /reviewed .* v(\d+) \((\w+)\): .* in (\d+) ms/.exec(message.params.message);
			if (m) serverMs.set(Number(m[1]), Number(m[3]));
			if (m && !/\(its first \d+ of \d+ characters\)/.test(message.params.message)) {
				reviewedWhole.add(Number(m[1]));
				firstWholeAt ??= now;
			}
		}
		else if (message.method === 'textDocument/publishDiagnostics') {
			lastPublished = message.params.diagnostics.length;
			for (const w of [...waiters]) if (w.test(message.params)) {
				waiters.splice(waiters.indexOf(w), 1);
				w.resolve(now);
			}
		}
	});
	function send(message) {
		writeMessage(child.stdin, message);
	}
	const request = (method, params) =>
		new Promise((resolve) => {
			const n = ++id;
			pending.set(n, resolve);
			send({ jsonrpc: '2.0', id: n, method, params });
		});
	const diagnosticsFor = (version) => new Promise((resolve) => waiters.push({ test: (p) => p.uri === uri && p.version === version, resolve }));

	const folder = path.join(root, 'bench-results', 'lsp-workspace');
	fs.mkdirSync(folder, { recursive: true });
	const config = path.join(folder, '.accountable.yaml');
	if (configFile === undefined) fs.rmSync(config, { force: true });
	else fs.writeFileSync(config, configFile);
	const uri = pathToFileURL(path.join(folder, 'policy.md')).href;
	await request('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}, initializationOptions: { settings: { maxDocumentSize: 10_000_000, ...settings } } });
	send({ jsonrpc: '2.0', method: 'initialized', params: {} });
	let version = 1;
	let start = performance.now();
	const openStart = start;
	const opened = diagnosticsFor(version);
	send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version, text } } });
	const openMs = (await opened) - start;
	// Edits are timed once the document's first review is complete: a long document's is made in stages, each
	// published (the first is openMs), and an edit made meanwhile waits for the stage under way.
	while (!reviewedWhole.has(version)) await new Promise((resolve) => setTimeout(resolve, 5));
	const cpuBefore = cpuMs(child.pid);
	const middle = text.indexOf(' ', text.length >> 1) + 1;
	const before = text.slice(0, middle);
	const line = before.split('\n').length - 1;
	const character = middle - before.lastIndexOf('\n') - 1;
	const times = [];
	for (let i = 0; i < edits; i++) {
		version++;
		const insert = i % 2 === 0;
		const change = insert ? { range: { start: { line, character }, end: { line, character } }, text: 'x' } : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
		const arrived = diagnosticsFor(version);
		start = performance.now();
		send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [change] } });
		times.push((await arrived) - start);
		// A typist's pause between keystrokes, so one edit is in flight at a time.
		await new Promise((resolve) => setTimeout(resolve, 30));
	}
	// The server's peak resident memory (Linux: VmHWM), read while it still runs, once it has reviewed the last
	// version whole (a staged first review may still be under way after the edits).
	const serverCpuPerEditMs = (cpuMs(child.pid) - cpuBefore) / edits;
	while (!reviewedWhole.has(version)) await new Promise((resolve) => setTimeout(resolve, 20));
	const peakRssMB = peakResidentMB(child.pid);
	const completeMs = firstWholeAt - openStart;
	await request('shutdown', null);
	send({ jsonrpc: '2.0', method: 'exit', params: null });
	child.stdin.end();
	const reviews = [...serverMs].filter(([v]) => v > 1).map(([, ms]) => ms);
	return { openMs, completeMs, serverCpuPerEditMs, firstEditMs: times[0], edits: summary(times), serverReviewMs: reviews.length ? summary(reviews) : undefined, published: lastPublished, peakRssMB };
}

/** A running process's user and system CPU time in ms, all its threads (Linux /proc; 10 ms ticks), or NaN elsewhere. */
function cpuMs(pid) {
	try {
		const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return Number.NaN;
	}
}

/** A running process's peak resident set in MB (Linux /proc), or undefined elsewhere. */
function peakResidentMB(pid) {
	try {
		const kB = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kB === undefined ? undefined : Math.round(Number(kB) / 1024);
	} catch {
		return undefined;
	}
}
