import { RE2JS } from 're2js';
import type { Offsets } from '../finding';

/**
 * Regular expressions from rule packs run on RE2 (re2js, a pure-JS port): matching takes time linear in the
 * text whatever the pattern, so a pack cannot hang the editor or the CLI with `(a|a)*$` or `a*a*a*b`.
 * No syntactic check of backtracking patterns can be both sound and permissive (polynomial blow-ups such as
 * `\w+x` on a long word need no nesting at all), so untrusted patterns never reach the backtracking engine.
 * The price: RE2 has no lookarounds or back-references, and it is roughly ten times slower than V8's
 * engine, which is why the built-in rules, written and tested here, keep JavaScript regular expressions.
 */
export interface LinearPattern {
	regex: RE2JS;
}

/** Letters and digits: a match must not start or end inside a word (as the JavaScript matchers' lookarounds). */
const NOT_WORD = '[^\\p{L}\\p{N}]';

/**
 * Compiles pattern sources (already checked with checkLinearPattern) into one RE2 program with word boundaries.
 * The characters around the match are consumed by the program, so the match itself is capture group 1.
 */
export function compileLinear(patterns: readonly string[]): LinearPattern {
	const source = `(?:^|${NOT_WORD})((?:${patterns.map((p) => `(?:${p})`).join('|')}))(?:${NOT_WORD}|$)`;
	return { regex: RE2JS.compile(source, RE2JS.CASE_INSENSITIVE) };
}

/** Why RE2 cannot run `source`, or undefined when it can. */
export function checkLinearPattern(source: string): string | undefined {
	if (/\(\?<?[=!]/.test(source)) return 'lookarounds ((?=…), (?!…), (?<=…), (?<!…)) are not supported in rule-pack patterns, which run on a linear-time engine';
	if (/\\[1-9]|\\k</.test(source)) return 'back-references are not supported in rule-pack patterns, which run on a linear-time engine';
	try {
		RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
	} catch (e) {
		return (e as Error).message.replace(/^error parsing regexp: /, '').replace('`(?i)', '`');
	}
	return undefined;
}

/** All non-overlapping, non-empty matches in `text`, as absolute offsets (`base` + index), leftmost first. */
export function findAllLinear(pattern: LinearPattern, text: string, base: number): Offsets[] {
	const out: Offsets[] = [];
	// Most blocks hold no match: RE2's DFA says so about twenty times faster than a search for positions.
	if (!pattern.regex.test(text)) return out;
	const matcher = pattern.regex.matcher(text);
	let from = 0;
	while (from <= text.length && matcher.find(from)) {
		const start = matcher.start(1);
		const end = matcher.end(1);
		if (end > start) out.push({ start: base + start, end: base + end });
		// The next match may start right after this one: its leading non-word character is this one's trailing one.
		from = Math.max(end, start + 1);
	}
	return out;
}
