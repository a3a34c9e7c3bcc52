import { concatBytes, toBase64, uint16At, uint32At, utf8 } from './bytes';

/**
 * A Word package (a ZIP file) opened with limits, for mammoth to read from instead of unzipping it whole.
 * A 5 MB zip bomb expands to gigabytes and a 600 KB document can hold a 200 MB paragraph, so every part is
 * inflated as a stream that stops the moment a limit is passed: the number of parts, the total unpacked
 * size, each part's compression ratio, and the characters of text in the document body (counted as it
 * inflates, against the review's maxDocumentSize). Only the parts mammoth asks for are inflated (images never).
 * Plain bytes (Uint8Array) throughout and the inflater passed in, so the same reader serves Node.js (zlib:
 * ./inflateNode.ts) and the web page (the browser's DecompressionStream: ../../web/inflateBrowser.ts).
 */

/**
 * Inflates raw DEFLATE data, handing each piece of output to `onChunk` as it comes; stops early (and resolves)
 * when `onChunk` returns false. Rejects when the data is damaged.
 */
export type RawInflate = (data: Uint8Array, onChunk: (chunk: Uint8Array) => boolean) => Promise<void>;

export const PACKAGE_LIMITS = {
	/** Parts (files) in the package; Word writes a few dozen. */
	maxParts: 10_000,
	/** Bytes inflated across all parts read. */
	maxUnpackedBytes: 64 * 1024 * 1024,
	/** Unpacked bytes per compressed byte, checked once a part passes `ratioFloorBytes`; Word's XML compresses about 5–20 times. */
	maxRatio: 100,
	ratioFloorBytes: 1024 * 1024,
};

/** Why a package was refused: a limit (`kind: 'limit'`) or a damaged ZIP structure. */
export class PackageError extends Error {
	constructor(
		message: string,
		readonly kind: 'limit' | 'too-large-text' | 'corrupt',
	) {
		super(message);
	}
}

interface Entry {
	name: string;
	method: number;
	compressedSize: number;
	localOffset: number;
}

/** What mammoth needs of a package (its `file` input): whether a part exists, and its content. */
export interface PackageReader {
	exists(name: string): boolean;
	read(name: string, encoding?: string): Promise<string | Uint8Array>;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const BODY = 'word/document.xml';

/**
 * Opens a package's directory (no part is inflated yet). `maxTextLength` bounds the characters of text in the
 * document body. Throws PackageError.
 */
export function openPackage(bytes: Uint8Array, maxTextLength: number, inflateRaw: RawInflate, limits = PACKAGE_LIMITS): PackageReader {
	const entries = readDirectory(bytes, limits);
	let unpacked = 0;
	const cache = new Map<string, Promise<Uint8Array>>();
	const inflate = (entry: Entry): Promise<Uint8Array> => {
		const data = entryData(bytes, entry);
		const counter = entry.name === BODY ? new TextCounter() : undefined;
		return inflateBounded(data, entry, inflateRaw, (n, chunk) => {
			unpacked += n;
			if (unpacked > limits.maxUnpackedBytes) return `unpacks to more than ${limits.maxUnpackedBytes / (1024 * 1024)} MB (a Word document's text is far smaller; this looks like a ZIP bomb)`;
			if (counter && counter.add(chunk) > maxTextLength) return { tooLarge: `its text is over the limit of ${maxTextLength} characters (maxDocumentSize)` };
			return undefined;
		}, limits);
	};
	return {
		exists: (name) => entries.has(name),
		async read(name, encoding) {
			const entry = entries.get(name);
			if (!entry) throw new Error(`the package has no part ${JSON.stringify(name)}`);
			let pending = cache.get(name);
			if (!pending) {
				pending = inflate(entry);
				cache.set(name, pending);
			}
			const content = await pending;
			if (encoding === 'base64') return toBase64(content);
			if (encoding) return new TextDecoder(encoding).decode(content);
			// A plain view (not a Buffer, on Node.js), so mammoth sees the same kind of bytes everywhere.
			return new Uint8Array(content.buffer, content.byteOffset, content.length);
		},
	};
}

function readDirectory(bytes: Uint8Array, limits: typeof PACKAGE_LIMITS): Map<string, Entry> {
	// The end-of-directory record sits in the last 22 bytes plus a comment of up to 65,535.
	let eocd = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
		if (uint32At(bytes, i) === EOCD) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new PackageError('is not a complete ZIP package (its directory is missing; the file may be cut short)', 'corrupt');
	const count = uint16At(bytes, eocd + 10);
	const directoryOffset = uint32At(bytes, eocd + 16);
	if (count === 0xffff || directoryOffset === 0xffffffff) throw new PackageError('is a ZIP64 package, which Word does not write for documents; save a fresh copy from Word', 'corrupt');
	if (count > limits.maxParts) throw new PackageError(`has ${count} parts, over the limit of ${limits.maxParts} (a Word document has a few dozen)`, 'limit');
	const entries = new Map<string, Entry>();
	let at = directoryOffset;
	for (let i = 0; i < count; i++) {
		if (at + 46 > bytes.length || uint32At(bytes, at) !== CENTRAL) throw new PackageError('has a damaged ZIP directory', 'corrupt');
		const flags = uint16At(bytes, at + 8);
		const method = uint16At(bytes, at + 10);
		const compressedSize = uint32At(bytes, at + 20);
		const nameLength = uint16At(bytes, at + 28);
		const extraLength = uint16At(bytes, at + 30);
		const commentLength = uint16At(bytes, at + 32);
		const localOffset = uint32At(bytes, at + 42);
		const name = utf8(bytes.subarray(at + 46, at + 46 + nameLength));
		if (flags & 1) throw new PackageError('has encrypted parts; remove the password in Word and save again', 'corrupt');
		if (!entries.has(name)) entries.set(name, { name, method, compressedSize, localOffset });
		at += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

function entryData(bytes: Uint8Array, entry: Entry): Uint8Array {
	const at = entry.localOffset;
	if (at + 30 > bytes.length || uint32At(bytes, at) !== LOCAL) throw new PackageError('has a damaged ZIP entry', 'corrupt');
	const start = at + 30 + uint16At(bytes, at + 26) + uint16At(bytes, at + 28);
	const end = start + entry.compressedSize;
	if (end > bytes.length) throw new PackageError('is cut short (a part runs past the end of the file)', 'corrupt');
	return bytes.subarray(start, end);
}

type Check = (bytes: number, chunk: Uint8Array) => string | { tooLarge: string } | undefined;

/** Inflates one part as a stream, asking `check` after every chunk; stops at the first limit it names. */
async function inflateBounded(data: Uint8Array, entry: Entry, inflateRaw: RawInflate, check: Check, limits: typeof PACKAGE_LIMITS): Promise<Uint8Array> {
	const refuse = (problem: string | { tooLarge: string }): PackageError => (typeof problem === 'string' ? new PackageError(problem, 'limit') : new PackageError(problem.tooLarge, 'too-large-text'));
	const ratioProblem = (total: number): string | undefined =>
		total > limits.ratioFloorBytes && total > data.length * limits.maxRatio ? `has a part (${safeName(entry.name)}) that unpacks ${Math.floor(total / Math.max(1, data.length))} times its packed size, over the limit of ${limits.maxRatio} (this looks like a ZIP bomb)` : undefined;
	if (entry.method === 0) {
		const problem = ratioProblem(data.length) ?? check(data.length, data);
		if (problem) throw refuse(problem);
		return data;
	}
	if (entry.method !== 8) throw new PackageError(`has a part compressed in a way Word does not use (method ${entry.method})`, 'corrupt');
	const chunks: Uint8Array[] = [];
	let total = 0;
	let problem: string | { tooLarge: string } | undefined;
	try {
		await inflateRaw(data, (chunk) => {
			total += chunk.length;
			problem = ratioProblem(total) ?? check(chunk.length, chunk);
			if (problem) return false;
			chunks.push(chunk);
			return true;
		});
	} catch (e) {
		if (!problem) throw new PackageError(`has a damaged part (${safeName(entry.name)}: ${(e as Error).message})`, 'corrupt');
	}
	if (problem) throw refuse(problem);
	return concatBytes(chunks, total);
}

/** A part's name as it may appear in a message: control characters (a forged name's escape sequences) shown as codes. */
function safeName(name: string): string {
	// eslint-disable-next-line no-control-regex
	return JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Counts the characters inside `<w:t>` elements (Word's runs of text) of XML arriving in chunks, so the
 * body's text is measured while it is unpacked. Entities count by their written length (a slight overcount).
 */
class TextCounter {
	private inTag = false;
	private inText = false;
	private tag = '';
	private previous = 0;
	count = 0;

	add(chunk: Uint8Array): number {
		for (let i = 0; i < chunk.length; i++) {
			const b = chunk[i]!;
			if (this.inTag) {
				if (b === 0x3e /* > */) {
					this.inTag = false;
					const selfClosing = this.previous === 0x2f; /* / */
					if (this.tag === 'w:t' || this.tag.startsWith('w:t ')) this.inText = !selfClosing;
					else if (this.tag.startsWith('/w:t') && (this.tag.length === 4 || this.tag[4] === ' ')) this.inText = false;
				} else if (this.tag.length < 5) this.tag += String.fromCharCode(b === 0x09 || b === 0x0a || b === 0x0d ? 0x20 : b);
				this.previous = b;
			} else if (b === 0x3c /* < */) {
				this.inTag = true;
				this.tag = '';
			} else if (this.inText && (b & 0xc0) !== 0x80) this.count++;
		}
		return this.count;
	}
}
