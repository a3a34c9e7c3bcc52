import type { Hit } from './context';
import { defineKind } from './kind';
import { TERM_LIST } from './schema';

/**
 * Kind 1: a phrase or pattern in a sentence, unless a guard term or a negation cancels it. One finding per
 * rule and sentence: "returns a victim …, such return shall …" is one problem, not two.
 */
export const phraseKind = defineKind({
	name: 'phrase',
	description: 'A phrase or pattern in a sentence.',
	schema: { properties: { match: TERM_LIST }, required: ['match'] },
	compile: (spec, terms) => ({ match: terms.list(spec.match, ['match']) }),
	locality: 'block',
	blockNeeds: (rule) => [rule.compiled.match],
	run(rule, ctx) {
		const hits: Hit[] = [];
		const { match, unless } = rule.compiled;
		if (!match) return hits;
		for (const block of ctx.doc.blocks) {
			let lastSentence = -1;
			for (const m of ctx.matches(match, block)) {
				const sentence = ctx.sentenceOf(block, m.start);
				if (sentence.start === lastSentence) continue;
				if (unless && ctx.has(unless, block, sentence)) continue;
				if (ctx.cancelledByNegation(rule.spec.negation, block, sentence, m)) continue;
				if (rule.spec.provision && !ctx.provides(block, sentence, m)) continue;
				hits.push({ offsets: m, block, sentence, vars: { match: ctx.quote(m) }, checkQuoted: true });
				lastSentence = sentence.start;
			}
		}
		return hits;
	},
});
