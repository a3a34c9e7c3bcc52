/**
 * The few byte operations the Word reader needs, on plain Uint8Array: Node.js passes Buffers (which are
 * Uint8Arrays) and the web page passes the bytes of a dropped file, so no Buffer is needed in a browser.
 */

/** Little-endian unsigned 16-bit integer at `at`. */
export function uint16At(bytes: Uint8Array, at: number): number {
	return bytes[at]! | (bytes[at + 1]! << 8);
}

/** Little-endian unsigned 32-bit integer at `at` (0 past the end, as no ZIP signature is). */
export function uint32At(bytes: Uint8Array, at: number): number {
	if (at < 0 || at + 4 > bytes.length) return 0;
	return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) + bytes[at + 3]! * 0x1000000;
}

export function utf8(bytes: Uint8Array): string {
	return new TextDecoder('utf-8').decode(bytes);
}

/** Each byte as one character (U+0000–U+00FF), for sniffing a file's signature. */
export function latin1(bytes: Uint8Array): string {
	let out = '';
	for (const b of bytes) out += String.fromCharCode(b);
	return out;
}

/** True when `bytes` starts with `prefix`. */
export function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
	if (bytes.length < prefix.length) return false;
	for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
	return true;
}

/** True when `needle` occurs anywhere in `bytes`. */
export function containsBytes(bytes: Uint8Array, needle: Uint8Array): boolean {
	const first = needle[0];
	outer: for (let i = bytes.indexOf(first!); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first!, i + 1)) {
		for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
		return true;
	}
	return false;
}

/** `chunks` joined into one array of `total` bytes. */
export function concatBytes(chunks: readonly Uint8Array[], total: number): Uint8Array {
	if (chunks.length === 1 && chunks[0]!.length === total) return chunks[0]!;
	const out = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	return out;
}

/** Base64 of `bytes` (what mammoth asks for images, which it is told not to keep). */
export function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

/** The UTF-16LE encoding of an ASCII string (how OLE files name their streams). */
export function utf16le(ascii: string): Uint8Array {
	const out = new Uint8Array(ascii.length * 2);
	for (let i = 0; i < ascii.length; i++) out[i * 2] = ascii.charCodeAt(i);
	return out;
}
