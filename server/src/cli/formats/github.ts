import type { Severity } from '../../engine';
import type { FormatInput } from './types';
import { describeLocation } from '../../node/docx';
import { escapeLine } from './escape';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** GitHub Actions workflow commands, which show as annotations on the pull request's changed lines. */
export function formatGithub({ results }: FormatInput): string {
	const lines: string[] = [];
	for (const { file, findings, locate } of results) {
		for (const f of findings) {
			// Lines of a Word document's converted text mean nothing on GitHub: annotate the file, name the paragraph.
			const word = locate?.(f);
			if (word) {
				lines.push(`::${COMMAND[f.severity]} file=${escapeProperty(file)},title=${escapeProperty(`Accountable ${f.ruleId}`)}::${escapeData(`${describeLocation(word)}: ${f.message}`)}`);
				continue;
			}
			const props = [
				`file=${escapeProperty(file)}`,
				`line=${f.range.start.line + 1}`,
				`col=${f.range.start.character + 1}`,
				`endLine=${f.range.end.line + 1}`,
				`endColumn=${f.range.end.character + 1}`,
				`title=${escapeProperty(`Accountable ${f.ruleId}`)}`,
			];
			lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
		}
	}
	return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * Workflow-command escaping as GitHub's toolkit does it (`%`, CR and LF in data; also `:` and `,` in
 * properties), so text from a document or a file name cannot end the command or start another; other
 * control characters are shown as codes, so none reaches the log's terminal rendering.
 */
export function escapeData(s: string): string {
	return escapeLine(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(s: string): string {
	return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
