/** What chunk lookups need of a kept chunk state. */
export interface KeptChunk {
	text: string;
	/** Parsed as the document's first chunk (which alone may hold front matter). */
	first: boolean;
}

/**
 * Finds the kept state of a chunk of the new text among the last review's chunks. Where an edit did not
 * reach, a chunk is where it was (before the edit) or moved by the edit's length (after it): those are
 * found by position and one comparison of texts. Others (a paragraph moved or repeated) are found by
 * text, in maps built only when needed: hashing every chunk of a long document on each keystroke costs
 * more than the rest of a re-review.
 */
export class ChunkLookup<S extends KeptChunk> {
	private byText?: { first: Map<string, S>; rest: Map<string, S> };
	private misses = 0;

	/** `delta` is the new text's length minus the old one's. */
	constructor(
		private readonly states: readonly S[],
		private readonly bases: readonly number[],
		private readonly delta: number,
	) {}

	find(text: string, first: boolean, start: number): S | undefined {
		const here = this.at(start, text, first);
		if (here) return here;
		if (this.delta !== 0) {
			const moved = this.at(start - this.delta, text, first);
			if (moved) return moved;
		}
		// Most edits change one chunk into a text never seen: the maps (a hash of every chunk) are worth
		// building only once a second chunk is missing, as when text moved or changed in several places.
		if (++this.misses < 2) return undefined;
		if (!this.byText) {
			this.byText = { first: new Map(), rest: new Map() };
			for (const s of this.states) (s.first ? this.byText.first : this.byText.rest).set(s.text, s);
		}
		return (first ? this.byText.first : this.byText.rest).get(text);
	}

	private at(base: number, text: string, first: boolean): S | undefined {
		let low = 0;
		let high = this.bases.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (this.bases[mid]! < base) low = mid + 1;
			else high = mid;
		}
		const s = low < this.bases.length && this.bases[low] === base ? this.states[low] : undefined;
		return s && s.first === first && s.text.length === text.length && s.text === text ? s : undefined;
	}
}
