// The Language Server Protocol's framing over a child's stdio (Content-Length headers), for the scripts that
// talk to the server the way an editor does: the benchmark and the build's code-cache session.

/** Calls `onMessage` with each message (parsed JSON) that arrives on `stream`. */
export function readMessages(stream, onMessage) {
	let buffer = Buffer.alloc(0);
	stream.on('data', (chunk) => {
		buffer = Buffer.concat([buffer, chunk]);
		for (;;) {
			const headerEnd = buffer.indexOf('\r\n\r\n');
			if (headerEnd < 0) return;
			const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
			if (buffer.length < headerEnd + 4 + length) return;
			const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
			buffer = buffer.subarray(headerEnd + 4 + length);
			onMessage(message);
		}
	});
}

/** Writes one message (jsonrpc: '2.0' is added) to `stream`. */
export function writeMessage(stream, message) {
	const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
	stream.write(`Content-Length: ${body.length}\r\n\r\n`);
	stream.write(body);
}
