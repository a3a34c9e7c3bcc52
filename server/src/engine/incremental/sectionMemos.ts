import type { ReviewDocument, Section } from '../document';
import type { Hit, SectionFacts } from '../rules/kinds/context';
import { placedHit, relativeHit, type RelativeHit } from './relativeHits';

/**
 * What is known about one section's content between reviews. A section whose heading, blocks and
 * subsections are all unchanged keeps its memo (IncrementalReviewer.sectionMemos), so the rules that look
 * beyond a block are not run again over it.
 */
export interface SectionMemo extends SectionFacts {
	/** What each rule's kind kept for the section (its own shape), by rule index. */
	rules: unknown[];
}

export function newSectionMemo(): SectionMemo {
	return { rules: [], has: new Map() };
}

/**
 * One rule's view of the section memos, handed to its kind's `sectionHits`: a value kept per section, new
 * (undefined) in a section that changed since the last review.
 */
export interface SectionMemoStore {
	get<T>(section: Section): T | undefined;
	set<T>(section: Section, value: T): void;
}

/** The store of rule `rule` over the memos of this review (memos[s] is section s's). */
export function sectionMemoStore(memos: readonly SectionMemo[], rule: number): SectionMemoStore {
	return {
		get: <T>(section: Section) => memos[section.index]!.rules[rule] as T | undefined,
		set: <T>(section: Section, value: T) => {
			memos[section.index]!.rules[rule] = value;
		},
	};
}

function anchorBlock(section: Section): number {
	return section.headingBlock ?? 0;
}

/** A section-level hit relative to its section (to keep in a memo): offsets from its start, its block from its heading block. */
export function keepInSection(hit: Hit, section: Section): RelativeHit {
	return relativeHit(hit, section.start, anchorBlock(section));
}

/** A kept hit placed in its section as it now is; a hit without a block is anchored on the section. */
export function placeInSection(h: RelativeHit, section: Section, doc: ReviewDocument): Hit {
	const hit = placedHit(h, section.start, doc.blocks, anchorBlock(section));
	if (h.block === undefined) hit.section = section;
	hit.keptAs = h;
	hit.keptIn = section;
	return hit;
}
