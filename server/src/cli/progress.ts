import { escapeLine } from './formats/escape';

/** A one-line progress indicator on stderr for long batch reviews in a terminal; silent when piped. */
export class Progress {
	private count = 0;
	private lastDraw = 0;
	private readonly active: boolean;

	constructor(
		private readonly total: number,
		interactive: boolean,
		private readonly write: (s: string) => void,
	) {
		this.active = interactive && total >= 20;
	}

	tick(file: string): void {
		this.count++;
		if (!this.active) return;
		const now = Date.now();
		if (now - this.lastDraw < 100 && this.count < this.total) return;
		this.lastDraw = now;
		const name = escapeLine(file.length > 50 ? `…${file.slice(-49)}` : file);
		this.write(`\r\x1b[2KReviewing ${this.count}/${this.total} ${name}`);
	}

	done(): void {
		if (this.active) this.write('\r\x1b[2K');
	}
}
