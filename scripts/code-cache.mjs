// Makes the V8 code caches that bin/load-bundle.js loads on Node.js 20 (out/cli.js.cache, out/server.js.cache):
// runs the CLI on the example bill and the language server through one open document, each with
// ACCOUNTABLE_WRITE_CODE_CACHE=1, so the caches hold what a first review compiles. Node.js 22.1 and later
// keep their own compile cache (module.enableCompileCache): nothing is made for them.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readMessages, writeMessage } from './lsp-stdio.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, ACCOUNTABLE_WRITE_CODE_CACHE: '1', ACCOUNTABLE_NO_CODE_CACHE: '', NODE_DISABLE_COMPILE_CACHE: '' };
const example = path.join(root, 'examples', 'draft-state-bill.md');

/** Makes both caches; returns a problem to report, or undefined. */
export async function writeCodeCaches() {
	if (typeof createRequire(import.meta.url)('node:module').enableCompileCache === 'function') return undefined;
	for (const bundle of ['cli.js', 'server.js']) fs.rmSync(path.join(root, 'out', `${bundle}.cache`), { force: true });
	const cli = spawnSync(process.execPath, [path.join(root, 'bin', 'accountable.js'), '--quiet', '--no-config', example], { cwd: root, env, encoding: 'utf8' });
	if (cli.status !== 0 && cli.status !== 1) return `the CLI failed while making its code cache: ${cli.stderr}`;
	return serverSession();
}

/** initialize, open the example, wait for its diagnostics, shut down: the server writes its cache as it exits. */
function serverSession() {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [path.join(root, 'bin', 'accountable-lsp.js'), '--stdio'], { cwd: root, env, stdio: ['pipe', 'pipe', 'inherit'] });
		const timer = setTimeout(() => {
			child.kill();
			resolve('the language server did not publish diagnostics within 60 s while making its code cache');
		}, 60_000);
		const send = (message) => writeMessage(child.stdin, message);
		const uri = pathToFileURL(example).href;
		readMessages(child.stdout, (message) => {
			if (message.id === 1 && message.method === undefined) {
				send({ method: 'initialized', params: {} });
				send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(example, 'utf8') } } });
			} else if (message.id !== undefined && message.method !== undefined) send({ id: message.id, result: null });
			else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) send({ id: 2, method: 'shutdown', params: null });
			else if (message.id === 2) send({ method: 'exit', params: null });
		});
		child.on('close', () => {
			clearTimeout(timer);
			resolve(fs.existsSync(path.join(root, 'out', 'server.js.cache')) ? undefined : 'the language server exited without writing its code cache');
		});
		send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
	});
}
