import * as fs from 'node:fs';

/**
 * Reading a file the user named (or one found for them) without trusting what it is: a link to /dev/zero, a
 * FIFO or a 3 GB sparse file must be refused before a byte is read, not after memory runs out. The file is
 * opened without blocking (a FIFO with no writer would hang an ordinary open), checked through its open
 * descriptor to be a regular file no larger than the limit, and read only up to that limit, so a file that
 * grows meanwhile is still cut off.
 */

/** A file that was not read, with a reason a user understands (completes "<file> …"). */
export class UnreadableFileError extends Error {
	constructor(
		message: string,
		readonly reason: 'missing' | 'folder' | 'not-regular' | 'too-large' | 'denied' | 'other',
	) {
		super(message);
	}
}

/** Reads at most `maxBytes` of a regular file; refuses anything else with an UnreadableFileError. */
export function readBoundedFile(file: string, maxBytes: number): Buffer {
	let fd: number;
	try {
		fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
	} catch (e) {
		throw describeFsError(e);
	}
	try {
		const stat = fs.fstatSync(fd);
		if (stat.isDirectory()) throw new UnreadableFileError('is a folder, not a file', 'folder');
		if (!stat.isFile()) throw new UnreadableFileError(`is not a regular file (${kindOf(stat)}); only files are read`, 'not-regular');
		if (stat.size > maxBytes) throw new UnreadableFileError(`is too large to read: ${formatBytes(stat.size)}, over the limit of ${formatBytes(maxBytes)}`, 'too-large');
		// One byte more than allowed tells a file that grew since fstat from one exactly at the limit.
		const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stat.size, 0) + 1));
		let length = 0;
		for (;;) {
			if (length === buffer.length) break;
			const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
			if (n === 0) break;
			length += n;
		}
		if (length > maxBytes) throw new UnreadableFileError(`is too large to read: over the limit of ${formatBytes(maxBytes)}`, 'too-large');
		return buffer.subarray(0, length);
	} catch (e) {
		throw e instanceof UnreadableFileError ? e : describeFsError(e);
	} finally {
		fs.closeSync(fd);
	}
}

/** readBoundedFile as UTF-8 text. */
export function readBoundedText(file: string, maxBytes: number): string {
	return readBoundedFile(file, maxBytes).toString('utf8');
}

/**
 * The most bytes a UTF-8 file can hold and still be at most `characters` long as a JavaScript string: every
 * character (UTF-16 unit) takes at most three bytes, so a larger file is surely over the limit.
 */
export function bytesForCharacters(characters: number): number {
	return Math.min(characters * 3, 1024 * 1024 * 1024);
}

/** A file-system error in words (not ENOENT / EISDIR). */
export function describeFsError(e: unknown): UnreadableFileError {
	const code = (e as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT':
			return new UnreadableFileError('does not exist', 'missing');
		case 'EISDIR':
			return new UnreadableFileError('is a folder, not a file', 'folder');
		case 'EACCES':
		case 'EPERM':
			return new UnreadableFileError('cannot be read: permission denied', 'denied');
		case 'ELOOP':
			return new UnreadableFileError('is a symbolic link that loops (or too many links in a row)', 'other');
		case 'ENOTDIR':
			return new UnreadableFileError('does not exist (a part of its path is a file, not a folder)', 'missing');
		case 'ENXIO':
			return new UnreadableFileError('is not a regular file (a socket or a device); only files are read', 'not-regular');
		default:
			return new UnreadableFileError(`cannot be read (${code ?? (e as Error).message})`, 'other');
	}
}

/** What kind of file system entry a non-regular file is, for messages. */
export function kindOf(stat: fs.Stats): string {
	if (stat.isFIFO()) return 'a named pipe (FIFO)';
	if (stat.isSocket()) return 'a socket';
	if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
	if (stat.isSymbolicLink()) return 'a symbolic link';
	if (stat.isDirectory()) return 'a folder';
	return 'not a file';
}

export function formatBytes(n: number): string {
	if (n >= 1024 * 1024 * 1024) return `${(n / (1024 * 1024 * 1024)).toFixed(1)} GB`;
	if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
	if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
	return `${n} bytes`;
}
