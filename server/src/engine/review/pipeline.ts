import type { Finding, Offsets, Severity } from '../finding';
import type { Block, ReviewDocument } from '../document';
import { DocumentBuilder } from '../document/builder';
import type { ParseEvent } from '../document/events';
import { parseMarkdownChunks } from '../document/markdown';
import { plainTextChunks } from '../document/plaintext';
import { markdownHazard } from '../document/hostile';
import { ProfileDetector, type DetectedProfile, type ReviewSettings } from '../config';
import { documentStance, type SentenceStance, type StanceMemo } from '../reading/stance';
import { ReviewContext, SentenceReadings, type BlockMemo, type Hit } from '../rules/kinds/context';
import { ruleKind } from '../rules/kinds';
import type { RuleKindDefinition } from '../rules/kinds/kind';
import type { Rule, RuleSet } from '../rules/types';
import { prefixSlot, type Matcher } from '../matching/matcher';
import type { PrefixTable } from '../matching/prefilter';
import type { Reading } from '../reading';
import { LineIndex, lineStarts } from '../lineIndex';
import { baseSeverities, byPosition, FindingContext, profileFor, settle, suggestionsStayInBlock, toFinding } from './findings';
import type { ReviewInput, ReviewResult } from './types';
import { ChunkLookup } from '../incremental/chunkLookup';
import { hasBit, withBit, type BitSet } from '../bitSet';
import { placedHit, relativeHit, type RelativeHit } from '../incremental/relativeHits';
import { findingWithin, movedFinding } from '../incremental/placedFindings';
import { newSectionMemo, sectionMemoStore, type SectionMemo } from '../incremental/sectionMemos';
import { detached, detachTexts } from '../detached';

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
	/** Hits of the block-local rules, by the rule's index in the rule set (only rules with hits); undefined: none yet. */
	hits?: Array<RelativeHit[] | undefined>;
	/** Which block-local rules have run on the chunk, as bits by rule index: those that applied under some review's settings. */
	ran?: BitSet;
	/** Which rules applied (appliedRules) when every one of them had run on the chunk: such a chunk needs no rule run. */
	ranAllOf?: string;
	/** Indexes of the rules with hits in this chunk (most chunks have none). */
	rulesWithHits?: number[];
	/** The blocks the chunk made when last placed (DocumentBuilder.replay reuses those that land in the same place). */
	blocks?: Block[];
	/** Where lines start in the chunk after its first line, relative to the chunk (it starts a line). */
	breaks?: number[];
	/**
	 * Findings of the block-local rules, made for one set of rule severities: one list per place the chunk's text
	 * holds in the document (a repeated paragraph may be found by its text for each repeat, and then each repeat
	 * keeps its own findings where they are, rather than moving one list back and forth on every review).
	 */
	findings?: ChunkFindings[];
	/** Whether the chunk's text holds "accountable-" (a suppression directive may start there). */
	mentionsDirective?: boolean;
	/** How many of `findings` the review numbered `takenIn` has taken so far: they are the first ones (assemble). */
	taken?: number;
	takenIn?: number;
}

/**
 * The findings of a chunk's block-local hits, each list sorted, as placed when the chunk started at `base`
 * on `line`: reused while the chunk stays there, moved with it when it moves (one copy of each finding is
 * kept, not one relative to the chunk and one placed: a 20 MB document has tens of thousands).
 */
interface ChunkFindings {
	/** The rule severities they were made for (baseSeverities, joined). */
	severities: string;
	base: number;
	line: number;
	findings: Finding[];
	provisions: Finding[];
	/** Hits whose findings reach beyond the chunk (a clause inserted at the document's end): made again each review. */
	elsewhere: Array<{ rule: number; hit: RelativeHit }>;
	/** The review (its number) that last placed them. */
	placedIn?: number;
}

let reviews = 0;

/** What the last review left to compare the next one with. */
interface LastReview {
	format: ReviewInput['format'];
	textLength: number;
	/** A stage's review (of the text up to its `part`), not of the whole text. */
	partial: boolean;
	/** The chunk states in document order, and where each started. */
	states: ChunkState[];
	bases: number[];
	blockCount: number;
	/** One memo per section, by section index. */
	sections: SectionMemo[];
}

/**
 * The review pipeline: reviews successive versions of one document (as an editor sends them), re-parsing
 * and re-matching only the chunks an edit touched. A cold review (Reviewer.review) is the first review of a
 * fresh one, so there is one way findings are made. Chunks are the independently parsable stretches of
 * `parseMarkdownChunks` (or paragraphs of plain text); a chunk whose text is unchanged keeps its parse, its
 * per-block matches and the hits of block-local rules, shifted to its new position; rules that look at
 * sections or the whole document run again over the merged document, on the kept matches and section memos.
 *
 * Keep one per open document, for one Reviewer (rule set). Only the chunks of the last review are kept, so
 * memory stays proportional to the document. A result's `document` is valid until the next review: unchanged
 * blocks are moved into the next document in place, so keep findings (plain values), not documents.
 */
export class IncrementalReviewer {
	private last?: LastReview;
	/** The sentences the last review read, by text (SentenceReadings). */
	private lastReadings?: ReadonlyMap<string, Reading>;
	/** How the last review went: chunks in the document, and how many of them had to be parsed. */
	lastStats = { chunks: 0, parsed: 0, sectionsReviewed: 0 };
	private readonly kinds: RuleKindDefinition[];
	private readonly profiles = new ProfileDetector();
	/** The document's stance as last read from its head (reading/stance.ts). */
	private readonly stance: StanceMemo = {};

	private readonly keep: boolean;
	/** Characters of chunk text per stretch of the block-local pass of a review that keeps nothing (STRETCH). */
	private readonly stretch: number;
	/** Whether the findings this review keeps with its chunks are to be detached from the text (see review). */
	private detachFindings = false;
	/** The rules the last review applied (appliedRules), kept as the chunks' `ranAllOf` string. */
	private applying?: string;
	/** Findings of hits kept in section memos, by the kept hit (see looseFinding). */
	private readonly looseFindings = new WeakMap<object, { key: string; finding?: Finding }>();
	/** Each rule that yields (its `yieldsTo`), with the rules it yields to. */
	private readonly yields: ReadonlyMap<string, ReadonlySet<string>>;

	/**
	 * `keep: false` for a review that has no next one (Reviewer.review): the same pipeline, keeping nothing
	 * for a next review (no block memos, no chunk states), so a one-off review of a long file holds no more
	 * memory than it needs; `stretch` (tests) the characters of each stretch of its block-local pass (STRETCH).
	 */
	constructor(
		readonly reviewer: { readonly ruleSet: RuleSet },
		options: { keep?: boolean; stretch?: number } = {},
	) {
		this.keep = options.keep !== false;
		this.stretch = options.stretch ?? STRETCH;
		this.kinds = reviewer.ruleSet.rules.map((rule) => ruleKind(rule.spec.kind));
		this.yields = new Map(reviewer.ruleSet.rules.flatMap((rule) => (rule.spec.yieldsTo ? [[rule.id, new Set(rule.spec.yieldsTo)] as const] : [])));
	}

	/**
	 * Reviews `input`, or with `part` only its text up to `part` (nextStageEnd): the first stages of a long
	 * document's first review, each kept for the next as an edit's review would be, so the stages and a last
	 * review of the whole text take about the time of one review (see stages.ts). A part's findings are those
	 * of its block-local rules outside its last chunk: what a review of the whole text finds there too.
	 * `unchanged` (an editor's changes since the last review, when it knows them): how many characters at the
	 * start and at the end of `input.text` are those of the text this reviewer reviewed last, whole; chunks
	 * there are known to be unchanged without comparing their texts. The findings are the same with or without.
	 */
	review(input: ReviewInput, settings: ReviewSettings = {}, part?: number, unchanged?: Unchanged): ReviewResult {
		// Markdown the parser cannot handle in bounded time and stack (see hostile.ts) is read as plain text.
		const format = input.format === 'markdown' && markdownHazard(input.text) !== undefined ? 'plaintext' : input.format;
		if (part !== undefined && part < input.text.length) input = { text: input.text.slice(0, part), format };
		else part = undefined;
		// Chunk states are parses of one format: a document that changes format starts again.
		if (this.last && this.last.format !== format) this.last = undefined;
		const last = this.last;
		const length = input.text.length;
		const same = last && !last.partial && part === undefined && unchanged ? clipped(unchanged, last.textLength, length) : undefined;
		const lookup = new ChunkLookup(last?.states ?? [], last?.bases ?? [], length - (last?.textLength ?? 0), same && { ...same, length });
		// The state of each parsed chunk, by its events (parsed or kept), so that no chunk text is hashed.
		const byEvents = new Map<ParseEvent[], ChunkState>();
		let parsedCount = 0;
		// What an edit's review keeps of the chunks it parses is copied from this version of the text, not sliced:
		// kept slices would keep every version an edit was made in alive (the first review's are of the version
		// the editor holds).
		const detach = this.keep && last !== undefined;
		this.detachFindings = detach;
		const fresh = (text: string, first: boolean, parse: { events: ParseEvent[]; open: boolean }): ChunkState => {
			parsedCount++;
			const state: ChunkState = { text, first, events: parse.events, open: parse.open, memos: this.keep ? blockMemos(parse.events) : [] };
			byEvents.set(parse.events, state);
			return state;
		};
		let parsed: Array<{ start: number; end: number; text: string; events: ParseEvent[] }>;
		if (format === 'markdown') {
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
			parsed = parseMarkdownChunks(input.text, recall, remember, detach);
		} else {
			parsed = plainTextChunks(input.text).map((c) => {
				const text = input.text.slice(c.start, c.end);
				const first = c.start === 0;
				let state = lookup.find(text, first, c.start);
				if (state) byEvents.set(state.events, state);
				else {
					const own = detach ? detached(text) : text;
					state = fresh(own, first, { events: c.events(own), open: false });
				}
				return { start: c.start, end: c.end, text, events: state.events };
			});
		}

		const builder = new DocumentBuilder(input.text, format);
		const placed: Placed[] = [];
		const memos: BlockMemo[] = [];
		const starts = [0];
		let linesLineUp = true;
		for (let c = 0; c < parsed.length; c++) {
			const chunk = parsed[c]!;
			const state = byEvents.get(chunk.events)!;
			const firstBlock = builder.blocks.length;
			state.blocks = builder.replay(chunk.events, chunk.start, state.blocks);
			const line = starts.length - 1;
			if (starts[line] !== chunk.start) linesLineUp = false;
			const breaks = (state.breaks ??= lineStarts(chunk.text, 0).slice(1));
			for (let i = 0; i < breaks.length; i++) starts.push(chunk.start + breaks[i]!);
			placed.push({ state, base: chunk.start, end: chunk.end, line, firstBlock, blockCount: builder.blocks.length - firstBlock });
			const chunkMemos = state.memos;
			for (let i = 0; i < chunkMemos.length; i++) memos.push(chunkMemos[i]!);
		}
		const document = builder.build();
		// Chunks start lines (a Markdown cut and a plain-text paragraph both start a line): kept findings move by whole lines.
		if (!linesLineUp) throw new Error('internal error: a chunk does not start a line');
		const sectionMemos = this.sectionMemos(document, placed, input.text.length);
		const readings = new SentenceReadings(this.lastReadings);
		const ctx = new ReviewContext(document, this.keep ? (block) => memos[block.index] : undefined, sectionMemos.memos, readings);
		const profile = profileFor(document.text, settings, this.profiles);
		const bases = baseSeverities(this.reviewer.ruleSet.rules, settings, profile.profile);
		const context = new FindingContext(document, new LineIndex(input.text, starts), documentStance(document.text, this.stance));
		this.blockLocalHits(document, ctx, placed, bases, context);
		if (this.keep) this.last = { format, textLength: input.text.length, partial: part !== undefined, states: placed.map((p) => p.state), bases: placed.map((p) => p.base), blockCount: document.blocks.length, sections: sectionMemos.memos };
		this.lastStats = { chunks: parsed.length, parsed: parsedCount, sectionsReviewed: sectionMemos.changed };

		const result = this.assemble(context, settings, profile, bases, placed, ctx, sectionMemos.memos, part !== undefined);
		if (this.keep) this.lastReadings = readings.current;
		// Word-start keys only help the first matching of a block; most blocks are never matched again.
		for (let i = 0; i < memos.length; i++) if (memos[i]!.keys !== undefined) memos[i]!.keys = undefined;
		return result;
	}

	/**
	 * The hits of the block-local rules that apply (`bases`) in every chunk that has not kept them (all
	 * chunks on a first review), relative to their chunk. A block-local kind finds a block's hits from that
	 * block alone, so each rule runs once over the blocks of all those chunks together, and its hits are
	 * dealt out to their chunks: the same hits as running it chunk by chunk, at one call per rule rather
	 * than one per rule and chunk. Rules that do not apply are not run until a review's settings need them.
	 */
	private blockLocalHits(document: ReviewDocument, whole: ReviewContext, placed: readonly Placed[], bases: ReadonlyArray<Severity | undefined>, context: FindingContext): void {
		const chunkOf = new Int32Array(document.blocks.length);
		// After an edit most chunks have run every rule that applies: only the others are asked about each rule
		// (asking every chunk about every rule costs more than the edit's own review in a long document).
		// The same rules as last time: the same string, so that each chunk's comparison is of one pointer.
		const key = appliedRules(bases);
		const applying = key === this.applying ? this.applying : (this.applying = key);
		const unfinished = placed.filter((p) => p.state.ranAllOf !== applying);
		if (this.keep || document.text.length <= this.stretch) this.blockLocalHitsIn(document, whole, unfinished, bases, context, applying, chunkOf);
		else {
			// A review that keeps nothing (the command line's) of a long document runs the rules over a stretch of
			// its chunks at a time and lets go of each stretch's word starts and matches once they have run: a block
			// is matched by one rule after another, so those were kept for every block of the document at once (a
			// third of the memory reviewing 20 MB). Block-local rules find a block's hits from that block alone,
			// so the hits are the same, in the same order; rules that look further ask again for what they need.
			for (const stretch of stretches(unfinished, this.stretch)) {
				this.blockLocalHitsIn(document, whole, stretch, bases, context, applying, chunkOf);
				const last = stretch[stretch.length - 1]!;
				whole.forgetBlocks(stretch[0]!.firstBlock, last.firstBlock + last.blockCount);
			}
		}
		for (const p of placed) p.state.rulesWithHits ??= p.state.hits ? p.state.hits.flatMap((h, r) => (h ? [r] : [])) : NO_RULES;
	}

	/** blockLocalHits over the chunks `unfinished` (in document order). */
	private blockLocalHitsIn(document: ReviewDocument, whole: ReviewContext, unfinished: readonly Placed[], bases: ReadonlyArray<Severity | undefined>, context: FindingContext, applying: string, chunkOf: Int32Array): void {
		const rules = this.reviewer.ruleSet.rules;
		const stanceOf = (sentence: string): SentenceStance | undefined => context.applied.stanceOf(sentence);
		// Chunks that have run the same rules (on a first review, all of them: none) want the same rules, so each
		// rule asks the few groups rather than every chunk (rules × chunks, several milliseconds at 100 KB).
		const { groupOf, groupsRan } = groupByRulesRun(unfinished);
		const ranNow = groupsRan.map((): number[] => []);
		let wantedBy: boolean[] = [];
		let wanting: Placed[] = [];
		let view: ReviewContext | undefined;
		// Bits of the matchers that may match in each block of `view`, by the view's block order (see narrowed).
		let bitsOf = new Map<PrefixTable, Uint32Array[]>();
		rules.forEach((rule, r) => {
			const kind = this.kinds[r]!;
			if (kind.locality !== 'block' || bases[r] === undefined) return;
			const wanted = groupsRan.map((ran) => !hasBit(ran, r));
			if (!wanted.includes(true)) return;
			// On a first review every rule wants every chunk: the view of their blocks is made once.
			if (!view || wanted.some((w, g) => w !== wantedBy[g])) {
				wantedBy = wanted;
				wanting = unfinished.filter((_, k) => wanted[groupOf[k]!]);
				view = blocksView(document, whole, wanting, chunkOf);
				bitsOf = new Map();
			}
			wanted.forEach((w, g) => w && ranNow[g]!.push(r));
			for (const hit of kind.run(rule, narrowed(view, whole, kind.blockNeeds?.(rule), bitsOf))) {
				const p = wanting[chunkOf[hit.block!.index]!]!;
				((p.state.hits ??= [])[r] ??= []).push(relativeHit(hit, p.base, p.firstBlock, stanceOf));
				p.state.rulesWithHits = undefined;
			}
		});
		unfinished.forEach((p, k) => {
			for (const r of ranNow[groupOf[k]!]!) p.state.ran = withBit(p.state.ran, r);
			p.state.ranAllOf = applying;
		});
	}

	/**
	 * Findings from kept parts: each chunk's block-local findings, made once and moved with the chunk; the
	 * hits of the rules that look beyond a block, from section memos where their kind keeps them; then sorted,
	 * suppressed and filtered. The one assembly of findings.
	 */
	private assemble(context: FindingContext, settings: ReviewSettings, profile: DetectedProfile, bases: Array<Severity | undefined>, placed: Placed[], ctx: ReviewContext, sections: SectionMemo[], part = false): ReviewResult {
		const rules = this.reviewer.ruleSet.rules;
		const { doc: document, lines } = context;
		// The document's stance changes every finding's severity, so kept findings are remade when it turns.
		const severities = `${bases.join(',')}|${context.stance}`;
		const findings: Finding[] = [];
		const provisions: Finding[] = [];
		const loose: Finding[] = [];
		const looseProvisions: Finding[] = [];
		const looseKey = `${severities}|${context.eol}`;
		const add = (rule: Rule, hit: Hit, base: Severity): void => {
			const f = this.looseFinding(rule, hit, base, context, looseKey);
			if (f) (rule.spec.provision ? looseProvisions : loose).push(f);
		};
		// A part's last chunk may be cut short, and what reaches beyond a chunk or a block may change with the rest.
		const review = ++reviews;
		// Whether some chunk holds a list that no place may have taken in this review.
		let untaken = false;
		const through = part ? placed.length - 1 : placed.length;
		for (let c = 0; c < through; c++) {
			const p = placed[c]!;
			if (p.state.rulesWithHits!.length === 0) continue;
			const lists = (p.state.findings ??= []);
			// The next list no other repeat of the text took in this review, else the one in this place, else one no
			// other repeat took, else new. A text's repeats are placed in document order, each review: its lists are
			// kept in the order they were last taken, so the next list is this repeat's own, in its place or moved
			// with it by the edit before it. Checking every list for one in this place first cost each repeat after
			// an edit a search through all the later ones (quadratic in a text's repeats). Whichever list a repeat
			// takes, its findings are moved to the repeat's place: the same findings.
			const taken = p.state.takenIn === review ? p.state.taken! : 0;
			const next = lists[taken];
			let kept = next && next.placedIn !== review && next.severities === severities ? next : placeFor(lists, review, severities, p, taken);
			if (!kept) {
				kept = this.chunkFindings(p, bases, severities, context);
				lists.push(kept);
			}
			const at = lists.indexOf(kept, taken);
			if (at > taken) {
				lists[at] = lists[taken]!;
				lists[taken] = kept;
			}
			p.state.takenIn = review;
			p.state.taken = taken + 1;
			kept.placedIn = review;
			if (lists.length > 1) untaken = true;
			if (kept.base !== p.base || kept.line !== p.line) {
				const by = p.base - kept.base;
				const lines = p.line - kept.line;
				kept.findings = kept.findings.map((f) => movedFinding(f, by, lines));
				kept.provisions = kept.provisions.map((f) => movedFinding(f, by, lines));
				kept.base = p.base;
				kept.line = p.line;
			}
			for (const f of kept.findings) findings.push(f);
			for (const f of kept.provisions) provisions.push(f);
			if (part) continue;
			for (const { rule, hit } of kept.elsewhere) add(rules[rule]!, placedHit(hit, p.base, document.blocks, p.firstBlock), bases[rule]!);
		}
		// Lists no chunk took (a repeat that is gone, severities that changed) are dropped. Those taken in this review
		// are the first `taken` of each chunk's lists (each taken list is swapped there), in the order taken.
		if (untaken) for (let c = 0; c < placed.length; c++) {
			const state = placed[c]!.state;
			const lists = state.findings;
			if (!lists || lists.length <= 1) continue;
			const taken = state.takenIn === review ? state.taken! : 0;
			if (taken < lists.length) state.findings = lists.slice(0, taken);
		}
		rules.forEach((rule, r) => {
			const kind = this.kinds[r]!;
			const base = bases[r];
			if (kind.locality === 'block' || base === undefined || part) return;
			// Section memos serve the next review: a review with none to come runs the kind over the document.
			const hits = kind.sectionHits && this.keep ? kind.sectionHits(rule, ctx, sectionMemoStore(sections, r)) : kind.run(rule, ctx);
			for (const hit of hits) add(rule, hit, base);
		});
		// A directive's "accountable-" has no line break, so it lies within one chunk: ask the chunks, not the text.
		const directives = placed.some((p) => (p.state.mentionsDirective ??= p.state.text.includes('accountable-')));
		return settle(yielded(merged(findings, loose), this.yields), merged(provisions, looseProvisions), profile, document, lines, settings, directives);
	}

	/**
	 * The finding of a hit of a rule that looks beyond a block. A hit placed from a section memo (keptAs) is of
	 * a section unchanged since: its finding is kept with it and reused, moved with the section, while the
	 * review's severities, stance and line break (`key`) stay, and while everything it points to lies in the
	 * section (a model clause at the document's end moves with any edit). That holds for a section's own hit
	 * (a missing element) and for a hit in one of its blocks (a definition: the block, the blocks after it in
	 * the section, and the section's title). Others are made anew.
	 */
	private looseFinding(rule: Rule, hit: Hit, base: Severity, context: FindingContext, key: string): Finding | undefined {
		const section = hit.keptIn;
		if (!this.keep || !hit.keptAs || !section) return toFinding(rule, hit, base, context);
		const known = this.looseFindings.get(hit.keptAs);
		if (known?.key === key) {
			const f = known.finding;
			if (!f) return undefined;
			const by = hit.offsets.start - f.offsets.start;
			const lines = context.lines.lineOf(hit.offsets.start) - f.range.start.line;
			if (by !== 0 || lines !== 0) known.finding = movedFinding(f, by, lines);
			return known.finding;
		}
		const made = toFinding(rule, hit, base, context);
		if (made && !findingWithin(made, section.start, section.end)) return made;
		const finding = made && this.detachFindings ? detachTexts(made) : made;
		this.looseFindings.set(hit.keptAs, { key, finding });
		return finding;
	}

	/** Makes the findings of a chunk's kept hits, relative to the chunk. */
	private chunkFindings(p: Placed, bases: Array<Severity | undefined>, severities: string, context: FindingContext): ChunkFindings {
		const document = context.doc;
		const rules = this.reviewer.ruleSet.rules;
		const kept: ChunkFindings = { severities, base: p.base, line: p.line, findings: [], provisions: [], elsewhere: [] };
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
				const made = toFinding(rule, hit, base, context);
				if (!made) continue;
				const f = this.detachFindings ? detachTexts(made) : made;
				if (!findingWithin(f, p.base, p.end)) {
					kept.elsewhere.push({ rule: r, hit: h });
					continue;
				}
				(rule.spec.provision ? kept.provisions : kept.findings).push(f);
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

/**
 * Of a chunk's findings lists (one per place its text holds), the one made for `severities` at the chunk's place
 * `p`, else the first made for them that no place took in this review (`review`), else none. Those before `from`
 * were taken in this review.
 */
function placeFor(lists: readonly ChunkFindings[], review: number, severities: string, p: Placed, from: number): ChunkFindings | undefined {
	let free: ChunkFindings | undefined;
	for (let i = from; i < lists.length; i++) {
		const k = lists[i]!;
		if (k.placedIn === review || k.severities !== severities) continue;
		if (k.base === p.base && k.line === p.line) return k;
		free ??= k;
	}
	return free;
}

const NO_RULES: number[] = [];

/** Which rules apply under a review's severities (`bases`), as a key: one character per rule. */
function appliedRules(bases: ReadonlyArray<Severity | undefined>): string {
	let key = '';
	for (const base of bases) key += base === undefined ? '-' : '+';
	return key;
}

/**
 * What an editor's changes since a review left of its text: the first `prefix` and the last `suffix` characters
 * of the new text are those of the old (Infinity: every character, no change).
 */
export interface Unchanged {
	prefix: number;
	suffix: number;
}

/** `unchanged` within texts of `before` and `after` characters: the same claim, of no more than both hold. */
function clipped(unchanged: Unchanged, before: number, after: number): Unchanged {
	const prefix = Math.max(0, Math.min(unchanged.prefix, before, after));
	return { prefix, suffix: Math.max(0, Math.min(unchanged.suffix, before - prefix, after - prefix)) };
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
/**
 * The findings without those of rules that yield (a rule's `yieldsTo`) to a finding of another rule over the same
 * words: "the women have been placed in protective custody" is detention, and a consent finding on the same act
 * would only repeat it with the wrong fix. Findings are sorted by position, so only neighbours are compared.
 */
export function yielded(sorted: Finding[], yields: ReadonlyMap<string, ReadonlySet<string>>): Finding[] {
	if (yields.size === 0 || !sorted.some((f) => yields.has(f.ruleId))) return sorted;
	// Only the findings some rule yields to can take another's place: usually a handful.
	const targets = new Set<string>();
	for (const to of yields.values()) for (const id of to) targets.add(id);
	const stronger = sorted.filter((g) => g.scope === 'span' && targets.has(g.ruleId));
	if (stronger.length === 0) return sorted;
	return sorted.filter((f) => {
		const to = yields.get(f.ruleId);
		if (!to || f.scope !== 'span') return true;
		return !stronger.some((g) => to.has(g.ruleId) && g.offsets.start < f.offsets.end && f.offsets.start < g.offsets.end);
	});
}

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

/** Chunks grouped by the rules they have run (their `ran` bits): each chunk's group, and each group's bits. */
function groupByRulesRun(chunks: readonly Placed[]): { groupOf: Int32Array; groupsRan: Array<BitSet | undefined> } {
	const groups = new Map<string, number>();
	const groupOf = new Int32Array(chunks.length);
	const groupsRan: Array<BitSet | undefined> = [];
	chunks.forEach((p, k) => {
		const key = p.state.ran?.join(',') ?? '';
		let g = groups.get(key);
		if (g === undefined) {
			g = groupsRan.length;
			groups.set(key, g);
			groupsRan.push(p.state.ran);
		}
		groupOf[k] = g;
	});
	return { groupOf, groupsRan };
}

/**
 * A context over the blocks of `chunks`; fills chunkOf with the chunk (its index in `chunks`) of each block,
 * by document block index. When the chunks hold every block (a first review), the whole document's context
 * itself: rules then call one kind of context, directly.
 */
function blocksView(document: ReviewDocument, whole: ReviewContext, chunks: readonly Placed[], chunkOf: Int32Array): ReviewContext {
	const blocks: Block[] = [];
	chunks.forEach((p, k) => {
		for (let b = p.firstBlock; b < p.firstBlock + p.blockCount; b++) {
			chunkOf[b] = k;
			blocks.push(document.blocks[b]!);
		}
	});
	// Each block belongs to one chunk, so as many blocks as the document's are all of them, in order.
	return blocks.length === document.blocks.length ? whole : new BlocksContext({ ...document, blocks }, whole);
}

/**
 * `view` narrowed to the blocks where every one of `needs` (a block-local kind's blockNeeds) may match: the only
 * blocks the rule can find hits in. Each block's bits of the matchers that may match there
 * (ReviewContext.candidateSlots) are read once per review and view into `bitsOf`, so the question is a few bit
 * tests per rule and block, where each rule asking each block through mayMatch and matches was about a fifth of
 * a 1 MB review (81 rules, 6,390 blocks). The view itself where no need can be filtered.
 */
/**
 * Characters of chunk text in a stretch of a long document's block-local pass when the review keeps nothing
 * (blockLocalHits): a document up to this size is one stretch, reviewed exactly as before.
 */
const STRETCH = 2_000_000;

/** `chunks` (in document order) cut into runs of about `size` characters each. */
function stretches(chunks: readonly Placed[], size: number): Placed[][] {
	const out: Placed[][] = [];
	let run: Placed[] = [];
	let length = 0;
	for (const p of chunks) {
		run.push(p);
		length += p.end - p.base;
		if (length >= size) {
			out.push(run);
			run = [];
			length = 0;
		}
	}
	if (run.length > 0) out.push(run);
	return out;
}

function narrowed(view: ReviewContext, whole: ReviewContext, needs: ReadonlyArray<Matcher | undefined> | undefined, bitsOf: Map<PrefixTable, Uint32Array[]>): ReviewContext {
	if (!needs || needs.length === 0) return view;
	const blocks = view.doc.blocks;
	const tables: Uint32Array[][] = [];
	const slots: number[] = [];
	const may: Matcher[] = [];
	for (const matcher of needs) {
		const at = matcher && prefixSlot(matcher);
		if (!at) continue;
		let bits = bitsOf.get(at.table);
		if (!bits) bitsOf.set(at.table, (bits = blocks.map((b) => whole.candidateSlots(at.table, b))));
		tables.push(bits);
		slots.push(at.slot);
		may.push(matcher);
	}
	if (slots.length === 0) return view;
	return new BlocksContext({ ...view.doc, blocks: blocksWhereAll(blocks, tables, slots) }, whole, may);
}

/** The blocks (by their position in `blocks`) whose bits in `tables[k]` have bit `slots[k]` set for every k. */
function blocksWhereAll(blocks: readonly Block[], tables: readonly Uint32Array[][], slots: readonly number[]): Block[] {
	const out: Block[] = [];
	for (let b = 0; b < blocks.length; b++) {
		let may = true;
		for (let k = 0; may && k < slots.length; k++) {
			const slot = slots[k]!;
			may = (tables[k]![b]![slot >>> 5]! & (1 << (slot & 31))) !== 0;
		}
		if (may) out.push(blocks[b]!);
	}
	return out;
}

/**
 * A context over some of the document's blocks (the same text and memos), for block-local rules. It asks
 * the whole document's context, whose cache is indexed by document block index and holds the block memos.
 */
class BlocksContext extends ReviewContext {
	/** `may`: matchers that may match in every one of the blocks (narrowed tested them), so are not asked again. */
	constructor(
		doc: ReviewDocument,
		private readonly whole: ReviewContext,
		private readonly may: readonly Matcher[] = [],
	) {
		super(doc, undefined, undefined, whole.readings);
	}

	override matches(matcher: Matcher, block: Block): Offsets[] {
		return this.whole.matches(matcher, block);
	}

	override mayMatch(matcher: Matcher, block: Block): boolean {
		return this.may.includes(matcher) || this.whole.mayMatch(matcher, block);
	}
}
