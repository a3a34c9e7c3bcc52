import * as l10n from '@vscode/l10n';
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver';
import type { Finding, Rule } from '../engine';
import { explainFinding } from '../engine/explain';

/** True when `position` lies within `range` (ends inclusive, so a hover at the last character still counts). */
export function contains(range: Range, position: Position): boolean {
	const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
	const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
	return after && before;
}

/**
 * The hover for the findings under the cursor, the finding first: what to write instead, then the rule's
 * reason in one line, then the evidence (the paper's passages with ¶ numbers) and a link to the rule's
 * documentation. The editor already shows the diagnostic's message above a hover, so it is not repeated.
 */
export function hoverFor(findings: readonly Finding[], position: Position, ruleById: (id: string) => Rule | undefined, documentationLink: (finding: Finding) => string = (f) => f.docUrl): Hover | undefined {
	const here = findings.filter((f) => contains(f.range, position));
	if (here.length === 0) return undefined;
	const parts = here.map((f) => findingMarkdown(f, ruleById(f.ruleId), documentationLink(f)));
	return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: here[0]!.range };
}

function findingMarkdown(finding: Finding, rule: Rule | undefined, documentationLink: string): string {
	const e = explainFinding(finding, rule);
	const lines: string[] = [];
	// A rewrite of these very words is the most direct answer; else the rule's advice, which quotes its model clause.
	const rewrite = e.suggestions.find((s) => s.label === 'Suggested rewrite');
	// A rewrite of a condition carries the commas that fit it into its sentence; the hover shows its words.
	const instead = rewrite ? escape(rewrite.text.replace(/^[\s,;]+|[\s,;]+$/g, '')) : e.instead ? firstParagraph(e.instead) : undefined;
	if (instead) lines.push(`**${l10n.t('What to write instead:')}** ${instead}`);
	for (const s of e.suggestions) if (s !== rewrite && !(instead ?? '').includes(s.text)) lines.push('', `*${s.label}:* ${escape(s.text)}`);
	if (lines.length > 0) lines.push('');
	lines.push(`**${l10n.t('Why:')}** ${e.reason ?? escape(e.title)}`);
	if (e.evidence.length > 0) lines.push('', `**${l10n.t('Evidence:')}** ${e.evidence.map((q) => `“${escape(q.quote)}” (¶${q.paragraph})`).join(' · ')}`);
	// The rule id names the finding where the editor shows no diagnostic above the hover (Neovim, Helix).
	lines.push('', `[${l10n.t('Documentation of {0}', e.ruleId)}](${documentationLink})`);
	return lines.join('\n');
}

function firstParagraph(markdown: string): string {
	return markdown.trim().split(/\n\s*\n/)[0]!.replace(/\s*\n\s*/g, ' ');
}

/** Text from the document or a message is shown literally, not as Markdown. */
function escape(text: string): string {
	return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}
