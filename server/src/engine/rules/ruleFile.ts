import type { RuleDoc, RuleExample } from './types';

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

/** Reads the body's title, documentation sections and `flag`/`pass` example blocks. */
export function parseRuleBody(body: string, bodyLine: number): { doc: RuleDoc; examples: RuleExample[] } {
	const lines = body.split(/\r?\n/);
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
			examples.push({
				expect: fence[2] as 'flag' | 'pass',
				text: lines.slice(start, j).join('\n'),
				line: bodyLine + start,
				format: fmt === 'text' || fmt === 'plaintext' ? 'plaintext' : 'markdown',
			});
			if (!inExamples) for (let k = i; k <= j && k < lines.length; k++) docLines.push(lines[k]!);
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
	return { doc: { title, sections, markdown: docLines.join('\n').trim() }, examples };
}
