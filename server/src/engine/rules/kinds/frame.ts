import type { Offsets } from '../../finding';
import { fillFrame, type FrameSpans, type Span } from '../../reading';
import type { FrameRole } from '../types';
import type { Hit, RuleKindRunner } from './context';

const ROLES: readonly FrameRole[] = ['act', 'person', 'agent', 'to', 'means', 'condition', 'absent'];
/** Roles that must be filled; `absent` is a safeguard that cancels, not a role to fill. */
const REQUIRED: readonly FrameRole[] = ['act', 'person', 'agent', 'to', 'means', 'condition'];
const DEFAULT_MODALITIES = ['requirement', 'permission', 'statement'] as const;

/**
 * Kind 5: a frame (see reading/frames.ts). The roles' vocabularies find candidate words cheaply, block by block
 * and sentence by sentence, as co-occurrence does; only a sentence where every required role has a candidate
 * is read (tagged, split into clauses, its negations scoped), so the reading costs nothing on most text.
 */
export const runFrame: RuleKindRunner = (rule, ctx) => {
	const hits: Hit[] = [];
	const roles = rule.compiled.frame;
	if (!roles?.act) return hits;
	const required = REQUIRED.flatMap((r) => (roles[r] ? [roles[r]!] : []));
	const { unless } = rule.compiled;
	const options = { modalities: rule.spec.frame?.modality ?? DEFAULT_MODALITIES, negation: rule.spec.negation !== false };
	for (const block of ctx.doc.blocks) {
		if (!required.every((m) => ctx.mayMatch(m, block)) || !required.every((m) => ctx.has(m, block))) continue;
		for (const sentence of block.sentences) {
			const spans: Partial<Record<FrameRole, Span[]>> = {};
			let missing = false;
			for (const role of ROLES) {
				const matcher = roles[role];
				if (!matcher) continue;
				const found = ctx.matchesIn(matcher, block, sentence);
				if (found.length === 0 && role !== 'absent') {
					missing = true;
					break;
				}
				spans[role] = found.map((o) => ({ start: o.start - sentence.start, end: o.end - sentence.start }));
			}
			if (missing) continue;
			if (unless && ctx.has(unless, block, sentence)) continue;
			const match = fillFrame(ctx.reading(block, sentence), spans as FrameSpans, options);
			if (!match) continue;
			const offsets: Offsets = {
				start: sentence.start + Math.min(...match.spans.map((s) => s.start)),
				end: sentence.start + Math.max(...match.spans.map((s) => s.end)),
			};
			const hit: Hit = { offsets, block, sentence, vars: { match: ctx.quote(offsets) }, checkQuoted: true };
			if (match.condition) hit.condition = { start: sentence.start + match.condition.start, end: sentence.start + match.condition.end };
			hits.push(hit);
		}
	}
	return hits;
};
