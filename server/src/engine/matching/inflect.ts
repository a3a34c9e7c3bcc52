/**
 * The inflections of one word of a term: its common English inflections and derivations, so a vocabulary
 * lists "cooperate" once and matches cooperates, cooperated, cooperating, cooperation and cooperative.
 * Over-generation is harmless (it yields non-words that never occur); under-generation would be a missed
 * finding. Each group is a base and the endings that may follow it ('' when the base alone is a form too).
 */
function inflections(word: string): Array<{ base: string; endings: readonly string[]; optional: boolean }> {
	const w = word.toLowerCase();
	if (w.length <= 2 || !/^[a-z]+$/.test(w)) return [{ base: w, endings: [], optional: true }];
	const stem = inflectionStem(w);
	if (/(?:t|s)ion$/.test(w)) return [{ base: stem, endings: ['ion', 'ions', 'ional', 'ionally', 'ioned', 'ioning', 'e', 'es', 'ed', 'ing', 'ive', 'ives', 'or', 'ors'], optional: false }];
	if (/[^aeiou]y$/.test(w)) return [{ base: stem, endings: ['y', 'ies', 'ied', 'ying'], optional: false }];
	if (w.endsWith('e')) return [{ base: stem, endings: ['e', 'es', 'ed', 'ing', 'ion', 'ions', 'ive', 'er', 'ers', 'ement', 'ements', 'al', 'als'], optional: false }];
	const groups = [{ base: w, endings: ['s', 'es', 'ed', 'ing', 'er', 'ers', 'ment', 'ments', 'ion', 'ions', 'al', 'als'], optional: true }];
	if (/[^aeiou][aeiou][bdgklmnprt]$/.test(w)) groups.push({ base: w + w[w.length - 1], endings: ['ed', 'ing', 'al', 'er', 'ers'], optional: false });
	return groups;
}

/** One word of a term as a pattern that also matches its inflections (see inflections). */
export function inflectWord(word: string): string {
	const groups = inflections(word);
	if (groups[0]!.endings.length === 0) return escapeRegExp(groups[0]!.base);
	if (groups.length === 1 && !groups[0]!.optional) return `${escapeRegExp(groups[0]!.base)}(?:${groups[0]!.endings.join('|')})`;
	const [first, ...rest] = groups;
	const doubled = rest.map((g) => `|${escapeRegExp(g.base)}(?:${g.endings.join('|')})`).join('');
	return `(?:${escapeRegExp(first!.base)}(?:${first!.endings.join('|')})?${doubled})`;
}

/** Every form of one word that inflectWord's pattern matches, lower-case. */
export function inflectedForms(word: string): string[] {
	const out: string[] = [];
	for (const g of inflections(word)) {
		if (g.optional) out.push(g.base);
		for (const ending of g.endings) out.push(g.base + ending);
	}
	return out;
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

/** Characters that may separate the words of a term, any number of them (termPattern's `[\s\-–—/]+`). */
export const TERM_SEPARATOR = '[\\s\\-–—/]';

/**
 * A term's words: each a list of its forms (lower-case), or a prefix that any letters may continue
 * (`word*`). Words are inflected unless the term is written `=exact words` (or `inflect` is false: each
 * word's one form is then its lower case).
 */
export function termWords(term: string, inflect = true): Array<{ forms: string[] } | { prefix: string }> {
	const { exact, words } = splitTerm(term);
	return words.map((word) => {
		if (word.endsWith('*')) return { prefix: word.slice(0, -1).toLowerCase() };
		return { forms: exact || !inflect ? [word.toLowerCase()] : inflectedForms(word) };
	});
}

/**
 * A term's pattern. Words are inflected unless the term is written `=exact words`; a word ending in `*`
 * matches any continuation. Words are separated by any run of spaces, line breaks or hyphens, so
 * "law-enforcement", "law enforcement" and a term split across lines all match.
 */
export function termPattern(term: string): string {
	const { exact, words } = splitTerm(term);
	return words
		.map((word) => {
			if (word.endsWith('*')) return `${escapeRegExp(word.slice(0, -1).toLowerCase())}\\p{L}*`;
			return exact ? escapeRegExp(word.toLowerCase()) : inflectWord(word);
		})
		.join(`${TERM_SEPARATOR}+`);
}

function splitTerm(term: string): { exact: boolean; words: string[] } {
	const exact = term.startsWith('=');
	return { exact, words: (exact ? term.slice(1) : term).trim().split(/[\s-]+/).filter(Boolean) };
}
