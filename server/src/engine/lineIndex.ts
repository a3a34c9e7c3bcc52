import type { Offsets, Position, Range } from './finding';

/**
 * Converts UTF-16 offsets to 0-based line/character positions. Lines end at \n, \r\n or a lone \r, as LSP
 * and editors count them; a \r before \n belongs to the line break, so LF and CRLF texts give the same characters.
 */
export class LineIndex {
	private readonly starts: number[];

	/** `starts` (line start offsets, 0 first) may be given when already known, e.g. assembled from chunks. */
	constructor(
		private readonly text: string,
		starts?: number[],
	) {
		this.starts = starts ?? lineStarts(text, 0);
	}

	get lineCount(): number {
		return this.starts.length;
	}

	/** Offset at which 0-based `line` starts. */
	lineStart(line: number): number {
		return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
	}

	/** Offset at which `line`'s content ends (before \r\n, \n or \r). */
	lineEnd(line: number): number {
		if (line + 1 >= this.starts.length) return this.text.length;
		const next = this.starts[line + 1]!;
		return next - (this.text.charCodeAt(next - 1) === 10 && next - 2 >= this.lineStart(line) && this.text.charCodeAt(next - 2) === 13 ? 2 : 1);
	}

	lineOf(offset: number): number {
		let lo = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.starts[mid]! <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}

	position(offset: number): Position {
		const clamped = Math.max(0, Math.min(offset, this.text.length));
		const line = this.lineOf(clamped);
		return { line, character: clamped - this.starts[line]! };
	}

	offset(position: Position): number {
		const start = this.lineStart(position.line);
		return Math.min(start + position.character, this.lineEnd(position.line));
	}

	range(offsets: Offsets): Range {
		return { start: this.position(offsets.start), end: this.position(offsets.end) };
	}
}

/**
 * Offsets (plus `base`) at which each line of `text` starts, 0 first. A text cut only after \n into pieces
 * gives, piece by piece with each piece's starts after its first, the starts of the whole text.
 */
export function lineStarts(text: string, base: number): number[] {
	const starts = [base];
	const breaks = /\r\n?|\n/g;
	for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) starts.push(base + m.index + m[0].length);
	return starts;
}
