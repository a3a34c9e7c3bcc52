import type { Offsets } from '../finding';
import type { Block, ReviewDocument } from '../document';
import { DocumentBuilder } from '../document/builder';
import type { ParseEvent } from '../document/events';
import { parseMarkdownChunks } from '../document/markdown';
import { plainTextChunks } from '../document/plaintext';
import type { ReviewSettings } from '../config';
import { ReviewContext, type BlockMemo, type Hit } from '../rules/kinds/context';
import type { Rule, RuleKind } from '../rules/types';
import { hitIsQuoted, runRule, type Reviewer, type ReviewInput, type ReviewResult } from '../review';

/**
 * Rule kinds whose hits depend only on the block they are in (its prose, sentences and quoting), so hits
 * found in an unchanged block can be kept. A kind that starts to look at other blocks, sections or the
 * document must leave this set; the property test (incremental review equals a full review) catches it.
 */
const BLOCK_LOCAL: ReadonlySet<RuleKind> = new Set<RuleKind>(['phrase', 'co-occurrence']);

/** A hit of a block-local rule, relative to its chunk, so it can be placed wherever the chunk moves. */
interface KeptHit {
	offsets: Offsets;
	sentence?: Offsets;
	/** The block's index among the chunk's blocks. */
	block: number;
	vars: Hit['vars'];
	related?: Array<{ offsets: Offsets; message: string }>;
	checkQuoted: boolean;
	quoted: boolean;
}

/** What is kept of one chunk between reviews. Everything is relative to the chunk, never absolute. */
interface ChunkState {
	events: ParseEvent[];
	/** Parsed as the last chunk with a fenced code or HTML block still open. */
	open: boolean;
	/** One memo per block of the chunk, in order. */
	memos: BlockMemo[];
	/** Hits of every block-local rule, by the rule's index in the rule set; found on the chunk's first review. */
	hits?: Array<KeptHit[] | undefined>;
	/** Indexes of the rules with hits in this chunk (most chunks have none). */
	rulesWithHits?: number[];
}

/**
 * Reviews successive versions of one document (as an editor sends them), re-parsing and re-matching only
 * the chunks an edit touched. Results are exactly those of `reviewer.review` on the same text: chunks are
 * the independently parsable stretches of `parseMarkdownChunks`; a chunk whose text is unchanged keeps its
 * parse, its per-block matches and the hits of block-local rules, shifted to its new position; rules that
 * look at sections or the whole document run again over the merged document, on the kept matches.
 *
 * Keep one per open document, for one Reviewer (rule set). Only the chunks of the last review are kept, so
 * memory stays proportional to the document.
 */
export class IncrementalReviewer {
	/** Chunk states by chunk text: the first chunk apart, as only it may hold front matter. */
	private chunks = { first: new Map<string, ChunkState>(), rest: new Map<string, ChunkState>() };
	/** How the last review went: chunks in the document, and how many of them had to be parsed. */
	lastStats = { chunks: 0, parsed: 0 };

	constructor(readonly reviewer: Reviewer) {}

	review(input: ReviewInput, settings: ReviewSettings = {}): ReviewResult {
		const previous = this.chunks;
		const next = { first: new Map<string, ChunkState>(), rest: new Map<string, ChunkState>() };
		const mapOf = (chunks: typeof next, first: boolean): Map<string, ChunkState> => (first ? chunks.first : chunks.rest);
		const recall = (text: string, first: boolean): ChunkState | undefined => {
			const state = mapOf(next, first).get(text) ?? mapOf(previous, first).get(text);
			if (state) mapOf(next, first).set(text, state);
			return state;
		};
		let parsedCount = 0;
		const remember = (text: string, first: boolean, parse: { events: ParseEvent[]; open: boolean }): void => {
			parsedCount++;
			mapOf(next, first).set(text, { events: parse.events, open: parse.open, memos: blockMemos(parse.events) });
		};
		const parsed =
			input.format === 'markdown'
				? parseMarkdownChunks(input.text, recall, remember)
				: plainTextChunks(input.text).map((c) => {
						const text = input.text.slice(c.start, c.end);
						const first = c.start === 0;
						const events = recall(text, first)?.events ?? c.events();
						if (!mapOf(next, first).has(text)) remember(text, first, { events, open: false });
						return { start: c.start, end: c.end, text, events };
					});
		this.chunks = next;
		this.lastStats = { chunks: parsed.length, parsed: parsedCount };

		const builder = new DocumentBuilder(input.text, input.format);
		const placed: Array<{ state: ChunkState; base: number; firstBlock: number; blockCount: number }> = [];
		const memos: BlockMemo[] = [];
		for (const chunk of parsed) {
			const state = mapOf(next, chunk.start === 0).get(chunk.text)!;
			const firstBlock = builder.blocks.length;
			builder.replay(chunk.events, chunk.start);
			placed.push({ state, base: chunk.start, firstBlock, blockCount: builder.blocks.length - firstBlock });
			memos.push(...state.memos);
		}
		const document = builder.build();
		const ctx = new ReviewContext(document, (block) => memos[block.index]);

		const rules = this.reviewer.ruleSet.rules;
		const ruleIndex = new Map(rules.map((r, i) => [r, i] as [Rule, number]));
		let local: Hit[][] | undefined;
		// Block-local hits of all rules at once, chunk by chunk: one pass, and nothing to do for chunks without hits.
		const localHits = (): Hit[][] => {
			const byRule: Hit[][] = rules.map(() => []);
			for (const p of placed) {
				if (!p.state.hits) {
					const chunkCtx = chunkContext(document, ctx, p.firstBlock, p.blockCount);
					const hits = rules.map((rule) => (BLOCK_LOCAL.has(rule.spec.kind) ? keepHits(runRule(rule, chunkCtx), p.base, p.firstBlock) : undefined));
					p.state.hits = hits;
					p.state.rulesWithHits = hits.flatMap((h, i) => (h && h.length > 0 ? [i] : []));
				}
				for (const r of p.state.rulesWithHits!) {
					for (const h of p.state.hits[r]!) byRule[r]!.push(placeHit(h, p.base, document.blocks[p.firstBlock + h.block]!));
				}
			}
			return byRule;
		};
		const hitsOf = (rule: Rule): Hit[] => {
			if (!BLOCK_LOCAL.has(rule.spec.kind)) return runRule(rule, ctx);
			local ??= localHits();
			return local[ruleIndex.get(rule)!]!;
		};
		const result = this.reviewer.reviewDocument(document, settings, hitsOf);
		// Word-start keys only help the first matching of a block; most blocks are never matched again.
		for (const memo of memos) memo.keys = undefined;
		return result;
	}
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

/** Looks up matches through the whole document's context, whose cache is indexed by document block index. */
class ChunkContext extends ReviewContext {
	constructor(
		doc: ReviewDocument,
		private readonly whole: ReviewContext,
		readonly firstBlock: number,
	) {
		super(doc);
	}

	override matches(matcher: Parameters<ReviewContext['matches']>[0], block: Block): Offsets[] {
		return this.whole.matches(matcher, block);
	}
}

function keepHits(hits: readonly Hit[], base: number, firstBlock: number): KeptHit[] {
	return hits.map((h) => ({
		offsets: shift(h.offsets, -base),
		sentence: h.sentence && shift(h.sentence, -base),
		block: h.block!.index - firstBlock,
		vars: h.vars,
		related: h.related?.map((r) => ({ offsets: shift(r.offsets, -base), message: r.message })),
		checkQuoted: h.checkQuoted,
		quoted: hitIsQuoted(h),
	}));
}

function placeHit(h: KeptHit, base: number, block: Block): Hit {
	const hit: Hit = { offsets: shift(h.offsets, base), block, vars: h.vars, checkQuoted: h.checkQuoted, quoted: h.quoted };
	if (h.sentence) hit.sentence = shift(h.sentence, base);
	if (h.related) hit.related = h.related.map((r) => ({ offsets: shift(r.offsets, base), message: r.message }));
	return hit;
}

function shift(o: Offsets, by: number): Offsets {
	return { start: o.start + by, end: o.end + by };
}
