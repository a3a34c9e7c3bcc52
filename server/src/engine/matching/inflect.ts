/**
 * One base of a word's inflections, and the endings that may follow it (none: the base alone is the form);
 * `optional`: the base alone is a form too.
 */
export interface InflectionGroup {
	base: string;
	/** One of the lists below (ENDINGS), shared by every word inflected alike. */
	endings: readonly string[];
	optional: boolean;
}

const NO_ENDINGS: readonly string[] = [];
const TION_ENDINGS: readonly string[] = ['ion', 'ions', 'ional', 'ionally', 'ioned', 'ioning', 'e', 'es', 'ed', 'ing', 'ive', 'ives', 'or', 'ors'];
const Y_ENDINGS: readonly string[] = ['y', 'ies', 'ied', 'ying'];
const E_ENDINGS: readonly string[] = ['e', 'es', 'ed', 'ing', 'ion', 'ions', 'ive', 'er', 'ers', 'ement', 'ements', 'al', 'als'];
const WORD_ENDINGS: readonly string[] = ['s', 'es', 'ed', 'ing', 'er', 'ers', 'ment', 'ments', 'ion', 'ions', 'al', 'als'];
const DOUBLED_ENDINGS: readonly string[] = ['ed', 'ing', 'al', 'er', 'ers'];
/** Every list of endings a group may have. */
export const ENDINGS: ReadonlyArray<readonly string[]> = [NO_ENDINGS, TION_ENDINGS, Y_ENDINGS, E_ENDINGS, WORD_ENDINGS, DOUBLED_ENDINGS];

/**
 * The inflections of one word of a term: its common English inflections and derivations, so a vocabulary
 * lists "cooperate" once and matches cooperates, cooperated, cooperating, cooperation and cooperative.
 * Over-generation is harmless (it yields non-words that never occur); under-generation would be a missed
 * finding. Each group is a base and the endings that may follow it.
 */
export function inflectionGroups(word: string): InflectionGroup[] {
	const w = word.toLowerCase();
	if (w.length <= 2 || !/^[a-z]+$/.test(w)) return [{ base: w, endings: NO_ENDINGS, optional: true }];
	const stem = inflectionStem(w);
	if (/(?:t|s)ion$/.test(w)) return [{ base: stem, endings: TION_ENDINGS, optional: false }];
	if (/[^aeiou]y$/.test(w)) return [{ base: stem, endings: Y_ENDINGS, optional: false }];
	if (w.endsWith('e')) return [{ base: stem, endings: E_ENDINGS, optional: false }];
	const groups = [{ base: w, endings: WORD_ENDINGS, optional: true }];
	if (/[^aeiou][aeiou][bdgklmnprt]$/.test(w)) groups.push({ base: w + w[w.length - 1], endings: DOUBLED_ENDINGS, optional: false });
	return groups;
}

/** One word of a term as a pattern that also matches its inflections (see inflectionGroups). */
export function inflectWord(word: string): string {
	const groups = inflectionGroups(word);
	if (groups[0]!.endings.length === 0) return escapeRegExp(groups[0]!.base);
	if (groups.length === 1 && !groups[0]!.optional) return `${escapeRegExp(groups[0]!.base)}(?:${groups[0]!.endings.join('|')})`;
	const [first, ...rest] = groups;
	const doubled = rest.map((g) => `|${escapeRegExp(g.base)}(?:${g.endings.join('|')})`).join('');
	return `(?:${escapeRegExp(first!.base)}(?:${first!.endings.join('|')})?${doubled})`;
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
 * A term's words: each its lower case and its inflection groups (its forms are each group's base followed
 * by one of its endings, or alone where the group is optional; an exact word, in a term written `=exact
 * words`, is its one form), or a prefix that any letters may continue (`word*`).
 */
export function termWords(term: string): Array<{ word: string; groups: InflectionGroup[] } | { prefix: string }> {
	const { exact, words } = splitTerm(term);
	return words.map((word) => {
		if (word.endsWith('*')) return { prefix: word.slice(0, -1).toLowerCase() };
		const lower = word.toLowerCase();
		return { word: lower, groups: exact ? [{ base: lower, endings: NO_ENDINGS, optional: true }] : inflectionGroups(word) };
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
