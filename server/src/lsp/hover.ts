import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver/node';
import type { Finding, Rule } from '../engine';
import { explainFinding } from '../engine/explain';

/** True when `position` lies within `range` (ends inclusive, so a hover at the last character still counts). */
export function contains(range: Range, position: Position): boolean {
	const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
	const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
	return after && before;
}

/**
 * The hover for the findings under the cursor: what is wrong (the message), why (the rule's Why section,
 * which quotes the paper with ¶ numbers) and what to write instead, each from the rule's own documentation.
 */
export function hoverFor(findings: readonly Finding[], position: Position, ruleById: (id: string) => Rule | undefined): Hover | undefined {
	const here = findings.filter((f) => contains(f.range, position));
	if (here.length === 0) return undefined;
	const parts = here.map((f) => findingMarkdown(f, ruleById(f.ruleId)));
	return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: here[0]!.range };
}

function findingMarkdown(finding: Finding, rule: Rule | undefined): string {
	const e = explainFinding(finding, rule);
	const lines = [`**${escape(e.title)}** · \`${e.ruleId}\` (${e.severity})`, '', escape(e.message)];
	if (e.why) lines.push('', `**Why.** ${e.why}`);
	if (e.instead) lines.push('', `**What to write instead.** ${e.instead}`);
	for (const s of e.suggestions) lines.push('', `*${s.label}:* ${escape(s.text)}`);
	lines.push('', `[Rule documentation](${e.docUrl})`);
	return lines.join('\n');
}

/** Text from the document or a message is shown literally, not as Markdown. */
function escape(text: string): string {
	return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}
