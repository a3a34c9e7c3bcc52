import type { ExpectedFinding, RuleDoc, RuleExample } from './types';

export interface RuleFileParts {
	frontMatter: string;
	/** 1-based line where the front matter's first line is. */
	frontMatterLine: number;
	body: string;
	/** 1-based line where the body starts. */
	bodyLine: number;
}

/** Splits a rule file into its YAML front matter and Markdown body. */
export function splitRuleFile(text: string): RuleFileParts | undefined {
	const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
	if (!m) return undefined;
	const frontMatter = m[1]!;
	const bodyLine = m[0].split('\n').length - (m[0].endsWith('\n') ? 0 : 1) + 1;
	return { frontMatter, frontMatterLine: 2, body: text.slice(m[0].length), bodyLine };
}

const FENCE = /^(`{3,}|~{3,})[ \t]*(flag|pass)(?:[ \t]+(text|plaintext|markdown|md))?[ \t]*$/;
const EXPECT_FENCE = /^(`{3,}|~{3,})[ \t]*expect[ \t]*$/;
/** `line:column`, optionally `-line:column`, optionally `: message` (remark-lint's form). */
const EXPECTED = /^(\d+):(\d+)(?:-(\d+):(\d+))?(?::[ \t]*(.*\S))?[ \t]*$/;

/**
 * An ```expect block after a flag example (blank lines between allowed): its one line, parsed, and the
 * index of its closing fence line. Undefined when none follows.
 */
function expectBlock(lines: readonly string[], from: number): { expected: ExpectedFinding | string; end: number } | undefined {
	let i = from;
	while (i < lines.length && lines[i]!.trim() === '') i++;
	const open = EXPECT_FENCE.exec(lines[i] ?? '');
	if (!open) return undefined;
	let j = i + 1;
	while (j < lines.length && !lines[j]!.startsWith(open[1]!)) j++;
	const body = lines.slice(i + 1, j).filter((l) => l.trim() !== '');
	const m = body.length === 1 ? EXPECTED.exec(body[0]!.trim()) : null;
	if (!m) return { expected: `an expect block holds one line "line:column[-line:column][: message]", not ${JSON.stringify(body.join('\n'))}`, end: j };
	const expected: ExpectedFinding = { line: Number(m[1]), column: Number(m[2]) };
	if (m[3]) expected.end = { line: Number(m[3]), column: Number(m[4]) };
	if (m[5]) expected.message = m[5];
	return { expected, end: j };
}

/**
 * Reads the body's title, documentation sections and `flag`/`pass` example blocks, with what a flag
 * example's finding must be where an ```expect block follows it; `problems` are malformed expect blocks.
 */
export function parseRuleBody(body: string, bodyLine: number): { doc: RuleDoc; examples: RuleExample[]; problems: Array<{ line: number; message: string }> } {
	const lines = body.split(/\r?\n/);
	const problems: Array<{ line: number; message: string }> = [];
	const sections: Record<string, string> = {};
	const examples: RuleExample[] = [];
	const docLines: string[] = [];
	let title = '';
	let current: string | undefined;
	let buffer: string[] = [];
	let inExamples = false;
	const flush = (): void => {
		if (current !== undefined) sections[current] = buffer.join('\n').trim();
		buffer = [];
	};
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const fence = FENCE.exec(line);
		if (fence) {
			const close = fence[1]!;
			const start = i + 1;
			let j = start;
			while (j < lines.length && !lines[j]!.startsWith(close)) j++;
			const fmt = fence[3];
			const example: RuleExample = {
				expect: fence[2] as 'flag' | 'pass',
				text: lines.slice(start, j).join('\n'),
				line: bodyLine + start,
				format: fmt === 'text' || fmt === 'plaintext' ? 'plaintext' : 'markdown',
			};
			examples.push(example);
			if (!inExamples) for (let k = i; k <= j && k < lines.length; k++) docLines.push(lines[k]!);
			const expect = example.expect === 'flag' ? expectBlock(lines, j + 1) : undefined;
			if (expect) {
				if (typeof expect.expected === 'string') problems.push({ line: bodyLine + j + 1, message: expect.expected });
				else example.expected = expect.expected;
				j = expect.end;
			}
			i = j;
			continue;
		}
		const h1 = /^#[ \t]+(.+?)[ \t#]*$/.exec(line);
		if (h1 && !title) {
			title = h1[1]!;
			continue;
		}
		const h2 = /^##[ \t]+(.+?)[ \t#]*$/.exec(line);
		if (h2) {
			flush();
			current = h2[1]!;
			inExamples = /^examples$/i.test(current);
		}
		if (!inExamples) docLines.push(line);
		if (!h2 && current !== undefined) buffer.push(line);
	}
	flush();
	return { doc: { title, sections, markdown: docLines.join('\n').trim() }, examples, problems };
}
