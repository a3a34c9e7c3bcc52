/**
 * What the web page shows of a reviewed draft, as HTML strings (every piece of the draft escaped): the
 * document with each finding's words marked and numbered, a card per finding (what is wrong, why with the
 * paper's ¶, what to write instead, model clauses to copy) and the accountability report's sections from the
 * engine's renderer. Pure, so tests read it without a browser; ./page/main.ts puts it in the page.
 */
import { count, SEVERITIES, severityRank, type Finding, type Rule, type Severity } from '../engine';
import { explainFinding, plainText } from '../engine/explain';
import { esc, renderReportSections, type ReportItem } from '../engine/report';
import type { WordParagraph } from '../node/docx/markdown';
import { placeOf, type ReviewedDraft } from './draft';

/** A stretch of a finding's words within one block of the document view. */
interface Mark {
	start: number;
	end: number;
	/** 1-based number of the finding, as its card is numbered. */
	finding: number;
	severity: Severity;
}

/** One block of the document view: the whole text of a Markdown or text draft, or one Word paragraph. */
interface ViewBlock {
	text: string;
	marks: Mark[];
	paragraph?: WordParagraph;
}

/** The draft as the page shows it, each finding's words marked and preceded by the finding's number (a link to its card). */
export function documentHtml(draft: ReviewedDraft): string {
	const blocks = draft.word ? wordBlocks(draft) : [{ text: draft.text, marks: textMarks(draft.result.findings) }];
	const placed = new Set<number>();
	const html = blocks.map((b) => {
		const body = markedText(b.text, b.marks, placed);
		if (!b.paragraph) return `<pre class="draft-text">${body}</pre>`;
		const p = b.paragraph;
		const label = p.note ?? `¶${p.number}`;
		return `<p class="para para-${p.kind}"><span class="para-number">${esc(label)}</span> <span class="para-text">${body}</span></p>`;
	});
	return html.join('\n');
}

function textMarks(findings: readonly Finding[]): Mark[] {
	return findings.map((f, i) => ({ start: f.offsets.start, end: f.offsets.end, finding: i + 1, severity: f.severity }));
}

/** Word paragraphs, each with the part of every finding that falls in it (the locator's span: words as Word shows them). */
function wordBlocks(draft: ReviewedDraft): ViewBlock[] {
	const word = draft.word!.document;
	const blocks = new Map<number, ViewBlock>(word.paragraphs.map((p) => [p.number, { text: p.text, marks: [], paragraph: p }]));
	draft.result.findings.forEach((f, i) => {
		const span = word.locator.span(f.offsets);
		if (span) blocks.get(span.paragraph.number)?.marks.push({ start: span.start, end: span.end, finding: i + 1, severity: f.severity });
	});
	return [...blocks.values()];
}

/**
 * `text` with the marks as <mark> elements. Overlapping findings split the text at every boundary; a piece
 * takes the most severe finding's class. Each finding's number is written once, before its first piece, as
 * the link to its card (the keyboard's way from the document to the finding); `placed` remembers which are written.
 */
function markedText(text: string, marks: readonly Mark[], placed: Set<number>): string {
	const valid = marks.filter((m) => m.end > m.start && m.start >= 0 && m.end <= text.length);
	const cuts = [...new Set([0, text.length, ...valid.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
	let out = '';
	for (let i = 0; i + 1 < cuts.length; i++) {
		const [from, to] = [cuts[i]!, cuts[i + 1]!];
		const covering = valid.filter((m) => m.start <= from && m.end >= to).sort((a, b) => a.finding - b.finding);
		const piece = esc(text.slice(from, to));
		if (covering.length === 0) {
			out += piece;
			continue;
		}
		for (const m of covering.filter((c) => c.start === from && !placed.has(c.finding))) {
			placed.add(m.finding);
			out += `<a class="finding-ref sev-${m.severity}" id="at-${m.finding}" href="#finding-${m.finding}" aria-label="Finding ${m.finding}: ${m.severity}">${m.finding}</a>`;
		}
		const worst = covering.reduce((a, b) => (severityRank(b.severity) < severityRank(a.severity) ? b : a));
		out += `<mark class="sev-${worst.severity}" data-findings="${covering.map((c) => c.finding).join(' ')}">${piece}</mark>`;
	}
	return out;
}

/** One card per finding, in document order, numbered as in the document view. */
export function findingsHtml(draft: ReviewedDraft): string {
	if (draft.result.findings.length === 0) {
		return '<p class="no-findings">No findings: nothing in this draft repeats the failures the paper documents, as far as the rules can tell. The report lists which recommendations the draft addresses.</p>';
	}
	const byId = new Map(draft.rules.map((r) => [r.id, r] as [string, Rule]));
	return `<ol class="findings">\n${draft.result.findings.map((f, i) => findingCard(draft, f, i + 1, byId.get(f.ruleId))).join('\n')}\n</ol>`;
}

function findingCard(draft: ReviewedDraft, finding: Finding, n: number, rule: Rule | undefined): string {
	const e = explainFinding(finding, rule);
	const cited = [...new Set(rule?.spec.evidence.map((ev) => ev.paragraph) ?? [])].sort((a, b) => a - b);
	const paper = cited.length > 0 ? `<p class="paper">Evidence in the paper: ${cited.map((p) => `¶${p}`).join(', ')}.</p>` : '';
	const inDocument = finding.offsets.end > finding.offsets.start ? ` <a class="show" href="#at-${n}">Show in document<span class="visually-hidden"> (finding ${n})</span></a>` : '';
	const suggestions = e.suggestions
		.map(
			(s, j) => `<div class="suggestion">
<h4>${esc(s.label)}</h4>
<p class="clause" id="clause-${n}-${j}">${esc(s.text)}</p>
<button type="button" class="copy" data-copy="clause-${n}-${j}">Copy ${esc(s.label.toLowerCase())}<span class="visually-hidden"> for finding ${n}</span></button>
</div>`,
		)
		.join('\n');
	return `<li class="finding sev-${finding.severity}" id="finding-${n}" tabindex="-1">
<h3 id="finding-${n}-title"><span class="finding-number">${n}.</span> ${esc(e.title)}</h3>
<p class="finding-meta"><span class="finding-severity">${esc(severityWord(finding.severity))}</span> <span class="place">${esc(placeOf(draft, finding))}</span>${inDocument}</p>
<p class="message"><strong>What is wrong:</strong> ${esc(finding.message)}</p>
${e.why ? `<div class="why"><h4>Why</h4>${markdownBlocks(e.why)}${paper}</div>` : paper}
${e.instead ? `<div class="instead"><h4>What to write instead</h4>${markdownBlocks(e.instead)}</div>` : ''}
${suggestions}
<p class="rule-id">Rule <code>${esc(finding.ruleId)}</code></p>
</li>`;
}

const SEVERITY_WORDS: Record<Severity, string> = { error: 'Error', warning: 'Warning', information: 'Information', hint: 'Hint' };

function severityWord(severity: Severity): string {
	return SEVERITY_WORDS[severity];
}

/** A rule's Markdown section as paragraphs and bullet lists of plain words (no links are followed from the page). */
export function markdownBlocks(markdown: string): string {
	return markdown
		.trim()
		.split(/\n\s*\n/)
		.map((block) => {
			const lines = block.split('\n');
			if (lines.every((l) => /^\s*[-*]\s+/.test(l) || /^\s{2,}\S/.test(l))) {
				const items = block.split(/\n(?=\s*[-*]\s+)/).map((item) => `<li>${esc(plainText(item.replace(/^\s*[-*]\s+/, '')))}</li>`);
				return `<ul>${items.join('')}</ul>`;
			}
			return `<p>${esc(plainText(block))}</p>`;
		})
		.join('');
}

/** The report's sections, each finding's place a link to its card in the page. */
export function reportHtml(draft: ReviewedDraft): string {
	const numbers = new Map(draft.result.findings.map((f, i) => [itemKey(f.ruleId, f.range), i + 1] as [string, number]));
	return renderReportSections(draft.report, {
		place: (item: ReportItem, where: string) => {
			const n = item.severity && !item.suppression ? numbers.get(itemKey(item.ruleId, item.range)) : undefined;
			return n ? `<a class="where" href="#finding-${n}">${where}<span class="visually-hidden"> (finding ${n})</span></a>` : `<span class="where">${where}</span>`;
		},
	});
}

function itemKey(ruleId: string, range: Finding['range']): string {
	return `${ruleId}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** What the live region says once a review is done: “3 findings in proposal.docx: 2 errors, 1 warning.” */
export function countMessage(draft: ReviewedDraft): string {
	const findings = draft.result.findings;
	const bySeverity = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, k]) => k > 0);
	const detail = bySeverity.length > 0 ? `: ${bySeverity.map(([s, k]) => count(k, s)).join(', ')}` : '';
	return `${count(findings.length, 'finding')} in ${draft.name}${detail}.`;
}
