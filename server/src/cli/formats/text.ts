import type { FormatInput } from './types';
import { wordFindingLine } from '../../node/docx/text';
import { escapeLine } from './escape';

/**
 * One line per finding: `file:line:col severity rule-id message`, 1-based, for terminals and editors. A file
 * name or quoted text with a newline or an escape sequence cannot start a line of its own or reach the terminal.
 * Each file with findings starts with a header saying which profile was used and why, so a wrong guess is
 * seen; it starts with `#`, which no problem matcher reads as a finding. Written a line at a time (see json.ts).
 */
export function* formatText({ results }: FormatInput): Generator<string> {
	for (const { file, findings, locate, profile } of results) {
		if (profile && findings.length > 0) yield `# ${escapeLine(file)}: profile ${profile.profile} (${escapeLine(profile.reason)})\n`;
		for (const f of findings) {
			const where = locate?.(f);
			if (where) yield `${escapeLine(wordFindingLine(file, f, where))}\n`;
			else yield `${escapeLine(file)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${escapeLine(f.ruleId)} ${escapeLine(f.message)}\n`;
		}
	}
}
