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

	/** Where the last lookup of each kind (in place, moved) landed in `bases`: chunks are asked for in order. */
	private readonly cursors = [0, 0];

	/**
	 * `delta` is the new text's length minus the old one's. `unchanged` (optional): how many characters at the
	 * start (`prefix`) and at the end (`suffix`) of the new text (of `length` characters) are those of the old
	 * one, as an editor's changes tell: a kept chunk that lies in one of them, where it was or moved by the
	 * edit, is the same text without comparing it (a 1 MB document's chunks compared on each keystroke).
	 */
	constructor(
		private readonly states: readonly S[],
		private readonly bases: readonly number[],
		private readonly delta: number,
		private readonly unchanged?: { prefix: number; suffix: number; length: number },
	) {}

	find(text: string, first: boolean, start: number): S | undefined {
		const u = this.unchanged;
		const here = this.at(start, text, first, 0, u !== undefined && (start + text.length <= u.prefix || (this.delta === 0 && start >= u.length - u.suffix)));
		if (here) return here;
		if (this.delta !== 0) {
			const moved = this.at(start - this.delta, text, first, 1, u !== undefined && start >= u.length - u.suffix);
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

	/** The kept state at `base` if it holds `text` (`same`: the text there is known to be unchanged). */
	private at(base: number, text: string, first: boolean, kind: number, same: boolean): S | undefined {
		const low = this.lowerBound(base, kind);
		const s = low < this.bases.length && this.bases[low] === base ? this.states[low] : undefined;
		return s && s.first === first && s.text.length === text.length && (same || s.text === text) ? s : undefined;
	}

	/** The first index of `bases` at or after `base`, searched from where the last lookup of this kind landed. */
	private lowerBound(base: number, kind: number): number {
		const bases = this.bases;
		let low = this.cursors[kind]!;
		if (low > bases.length || (low > 0 && bases[low - 1]! >= base)) low = 0;
		for (let step = 0; step < 4 && low < bases.length && bases[low]! < base; step++) low++;
		let high = low < bases.length && bases[low]! < base ? bases.length : low;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (bases[mid]! < base) low = mid + 1;
			else high = mid;
		}
		this.cursors[kind] = low;
		return low;
	}
}
