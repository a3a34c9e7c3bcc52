/**
 * Entry point of the Accountable language server (out/server.js; `accountable-lsp` runs it).
 * Transports: --stdio (the default when none is given), --node-ipc, --socket=<port>, --pipe=<name>.
 */
import { format, inspect } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageWriter, type MessageReader } from 'vscode-languageserver/node';
import { AccountableServer } from './session';
import { diagnosticsEncoder } from './transport';
import { version } from '../../../package.json';

const USAGE = `Usage: accountable-lsp [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]

The Accountable language server. Editors start it and speak the Language Server Protocol over standard
input and output (--stdio, the default). It never writes anything else to standard output.`;

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
	process.stdout.write(`${USAGE}\n`);
	process.exit(0);
}
if (argv.includes('--version') || argv.includes('-v')) {
	process.stdout.write(`${version}\n`);
	process.exit(0);
}
if (!argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'))) {
	process.argv.push('--stdio');
}

// Over stdio (the transport the library would take from argv: the first one named) the server's own writer, whose
// encoder keeps each published diagnostic's bytes (transport.ts); standard input as the library would take it,
// so the server still exits when it closes (the library takes a stream there and reads it as its stdio transport
// does; its types only name a reader and a writer together). Other transports as the library makes them.
const transport = process.argv.slice(2).find((a) => /^--(?:stdio|node-ipc|socket|pipe)(?:=|$)/.test(a));
const connection =
	transport === '--stdio'
		? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: diagnosticsEncoder }))
		: createConnection(ProposedFeatures.all);

// With stdio, standard output IS the protocol: anything a dependency prints must go to the client's log.
const toLog =
	(send: (message: string) => void) =>
	(...args: unknown[]): void => {
		try {
			send(format(...args));
		} catch {
			// The connection is gone; nothing left to tell.
		}
	};
console.log = toLog((m) => connection.console.log(m));
console.info = toLog((m) => connection.console.info(m));
console.warn = toLog((m) => connection.console.warn(m));
console.error = toLog((m) => connection.console.error(m));
console.debug = toLog((m) => connection.console.log(m));
// console.dir writes to standard output itself (the library patches it only when it made the stdio transport).
console.dir = (item: unknown, options?: object): void => toLog((m) => connection.console.log(m))(inspect(item, options));

process.on('unhandledRejection', (reason) => {
	console.error(`Accountable: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
process.on('uncaughtException', (error) => {
	console.error(`Accountable: uncaught exception: ${error.stack ?? error.message}`);
});

new AccountableServer(connection).listen();
