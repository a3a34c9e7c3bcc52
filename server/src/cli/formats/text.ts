import type { FormatInput } from './types';
import { wordFindingLine } from '../../node/docx/text';

/**
 * One line per finding: `file:line:col severity rule-id message`, 1-based, for terminals and editors. Each
 * file with findings starts with a header saying which profile was used and why,
 * so a wrong guess is seen; it starts with `#`, which no problem matcher reads as a finding.
 */
export function formatText({ results }: FormatInput): string {
	const lines: string[] = [];
	for (const { file, findings, locate, profile } of results) {
		if (profile && findings.length > 0) lines.push(`# ${file}: profile ${profile.profile} (${profile.reason})`);
		for (const f of findings) {
			const where = locate?.(f);
			if (where) lines.push(wordFindingLine(file, f, where));
			else lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId} ${f.message}`);
		}
	}
	return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
