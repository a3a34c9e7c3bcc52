import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

/**
 * The JSON encoder of the server's messages over stdio: the library's (`JSON.stringify`, then UTF-8), except
 * that a publishDiagnostics message is put together from each diagnostic's UTF-8 bytes, encoded once per
 * diagnostic object. An edit of a document with a thousand published findings re-publishes mostly the same
 * Diagnostic objects (diagnostics.ts reuses those an edit did not change or moved along their lines), and
 * stringifying and encoding the whole 0.4 MB message again took several milliseconds of every keystroke. The
 * bytes are exactly the library encoder's. Diagnostics are never changed once made (diagnostics.ts), which is
 * what keeping their bytes by object relies on.
 */
export const diagnosticsEncoder: ContentTypeEncoder = {
	name: 'application/json',
	encode(message: Message, options: { charset: BufferEncoding }): Promise<Uint8Array> {
		try {
			return Promise.resolve(encodeMessage(message, options.charset));
		} catch (e) {
			return Promise.reject(e);
		}
	},
};

/** Fewer than this many diagnostics are encoded as any other message (nothing to gain). */
const FEW = 32;
const KEY = '"diagnostics":[]';
const bytesOf = new WeakMap<object, Buffer>();

export function encodeMessage(message: Message, charset: BufferEncoding = 'utf8'): Buffer {
	const plain = (): Buffer => Buffer.from(JSON.stringify(message, undefined, 0), charset);
	const notification = message as { method?: unknown; params?: { diagnostics?: unknown } };
	const diagnostics = notification.method === 'textDocument/publishDiagnostics' ? notification.params?.diagnostics : undefined;
	if (!Array.isArray(diagnostics) || diagnostics.length < FEW || (charset !== 'utf8' && charset !== 'utf-8')) return plain();
	// The message with no diagnostics, and where they go: a key's quotes are never escaped, a string's always are.
	const shell = JSON.stringify({ ...notification, params: { ...notification.params, diagnostics: [] } }, undefined, 0);
	const at = shell.indexOf(KEY);
	if (at < 0 || shell.indexOf(KEY, at + 1) >= 0) return plain();
	const parts: Buffer[] = [Buffer.from(shell.slice(0, at + KEY.length - 1), charset)];
	diagnostics.forEach((d: unknown, i) => {
		if (i > 0) parts.push(COMMA);
		parts.push(bytes(d));
	});
	parts.push(Buffer.from(shell.slice(at + KEY.length - 1), charset));
	return Buffer.concat(parts);
}

const COMMA = Buffer.from(',');

function bytes(diagnostic: unknown): Buffer {
	// A value JSON.stringify leaves out or writes as null in an array, and anything that is not a plain object, as it is.
	if (typeof diagnostic !== 'object' || diagnostic === null) return Buffer.from(JSON.stringify(diagnostic) ?? 'null');
	let known = bytesOf.get(diagnostic);
	if (!known) {
		known = Buffer.from(JSON.stringify(diagnostic) ?? 'null');
		bytesOf.set(diagnostic, known);
	}
	return known;
}
