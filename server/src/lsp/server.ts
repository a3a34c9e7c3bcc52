/**
 * Entry point of the Accountable language server (out/server.js; `accountable-lsp` runs it).
 * Transports: --stdio (the default when none is given), --node-ipc, --socket=<port>, --pipe=<name>.
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { AccountableServer } from './session';
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

const connection = createConnection(ProposedFeatures.all);

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

process.on('unhandledRejection', (reason) => {
	console.error(`Accountable: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
process.on('uncaughtException', (error) => {
	console.error(`Accountable: uncaught exception: ${error.stack ?? error.message}`);
});

new AccountableServer(connection).listen();
