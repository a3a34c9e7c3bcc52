import type { Connection } from 'vscode-languageserver/node';

/** The server's log (the client's output channel) and the guard every handler runs in. */
export class ServerLog {
	constructor(private readonly connection: Connection) {}

	/** Runs a handler; logs and returns `fallback` on any error so no input can take the server down. */
	guard<T>(what: string, run: () => T, fallback?: T): T {
		try {
			return run();
		} catch (e) {
			this.error(what, e);
			return fallback as T;
		}
	}

	log(message: string): void {
		this.connection.console.log(message);
	}

	/** Per-review detail: shown when the client's log level is debug (VS Code: "Set Log Level…" on the channel). */
	trace(message: string): void {
		this.connection.console.debug(message);
	}

	error(what: string, e: unknown): void {
		this.connection.console.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
	}
}
