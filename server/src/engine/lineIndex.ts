import type { Offsets, Position, Range } from './finding';

/**
 * Converts UTF-16 offsets to 0-based line/character positions. Lines end at \n; a \r before it belongs to
 * the line break, so LF and CRLF texts give the same characters.
 */
export class LineIndex {
	private readonly starts: number[];

	constructor(private readonly text: string) {
		const starts = [0];
		let i = text.indexOf('\n');
		while (i !== -1) {
			starts.push(i + 1);
			i = text.indexOf('\n', i + 1);
		}
		this.starts = starts;
	}

	get lineCount(): number {
		return this.starts.length;
	}

	/** Offset at which 0-based `line` starts. */
	lineStart(line: number): number {
		return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
	}

	/** Offset at which `line`'s content ends (before \r\n or \n). */
	lineEnd(line: number): number {
		const next = line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.length;
		return next > this.lineStart(line) && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
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
