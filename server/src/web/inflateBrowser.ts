import type { RawInflate } from '../node/docx/package';

/**
 * The web page's inflater for the Word reader (server/src/node/docx/package.ts): the browser's own
 * DecompressionStream, read chunk by chunk and cancelled the moment a limit is passed, so a zip bomb is
 * refused while it unpacks, as on Node.js. No inflate library is bundled.
 */
export const inflateRawBrowser: RawInflate = async (data, onChunk) => {
	const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return;
		if (!onChunk(value)) {
			await reader.cancel().catch(() => undefined);
			return;
		}
	}
};
