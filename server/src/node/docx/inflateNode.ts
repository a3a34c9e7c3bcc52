import type { RawInflate } from './package';

/** Node.js's inflater for the Word reader (package.ts): zlib as a stream, destroyed the moment a limit is passed. */
export const inflateRawNode: RawInflate = (data, onChunk) =>
	new Promise((resolve, reject) => {
		let stopped = false;
		// node:zlib loaded when a Word document is first read, not by every process that starts.
		const stream = (require('node:zlib') as typeof import('node:zlib')).createInflateRaw();
		stream.on('data', (chunk: Buffer) => {
			if (stopped) return;
			if (!onChunk(chunk)) {
				stopped = true;
				stream.destroy();
				resolve();
			}
		});
		stream.on('error', (e) => {
			if (!stopped) reject(e);
			stopped = true;
		});
		stream.on('end', () => {
			if (!stopped) resolve();
		});
		stream.end(data);
	});
