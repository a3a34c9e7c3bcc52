import { shiftOffsets, type Offsets } from '../finding';
import type { Block } from '../document';
import type { Hit } from '../rules/kinds/context';
import { hitIsCritique, hitIsQuoted } from '../review/findings';
import { sentenceStance, type SentenceStance } from '../reading/stance';

/**
 * A hit kept between reviews relative to what holds it (a chunk, a section): offsets from its start, its
 * block as an index from an anchor block. The quoted/reported check is settled when it is kept, as it reads
 * only the hit's own block and sentence.
 */
export interface RelativeHit {
	offsets: Offsets;
	sentence?: Offsets;
	block?: number;
	vars: Hit['vars'];
	related?: Array<{ offsets: Offsets; message: string }>;
	checkQuoted: boolean;
	quoted: boolean;
	critique: boolean;
	condition?: Offsets;
	withheld?: boolean;
}

/**
 * `hit` relative to a holder that starts at offset `base` and whose blocks are counted from `anchorBlock`.
 * `stanceOf` judges a sentence's stance: the review's memo (FindingContext.applied), as many hits share a sentence.
 */
export function relativeHit(hit: Hit, base: number, anchorBlock: number, stanceOf: (sentence: string) => SentenceStance | undefined = sentenceStance): RelativeHit {
	return {
		offsets: shiftOffsets(hit.offsets, -base),
		sentence: hit.sentence && shiftOffsets(hit.sentence, -base),
		block: hit.block && hit.block.index - anchorBlock,
		vars: hit.vars,
		related: hit.related?.map((r) => ({ offsets: shiftOffsets(r.offsets, -base), message: r.message })),
		checkQuoted: hit.checkQuoted,
		quoted: hitIsQuoted(hit, stanceOf),
		critique: hitIsCritique(hit, stanceOf),
		condition: hit.condition && shiftOffsets(hit.condition, -base),
		...(hit.withheld ? { withheld: true } : {}),
	};
}

/** A kept hit placed at a holder that now starts at `base`; `blocks[anchorBlock + h.block]` is its block. */
export function placedHit(h: RelativeHit, base: number, blocks: readonly Block[], anchorBlock: number): Hit {
	const hit: Hit = { offsets: shiftOffsets(h.offsets, base), vars: h.vars, checkQuoted: h.checkQuoted, quoted: h.quoted, critique: h.critique };
	if (h.block !== undefined) hit.block = blocks[anchorBlock + h.block]!;
	if (h.sentence) hit.sentence = shiftOffsets(h.sentence, base);
	if (h.condition) hit.condition = shiftOffsets(h.condition, base);
	if (h.withheld) hit.withheld = true;
	if (h.related) hit.related = h.related.map((r) => ({ offsets: shiftOffsets(r.offsets, base), message: r.message }));
	return hit;
}
