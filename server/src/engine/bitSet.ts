/**
 * Bits by number (a matcher's id, a rule's index), 32 to a number. A plain array of small integers: a typed
 * array costs two more objects (its buffer and the buffer's store), over 200 bytes a block or chunk where a
 * document has a hundred thousand of them.
 */
export type BitSet = number[];

/** Whether bit `id` of a bit set (undefined: empty) is set. */
export function hasBit(bits: BitSet | undefined, id: number): boolean {
	return bits !== undefined && id >>> 5 < bits.length && (bits[id >>> 5]! & (1 << (id & 31))) !== 0;
}

/** The bit set with bit `id` set (a new one for undefined). */
export function withBit(bits: BitSet | undefined, id: number): BitSet {
	if (!bits || id >>> 5 >= bits.length) {
		// Of exactly the length needed (eight numbers hold a rule set's matchers or rules): a pushed-to array keeps spare room.
		const grown = new Array<number>(Math.max((id >>> 5) + 1, 8)).fill(0);
		bits?.forEach((word, i) => (grown[i] = word));
		bits = grown;
	}
	bits[id >>> 5]! |= 1 << (id & 31);
	return bits;
}
