let lookups = 0;

/** What chunk lookups need of a kept chunk state. */
export interface KeptChunk {
	text: string;
	/** Parsed as the document's first chunk (which alone may hold front matter). */
	first: boolean;
	/** The lookup (one per review, by its number) that last handed the state out: a state is one chunk of a review, never two. */
	claimedBy?: number;
}

/**
 * Finds the kept state of a chunk of the new text among the last review's chunks. Where an edit did not
 * reach, a chunk is where it was (before the edit) or moved by the edit's length (after it): those are
 * found by position and one comparison of texts. Others (a paragraph moved or repeated) are found by
 * text, in maps built only when needed: hashing every chunk of a long document on each keystroke costs
 * more than the rest of a re-review.
 *
 * A state is handed out once per review: a paragraph repeated in the new text is found once, and its repeats are
 * parsed. Two chunks sharing one state would each move its blocks and findings to their own place on every review
 * (a new object for each of their findings, and so a new diagnostic, on every keystroke).
 */
export class ChunkLookup<S extends KeptChunk> {
	private byText?: { first: Map<string, S>; rest: Map<string, S> };
	private misses = 0;
	/** This lookup's number (a number, not the lookup: a state kept would keep the lookup and its review's states). */
	private readonly id = ++lookups;

	/** `delta` is the new text's length minus the old one's. */
	constructor(
		private readonly states: readonly S[],
		private readonly bases: readonly number[],
		private readonly delta: number,
	) {}

	find(text: string, first: boolean, start: number): S | undefined {
		const here = this.at(start, text, first);
		if (here) return this.claim(here);
		if (this.delta !== 0) {
			const moved = this.at(start - this.delta, text, first);
			if (moved) return this.claim(moved);
		}
		// Most edits change one chunk into a text never seen: the maps (a hash of every chunk) are worth
		// building only once a second chunk is missing, as when text moved or changed in several places.
		if (++this.misses < 2) return undefined;
		if (!this.byText) {
			this.byText = { first: new Map(), rest: new Map() };
			for (const s of this.states) (s.first ? this.byText.first : this.byText.rest).set(s.text, s);
		}
		const same = (first ? this.byText.first : this.byText.rest).get(text);
		return same && same.claimedBy !== this.id ? this.claim(same) : undefined;
	}

	/** Gives back a state `find` handed out that was not used (the parser turned it down): a later chunk may have it. */
	release(state: S): void {
		if (state.claimedBy === this.id) state.claimedBy = undefined;
	}

	private claim(state: S): S {
		state.claimedBy = this.id;
		return state;
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
		return s && s.claimedBy !== this.id && s.first === first && s.text.length === text.length && s.text === text ? s : undefined;
	}
}
