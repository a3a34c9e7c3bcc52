import type { Finding } from './finding';
import type { Rule } from './rules/types';

/**
 * What a finding says to a reader, in the parts every place that explains a finding shows (the editor's
 * hover, a Word comment): what is wrong, why (the rule's Why section, quoting the paper with ¶ numbers, or
 * the rule's evidence), what to write instead, and the rewrites or model clauses on offer. Text parts are
 * the rule file's Markdown; `plainText` turns them into words for places that show no Markdown.
 */
export interface FindingExplanation {
	title: string;
	ruleId: string;
	severity: Finding['severity'];
	message: string;
	why?: string;
	/** The Why section's first sentence: the reason in one line. */
	reason?: string;
	instead?: string;
	/** The paper's passages the rule rests on, with their ¶ numbers. */
	evidence: Array<{ paragraph: number; quote: string }>;
	suggestions: Array<{ label: 'Model clause' | 'Suggested rewrite'; text: string }>;
	docUrl: string;
}

export function explainFinding(finding: Finding, rule: Rule | undefined): FindingExplanation {
	const why = rule?.doc.sections['Why'] ?? (rule ? rule.spec.evidence.map((e) => `“${e.quote}” (¶${e.paragraph})`).join(' ') : undefined);
	const instead = rule?.doc.sections['What to write instead'];
	return {
		title: rule?.spec.summary ?? finding.ruleId,
		ruleId: finding.ruleId,
		severity: finding.severity,
		message: finding.message,
		...(why ? { why } : {}),
		...(rule?.doc.sections['Why'] ? { reason: firstSentence(rule.doc.sections['Why']) } : {}),
		...(instead ? { instead } : {}),
		evidence: rule ? rule.spec.evidence.map((e) => ({ paragraph: e.paragraph, quote: e.quote })) : [],
		suggestions: finding.suggestions.map((s) => ({ label: s.kind === 'insert' ? 'Model clause' : 'Suggested rewrite', text: s.text.trim() })),
		docUrl: finding.docUrl,
	};
}

/** A rule file's Markdown as plain words: emphasis, code marks and link targets dropped, lines joined. */
export function plainText(markdown: string): string {
	return markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/(\*\*|__|\*|`)/g, '')
		.replace(/\s*\n\s*/g, ' ')
		.trim();
}

/**
 * The first sentence of a Markdown section, joined onto one line: a full stop, question or exclamation mark
 * that ends a word and is followed by a capital or an opening quotation mark. Abbreviations such as "e.g." are
 * followed by lower case, and "¶2)." by a space and a capital only at a real sentence end.
 */
export function firstSentence(markdown: string): string {
	const paragraph = markdown.trim().split(/\n\s*\n/)[0]!.replace(/\s*\n\s*/g, ' ');
	const end = /[.!?][)”"’]?(?=\s+[A-Z“"‘(])/.exec(paragraph);
	return end ? paragraph.slice(0, end.index + end[0].length) : paragraph;
}
