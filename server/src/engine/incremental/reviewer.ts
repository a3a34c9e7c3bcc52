import type { Finding, Offsets, Severity } from '../finding';
import type { Block, ReviewDocument } from '../document';
import { documentStance, type DocumentStance } from '../reading/stance';
import { DocumentBuilder } from '../document/builder';
import type { ParseEvent } from '../document/events';
import { parseMarkdownChunks } from '../document/markdown';
import { plainTextChunks } from '../document/plaintext';
import type { ReviewSettings } from '../config';
import { ReviewContext, type BlockMemo, type Hit } from '../rules/kinds/context';
import type { Rule, RuleKind } from '../rules/types';
import type { Matcher } from '../matching/matcher';
import { LineIndex, lineStarts } from '../lineIndex';
import {
	AppliedClauses,
	baseSeverities,
	byPosition,
	profileFor,
	runRule,
	settle,
	suggestionsStayInBlock,
	toFinding,
	type Reviewer,
	type ReviewInput,
	type ReviewResult,
} from '../review';
import { ChunkLookup } from './chunkLookup';
import { placedHit, relativeHit, type RelativeHit } from './relativeHits';
import { findingWithin, placedFinding, relativeFinding } from './placedFindings';
import { newSectionMemo, sectionRuleHits, SectionMemoContext, type SectionMemo } from './sectionRules';

/**
 * Rule kinds whose hits depend only on the block they are in (its prose, sentences and quoting), so hits
 * found in an unchanged block can be kept. A kind that starts to look at other blocks, sections or the
 * document must leave this set; the property test (incremental review equals a full review) catches it.
 */
const BLOCK_LOCAL: ReadonlySet<RuleKind> = new Set<RuleKind>(['phrase', 'co-occurrence', 'frame']);

/** What is kept of one chunk between reviews. Everything is relative to the chunk, never absolute. */
interface ChunkState {
	text: string;
	/** Parsed as the document's first chunk (only it may hold front matter). */
	first: boolean;
	events: ParseEvent[];
	/** Parsed as the last chunk with a fenced code or HTML block still open. */
	open: boolean;
	/** One memo per block of the chunk, in order. */
	memos: BlockMemo[];
	/** Hits of every block-local rule, by the rule's index in the rule set; found on the chunk's first review. */
	hits?: Array<RelativeHit[] | undefined>;
	/** Indexes of the rules with hits in this chunk (most chunks have none). */
	rulesWithHits?: number[];
	/** The blocks the chunk made when last placed (DocumentBuilder.replay reuses those that land in the same place). */
	blocks?: Block[];
	/** Where lines start in the chunk after its first line, relative to the chunk (it starts a line). */
	breaks?: number[];
	/** Findings of the block-local rules, made for one set of rule severities. */
	findings?: ChunkFindings;
	/** Whether the chunk's text holds "accountable-" (a suppression directive may start there). */
	mentionsDirective?: boolean;
}

/** The findings of a chunk's block-local hits, relative to the chunk (see placedFinding), each list sorted. */
interface ChunkFindings {
	/** The rule severities they were made for (baseSeverities, joined). */
	severities: string;
	findings: Finding[];
	provisions: Finding[];
	/** Hits whose findings reach beyond the chunk (a clause inserted at the document's end): made again each review. */
	elsewhere: Array<{ rule: number; hit: RelativeHit }>;
	/** The lists as last placed, reused while the chunk stays where it is. */
	placed?: { base: number; line: number; findings: Finding[]; provisions: Finding[] };
}

/** What the last review left to compare the next one with. */
interface LastReview {
	format: ReviewInput['format'];
	textLength: number;
	/** The chunk states in document order, and where each started. */
	states: ChunkState[];
	bases: number[];
	blockCount: number;
	/** One memo per section, by section index. */
	sections: SectionMemo[];
}

/**
 * Reviews successive versions of one document (as an editor sends them), re-parsing and re-matching only
 * the chunks an edit touched. Results are exactly those of `reviewer.review` on the same text: chunks are
 * the independently parsable stretches of `parseMarkdownChunks`; a chunk whose text is unchanged keeps its
 * parse, its per-block matches and the hits of block-local rules, shifted to its new position; rules that
 * look at sections or the whole document run again over the merged document, on the kept matches.
 *
 * Keep one per open document, for one Reviewer (rule set). Only the chunks of the last review are kept, so
 * memory stays proportional to the document. A result's `document` is valid until the next review: unchanged
 * blocks are moved into the next document in place, so keep findings (plain values), not documents.
 */
export class IncrementalReviewer {
	private last?: LastReview;
	/** How the last review went: chunks in the document, and how many of them had to be parsed. */
	lastStats = { chunks: 0, parsed: 0, sectionsReviewed: 0 };

	constructor(readonly reviewer: Reviewer) {}

	review(input: ReviewInput, settings: ReviewSettings = {}): ReviewResult {
		// Chunk states are parses of one format: a document that changes format starts again.
		if (this.last && this.last.format !== input.format) this.last = undefined;
		const last = this.last;
		const lookup = new ChunkLookup(last?.states ?? [], last?.bases ?? [], input.text.length - (last?.textLength ?? 0));
		// The state of each parsed chunk, by its events (parsed or kept), so that no chunk text is hashed.
		const byEvents = new Map<ParseEvent[], ChunkState>();
		let parsedCount = 0;
		const fresh = (text: string, first: boolean, parse: { events: ParseEvent[]; open: boolean }): ChunkState => {
			parsedCount++;
			const state: ChunkState = { text, first, events: parse.events, open: parse.open, memos: blockMemos(parse.events) };
			byEvents.set(parse.events, state);
			return state;
		};
		let parsed: Array<{ start: number; end: number; text: string; events: ParseEvent[] }>;
		if (input.format === 'markdown') {
			// The parser asks for chunks in order, and tells of each one it parses (one it was offered and
			// turned down included): so the start of the chunk asked for is known.
			let cursor = 0;
			let offered: ChunkState | undefined;
			const accepted = (): void => {
				if (offered) cursor += offered.text.length;
				offered = undefined;
			};
			const recall = (text: string, first: boolean): ChunkState | undefined => {
				accepted();
				offered = lookup.find(text, first, cursor);
				if (offered) byEvents.set(offered.events, offered);
				return offered;
			};
			const remember = (text: string, first: boolean, parse: { events: ParseEvent[]; open: boolean }): void => {
				offered = undefined;
				fresh(text, first, parse);
				cursor += text.length;
			};
			parsed = parseMarkdownChunks(input.text, recall, remember);
		} else {
			parsed = plainTextChunks(input.text).map((c) => {
				const text = input.text.slice(c.start, c.end);
				const first = c.start === 0;
				let state = lookup.find(text, first, c.start);
				if (state) byEvents.set(state.events, state);
				else state = fresh(text, first, { events: c.events(), open: false });
				return { start: c.start, end: c.end, text, events: state.events };
			});
		}

		const builder = new DocumentBuilder(input.text, input.format);
		const placed: Placed[] = [];
		const memos: BlockMemo[] = [];
		const starts = [0];
		let linesLineUp = true;
		for (const chunk of parsed) {
			const state = byEvents.get(chunk.events)!;
			const firstBlock = builder.blocks.length;
			state.blocks = builder.replay(chunk.events, chunk.start, state.blocks);
			const line = starts.length - 1;
			if (starts[line] !== chunk.start) linesLineUp = false;
			state.breaks ??= lineStarts(chunk.text, 0).slice(1);
			for (const b of state.breaks) starts.push(chunk.start + b);
			placed.push({ state, base: chunk.start, end: chunk.end, line, firstBlock, blockCount: builder.blocks.length - firstBlock });
			for (const memo of state.memos) memos.push(memo);
		}
		const document = builder.build();
		const sectionMemos = this.sectionMemos(document, placed, input.text.length);
		const ctx = new SectionMemoContext(document, (block) => memos[block.index], sectionMemos.memos);
		const rules = this.reviewer.ruleSet.rules;
		const hitsOfChunk = (p: Placed): void => {
			if (p.state.hits) return;
			const chunkCtx = chunkContext(document, ctx, p.firstBlock, p.blockCount);
			const hits = rules.map((rule) => (BLOCK_LOCAL.has(rule.spec.kind) ? runRule(rule, chunkCtx).map((h) => relativeHit(h, p.base, p.firstBlock)) : undefined));
			p.state.hits = hits;
			p.state.rulesWithHits = hits.flatMap((h, i) => (h && h.length > 0 ? [i] : []));
		};

		this.last = { format: input.format, textLength: input.text.length, states: placed.map((p) => p.state), bases: placed.map((p) => p.base), blockCount: document.blocks.length, sections: sectionMemos.memos };
		this.lastStats = { chunks: parsed.length, parsed: parsedCount, sectionsReviewed: sectionMemos.changed };

		let result: ReviewResult;
		if (linesLineUp) {
			result = this.assemble(document, new LineIndex(input.text, starts), settings, placed, ctx, hitsOfChunk, sectionMemos.memos);
		} else {
			// Not expected (chunks start lines): review the merged document the plain way, still on kept matches.
			const ruleIndex = new Map(rules.map((r, i) => [r, i] as [Rule, number]));
			const hitsOf = (rule: Rule): Hit[] => {
				if (!BLOCK_LOCAL.has(rule.spec.kind)) return runRule(rule, ctx);
				const r = ruleIndex.get(rule)!;
				const out: Hit[] = [];
				for (const p of placed) {
					hitsOfChunk(p);
					for (const h of p.state.hits![r] ?? []) out.push(placedHit(h, p.base, document.blocks, p.firstBlock));
				}
				return out;
			};
			result = this.reviewer.reviewDocument(document, settings, hitsOf);
		}
		// Word-start keys only help the first matching of a block; most blocks are never matched again.
		for (const memo of memos) memo.keys = undefined;
		return result;
	}

	/**
	 * Findings from kept parts: each chunk's block-local findings, made once and moved with the chunk; the
	 * section-level rules' hits from section memos; then sorted, suppressed and filtered as a full review does.
	 */
	private assemble(document: ReviewDocument, lines: LineIndex, settings: ReviewSettings, placed: Placed[], ctx: ReviewContext, hitsOfChunk: (p: Placed) => void, sections: SectionMemo[]): ReviewResult {
		const rules = this.reviewer.ruleSet.rules;
		const profile = profileFor(document.text, settings);
		const bases = baseSeverities(rules, settings, profile);
		const stance = documentStance(document.text);
		// The document's stance changes every finding's severity, so kept findings are remade when it turns.
		const severities = `${bases.join(',')}|${stance}`;
		const applied = new AppliedClauses(document.text);
		const findings: Finding[] = [];
		const provisions: Finding[] = [];
		const loose: Finding[] = [];
		const looseProvisions: Finding[] = [];
		const add = (rule: Rule, hit: Hit, base: Severity): void => {
			const f = toFinding(rule, hit, base, document, lines, applied, stance);
			if (f) (rule.spec.provision ? looseProvisions : loose).push(f);
		};
		for (const p of placed) {
			hitsOfChunk(p);
			if (p.state.rulesWithHits!.length === 0) continue;
			let kept = p.state.findings;
			if (!kept || kept.severities !== severities) {
				kept = this.chunkFindings(p, bases, severities, document, lines, applied, stance);
				p.state.findings = kept;
			}
			if (!kept.placed || kept.placed.base !== p.base || kept.placed.line !== p.line) {
				kept.placed = {
					base: p.base,
					line: p.line,
					findings: kept.findings.map((f) => placedFinding(f, p.base, p.line)),
					provisions: kept.provisions.map((f) => placedFinding(f, p.base, p.line)),
				};
			}
			for (const f of kept.placed.findings) findings.push(f);
			for (const f of kept.placed.provisions) provisions.push(f);
			for (const { rule, hit } of kept.elsewhere) add(rules[rule]!, placedHit(hit, p.base, document.blocks, p.firstBlock), bases[rule]!);
		}
		const sectionRules: number[] = [];
		rules.forEach((rule, i) => {
			if (!BLOCK_LOCAL.has(rule.spec.kind) && bases[i] !== undefined) sectionRules.push(i);
		});
		for (const [r, hits] of sectionRuleHits(rules, sectionRules, ctx, sections)) for (const hit of hits) add(rules[r]!, hit, bases[r]!);
		// A directive's "accountable-" has no line break, so it lies within one chunk: ask the chunks, not the text.
		const directives = placed.some((p) => (p.state.mentionsDirective ??= p.state.text.includes('accountable-')));
		return settle(merged(findings, loose), merged(provisions, looseProvisions), profile, document, lines, settings, directives);
	}

	/** Makes the findings of a chunk's kept hits, relative to the chunk. */
	private chunkFindings(p: Placed, bases: Array<Severity | undefined>, severities: string, document: ReviewDocument, lines: LineIndex, applied: AppliedClauses, stance: DocumentStance): ChunkFindings {
		const rules = this.reviewer.ruleSet.rules;
		const kept: ChunkFindings = { severities, findings: [], provisions: [], elsewhere: [] };
		for (const r of p.state.rulesWithHits!) {
			const base = bases[r];
			if (base === undefined) continue;
			const rule = rules[r]!;
			for (const h of p.state.hits![r]!) {
				const hit = placedHit(h, p.base, document.blocks, p.firstBlock);
				if (!suggestionsStayInBlock(rule, hit)) {
					kept.elsewhere.push({ rule: r, hit: h });
					continue;
				}
				const f = toFinding(rule, hit, base, document, lines, applied, stance);
				if (!f) continue;
				if (!findingWithin(f, p.base, p.end)) {
					kept.elsewhere.push({ rule: r, hit: h });
					continue;
				}
				(rule.spec.provision ? kept.provisions : kept.findings).push(relativeFinding(f, p.base, p.line));
			}
		}
		kept.findings.sort(byPosition);
		kept.provisions.sort(byPosition);
		return kept;
	}

	/**
	 * Section memos for this review: a section whose heading, blocks and subsections all come from chunks
	 * before the first changed chunk (and that ends before it) or after the last one keeps the memo of the
	 * same section in the last review; the others (those around or in the change) start empty.
	 */
	private sectionMemos(document: ReviewDocument, placed: Placed[], textLength: number): { memos: SectionMemo[]; changed: number } {
		const last = this.last;
		const sections = document.sections;
		if (!last) return { memos: sections.map(newSectionMemo), changed: sections.length };
		const n = placed.length;
		const m = last.states.length;
		let a = 0;
		while (a < n && a < m && placed[a]!.state === last.states[a]) a++;
		let b = 0;
		while (b < n - a && b < m - a && placed[n - 1 - b]!.state === last.states[m - 1 - b]) b++;
		const unchanged = a === n && n === m && textLength === last.textLength;
		const prefixBlocks = a < n ? placed[a]!.firstBlock : document.blocks.length;
		const prefixEnd = a < n ? placed[a]!.base : textLength;
		const suffixFirstBlock = b > 0 ? placed[n - b]!.firstBlock : document.blocks.length;
		const sectionDelta = sections.length - last.sections.length;
		let changed = 0;
		const memos = sections.map((s) => {
			let old: number | undefined;
			if (unchanged) old = s.index;
			else if (s.index > 0 && s.headingBlock !== undefined) {
				if (s.headingBlock < prefixBlocks && s.end < prefixEnd) old = s.index;
				else if (s.headingBlock >= suffixFirstBlock) old = s.index - sectionDelta;
			}
			const memo = old === undefined ? undefined : last.sections[old];
			if (memo) return memo;
			changed++;
			return newSectionMemo();
		});
		return { memos, changed };
	}
}

/** A chunk as placed in this review. */
interface Placed {
	state: ChunkState;
	base: number;
	end: number;
	/** The line the chunk starts on. */
	line: number;
	firstBlock: number;
	blockCount: number;
}

/** Merges findings in document order with a few more (sorted here), as one sort of both would order them. */
function merged(sorted: Finding[], more: Finding[]): Finding[] {
	if (!isSorted(sorted)) sorted.sort(byPosition);
	if (more.length === 0) return sorted;
	more.sort(byPosition);
	const out: Finding[] = [];
	let i = 0;
	let j = 0;
	while (i < sorted.length && j < more.length) out.push(byPosition(more[j]!, sorted[i]!) < 0 ? more[j++]! : sorted[i++]!);
	while (i < sorted.length) out.push(sorted[i++]!);
	while (j < more.length) out.push(more[j++]!);
	return out;
}

function isSorted(findings: readonly Finding[]): boolean {
	for (let i = 1; i < findings.length; i++) if (byPosition(findings[i - 1]!, findings[i]!) > 0) return false;
	return true;
}

function blockMemos(events: readonly ParseEvent[]): BlockMemo[] {
	const memos: BlockMemo[] = [];
	for (const e of events) if (e.type !== 'code') memos.push({ matches: [] });
	return memos;
}

/** A context over one chunk's blocks only (same text, same memos), for block-local rules. */
function chunkContext(document: ReviewDocument, whole: ReviewContext, firstBlock: number, count: number): ReviewContext {
	const blocks = document.blocks.slice(firstBlock, firstBlock + count);
	const part: ReviewDocument = { ...document, blocks };
	return new ChunkContext(part, whole, firstBlock);
}

/** Asks the whole document's context (its cache is indexed by document block index, and it holds the block memos). */
class ChunkContext extends ReviewContext {
	constructor(
		doc: ReviewDocument,
		private readonly whole: ReviewContext,
		readonly firstBlock: number,
	) {
		super(doc);
	}

	override matches(matcher: Matcher, block: Block): Offsets[] {
		return this.whole.matches(matcher, block);
	}

	override mayMatch(matcher: Matcher, block: Block): boolean {
		return this.whole.mayMatch(matcher, block);
	}
}
