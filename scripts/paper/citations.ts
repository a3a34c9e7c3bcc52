/**
 * The paper's citations, checked without the paper. The rules and the report's recommendation areas quote
 * Ditmore and Thukral by paragraph (¶N is line N of the plain-text copy). The paper may not be redistributed
 * (paper/README.md), so the repository keeps a citation index instead (paper/citations.json): for each cited
 * paragraph, the passages quoted from it exactly as the paper has them and a hash of the whole paragraph. The
 * index is written from a local copy of the paper by `node scripts/paper/index.mjs <paper.txt>`, which checks
 * every quote against that copy first; the tests check every quote against the index.
 */
import { createHash } from 'node:crypto';
import type { AreaDefinition } from '../../server/src/engine/report';
import type { Rule } from '../../server/src/engine';

export const INDEX_VERSION = 1;

/** A quote of the paper, with what quotes it. */
export interface PaperCitation {
	paragraph: number;
	quote: string;
	/** Who quotes it, for messages: "rule raids/x", "area consent". */
	by: string;
}

/** A paragraph named (¶N) without a quote, as rule documentation does. */
export interface ParagraphMention {
	paragraph: number;
	by: string;
}

export interface IndexedParagraph {
	/** sha256 (hex) of the paragraph normalised as `normalise` does. */
	sha256: string;
	/** The passages quoted from this paragraph, as the paper writes them (none inside another), sorted. */
	passages: string[];
}

export interface CitationIndex {
	version: number;
	/** How many lines (¶) the plain-text copy has. */
	paragraphs: number;
	/** Cited paragraphs by number (as a string key). */
	cited: Record<string, IndexedParagraph>;
}

/** What a quote is compared as: typographic quotes made plain, white space collapsed, lower case. */
export function normalise(text: string): string {
	return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').toLowerCase();
}

/** The quote as compared: ellipses dropped, normalised, trimmed. */
function comparable(quote: string): string {
	return normalise(quote.replace(/…/g, '')).trim();
}

export function paragraphHash(paragraph: string): string {
	return createHash('sha256').update(normalise(paragraph).trim()).digest('hex');
}

/** Every quote and paragraph mention of the rules and areas. */
export function citationsOf(rules: readonly Rule[], areas: readonly AreaDefinition[]): { quotes: PaperCitation[]; mentions: ParagraphMention[] } {
	const quotes: PaperCitation[] = [];
	const mentions: ParagraphMention[] = [];
	for (const rule of rules) {
		for (const e of rule.spec.evidence) quotes.push({ paragraph: e.paragraph, quote: e.quote, by: `rule ${rule.id}` });
		for (const m of rule.doc.markdown.matchAll(/¶(\d+)/g)) mentions.push({ paragraph: Number(m[1]), by: `rule ${rule.id} (documentation)` });
	}
	for (const area of areas) for (const q of area.quotes) quotes.push({ paragraph: q.paragraph, quote: q.quote, by: `area ${area.id}` });
	return { quotes, mentions };
}

/** The passage of `paragraph` that `quote` stands for (same words, any case, quotes and spacing), or undefined. */
export function findPassage(paragraph: string, quote: string): string | undefined {
	const words = comparable(quote).split(' ').filter(Boolean);
	if (words.length === 0) return undefined;
	const pattern = words
		.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['‘’]").replace(/"/g, '["“”]'))
		.join('\\s+');
	return new RegExp(pattern, 'i').exec(paragraph)?.[0];
}

/**
 * The index of `citations` in the paper's `lines`. Throws, naming each one, if a quote is not in the paragraph
 * it cites or a paragraph is not in the paper: the index only ever records what the paper says.
 */
export function buildIndex(lines: readonly string[], citations: { quotes: readonly PaperCitation[]; mentions: readonly ParagraphMention[] }): CitationIndex {
	const problems: string[] = [];
	const passages = new Map<number, Set<string>>();
	const cite = (paragraph: number, by: string): Set<string> | undefined => {
		const text = lines[paragraph - 1];
		if (!Number.isInteger(paragraph) || paragraph < 1 || text === undefined) {
			problems.push(`${by}: ¶${paragraph} is not in the paper (${lines.length} paragraphs)`);
			return undefined;
		}
		if (!passages.has(paragraph)) passages.set(paragraph, new Set());
		return passages.get(paragraph);
	};
	for (const m of citations.mentions) cite(m.paragraph, m.by);
	for (const q of citations.quotes) {
		const found = cite(q.paragraph, q.by);
		if (!found) continue;
		const passage = findPassage(lines[q.paragraph - 1]!, q.quote);
		if (passage === undefined) problems.push(`${q.by}: ¶${q.paragraph} does not contain "${q.quote}"`);
		else found.add(passage);
	}
	if (problems.length > 0) throw new Error(`The paper does not say what is cited:\n  ${problems.join('\n  ')}`);
	const cited: Record<string, IndexedParagraph> = {};
	for (const paragraph of [...passages.keys()].sort((a, b) => a - b)) {
		// A passage inside a longer one quoted from the same paragraph is covered by it.
		const all = [...passages.get(paragraph)!];
		const kept = all.filter((p) => !all.some((longer) => longer !== p && longer.includes(p)));
		cited[String(paragraph)] = { sha256: paragraphHash(lines[paragraph - 1]!), passages: kept.sort() };
	}
	return { version: INDEX_VERSION, paragraphs: lines.length, cited };
}

/** Why `citation` is not backed by the index (a misquote, a wrong ¶, a quote the index has not recorded), or undefined. */
export function quoteProblem(index: CitationIndex, citation: PaperCitation): string | undefined {
	const entry = index.cited[String(citation.paragraph)];
	const wanted = comparable(citation.quote);
	if (wanted === '') return `${citation.by}: an empty quote of ¶${citation.paragraph}`;
	if (entry?.passages.some((p) => normalise(p).includes(wanted))) return undefined;
	const elsewhere = Object.entries(index.cited)
		.filter(([, e]) => e.passages.some((p) => normalise(p).includes(wanted)))
		.map(([n]) => `¶${n}`);
	const hint = elsewhere.length > 0 ? ` (the index has it under ${elsewhere.join(', ')})` : '';
	return `${citation.by}: "${citation.quote}" is not among the passages of ¶${citation.paragraph} in paper/citations.json${hint}. A misquote or a wrong paragraph: check the paper; a new, correct quote: run node scripts/paper/index.mjs <paper.txt>`;
}

/** Why a ¶N mention is not backed by the index, or undefined. */
export function mentionProblem(index: CitationIndex, mention: ParagraphMention): string | undefined {
	if (index.cited[String(mention.paragraph)]) return undefined;
	if (mention.paragraph < 1 || mention.paragraph > index.paragraphs) return `${mention.by}: ¶${mention.paragraph} is not in the paper (${index.paragraphs} paragraphs)`;
	return `${mention.by}: ¶${mention.paragraph} is not in paper/citations.json: run node scripts/paper/index.mjs <paper.txt>`;
}

/**
 * How a fresh index (written from a copy of the paper) differs from the committed one. `moved`: paragraphs
 * whose hash changed, or a different paragraph count, which means the copy is not the one indexed (or its
 * lines are numbered differently) and every ¶N could be off; `changed`: the cited paragraphs or passages differ.
 */
export function indexDifferences(committed: CitationIndex, fresh: CitationIndex): { moved: string[]; changed: boolean } {
	const moved: string[] = [];
	if (committed.paragraphs !== fresh.paragraphs) moved.push(`the copy has ${fresh.paragraphs} paragraphs, the index ${committed.paragraphs}`);
	for (const [n, entry] of Object.entries(committed.cited)) {
		const now = fresh.cited[n];
		if (now && now.sha256 !== entry.sha256) moved.push(`¶${n} is not the paragraph the index was made from (hash ${now.sha256.slice(0, 12)}…, indexed ${entry.sha256.slice(0, 12)}…)`);
	}
	const passages = (index: CitationIndex): string => JSON.stringify([index.version, Object.entries(index.cited).map(([n, e]) => [n, e.passages])]);
	return { moved, changed: passages(committed) !== passages(fresh) };
}

/** Everything wrong with the citations of `citations` as the index records the paper: one line each. */
export function citationProblems(index: CitationIndex, citations: { quotes: readonly PaperCitation[]; mentions: readonly ParagraphMention[] }): string[] {
	return [...citations.quotes.map((q) => quoteProblem(index, q)), ...citations.mentions.map((m) => mentionProblem(index, m))].filter((p): p is string => p !== undefined);
}
