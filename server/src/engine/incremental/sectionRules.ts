import type { Block, ReviewDocument, Section } from '../document';
import { ReviewContext, type BlockMemo, type Hit } from '../rules/kinds/context';
import { matcherId, type Matcher } from '../matching/matcher';
import { isDocumentTitle, missingHit, missingScopes } from '../rules/kinds/missing';
import { definitionHit } from '../rules/kinds/definition';
import type { Rule } from '../rules/types';
import { placedHit, relativeHit, type RelativeHit } from './relativeHits';

/**
 * What is known about one section's content between reviews. A section whose heading, blocks and
 * subsections are all unchanged keeps its memo, so its rules are not run again.
 */
export interface SectionMemo {
	/** Hits of section-scope missing rules, by rule index, with whether the section was the document's title then. */
	missing: Array<{ hit?: RelativeHit; title: boolean } | undefined>;
	/** Hits of definition rules in the section's own blocks (subsections excluded), by rule index. */
	definitions: Array<RelativeHit[] | undefined>;
	/** Whether any block of the section matches, by matcher id (ReviewContext.sectionHas). */
	has: Map<number, boolean>;
	/** Words in the section (ReviewContext.sectionWords). */
	words?: number;
}

export function newSectionMemo(): SectionMemo {
	return { missing: [], definitions: [], has: new Map() };
}

/**
 * A review context that answers section questions from the section memos, so a change in one section does
 * not make the document-wide rules walk every other section again.
 */
export class SectionMemoContext extends ReviewContext {
	constructor(
		doc: ReviewDocument,
		memo: (block: Block) => BlockMemo | undefined,
		private readonly sectionMemos: readonly SectionMemo[],
	) {
		super(doc, memo);
	}

	// Both as ReviewContext computes them (heading, own blocks, subsections), with a section's own blocks
	// taken as the index range they are, rather than lists of every section's blocks made on each review.
	override sectionHas(matcher: Matcher, section: Section): boolean {
		const memo = this.sectionMemos[section.index]!;
		const id = matcherId(matcher);
		let known = memo.has.get(id);
		if (known === undefined) {
			const blocks = this.doc.blocks;
			known = section.headingBlock !== undefined && this.has(matcher, blocks[section.headingBlock]!);
			const [from, to] = ownBlocks(this.doc, section);
			for (let i = from; !known && i < to; i++) known = this.has(matcher, blocks[i]!);
			if (!known) known = section.children.some((c) => this.sectionHas(matcher, this.doc.sections[c]!));
			memo.has.set(id, known);
		}
		return known;
	}

	override sectionWords(section: Section): number {
		const memo = this.sectionMemos[section.index]!;
		if (memo.words === undefined) {
			const blocks = this.doc.blocks;
			let n = section.headingBlock !== undefined ? this.words(blocks[section.headingBlock]!) : 0;
			const [from, to] = ownBlocks(this.doc, section);
			for (let i = from; i < to; i++) n += this.words(blocks[i]!);
			for (const c of section.children) n += this.sectionWords(this.doc.sections[c]!);
			memo.words = n;
		}
		return memo.words;
	}
}

/**
 * Hits of the rules that look beyond a block (kinds missing and definition), by rule index, in the order
 * the kinds give them. `memos[s]` is section s's memo: kept from the last review when the section is
 * unchanged, new (empty) otherwise; what is computed is stored in it.
 *
 * Why this equals running the kinds: a missing rule judges a section from the section's own content and,
 * at section scope, whether it is the document's title; a definition runs from a block over the following
 * blocks of the same innermost section and reads that section's title. Blocks in document order are the
 * sections' own blocks, section by section (a section's own blocks come before its first subsection).
 */
export function sectionRuleHits(rules: readonly Rule[], ruleIndexes: readonly number[], ctx: ReviewContext, memos: readonly SectionMemo[]): Map<number, Hit[]> {
	const doc = ctx.doc;
	const out = new Map<number, Hit[]>();
	for (const r of ruleIndexes) {
		const rule = rules[r]!;
		const hits: Hit[] = [];
		if (rule.spec.kind === 'missing') {
			for (const section of missingScopes(rule, ctx)) {
				// The whole document changes with every edit: judged again each time, as is a section's title status.
				if (section.index === 0) {
					const hit = missingHit(rule, ctx, section);
					if (hit) hits.push(hit);
					continue;
				}
				const memo = memos[section.index]!;
				const title = isDocumentTitle(ctx, section);
				let known = memo.missing[r];
				if (!known || known.title !== title) {
					const hit = missingHit(rule, ctx, section);
					known = { hit: hit && keep(hit, section), title };
					memo.missing[r] = known;
				}
				if (known.hit) hits.push(place(known.hit, section, doc));
			}
		} else if (rule.spec.kind === 'definition' && rule.compiled.term) {
			for (const section of doc.sections) {
				const memo = memos[section.index]!;
				let known = memo.definitions[r];
				if (!known) {
					known = [];
					const [from, to] = ownBlocks(doc, section);
					for (let i = from; i < to; i++) {
						const hit = definitionHit(rule, ctx, doc.blocks[i]!);
						if (hit) known.push(keep(hit, section));
					}
					memo.definitions[r] = known;
				}
				for (const h of known) hits.push(place(h, section, doc));
			}
		}
		out.set(r, hits);
	}
	return out;
}

/** The blocks whose innermost section is `section`, as an index range: from after its heading to the next heading. */
function ownBlocks(doc: ReviewDocument, section: Section): [number, number] {
	const from = section.headingBlock === undefined ? 0 : section.headingBlock + 1;
	const next = doc.sections[section.index + 1];
	return [from, next?.headingBlock ?? doc.blocks.length];
}

function anchorBlock(section: Section): number {
	return section.headingBlock ?? 0;
}

/** A section-level hit relative to its section: offsets from its start, its block from its heading block. */
function keep(hit: Hit, section: Section): RelativeHit {
	return relativeHit(hit, section.start, anchorBlock(section));
}

/** A kept hit placed in its section as it now is; a hit without a block is anchored on the section. */
function place(h: RelativeHit, section: Section, doc: ReviewDocument): Hit {
	const hit = placedHit(h, section.start, doc.blocks, anchorBlock(section));
	if (h.block === undefined) hit.section = section;
	return hit;
}
