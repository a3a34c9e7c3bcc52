import type { FormatInput } from './types';
import { wordFindingLine } from '../../node/docx/text';
import { escapeLine } from './escape';

/**
 * One line per finding: `file:line:col severity rule-id message`, 1-based, for terminals and editors. A file
 * name or quoted text with a newline or an escape sequence cannot start a line of its own or reach the terminal.
 * Each file with findings starts with a header saying which profile was used and why, so a wrong guess is
 * seen; it starts with `#`, which no problem matcher reads as a finding.
 */
export function formatText({ results }: FormatInput): string {
	const lines: string[] = [];
	for (const { file, findings, locate, profile } of results) {
		if (profile && findings.length > 0) lines.push(`# ${escapeLine(file)}: profile ${profile.profile} (${escapeLine(profile.reason)})`);
		for (const f of findings) {
			const where = locate?.(f);
			if (where) lines.push(escapeLine(wordFindingLine(file, f, where)));
			else lines.push(`${escapeLine(file)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${escapeLine(f.ruleId)} ${escapeLine(f.message)}`);
		}
	}
	return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
