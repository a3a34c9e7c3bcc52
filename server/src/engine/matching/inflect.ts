/**
 * Turns one word of a term into a pattern that also matches its common English inflections and
 * derivations, so a vocabulary lists "cooperate" once and matches cooperates, cooperated, cooperating,
 * cooperation and cooperative. Over-generation is harmless (it yields non-words that never occur);
 * under-generation would be a missed finding.
 */
export function inflectWord(word: string): string {
	const w = word.toLowerCase();
	if (w.length <= 2 || !/^[a-z]+$/.test(w)) return escapeRegExp(w);
	const stem = inflectionStem(w);
	if (/(?:t|s)ion$/.test(w)) return `${escapeRegExp(stem)}(?:ion|ions|ional|ionally|ioned|ioning|e|es|ed|ing|ive|ives|or|ors)`;
	if (/[^aeiou]y$/.test(w)) return `${escapeRegExp(stem)}(?:y|ies|ied|ying)`;
	if (w.endsWith('e')) return `${escapeRegExp(stem)}(?:e|es|ed|ing|ion|ions|ive|er|ers|ement|ements|al|als)`;
	const doubled = /[^aeiou][aeiou][bdgklmnprt]$/.test(w) ? `|${escapeRegExp(w + w[w.length - 1])}(?:ed|ing|al|er|ers)` : '';
	return `(?:${escapeRegExp(w)}(?:s|es|ed|ing|er|ers|ment|ments|ion|ions|al|als)?${doubled})`;
}

/** The part of a lower-case word that every inflection inflectWord matches starts with. */
export function inflectionStem(w: string): string {
	if (w.length <= 2 || !/^[a-z]+$/.test(w)) return w;
	if (/(?:t|s)ion$/.test(w)) return w.slice(0, -3);
	if (/[^aeiou]y$/.test(w) || w.endsWith('e')) return w.slice(0, -1);
	return w;
}

export function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A term's pattern. Words are inflected unless the term is written `=exact words`; a word ending in `*`
 * matches any continuation. Words are separated by any run of spaces, line breaks or hyphens, so
 * "law-enforcement", "law enforcement" and a term split across lines all match.
 */
export function termPattern(term: string): string {
	const exact = term.startsWith('=');
	const words = (exact ? term.slice(1) : term).trim().split(/[\s-]+/).filter(Boolean);
	return words
		.map((word) => {
			if (word.endsWith('*')) return `${escapeRegExp(word.slice(0, -1).toLowerCase())}\\p{L}*`;
			return exact ? escapeRegExp(word.toLowerCase()) : inflectWord(word);
		})
		.join('[\\s\\-–—/]+');
}
