import type { FormatInput } from './types';
import { wordFindingLine } from '../../node/docx/text';

/** One line per finding: `file:line:col severity rule-id message`, 1-based, for terminals and editors. */
export function formatText({ results }: FormatInput): string {
	const lines: string[] = [];
	for (const { file, findings, locate } of results) {
		for (const f of findings) {
			const where = locate?.(f);
			if (where) lines.push(wordFindingLine(file, f, where));
			else lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId} ${f.message}`);
		}
	}
	return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
