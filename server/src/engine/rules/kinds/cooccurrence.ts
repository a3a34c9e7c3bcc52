import type { Offsets } from '../../finding';
import { splitClauses } from '../../document/sentences';
import { anyWithin, matchesWithin, type Hit } from './context';
import { defineKind } from './kind';
import { TERM_LIST } from './schema';

/**
 * Kind 2: several term groups in one sentence (or clause), e.g. services + a condition + cooperation with
 * law enforcement. The anchor group (by default the last) is the one a negation must govern to cancel it:
 * "services shall not be conditioned on cooperation" negates the condition, not the services.
 */
export const coOccurrenceKind = defineKind({
	name: 'co-occurrence',
	description: 'Several term groups in one sentence or clause.',
	schema: {
		properties: {
			all: { type: 'array', minItems: 2, items: TERM_LIST },
			within: { enum: ['sentence', 'clause'] },
			anchor: { type: 'integer', minimum: 0 },
			notInName: {
				type: 'array',
				items: { type: 'integer', minimum: 0 },
				description:
					"Groups of `all` (0-based) whose words inside a proper name do not count: a scope rule that cites another law by its title (\"in connection with the enactment of the … Online Sex Trafficking Act of 2017\") sets no scope of its own in sex trafficking.",
			},
			unlessInParagraph: {
				...TERM_LIST,
				description:
					"Cancels a match when any of these occur anywhere in the match's paragraph, not only in its sentence: for a harm that is a property of what the paragraph provides as a whole (money is enforcement-only only if no sentence of its paragraph gives services a share: \"… grants for investigations. A quarter of the funds shall go to victim service providers.\").",
			},
		},
		required: ['all'],
	},
	compile(spec, terms) {
		if (spec.anchor !== undefined && spec.anchor >= (spec.all?.length ?? 0)) {
			terms.problem(['anchor'], `"anchor" must name one of the ${spec.all?.length ?? 0} groups of "all" (0-based)`);
		}
		for (const i of spec.notInName ?? []) if (i >= (spec.all?.length ?? 0)) terms.problem(['notInName'], `"notInName" must name groups of "all" (0-based, fewer than ${spec.all?.length ?? 0})`);
		return { all: terms.groups(spec.all, ['all']), inParagraph: terms.list(spec.unlessInParagraph, ['unlessInParagraph']) };
	},
	locality: 'block',
	blockNeeds: (rule) => rule.compiled.all ?? [],
	run(rule, ctx) {
		const hits: Hit[] = [];
		const groups = rule.compiled.all;
		if (!groups || groups.length === 0) return hits;
		const anchorIndex = rule.spec.anchor ?? groups.length - 1;
		const unless = rule.compiled.unless;
		const inParagraph = rule.compiled.inParagraph;
		for (const block of ctx.doc.blocks) {
			// Every group must match: rule the block out on the cheap test first, before any group's RegExp runs.
			if (!ctx.hasAll(groups, block)) continue;
			if (inParagraph && ctx.has(inParagraph, block)) continue;
			// Each group's matches in the block, taken once: sentences and clauses ask for their part of them.
			const inBlock = groups.map((g) => ctx.matches(g, block));
			for (const sentence of block.sentences) {
				// A clause lies in its sentence: one that lacks a group has no clause with all of them.
				if (!inBlock.every((all) => anyWithin(all, sentence))) continue;
				const windows = rule.spec.within === 'clause' ? splitClauses(ctx.prose(block, sentence), sentence.start) : [sentence];
				for (const window of windows) {
					if (!inBlock.every((all) => anyWithin(all, window))) continue;
					const found = inBlock.map((all, i) => {
						const within = matchesWithin(all, window);
						return rule.spec.notInName?.includes(i) ? within.filter((m) => !ctx.inName(block, sentence, m)) : within;
					});
					if (found.some((f) => f.length === 0)) continue;
					if (unless && ctx.has(unless, block, sentence)) continue;
					const anchors = found[anchorIndex]!.filter((a) => !ctx.cancelledByNegation(rule.spec.negation, block, sentence, a) && (!rule.spec.provision || ctx.provides(block, sentence, a)));
					if (anchors.length === 0) continue;
					const anchor = anchors[0]!;
					const chosen = found.map((f, i) => (i === anchorIndex ? anchor : nearest(f, anchor)));
					const offsets = { start: Math.min(...chosen.map((c) => c.start)), end: Math.max(...chosen.map((c) => c.end)) };
					hits.push({ offsets, block, sentence, vars: { match: ctx.quote(offsets) }, checkQuoted: true });
					break;
				}
			}
		}
		return hits;
	},
});

function nearest(matches: Offsets[], anchor: Offsets): Offsets {
	let best = matches[0]!;
	for (const m of matches) if (Math.abs(m.start - anchor.start) < Math.abs(best.start - anchor.start)) best = m;
	return best;
}
