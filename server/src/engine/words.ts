/** Wording shared by every message: the nearest known name to a mistyped one, and counts in number. */

/** Edit distance (insertions, deletions, substitutions, and swaps of neighbours), case-insensitive. */
export function editDistance(a: string, b: string): number {
	const s = a.toLowerCase();
	const t = b.toLowerCase();
	const rows: number[][] = [];
	for (let i = 0; i <= s.length; i++) rows.push([i, ...new Array<number>(t.length).fill(0)]);
	for (let j = 0; j <= t.length; j++) rows[0]![j] = j;
	for (let i = 1; i <= s.length; i++) {
		for (let j = 1; j <= t.length; j++) {
			const cost = s[i - 1] === t[j - 1] ? 0 : 1;
			let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
			rows[i]![j] = best;
		}
	}
	return rows[s.length]![t.length]!;
}

/**
 * The candidate a mistyped `word` most likely meant: the closest by edit distance, if within about a third of
 * its length; else one that the word is the tail of (`vice-raid` → `raids/vice-raids`), or undefined.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	const allowed = Math.max(2, Math.ceil(word.length / 3));
	for (const candidate of candidates) {
		// Comparing the last segment too lets `raids/vice-raid` find `raids/vice-raids` and `vice-raid` find it.
		const tail = candidate.slice(candidate.lastIndexOf('/') + 1);
		const d = Math.min(editDistance(word, candidate), word.includes('/') ? Infinity : editDistance(word, tail) + 1);
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	return bestDistance <= allowed ? best : undefined;
}

/** `; did you mean "x"?` when there is a likely candidate, else an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>, quote = (s: string) => `"${s}"`): string {
	const near = nearest(word, candidates);
	return near ? `; did you mean ${quote(near)}?` : '';
}

/** "1 error", "6 errors"; nouns with no plural (information) stay as they are. */
export function count(n: number, singular: string, plural = UNCOUNTABLE.has(singular) ? singular : `${singular}s`): string {
	return `${n} ${n === 1 ? singular : plural}`;
}

const UNCOUNTABLE = new Set(['information']);
