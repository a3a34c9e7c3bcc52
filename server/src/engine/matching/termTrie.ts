import { termWords } from './inflect';
import { PatternPrefixes, PrefixTable, termPrefix } from './prefilter';

/**
 * Literal terms as a trie over their forms, walked on text folded to lower case (caseFold.ts) from a word
 * start. A matcher finds with it exactly what the terms' part of its RegExp finds there
 * (`(?<![\p{L}\p{N}])(?:term1|term2|…)(?![\p{L}\p{N}])`, terms in the RegExp's order) without that RegExp:
 * V8 compiles a RegExp on its first use, and the built-in rules' term lists (hundreds of thousands of
 * characters of alternation once inflected) cost most of a second of every new process's time, while the
 * trie of all their terms is built in a few tens of milliseconds.
 *
 * Why it is the same: the RegExp tries its alternatives in order and takes the first that matches with a
 * non-word character after it. Each term can match at most one way at a place (its inflected forms are
 * letters, so the form that matches ends where the word does; a run of separators is taken whole, as no
 * word begins with one; `word*` takes every letter), so the first alternative that matches is the term of
 * lowest order among those the trie reaches with a non-word character after them. Terms that could break
 * these conditions (a word that starts with a separator, a cased letter other than a–z) are not put in the
 * trie: a matcher with one of them keeps its RegExp.
 */
interface TrieNode {
	/** By character code of the folded text. */
	next?: Map<number, TrieNode>;
	/**
	 * Where a term's word ends and a run of separators leads to its next word: one node per set of word ends
	 * (the words of different terms may end at one node, and a term's next word must follow only its own).
	 */
	separators?: TrieNode[];
	/** After a `word*` prefix: where the run of letters that continues it ends. */
	letters?: TrieNode;
	/** The terms (by id) that end here. */
	terms?: number[];
}

/**
 * The terms of a rule set's matchers, numbered, in one trie: the vocabularies that many matchers share are
 * laid out once. A term is laid out only when a search first starts at a word that begins with its first
 * letters (the one to three its every match starts with, prefilter.ts termPrefix): a bill of a few pages
 * holds the first letters of a small part of the built-in terms, and inflecting and laying out all of them
 * cost a new process about a third of a second before its first review.
 */
export class TermIndex {
	/**
	 * Word starts the rule set's matchers may still try with the trie. A short document (a bill of a few pages
	 * needs a few thousand) is reviewed without compiling the term lists' RegExps; past the budget every
	 * matcher runs its RegExp, compiled once, which is faster at each place in a long document or an editor
	 * session.
	 */
	budget = 20_000;
	/** The prefixes of the rule set's regular expressions, for its matchers' prefilters (prefilter.ts). */
	readonly patternPrefixes: PatternPrefixes;
	/** Which of the rule set's matchers each word-start key may begin a match of. */
	readonly prefixTable = new PrefixTable();
	private readonly ids = new Map<string, number>();
	private readonly terms: string[] = [];
	/** By id: whether the term can be matched with the trie (see trieable). */
	private readonly fits: boolean[] = [];
	private readonly root: TrieNode = {};
	/** Terms numbered but not yet laid out, by the key of their first letters (prefixKey). */
	private readonly waiting = new Map<number, number[]>();
	/** Terms numbered but not laid out whose matches start with no plain letters to key them by: laid out on the next search. */
	private unkeyed: number[] = [];
	// The node after the separators that follow a set of word ends, by the set: one set, one node, so a
	// term's later words are laid out once however many forms its earlier words have.
	private readonly afterEnds = new Map<string, TrieNode>();
	private readonly nodeIds = new Map<TrieNode, number>();

	/** `patternPrefixes`: what the build step worked out for the rule set's patterns (CompiledRules.patternPrefixes). */
	constructor(patternPrefixes: Readonly<Record<string, string[] | null>> = {}) {
		this.patternPrefixes = new PatternPrefixes(patternPrefixes);
	}

	/** The term's number, and whether the trie can match it (else its matcher keeps to its RegExp). */
	add(term: string): { id: number; fits: boolean } {
		let id = this.ids.get(term);
		if (id === undefined) {
			id = this.terms.length;
			this.ids.set(term, id);
			this.terms.push(term);
			const fits = fitsTrie(term);
			this.fits.push(fits);
			if (fits) {
				const prefix = termPrefix(term);
				if (prefix === undefined) this.unkeyed.push(id);
				else {
					const key = prefixKey(prefix, 0, prefix.length);
					const list = this.waiting.get(key);
					if (list) list.push(id);
					else this.waiting.set(key, [id]);
				}
			}
		}
		return { id, fits: this.fits[id]! };
	}

	/** Lays out the waiting terms a match at `at` of folded text could be: those keyed by its first one, two or three characters. */
	private layOutFor(text: string, at: number): void {
		if (this.unkeyed.length > 0) {
			for (const id of this.unkeyed) this.insert(id);
			this.unkeyed = [];
		}
		if (this.waiting.size === 0) return;
		for (let length = 1; length <= 3 && at + length <= text.length; length++) {
			const key = prefixKey(text, at, length);
			const ids = this.waiting.get(key);
			if (!ids) continue;
			this.waiting.delete(key);
			for (const id of ids) this.insert(id);
		}
	}

	/**
	 * Every term that matches at `at` of folded text with no letter or digit after it: pairs of id and end
	 * in `out` (cleared first). `at` must not follow a letter or digit (the caller checks, followsWordCharacter).
	 */
	matchesAt(text: string, at: number, out: number[]): void {
		this.layOutFor(text, at);
		out.length = 0;
		const pending: Array<TrieNode | number> = [this.root, at];
		while (pending.length > 0) {
			let i = pending.pop() as number;
			let node = pending.pop() as TrieNode;
			for (;;) {
				if (node.terms && !isWordCharacterAt(text, i)) for (const id of node.terms) out.push(id, i);
				if (node.letters) pending.push(node.letters, lettersEnd(text, i));
				if (node.separators && i < text.length && isSeparator(text.charCodeAt(i))) {
					let j = i + 1;
					while (j < text.length && isSeparator(text.charCodeAt(j))) j++;
					for (const after of node.separators) pending.push(after, j);
				}
				const child = i < text.length ? node.next?.get(text.charCodeAt(i)) : undefined;
				if (!child) break;
				node = child;
				i++;
			}
		}
	}

	private insert(id: number): void {
		const words = termWords(this.terms[id]!);
		let starts: TrieNode[] = [this.root];
		for (let w = 0; w < words.length; w++) {
			const word = words[w]!;
			if (w > 0) {
				const key = starts.map((n) => this.nodeId(n)).sort((a, b) => a - b).join(',');
				let after = this.afterEnds.get(key);
				if (!after) {
					after = {};
					this.afterEnds.set(key, after);
					for (const end of starts) (end.separators ??= []).push(after);
				}
				starts = [after];
			}
			const reached = new Set<TrieNode>();
			for (const form of 'forms' in word ? word.forms : [word.prefix]) {
				for (const start of starts) {
					let node = start;
					for (let i = 0; i < form.length; i++) {
						node.next ??= new Map();
						const code = form.charCodeAt(i);
						let child = node.next.get(code);
						if (!child) {
							child = {};
							node.next.set(code, child);
						}
						node = child;
					}
					reached.add('prefix' in word ? (node.letters ??= {}) : node);
				}
			}
			starts = [...reached];
		}
		for (const node of starts) (node.terms ??= []).push(id);
	}

	private nodeId(node: TrieNode): number {
		let id = this.nodeIds.get(node);
		if (id === undefined) {
			id = this.nodeIds.size;
			this.nodeIds.set(node, id);
		}
		return id;
	}
}

/** The characters of `text` from `at`, `length` of them (one to three), as one number: equal keys, equal characters. */
function prefixKey(text: string, at: number, length: number): number {
	let key = 0;
	for (let i = at; i < at + length; i++) key = key * 0x10000 + text.charCodeAt(i);
	return key * 4 + length;
}

/**
 * Whether every form of the term's words can go in the trie (trieable). Every form of a word is made of the
 * word's own characters lower-cased (termWords: the word itself, or its stem with a–z endings), and starts
 * as the word does, so the word's lower case stands for all its forms: the term need not be inflected to know.
 */
function fitsTrie(term: string): boolean {
	const words = termWords(term, false);
	return words.length > 0 && words.every((w) => trieable('forms' in w ? w.forms[0]! : w.prefix));
}

/** A form the trie can hold: no cased letter but a–z, and not starting with a separator (see TermTrie). */
function trieable(form: string): boolean {
	if (form.length > 0 && isSeparator(form.charCodeAt(0))) return false;
	for (let i = 0; i < form.length; i++) {
		const c = form.charCodeAt(i);
		if (c < 128) {
			if (c >= 65 && c <= 90) return false;
			continue;
		}
		const ch = form[i]!;
		if (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch) return false;
	}
	return true;
}

/** `[\s\-–—/]`: what may separate a term's words (inflect.ts TERM_SEPARATOR). */
function isSeparator(c: number): boolean {
	if (c < 128) return c === 32 || (c >= 9 && c <= 13) || c === 45 || c === 47;
	return c === 0x2013 || c === 0x2014 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/uy;
const LETTERS = /\p{L}*/uy;

/** Whether a letter or digit (a whole code point) starts at `i`: `(?![\p{L}\p{N}])` fails there. */
function isWordCharacterAt(text: string, i: number): boolean {
	if (i >= text.length) return false;
	const c = text.charCodeAt(i);
	if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
	WORD_CHARACTER.lastIndex = i;
	return WORD_CHARACTER.test(text);
}

/** Whether a letter or digit (a whole code point) ends at `i`: `(?<![\p{L}\p{N}])` fails there. */
export function followsWordCharacter(text: string, i: number): boolean {
	if (i <= 0) return false;
	const c = text.charCodeAt(i - 1);
	if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
	const start = c >= 0xdc00 && c <= 0xdfff && i >= 2 && isHighSurrogate(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
	WORD_CHARACTER.lastIndex = start;
	return WORD_CHARACTER.test(text) && WORD_CHARACTER.lastIndex === i;
}

function isHighSurrogate(c: number): boolean {
	return c >= 0xd800 && c <= 0xdbff;
}

/** The end of the run of letters (`\p{L}*`, whole code points) from `i`. */
function lettersEnd(text: string, i: number): number {
	LETTERS.lastIndex = i;
	LETTERS.test(text);
	return LETTERS.lastIndex;
}
