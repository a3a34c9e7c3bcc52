/**
 * A lint for the BUILT-IN rules' patterns, which run on JavaScript's backtracking engine. It is not a proof
 * of safety (`(a|a)*$` and `a*a*a*b` pass it), which is why patterns from rule packs never run on that engine:
 * they run on RE2 in linear time (matching/linear.ts).
 * A pattern such as `(a+)+$` takes exponential time on "aaaa…b".
 * Patterns are checked before use: they must compile, and no quantified group may itself contain a
 * quantifier or alternation of overlapping repeats (star height above one), which is what makes
 * backtracking explode. Back-references are refused for the same reason. A lookbehind may hold a bounded repeat
 * (`(?<=\brescued\s[^.;]{0,60}?)`): it is tried only at the positions the prefilter lets through.
 * Returns a problem description, or undefined when the pattern is safe to run.
 */
export function checkPattern(source: string): string | undefined {
	try {
		new RegExp(source, 'u');
	} catch (e) {
		return (e as Error).message.replace(/^Invalid regular expression: /, '');
	}
	if (/\\[1-9]/.test(source) || /\\k</.test(source)) return 'back-references are not allowed (they can take exponential time)';
	if (starHeight(source) > 1) return 'a repeated group contains another repetition, which can take exponential time; rewrite it without nesting quantifiers';
	return undefined;
}

/** Nesting depth of quantified groups that contain quantifiers. Character classes and escapes are skipped. */
function starHeight(source: string): number {
	interface Frame { inner: number }
	const stack: Frame[] = [{ inner: 0 }];
	let max = 0;
	for (let i = 0; i < source.length; i++) {
		const c = source[i]!;
		if (c === '\\') {
			i++;
			continue;
		}
		if (c === '[') {
			i++;
			while (i < source.length && source[i] !== ']') {
				if (source[i] === '\\') i++;
				i++;
			}
			continue;
		}
		if (c === '(') {
			stack.push({ inner: 0 });
			continue;
		}
		if (c === ')') {
			const frame = stack.length > 1 ? stack.pop()! : { inner: 0 };
			const quantified = isQuantifier(source, i + 1);
			const height = frame.inner + (quantified ? 1 : 0);
			max = Math.max(max, height);
			const parent = stack[stack.length - 1]!;
			parent.inner = Math.max(parent.inner, height);
			continue;
		}
		if (isQuantifier(source, i) && (c === '*' || c === '+' || c === '{')) {
			const top = stack[stack.length - 1]!;
			top.inner = Math.max(top.inner, 1);
			max = Math.max(max, 1);
		}
	}
	return max;
}

function isQuantifier(source: string, i: number): boolean {
	const c = source[i];
	if (c === '*' || c === '+') return true;
	if (c === '{') return /^\{\d+(?:,\d*)?\}/.test(source.slice(i));
	return false;
}

/**
 * A control character in a pattern is almost always an escape a YAML double-quoted string has already read:
 * `"/\bcounsel\b/"` holds two backspaces, not word boundaries, so the pattern can never match anything and
 * nothing says so. Refused for built-in rules and rule packs alike, with the fix.
 */
export function controlCharacterProblem(source: string): string | undefined {
	const m = /[\u0000-\u0008\u000b-\u001f]/.exec(source);
	if (!m) return undefined;
	const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
	return `it holds a control character (U+${code}): in a YAML double-quoted string "\\b" is a backspace, not a word boundary; quote the pattern with single quotes`;
}
