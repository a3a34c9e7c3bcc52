import type { Rule } from './types';

/**
 * A rule's documentation as a reader sees it: what it flags, why (quoting the paper with ¶ numbers), what to
 * write instead with its model clauses, what it does not flag, and its examples marked flagged or not. Made
 * from the rule file's prose and examples only: never its front matter, whose term lists and patterns mean
 * nothing to a reader. The editor shows it in a Markdown preview ("Show Rule Documentation").
 */
export function ruleDocumentationMarkdown(rule: Rule): string {
	const { spec, doc } = rule;
	const kind = spec.provision ? 'recognises a rights-respecting provision (for the report; it shows no problem)' : `${spec.severity}, ${scopeWords(spec.scope)}`;
	const lines = [`# ${doc.title || spec.summary}`, '', `\`${rule.id}\` · ${rule.category} · ${kind}`, ''];
	if (spec.profiles && spec.profiles.length > 0) lines.push(`Applies to: ${spec.profiles.join(', ')}.`, '');
	const sections = doc.sections;
	const shown = new Set(['What it flags', 'Why', 'What to write instead', 'Not flagged']);
	section(lines, 'What it flags', sections['What it flags']);
	section(lines, 'Why', sections['Why']);
	if (spec.evidence.length > 0) {
		lines.push('**From the paper** (Ditmore and Thukral, *Accountability in anti-trafficking efforts*):', '');
		for (const e of spec.evidence) lines.push(`> “${e.quote}” (¶${e.paragraph})`, '>');
		lines.pop();
		lines.push('');
	}
	if (spec.standards && spec.standards.length > 0) lines.push('**Standards:** ' + spec.standards.join('; '), '');
	section(lines, 'What to write instead', sections['What to write instead']);
	const clauses = (spec.suggest ?? []).filter((s) => s.insert ?? s.replace);
	if (clauses.length > 0) {
		if (!sections['What to write instead']) lines.push('## What to write instead', '');
		for (const s of clauses) lines.push(`**${s.title}** (${s.insert ? 'model clause' : 'replacement'}):`, '', `> ${(s.insert ?? s.replace)!.trim()}`, '');
	}
	section(lines, 'Not flagged', sections['Not flagged']);
	for (const [heading, body] of Object.entries(sections)) if (!shown.has(heading) && heading !== 'Examples') section(lines, heading, body);
	if (rule.examples.length > 0) {
		lines.push('## Examples', '');
		for (const example of rule.examples) {
			lines.push(example.expect === 'flag' ? '**Flagged:**' : '**Not flagged:**', '');
			lines.push(...example.text.trimEnd().split('\n').map((l) => (l ? `> ${l}` : '>')), '');
		}
	}
	return `${lines.join('\n').trimEnd()}\n`;
}

function section(lines: string[], heading: string, body: string | undefined): void {
	if (body?.trim()) lines.push(`## ${heading}`, '', body.trim(), '');
}

function scopeWords(scope: Rule['spec']['scope']): string {
	return scope === 'span' ? 'flags words in a sentence' : scope === 'section' ? 'flags a section' : 'flags the document as a whole';
}
