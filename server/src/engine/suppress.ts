import picomatch from 'picomatch';
import type { Finding, Offsets, Suppression } from './finding';
import type { LineIndex } from './lineIndex';

/**
 * Inline suppression comments, as markdownlint and Vale users know them:
 *   <!-- accountable-disable [ids…] [-- reason] -->   … <!-- accountable-enable [ids…] -->
 *   <!-- accountable-disable-next-line [ids…] [-- reason] -->
 *   <!-- accountable-disable-line [ids…] [-- reason] -->
 * Ids are rule ids, categories or globs ("consent/*"); none means every rule.
 */
const DIRECTIVE = /<!--\s*accountable-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;

export interface Directive {
	type: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
	selectors: string[];
	reason?: string;
	offsets: Offsets;
	line: number;
	text: string;
}

export function parseDirectives(text: string, lines: LineIndex, codeRanges: readonly Offsets[]): Directive[] {
	const out: Directive[] = [];
	if (!text.includes('accountable-')) return out;
	DIRECTIVE.lastIndex = 0;
	for (let m = DIRECTIVE.exec(text); m !== null; m = DIRECTIVE.exec(text)) {
		const start = m.index;
		if (codeRanges.some((r) => start >= r.start && start < r.end && !/^<!--/.test(text.slice(r.start, r.start + 4)))) continue;
		const [body, reason] = splitReason(m[2]!);
		out.push({
			type: m[1] as Directive['type'],
			selectors: body.split(/[\s,]+/).filter(Boolean),
			reason,
			offsets: { start, end: start + m[0].length },
			line: lines.lineOf(start),
			text: m[0].replace(/^<!--\s*|\s*-->$/g, ''),
		});
	}
	return out;
}

function splitReason(body: string): [string, string | undefined] {
	const i = body.indexOf('--');
	if (i === -1) return [body.trim(), undefined];
	const reason = body.slice(i + 2).trim();
	return [body.slice(0, i).trim(), reason || undefined];
}

function selects(selectors: readonly string[], finding: Finding): boolean {
	if (selectors.length === 0) return true;
	return selectors.some((s) => s === finding.ruleId || s === finding.category || (/[*?[{]/.test(s) && picomatch.isMatch(finding.ruleId, s)));
}

/**
 * Splits findings into those shown and those suppressed by a directive. A finding is suppressed when the
 * line it starts on is covered: disable…enable regions cover from the directive to the matching enable.
 */
export function applySuppressions(findings: Finding[], directives: readonly Directive[], lines: LineIndex): { shown: Finding[]; suppressed: Finding[] } {
	if (directives.length === 0) return { shown: findings, suppressed: [] };
	const shown: Finding[] = [];
	const suppressed: Finding[] = [];
	for (const finding of findings) {
		const by = suppressorOf(finding, directives, lines);
		if (by) suppressed.push({ ...finding, suppression: { directive: by.text, reason: by.reason, line: by.line } satisfies Suppression });
		else shown.push(finding);
	}
	return { shown, suppressed };
}

function suppressorOf(finding: Finding, directives: readonly Directive[], lines: LineIndex): Directive | undefined {
	const line = finding.range.start.line;
	let region: Directive | undefined;
	for (const d of directives) {
		if (d.offsets.start > finding.offsets.start && d.type !== 'disable-next-line' && d.type !== 'disable-line') break;
		switch (d.type) {
			case 'disable-line':
				if (d.line === line && selects(d.selectors, finding)) return d;
				break;
			case 'disable-next-line':
				if (nextContentLine(d, lines) === line && selects(d.selectors, finding)) return d;
				break;
			case 'disable':
				if (d.offsets.start <= finding.offsets.start && selects(d.selectors, finding)) region = d;
				break;
			case 'enable':
				if (region && d.offsets.start <= finding.offsets.start && (d.selectors.length === 0 || region.selectors.length === 0 || selects(d.selectors, finding))) region = undefined;
				break;
		}
	}
	return region;
}

/** The line after the directive's own last line. */
function nextContentLine(d: Directive, lines: LineIndex): number {
	return lines.lineOf(d.offsets.end) + 1;
}
