import { LineIndex, severityRank, type Finding, type Rule, type Severity } from '../../engine';
import { explainFinding, plainText } from '../../engine/explain';
import { esc } from '../../engine/report/render/html';
import { english, type Translate } from '../../engine/translate';
import type { WordDocument } from './index';
import { describeLocation } from './locate';
import type { WordBlock, WordParagraph } from './markdown';

/**
 * The Word review editor's page body: the document as its reader sees it (headings, paragraphs, lists,
 * tables, drawn from the layout the converter records), each finding highlighted on its words, a card per
 * finding (what is wrong, why with the paper's ¶, what to write instead, links), and the list of findings
 * by Word paragraph at the top. Every text from the document, the rules and the findings is escaped: the
 * page shows the document, it never runs or loads anything from it. The webview adds the page around it.
 */

export interface WordViewInput {
	word: WordDocument;
	findings: readonly Finding[];
	rule: (id: string) => Rule | undefined;
	/** The profile the review used and why. */
	profile?: { profile: string; reason: string };
	/** Said above the document when the findings shown are not the whole story (review off, file ignored, too large). */
	notice?: string;
	/** The page's own words in the reader's language (the language server passes @vscode/l10n's t); English by default. */
	t?: Translate;
}

interface Placed {
	id: string;
	finding: Finding;
	where: string;
	/** The finding's words: a span of its paragraph's text (absent when it has no place in a paragraph). */
	span?: { paragraph: number; start: number; end: number };
}

function severityLabel(severity: Severity, t: Translate): string {
	return { error: t('Error'), warning: t('Warning'), information: t('Information'), hint: t('Hint') }[severity];
}

export function renderWordView(input: WordViewInput): string {
	const { word } = input;
	const t = input.t ?? english;
	const placed: Placed[] = input.findings.map((finding, i) => {
		const location = word.locator.locate(finding.offsets);
		const span = word.locator.span(finding.offsets);
		return {
			id: `f${i + 1}`,
			finding,
			where: location ? describeLocation(location) : t('the whole document'),
			...(span ? { span: { paragraph: span.paragraph.number, start: span.start, end: span.end } } : {}),
		};
	});
	const byParagraph = new Map<number, Placed[]>();
	for (const p of placed) if (p.span) byParagraph.set(p.span.paragraph, [...(byParagraph.get(p.span.paragraph) ?? []), p]);
	const lines = new LineIndex(word.markdown);
	const writer: ParagraphWriter = (number, tag, attributes = '') => {
		const paragraph = word.paragraphs[number - 1];
		if (!paragraph) return '';
		const { line, character } = lines.position(paragraph.start);
		return `<${tag} id="p${number}" data-paragraph="${number}" data-line="${line}" data-character="${character}"${attributes}>${highlighted(paragraph, byParagraph.get(number) ?? [])}</${tag}>`;
	};
	return [summary(input, placed, t), `<article class="document" aria-label="${esc(t('Document'))}">${blocks(word.layout, writer)}</article>`, cards(input, placed, t)].join('\n');
}

type ParagraphWriter = (paragraph: number, tag: string, attributes?: string) => string;

function blocks(layout: readonly WordBlock[], paragraph: ParagraphWriter): string {
	return layout
		.map((block) => {
			if (block.kind === 'heading') return paragraph(block.paragraph, `h${block.level}`);
			if (block.kind === 'paragraph') return paragraph(block.paragraph, 'p');
			if (block.kind === 'list') {
				const tag = block.ordered ? 'ol' : 'ul';
				const items = block.items.map((item) => `<li>${item.paragraph !== undefined ? paragraph(item.paragraph, 'span', ' class="item"') : ''}${blocks(item.blocks, paragraph)}</li>`);
				return `<${tag}>${items.join('')}</${tag}>`;
			}
			const rows = block.rows.map((row) => `<tr>${row.map((cell) => {
				const tag = cell.header ? 'th' : 'td';
				const span = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}`;
				return `<${tag}${span}>${cell.paragraphs.map((n) => paragraph(n, 'p')).join('')}</${tag}>`;
			}).join('')}</tr>`);
			return `<table><tbody>${rows.join('')}</tbody></table>`;
		})
		.join('\n');
}

/**
 * A paragraph's text with its findings' words marked. Findings may overlap: the text is cut at every
 * finding's start and end, and each piece under one or more findings is one mark that names them all (its
 * colour is the most severe one's), so no mark is nested in another.
 */
function highlighted(paragraph: WordParagraph, findings: readonly Placed[]): string {
	const text = paragraph.text;
	if (findings.length === 0) return esc(text);
	const cuts = [...new Set([0, text.length, ...findings.flatMap((f) => [f.span!.start, f.span!.end])])].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
	let out = '';
	for (let i = 0; i + 1 < cuts.length; i++) {
		const from = cuts[i]!;
		const to = cuts[i + 1]!;
		const piece = esc(text.slice(from, to));
		const over = findings.filter((f) => f.span!.start <= from && f.span!.end >= to);
		if (over.length === 0) {
			out += piece;
			continue;
		}
		const worst = over.map((f) => f.finding.severity).sort((a, b) => severityRank(a) - severityRank(b))[0]!;
		const ids = over.map((f) => f.id).join(' ');
		// The cards describe the mark to screen readers; no title attribute, whose tooltip would cover the card.
		out += `<mark class="finding severity-${worst}" tabindex="0" data-findings="${ids}" aria-describedby="${over.map((f) => `card-${f.id}`).join(' ')}">${piece}</mark>`;
	}
	return out;
}

function summary(input: WordViewInput, placed: readonly Placed[], t: Translate): string {
	const parts: string[] = [`<section class="summary" aria-label="${esc(t('Findings'))}">`];
	if (input.notice) parts.push(`<p class="notice" role="status">${esc(input.notice)}</p>`);
	const count = esc(placed.length === 1 ? t('1 finding') : t('{0} findings', placed.length));
	const profile = input.profile ? ` · ${esc(t('Profile: {0} ({1})', input.profile.profile, input.profile.reason))}` : '';
	parts.push(`<p class="count"><strong>${count}</strong>${profile}</p>`);
	if (placed.length > 0) {
		parts.push('<ol class="finding-list">');
		for (const p of placed) {
			parts.push(`<li class="severity-${p.finding.severity}"><button type="button" class="goto" data-finding="${p.id}"${p.span ? '' : ' disabled'}>${esc(p.where)}</button> <span class="severity">${esc(severityLabel(p.finding.severity, t))}</span> ${esc(p.finding.message)} <code>${esc(p.finding.ruleId)}</code></li>`);
		}
		parts.push('</ol>');
	}
	parts.push('</section>');
	return parts.join('\n');
}

/** One card per finding, shown beside its words on hover or focus, and when its entry in the list is chosen. */
function cards(input: WordViewInput, placed: readonly Placed[], t: Translate): string {
	const out = placed.map((p) => {
		const e = explainFinding(p.finding, input.rule(p.finding.ruleId));
		const lines = [
			`<p class="card-head"><span class="severity">${esc(severityLabel(e.severity, t))}</span> <strong>${esc(e.title)}</strong> · <code>${esc(e.ruleId)}</code></p>`,
			`<p class="where">${esc(p.where)}</p>`,
			`<p class="message">${esc(e.message)}</p>`,
		];
		if (e.why) lines.push(`<p><strong>${esc(t('Why.'))}</strong> ${esc(plainText(e.why))}</p>`);
		if (e.instead) lines.push(`<p><strong>${esc(t('What to write instead.'))}</strong> ${esc(plainText(e.instead))}</p>`);
		for (const s of e.suggestions) lines.push(`<p><em>${esc(s.label)}:</em> ${esc(s.text)}</p>`);
		lines.push(`<p class="links"><a class="rule" href="${esc(e.docUrl)}">${esc(t('Rule documentation'))}</a> · <a class="report" href="#report">${esc(t('Accountability report'))}</a></p>`);
		return `<section class="card severity-${e.severity}" id="card-${p.id}" role="tooltip" hidden>${lines.join('')}</section>`;
	});
	return `<div class="cards">${out.join('\n')}</div>`;
}
