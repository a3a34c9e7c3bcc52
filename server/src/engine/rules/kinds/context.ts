import { shiftOffsets, type Offsets } from '../../finding';
import type { Block, ReviewDocument, Section } from '../../document';
import { findAll, matcherId, mayMatchText, NO_CANDIDATES, type Matcher } from '../../matching/matcher';
import { wordStarts, type WordStarts } from '../../matching/prefilter';
import { isGovernedByNegation, mayHoldNegation, providesAt, Reading } from '../../reading';
import type { Rule } from '../types';

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
}

/**
 * What is known about a block's prose that does not depend on where the block is: matches relative to the
 * block's start, by matcher key, and its word count. The incremental reviewer keeps one per block across
 * reviews, so an unchanged block is never matched again.
 */
export interface BlockMemo {
	/** By matcherId (an array: this is the hottest lookup of a re-review). */
	matches: Array<Offsets[] | undefined>;
	words?: number;
	/** The prose's word starts (prefilter.ts), once a matcher needed them. */
	keys?: WordStarts;
}

const NONE: Offsets[] = [];
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * Shared, per-review state for rule kinds: the document and a cache of matches per block and matcher, so a
 * vocabulary used by ten rules is run once over each block.
 */
export class ReviewContext {
	private readonly cache: Array<Map<number, Offsets[]> | undefined> = [];
	private readonly wordCounts: number[] = [];
	private readonly keys: Array<WordStarts | undefined> = [];
	private readonly sectionBlockLists: Array<Block[] | undefined> = [];
	private readonly sectionHits: Array<Map<number, boolean> | undefined> = [];
	private readonly sectionWordCounts: number[] = [];
	private readonly sectionMatchLists: Array<Map<number, Offsets[]> | undefined> = [];
	private ownBlockLists?: Block[][];
	private readonly readings = new Map<string, Reading>();

	/** `memo` gives a block's memo kept across reviews, if any. */
	constructor(
		readonly doc: ReviewDocument,
		private readonly memo?: (block: Block) => BlockMemo | undefined,
	) {}

	/** Matches of `matcher` in a block's prose, as absolute offsets. Do not modify the array. */
	matches(matcher: Matcher, block: Block): Offsets[] {
		const id = matcherId(matcher);
		let byKey = this.cache[block.index];
		const known = byKey?.get(id);
		if (known) return known;
		let found: Offsets[];
		const memo = this.memo?.(block);
		if (memo) {
			const relative = kept(memo, matcher, block);
			// Most blocks match most matchers nowhere: answer those from the memo without a per-review cache entry.
			if (relative.length === 0) return NONE;
			found = relative.map((o) => shiftOffsets(o, block.start));
		} else {
			found = findAll(matcher, block.prose, block.start, this.keysOf(block));
			// Nor keep an entry where no word starts like the matcher's terms: asking again is cheaper than the entry.
			if (found === NO_CANDIDATES) return NONE;
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
		if (memo) return kept(memo, matcher, block).length > 0;
		return this.cache[block.index]?.has(matcherId(matcher)) === true || mayMatchText(matcher, this.keysOf(block));
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
		const n = memo?.words ?? block.prose.match(WORD)?.length ?? 0;
		if (memo) memo.words = n;
		this.wordCounts[block.index] = n;
		return n;
	}

	/** Matches inside [range.start, range.end) of a block. */
	matchesIn(matcher: Matcher, block: Block, range: Offsets): Offsets[] {
		// Matches are in order and never overlap (so their ends are in order too): those inside the range are a
		// run found by bisection. Asking sentence by sentence then costs the matches in each sentence, not every
		// match in the block (quadratic in a one-line 5 MB file), and allocates nothing where there are none.
		const all = this.matches(matcher, block);
		const first = firstAtOrAfter(all, range.start);
		let end = first;
		while (end < all.length && all[end]!.end <= range.end) end++;
		return end === first ? NONE : all.slice(first, end);
	}

	has(matcher: Matcher, block: Block, range?: Offsets): boolean {
		// Whether a block matches at all does not depend on where it is: ask the memo, without placing offsets.
		const memo = range ? undefined : this.memo?.(block);
		if (memo) return kept(memo, matcher, block).length > 0;
		if (!range) return this.matches(matcher, block).length > 0;
		const all = this.matches(matcher, block);
		const first = firstAtOrAfter(all, range.start);
		return first < all.length && all[first]!.end <= range.end;
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

	/**
	 * Whether the sentence provides what a provision rule matched at `span` (reading/frames.ts providesAt): a
	 * heading, a name, a past report or a modifier of who acts ("outreach workers will accompany police") is
	 * not a provision the report may credit.
	 */
	provides(block: Block, sentence: Offsets, span: Offsets): boolean {
		if (block.kind === 'heading') return false;
		return providesAt(this.reading(block, sentence), { start: span.start - sentence.start, end: span.end - sentence.start });
	}

	/** The structural reading of a sentence (reading/), made once per review and sentence, when a rule first asks. */
	reading(block: Block, sentence: Offsets): Reading {
		// By text: a sentence repeated through a document (boilerplate, a list's refrain) is read once.
		const text = this.prose(block, sentence);
		let reading = this.readings.get(text);
		if (!reading) {
			reading = new Reading(text);
			this.readings.set(text, reading);
		}
		return reading;
	}

	/**
	 * Whether any block of a section (heading included) matches: `sectionBlocks(section).some(b => has(matcher, b))`,
	 * computed once per section and matcher from the section's own blocks and its subsections, since rules
	 * ask it of every nested section.
	 */
	sectionHas(matcher: Matcher, section: Section): boolean {
		let byKey = this.sectionHits[section.index];
		if (!byKey) {
			byKey = new Map();
			this.sectionHits[section.index] = byKey;
		}
		const id = matcherId(matcher);
		let found = byKey.get(id);
		if (found === undefined) {
			const own = this.ownBlocks()[section.index] ?? [];
			found =
				(section.headingBlock !== undefined && this.has(matcher, this.doc.blocks[section.headingBlock]!)) ||
				own.some((b) => this.has(matcher, b)) ||
				section.children.some((c) => this.sectionHas(matcher, this.doc.sections[c]!));
			byKey.set(id, found);
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
			found = section.headingBlock !== undefined ? [...this.matches(matcher, this.doc.blocks[section.headingBlock]!)] : [];
			for (const b of this.ownBlocks()[section.index] ?? []) if (this.has(matcher, b)) found.push(...this.matches(matcher, b));
			for (const c of section.children) if (this.sectionHas(matcher, this.doc.sections[c]!)) found.push(...this.sectionMatches(matcher, this.doc.sections[c]!));
			byKey.set(id, found);
		}
		return found;
	}

	/** Words in a section's blocks (heading included), summed once per section. */
	sectionWords(section: Section): number {
		let n = this.sectionWordCounts[section.index];
		if (n === undefined) {
			n = section.headingBlock !== undefined ? this.words(this.doc.blocks[section.headingBlock]!) : 0;
			for (const b of this.ownBlocks()[section.index] ?? []) n += this.words(b);
			for (const c of section.children) n += this.sectionWords(this.doc.sections[c]!);
			this.sectionWordCounts[section.index] = n;
		}
		return n;
	}

	/** Blocks by the innermost section that holds them, headings left out (each belongs to its own section's heading). */
	private ownBlocks(): Block[][] {
		if (!this.ownBlockLists) {
			const lists: Block[][] = this.doc.sections.map(() => []);
			for (const b of this.doc.blocks) if (!(b.kind === 'heading' && this.doc.sections[b.section]!.headingBlock === b.index)) lists[b.section]!.push(b);
			this.ownBlockLists = lists;
		}
		return this.ownBlockLists;
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

/** A block's matches relative to its start, from its memo, matching the block once if not known yet. */
function kept(memo: BlockMemo, matcher: Matcher, block: Block): Offsets[] {
	const id = matcherId(matcher);
	let relative = memo.matches[id];
	if (!relative) {
		memo.keys ??= wordStarts(block.prose);
		relative = findAll(matcher, block.prose, 0, memo.keys);
		// Grow densely, so the array never turns into a slow sparse one.
		while (memo.matches.length < id) memo.matches.push(undefined);
		memo.matches[id] = relative;
	}
	return relative;
}

export type RuleKindRunner = (rule: Rule, ctx: ReviewContext) => Hit[];

/** A readable name for a group of alternatives, for "{missing}": its first entries without markup. */
export function describeGroup(list: readonly string[]): string {
	return list
		.slice(0, 3)
		.map((t) => t.replace(/^[@=]/, '').replace(/^\/(.*)\/$/, '$1').replace(/\*$/, '').replace(/-/g, ' '))
		.join(' or ');
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
