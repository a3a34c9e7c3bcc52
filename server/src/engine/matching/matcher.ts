import type { Offsets } from '../finding';
import { termPattern } from './inflect';

/**
 * A compiled group of alternatives: literal terms (inflected), vocabulary references already expanded, and
 * regular expressions. One RegExp per group, so a group costs one pass over a block's prose.
 */
export interface Matcher {
	/** Stable key, so that groups shared by several rules are matched once per block. */
	key: string;
	regex: RegExp;
	/** Set by matcherId. */
	id?: number;
}

const WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{N}])';

/**
 * Compiles alternatives into one case-insensitive, Unicode-aware RegExp with word boundaries.
 * `patterns` are regular expression sources; `terms` are literal terms.
 */
export function compileMatcher(terms: readonly string[], patterns: readonly string[]): Matcher {
	const alternatives = [...new Set(terms)]
		.sort((a, b) => b.length - a.length)
		.map(termPattern);
	for (const p of patterns) alternatives.push(`(?:${p})`);
	const source = alternatives.length === 0 ? '(?!)' : `${WORD_BEFORE}(?:${alternatives.join('|')})${WORD_AFTER}`;
	return { key: source, regex: new RegExp(source, 'giu') };
}

/** All non-overlapping matches of `matcher` in `text`, as absolute offsets (`base` + index). */
export function findAll(matcher: Matcher, text: string, base: number): Offsets[] {
	const out: Offsets[] = [];
	const regex = matcher.regex;
	regex.lastIndex = 0;
	for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
		if (m[0].length === 0) {
			regex.lastIndex++;
			continue;
		}
		out.push({ start: base + m.index, end: base + m.index + m[0].length });
	}
	return out;
}

const idsByKey = new Map<string, number>();

/**
 * A small number that identifies a matcher's pattern: equal keys get equal ids. Rules that share a
 * vocabulary compile equal but separate key strings, and comparing those long strings on every cache
 * lookup costs more than the lookup itself.
 */
export function matcherId(matcher: Matcher): number {
	if (matcher.id !== undefined) return matcher.id;
	let id = idsByKey.get(matcher.key);
	if (id === undefined) {
		id = idsByKey.size;
		idsByKey.set(matcher.key, id);
	}
	matcher.id = id;
	return id;
}
