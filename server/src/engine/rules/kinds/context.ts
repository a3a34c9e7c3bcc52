import { shiftOffsets, type Offsets } from '../../finding';
import type { Block, ReviewDocument, Section } from '../../document';
import { countWords } from '../../document/wordCount';
import { findAll, matcherId, mayMatchText, NO_CANDIDATES, type Matcher } from '../../matching/matcher';
import { wordStarts, type PrefixTable, type WordStarts } from '../../matching/prefilter';
import { inName, isGovernedByNegation, mayHoldNegation, providesAt, Reading } from '../../reading';
import { hasBit, withBit, type BitSet } from '../../bitSet';

/** What a rule kind found, before it becomes a Finding (message, severity, suggestions, suppression). */
export interface Hit {
	/** The range the finding is anchored on. */
	offsets: Offsets;
	block?: Block;
	sentence?: Offsets;
	section?: Section;
	/** Values for the message's placeholders. */
	vars: { match?: string; heading?: string; missing?: string };
	related?: Array<{ offsets: Offsets; message: string }>;
	/** Whether the quoted/reported check applies (span findings only). */
	checkQuoted: boolean;
	/** The quoted/reported check's result, when already known (the incremental reviewer keeps it). */
	quoted?: boolean;
	/** Whether the hit's sentence criticises what it reports (reading/stance.ts), when already known. */
	critique?: boolean;
	/** A frame's condition clause (absolute offsets): what a fix must remove, and what an added sentence cannot cure. */
	condition?: Offsets;
	/** The act is withheld up to the condition ("not … until …"): replacing the condition alone would not fix it. */
	withheld?: boolean;
	/**
	 * The hit a section memo kept, this one was placed from (incremental/sectionMemos.ts): the section is
	 * unchanged since that hit was found, so the finding made of it can be kept with it too.
	 */
	keptAs?: object;
	/** The section whose memo kept `keptAs` (a hit in a block, a definition's, has no `section` of its own). */
	keptIn?: Section;
}

/**
 * What is known about a block's prose that does not depend on where the block is: its matches by matcher,
 * and its word count. The review pipeline keeps one per block across reviews, so an unchanged block is
 * never matched again.
 */
export interface BlockMemo {
	/**
	 * The matchers that match in the block: their ids and matches in turn ([id, matches, id, matches, …], a
	 * block has few, so a scan is the cheapest lookup and holds no slot for the others), the matches as
	 * offsets of the text the block was in when the memo was started, at `base`: while the block stays there
	 * (always, on a first review) they are the answer itself, and a moved block's are shifted by the distance.
	 */
	matches: Array<number | Offsets[]>;
	/**
	 * Matchers none of whose terms any word of the block starts like (NO_CANDIDATES), as bits by matcherId:
	 * most matchers for most blocks. Kept apart, so `matches` holds only the few that were run.
	 */
	noCandidates?: BitSet;
	/** Matchers that were run on the block and found nothing, as bits by matcherId. */
	noMatches?: BitSet;
	/** Where the block started when its first matches were kept. */
	base?: number;
	words?: number;
	/** The prose's word starts (prefilter.ts), once a matcher needed them. */
	keys?: WordStarts;
}

const NONE: Offsets[] = [];

/**
 * What is known about a section's content that does not depend on where the section is. The incremental
 * reviewer keeps one per unchanged section across reviews (incremental/sectionMemos.ts), so a change in
 * one section does not make the document-wide rules walk every other section again.
 */
export interface SectionFacts {
	/** Whether any block of the section (heading and subsections included) matches, by matcher id. */
	has: Map<number, boolean>;
	/** Words in the section (heading and subsections included). */
	words?: number;
}

/**
 * Shared, per-review state for rule kinds: the document and a cache of matches per block and matcher, so a
 * vocabulary used by ten rules is run once over each block.
 */
export class ReviewContext {
	/** Matches by block index and matcher id; only those with matches (most are found empty: see noMatches). */
	private readonly cache: Array<Map<number, Offsets[]> | undefined> = [];
	/**
	 * By block index, the matchers that were run there and found nothing, as bits by matcher id. Most runs
	 * find nothing, and a map entry for each made the cache of a 20 MB document hundreds of megabytes.
	 */
	private readonly noMatches: Array<BitSet | undefined> = [];
	private readonly wordCounts: number[] = [];
	private readonly keys: Array<WordStarts | undefined> = [];
	private readonly sectionBlockLists: Array<Block[] | undefined> = [];
	private readonly ownFacts: Array<SectionFacts | undefined> = [];
	private readonly sectionMatchLists: Array<Map<number, Offsets[]> | undefined> = [];

	/**
	 * `memo` gives a block's memo kept across reviews, if any; `sectionFacts` a section's, by section index;
	 * `readings` the sentences read in this review, and those of the last one to take from.
	 */
	constructor(
		readonly doc: ReviewDocument,
		private readonly memo?: (block: Block) => BlockMemo | undefined,
		private readonly sectionFacts?: readonly SectionFacts[],
		readonly readings: SentenceReadings = new SentenceReadings(),
	) {}

	/** Where what is known about a section is kept: its memo, or this review's own record. */
	private factsOf(section: Section): SectionFacts {
		const kept = this.sectionFacts?.[section.index];
		if (kept) return kept;
		let facts = this.ownFacts[section.index];
		if (!facts) {
			facts = { has: new Map() };
			this.ownFacts[section.index] = facts;
		}
		return facts;
	}

	/** Matches of `matcher` in a block's prose, as absolute offsets. Do not modify the array. */
	matches(matcher: Matcher, block: Block): Offsets[] {
		const id = matcherId(matcher);
		let byKey = this.cache[block.index];
		const known = byKey?.get(id);
		if (known) return known;
		if (hasBit(this.noMatches[block.index], id)) return NONE;
		let found: Offsets[];
		const memo = this.memo?.(block);
		if (memo) {
			const stored = kept(memo, matcher, block);
			// Most blocks match most matchers nowhere, and most stay where they were: answer those from the memo
			// without a per-review cache entry.
			if (stored.length === 0) return NONE;
			const by = block.start - memo.base!;
			if (by === 0) return stored;
			found = stored.map((o) => shiftOffsets(o, by));
		} else {
			found = findAll(matcher, block.prose, block.start, this.keysOf(block));
			// Nor keep an entry where no word starts like the matcher's terms: asking again is cheaper than the entry.
			if (found === NO_CANDIDATES) return NONE;
			if (found.length === 0) {
				this.noMatches[block.index] = withBit(this.noMatches[block.index], id);
				return NONE;
			}
		}
		if (!byKey) {
			byKey = new Map();
			this.cache[block.index] = byKey;
		}
		byKey.set(id, found);
		return found;
	}

	/**
	 * False when the block certainly holds no match (no word starts like the matcher's terms); true means it
	 * may. Costs no RegExp: rules that need several groups in one block ask this of all before matching any.
	 */
	mayMatch(matcher: Matcher, block: Block): boolean {
		const memo = this.memo?.(block);
		if (memo) {
			// Known matches answer exactly; otherwise the word starts, as without a memo (matching here would
			// run the RegExps this test exists to spare, on a block's first review).
			const known = knownMatches(memo, matcherId(matcher));
			if (known) return known.length > 0;
			memo.keys ??= wordStarts(block.prose);
			return mayMatchText(matcher, memo.keys);
		}
		// Matches found or not found there need not be asked about: a matcher that was run on the block either
		// cannot be filtered or has a word start that begins like it, and then the word starts say true too.
		return mayMatchText(matcher, this.keysOf(block));
	}

	/**
	 * The matchers of `table` that may match in the block, as bits by slot (PrefixTable.candidateSlots): where
	 * a matcher's bit is clear, mayMatch says false. Where it is set mayMatch may still say false (a memo that
	 * knows the block holds no match), never the other way round.
	 */
	candidateSlots(table: PrefixTable, block: Block): Uint32Array {
		const memo = this.memo?.(block);
		if (memo) return table.candidateSlots((memo.keys ??= wordStarts(block.prose)));
		return table.candidateSlots(this.keysOf(block));
	}

	/**
	 * Lets go of what this review worked out for the blocks [from, to) (their word starts and matches), to be
	 * worked out again if asked: a review that keeps nothing lets go of each stretch of a long document once its
	 * block-local rules have run (IncrementalReviewer.blockLocalHits). Answers stay the same.
	 */
	forgetBlocks(from: number, to: number): void {
		for (let b = from; b < to && b < this.keys.length; b++) this.keys[b] = undefined;
		for (let b = from; b < to && b < this.cache.length; b++) this.cache[b] = undefined;
	}

	/** The word starts of a block's prose, computed once per review. */
	private keysOf(block: Block): WordStarts {
		let keys = this.keys[block.index];
		if (!keys) {
			keys = wordStarts(block.prose);
			this.keys[block.index] = keys;
		}
		return keys;
	}

	/** Words in a block's prose (sections nest, so a block is counted for each section around it). */
	words(block: Block): number {
		const known = this.wordCounts[block.index];
		if (known !== undefined) return known;
		const memo = this.memo?.(block);
		const n = memo?.words ?? countWords(block.prose);
		if (memo) memo.words = n;
		this.wordCounts[block.index] = n;
		return n;
	}

	/** Matches inside [range.start, range.end) of a block. */
	matchesIn(matcher: Matcher, block: Block, range: Offsets): Offsets[] {
		return matchesWithin(this.matches(matcher, block), range);
	}

	/**
	 * Whether every one of the matchers matches in the block: the cheap test (mayMatch) of all of them before
	 * matching any. Plain loops: rules ask this of every block, and a closure per block and rule was a good
	 * part of a review's garbage.
	 */
	hasAll(matchers: readonly Matcher[], block: Block): boolean {
		for (const m of matchers) if (!this.mayMatch(m, block)) return false;
		for (const m of matchers) if (!this.has(m, block)) return false;
		return true;
	}

	has(matcher: Matcher, block: Block, range?: Offsets): boolean {
		// Whether a block matches at all does not depend on where it is: ask the memo, without placing offsets.
		const memo = range ? undefined : this.memo?.(block);
		if (memo) return kept(memo, matcher, block).length > 0;
		if (!range) return this.matches(matcher, block).length > 0;
		return anyWithin(this.matches(matcher, block), range);
	}

	/** The prose of an absolute range inside a block. */
	prose(block: Block, range: Offsets): string {
		return block.prose.slice(range.start - block.start, range.end - block.start);
	}

	/** The original text of a range, whitespace collapsed, for messages. */
	quote(range: Offsets): string {
		const text = this.doc.text.slice(range.start, range.end).replace(/\s+/g, ' ').trim();
		return text.length > 120 ? `${text.slice(0, 117)}…` : text;
	}

	sentenceOf(block: Block, offset: number): Offsets {
		for (const s of block.sentences) if (offset >= s.start && offset < s.end) return s;
		return { start: block.start, end: block.end };
	}

	/** True when the shared negation mechanism cancels `anchor` inside `sentence`. */
	negated(block: Block, sentence: Offsets, anchor: Offsets): boolean {
		// Most sentences hold no negation word at all: they are not read.
		if (!mayHoldNegation(this.prose(block, sentence))) return false;
		const reading = this.reading(block, sentence);
		return isGovernedByNegation(reading, { start: anchor.start - sentence.start, end: anchor.end - sentence.start });
	}

	/** Whether a rule's `negation` setting cancels the match at `anchor`: a governing negation, a denial of the words, or nothing. */
	cancelledByNegation(negation: boolean | 'denial' | undefined, block: Block, sentence: Offsets, anchor: Offsets): boolean {
		if (negation === false) return false;
		return negation === 'denial' ? this.denied(block, sentence, anchor) : this.negated(block, sentence, anchor);
	}

	/**
	 * True when the words at `anchor` are themselves denied: "they are migrant sex workers, NOT sex slaves",
	 * "sex workers RATHER THAN victims". A negation of a verb before them ("we will not tolerate sex slavery")
	 * is no denial of the words: the writer still uses them.
	 */
	denied(block: Block, sentence: Offsets, anchor: Offsets): boolean {
		const before = this.prose(block, { start: sentence.start, end: anchor.start });
		return DENIAL_BEFORE.test(before);
	}

	/**
	 * Whether the sentence provides what a provision rule matched at `span` (reading/frames.ts providesAt): a
	 * heading, a name, a past report or a modifier of who acts ("outreach workers will accompany police") is
	 * not a provision the report may credit.
	 */
	provides(block: Block, sentence: Offsets, span: Offsets): boolean {
		if (block.kind === 'heading') return false;
		return providesAt(this.reading(block, sentence), { start: span.start - sentence.start, end: span.end - sentence.start });
	}

	/**
	 * Whether the words at `span` are a word of a proper name (reading/frames.ts inName): "the Allow States and
	 * Victims to Fight Online Sex Trafficking Act of 2017" names a law, it sets no scope of the sentence's own.
	 * Only sentences with a capitalised word after their first are read.
	 */
	inName(block: Block, sentence: Offsets, span: Offsets): boolean {
		if (!/\s\p{Lu}/u.test(this.prose(block, sentence))) return false;
		return inName(this.reading(block, sentence), { start: span.start - sentence.start, end: span.end - sentence.start });
	}

	/** The structural reading of a sentence (reading/), made once per review and sentence, when a rule first asks. */
	reading(block: Block, sentence: Offsets): Reading {
		return this.readings.of(this.prose(block, sentence));
	}

	/**
	 * Whether any block of a section (heading included) matches: `sectionBlocks(section).some(b => has(matcher, b))`,
	 * computed once per section and matcher from the section's own blocks and its subsections, since rules
	 * ask it of every nested section.
	 */
	sectionHas(matcher: Matcher, section: Section): boolean {
		const facts = this.factsOf(section);
		const id = matcherId(matcher);
		let found = facts.has.get(id);
		if (found === undefined) {
			const blocks = this.doc.blocks;
			found = section.headingBlock !== undefined && this.has(matcher, blocks[section.headingBlock]!);
			const [from, to] = ownBlockRange(this.doc, section);
			for (let i = from; !found && i < to; i++) found = this.has(matcher, blocks[i]!);
			if (!found) found = section.children.some((c) => this.sectionHas(matcher, this.doc.sections[c]!));
			facts.has.set(id, found);
		}
		return found;
	}

	/**
	 * Matches in a section's blocks (heading included), in document order: `sectionBlocks(section).flatMap(b =>
	 * matches(matcher, b))`, built once per section from its own blocks and its subsections (a section's own
	 * blocks come before its first subsection). Do not modify the array.
	 */
	sectionMatches(matcher: Matcher, section: Section): Offsets[] {
		let byKey = this.sectionMatchLists[section.index];
		if (!byKey) {
			byKey = new Map();
			this.sectionMatchLists[section.index] = byKey;
		}
		const id = matcherId(matcher);
		let found = byKey.get(id);
		if (!found) {
			const blocks = this.doc.blocks;
			found = section.headingBlock !== undefined ? [...this.matches(matcher, blocks[section.headingBlock]!)] : [];
			const [from, to] = ownBlockRange(this.doc, section);
			for (let i = from; i < to; i++) if (this.has(matcher, blocks[i]!)) found.push(...this.matches(matcher, blocks[i]!));
			for (const c of section.children) if (this.sectionHas(matcher, this.doc.sections[c]!)) found.push(...this.sectionMatches(matcher, this.doc.sections[c]!));
			byKey.set(id, found);
		}
		return found;
	}

	/** Words in a section's blocks (heading included), summed once per section. */
	sectionWords(section: Section): number {
		const facts = this.factsOf(section);
		if (facts.words === undefined) {
			const blocks = this.doc.blocks;
			let n = section.headingBlock !== undefined ? this.words(blocks[section.headingBlock]!) : 0;
			const [from, to] = ownBlockRange(this.doc, section);
			for (let i = from; i < to; i++) n += this.words(blocks[i]!);
			for (const c of section.children) n += this.sectionWords(this.doc.sections[c]!);
			facts.words = n;
		}
		return facts.words;
	}

	/** Blocks of a section (heading included) in document order. Do not modify the array. */
	sectionBlocks(section: Section): Block[] {
		const known = this.sectionBlockLists[section.index];
		if (known) return known;
		const blocks = section.blocks.map((i) => this.doc.blocks[i]!);
		if (section.headingBlock !== undefined && !section.blocks.includes(section.headingBlock)) blocks.unshift(this.doc.blocks[section.headingBlock]!);
		this.sectionBlockLists[section.index] = blocks;
		return blocks;
	}
}

/**
 * The readings of a review's sentences, by text: a sentence repeated through a document (boilerplate, a list's
 * refrain) is read once, and so is one that the last review of the same document read (the readings of an
 * unchanged sentence are the same), when the review pipeline passes that review's readings on. Only the
 * sentences a review asks about are kept for the next, so what is kept follows the document.
 */
export class SentenceReadings {
	readonly current = new Map<string, Reading>();

	constructor(private readonly earlier?: ReadonlyMap<string, Reading>) {}

	of(text: string): Reading {
		let reading = this.current.get(text);
		if (!reading) {
			reading = this.earlier?.get(text) ?? new Reading(text);
			this.current.set(text, reading);
		}
		return reading;
	}
}

/** What a block's memo knows of a matcher's matches: the matches, NO_CANDIDATES, or undefined (not asked yet). */
function knownMatches(memo: BlockMemo, id: number): Offsets[] | undefined {
	const matches = memo.matches;
	for (let i = 0; i < matches.length; i += 2) if (matches[i] === id) return matches[i + 1] as Offsets[];
	if (hasBit(memo.noMatches, id)) return NONE;
	if (hasBit(memo.noCandidates, id)) return NO_CANDIDATES as Offsets[];
	return undefined;
}


/** A block's matches as its memo keeps them (offsets as of `memo.base`), matching the block once if not known yet. */
function kept(memo: BlockMemo, matcher: Matcher, block: Block): Offsets[] {
	const id = matcherId(matcher);
	let stored = knownMatches(memo, id);
	if (stored) return stored;
	memo.base ??= block.start;
	memo.keys ??= wordStarts(block.prose);
	stored = findAll(matcher, block.prose, memo.base, memo.keys);
	if (stored === NO_CANDIDATES) {
		memo.noCandidates = withBit(memo.noCandidates, id);
		return stored;
	}
	if (stored.length === 0) memo.noMatches = withBit(memo.noMatches, id);
	// A new array of exactly the length needed: memos are kept for every block of an open document.
	else memo.matches = [...memo.matches, id, stored];
	return stored;
}

/**
 * The blocks whose innermost section is `section`, heading left out, as an index range: from after its
 * heading to the next section's heading. Sections are numbered in document order and a section's own
 * blocks come before its first subsection, so these are exactly the blocks with `block.section === index`.
 */
export function ownBlockRange(doc: ReviewDocument, section: Section): [number, number] {
	const from = section.headingBlock === undefined ? 0 : section.headingBlock + 1;
	const next = doc.sections[section.index + 1];
	return [from, next?.headingBlock ?? doc.blocks.length];
}

/** A readable name for a group of alternatives, for "{missing}": its first entries without markup. */
export function describeGroup(list: readonly string[]): string {
	return list
		.slice(0, 3)
		.map((t) => t.replace(/^[@=]/, '').replace(/^\/(.*)\/$/, '$1').replace(/\*$/, '').replace(/-/g, ' '))
		.join(' or ');
}

/**
 * The matches of a block (ReviewContext.matches) inside [range.start, range.end): ReviewContext.matchesIn, for a
 * rule that asks sentence by sentence about matches it has taken from the block once.
 */
export function matchesWithin(all: readonly Offsets[], range: Offsets): Offsets[] {
	// Matches are in order and never overlap (so their ends are in order too): those inside the range are a
	// run found by bisection. Asking sentence by sentence then costs the matches in each sentence, not every
	// match in the block (quadratic in a one-line 5 MB file), and allocates nothing where there are none.
	const first = firstAtOrAfter(all, range.start);
	let end = first;
	while (end < all.length && all[end]!.end <= range.end) end++;
	return end === first ? NONE : all.slice(first, end);
}

/** Whether any of a block's matches lies inside [range.start, range.end) (matchesWithin not empty), allocating nothing. */
export function anyWithin(all: readonly Offsets[], range: Offsets): boolean {
	const first = firstAtOrAfter(all, range.start);
	return first < all.length && all[first]!.end <= range.end;
}

/** The index of the first of `sorted` (by start) that starts at or after `offset`. */
function firstAtOrAfter(sorted: readonly Offsets[], offset: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (sorted[mid]!.start < offset) low = mid + 1;
		else high = mid;
	}
	return low;
}

/** A denial right before some words: "not", "never", "rather than", "instead of", "as opposed to", "no longer" (and an article). */
const DENIAL_BEFORE = /(?:\bnot|\bnever|\brather\s+than|\binstead\s+of|\bas\s+opposed\s+to|\bno\s+longer)\s+(?:(?:a|an|the|any|just|merely|simply|mere)\s+)*$/iu;
