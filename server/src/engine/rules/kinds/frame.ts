import type { Offsets } from '../../finding';
import type { Matcher } from '../../matching/matcher';
import { fillFrame, holdsPronoun, pronounsFor, type FrameSpans, type Span } from '../../reading';
import type { FrameRole } from '../types';
import type { Block } from '../../document';
import { matchesWithin, type Hit, type ReviewContext } from './context';
import { defineKind } from './kind';
import { TERM_LIST } from './schema';

const ROLES: readonly FrameRole[] = ['act', 'person', 'agent', 'to', 'means', 'with', 'ground', 'condition', 'topic', 'absent', 'notAgent', 'notPatient', 'notModifier', 'notWith', 'notFor'];
/** Roles that must be filled; `absent` is a safeguard that cancels, `notAgent` an actor, `notPatient` who the act is done to, `notWith` a list item and `notFor` an exploitation served that do, `notModifier` a word that keeps a person out of `person`: not roles to fill. */
const REQUIRED: readonly FrameRole[] = ['act', 'person', 'agent', 'to', 'means', 'with', 'ground', 'condition', 'topic'];
const DEFAULT_MODALITIES = ['requirement', 'permission', 'statement'] as const;

/**
 * Kind 5: a frame (see reading/frames.ts). The roles' vocabularies find candidate words cheaply, block by block
 * and sentence by sentence, as co-occurrence does; only a sentence where every required role has a candidate
 * is read (tagged, split into clauses, its negations scoped), so the reading costs nothing on most text.
 */
export const frameKind = defineKind<{ frame?: Partial<Record<FrameRole, Matcher>> }>({
	name: 'frame',
	description: 'A harmful provision as a pattern of roles filled from the clause structure of a sentence.',
	schema: {
		properties: {
			frame: {
				type: 'object',
				additionalProperties: false,
				required: ['act'],
				description: "A harmful provision as a pattern of roles, filled from the clause structure of each sentence (server/src/engine/reading). The finding is anchored on the act.",
				properties: {
					act: { ...TERM_LIST, description: "The predicate: a benefit, an act done to a person, a duty. Negated acts (shall not, no … shall, prohibited, nothing … shall be construed) do not count." },
					person: { ...TERM_LIST, description: "Who the act is done to or who benefits: must be in the same predicate as the act (not across ';', 'but' or a coordinate clause)." },
					agent: { ...TERM_LIST, description: "Who acts: in the same predicate as the act." },
					to: { ...TERM_LIST, description: "To whom (a recipient such as the police): in the same predicate as the act." },
					means: { ...TERM_LIST, description: "How the act is done: after it, introduced by 'by', 'through' or 'via' ('prevent trafficking BY thorough immigration control')." },
					with: { ...TERM_LIST, description: "What the act is named with as one thing: an item of the same coordinated list ('slowing down human trafficking, PROSTITUTION and drug activity', 'street prostitution AS WELL AS the rate of human trafficking'), with no verb or preposition between." },
					ground: { ...TERM_LIST, description: "What the act is done to the person for: the offence or status after 'for', 'with', 'of' or 'under' ('arrested FOR working without a permit', 'charged WITH illegal entry', 'detained on suspicion of offences UNDER the Immigration Act'), the person's own conduct (not 'charged with PROMOTING prostitution')." },
					condition: { ...TERM_LIST, description: "What the act depends on: in a condition clause or phrase of the act (if, only if, unless, as a condition of, subject to, in exchange for …), a relative or participle clause on the person, the requirement a purpose clause serves ('to receive services, victims must …'), or the object of a linking verb ('requires', 'depends on'). Lifted by a negation outside the condition ('not conditional on', 'regardless of whether', 'without requiring', 'need not')." },
					topic: { ...TERM_LIST, description: "What the sentence must be about, anywhere in it, with no role in the clause structure: 'victim' or 'status' for an act of certifying whose agent is the police." },
					absent: { ...TERM_LIST, description: "A safeguard whose presence (not negated) cancels the finding, e.g. consent." },
					notAgent: { ...TERM_LIST, description: "Who must not be the one acting: the act's subject (or its 'by' agent) being one of these cancels the finding ('if the VICTIM reports a crime to the police' is not a duty to report a person; 'held BY TRAFFICKERS' is not detention by the state)." },
					notPatient: { ...TERM_LIST, description: "Who the act must not be done to: one of these as the act's patient (its object, or the subject of its passive) cancels the finding ('officers shall report ANY TRAFFICKER they identify to the police', 'THE OFFENDER shall be transferred') — an act on an offender is no act on a person who may be trafficked." },
					notModifier: { ...TERM_LIST, description: "Words that, describing the person right before it, make them someone the rule is not about: a person so described ('CHILD victims', '11 UNDERAGE girls', 'JUVENILE victims') does not fill `person`. Only adjectives, numbers or nouns may stand between, so a list ('children AND adult victims') still names the adults." },
					notFor: { ...TERM_LIST, description: "An exploitation the act must not serve: named after it in a 'where' clause or an infinitive of its predicate ('taken to a hotel WHERE THEY WERE FORCED INTO PROSTITUTION', 'relocating them to another country TO WORK AS SEX SLAVES'), it makes the act the trafficking described, not a measure taken on the person." },
					notWith: { ...TERM_LIST, description: "What the act must not be listed with: an item of the same coordinated list (as for 'with') cancels the finding. An act named among a programme's components ('rescue, REHABILITATION, REINTEGRATION and repatriation of victims') names an area of work, not a provision that imposes it on a person." },
					names: { type: 'boolean', description: "Set true where an act inside a proper name counts, because the name itself sets a scope ('the Policy for Combating Trafficking of Women for Commercial Sexual Exploitation'); by default a word of a name ('the Victim Services Unit') is not the act it names." },
					against: { type: 'boolean', description: "Set true where the act is the harm a body or measure is set up against ('a unit dedicated to ENDING sex trafficking', 'a strategy to ELIMINATE commercial sexual exploitation'): verbs that end, ban or eliminate the act then state the mandate, they do not negate it. 'Not' and 'without' still do." },
					subject: { type: 'boolean', description: "Set true where the agent must be the act's own subject, right before it with only auxiliaries, adverbs or 'to' between ('the PERSON must comply with requests', 'the VICTIM must also cooperate'), or its agent after 'by': a person named earlier in the sentence ('if a child is a VICTIM, staff must report this to law enforcement') is not who acts." },
					verbal: { type: 'boolean', description: "Set true where only a verb is the act, or a noun with its object after 'of' ('the INTERVIEW OF an adult victim'): a noun alone ('to coordinate victim INTERVIEWS') names a procedure a provision organises, not someone it is done to." },
					depends: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['condition', 'relative', 'purpose', 'link', 'until', 'serves'] }, description: "How the condition may depend on the act, where a rule reads only some of the ways (default all): 'condition' (if, only when, subject to …), 'relative' (a clause on the person), 'purpose' (a requirement that serves the act), 'link' (requires, depends on), 'until' (before, prior to), 'serves' (the act's purpose serves the condition: 'remain in the country TO FACILITATE THE INVESTIGATION')." },
					modality: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ["requirement", "permission", "statement", "past", "hypothetical"] }, description: "The modalities of the act's clause that count; default requirement, permission and statement." },
				},
			},
		},
		required: ['frame'],
	},
	compile(spec, terms) {
		const frame: Partial<Record<FrameRole, Matcher>> = {};
		for (const role of ROLES) {
			const list = spec.frame?.[role];
			if (list) frame[role] = terms.list(list, ['frame', role]);
		}
		return { frame };
	},
	locality: 'block',
	blockNeeds: (rule) => requiredRoles(rule.compiled.frame),
	run(rule, ctx) {
		const hits: Hit[] = [];
		const roles = rule.compiled.frame;
		if (!roles?.act) return hits;
		const required = requiredRoles(roles);
		const { unless } = rule.compiled;
		const options = { modalities: rule.spec.frame?.modality ?? DEFAULT_MODALITIES, negation: rule.spec.negation !== false, names: rule.spec.frame?.names === true, against: rule.spec.frame?.against === true, verbal: rule.spec.frame?.verbal === true, subject: rule.spec.frame?.subject === true, depends: rule.spec.frame?.depends };
		for (const block of ctx.doc.blocks) {
			if (!ctx.hasAll(required, block)) continue;
			// Each role's matches in the block, by role (ROLES order), taken when a sentence first asks.
			const inBlock: Array<Offsets[] | undefined> = [];
			block.sentences.forEach((sentence, i) => {
				const spans: Partial<Record<FrameRole, Span[]>> = {};
				let missing = false;
				for (let r = 0; r < ROLES.length; r++) {
					const role = ROLES[r]!;
					const matcher = roles[role];
					if (!matcher) continue;
					let found = matchesWithin((inBlock[r] ??= ctx.matches(matcher, block)), sentence);
					if (role === 'person') found = found.concat(pronounsNaming(ctx, matcher, block, i)).sort((a, b) => a.start - b.start);
					if (found.length === 0 && role !== 'absent' && role !== 'notAgent' && role !== 'notPatient' && role !== 'notModifier' && role !== 'notWith' && role !== 'notFor') {
						missing = true;
						break;
					}
					spans[role] = found.map((o) => ({ start: o.start - sentence.start, end: o.end - sentence.start }));
				}
				if (missing) return;
				if (unless && ctx.has(unless, block, sentence)) return;
				const match = fillFrame(ctx.reading(block, sentence), spans as FrameSpans, options);
				if (!match) return;
				const offsets: Offsets = {
					start: sentence.start + Math.min(...match.spans.map((s) => s.start)),
					end: sentence.start + Math.max(...match.spans.map((s) => s.end)),
				};
				const hit: Hit = { offsets, block, sentence, vars: { match: ctx.quote(offsets) }, checkQuoted: true };
				if (match.condition) hit.condition = { start: sentence.start + match.condition.start, end: sentence.start + match.condition.end };
				if (match.withheld) hit.withheld = true;
				hits.push(hit);
			});
		}
		return hits;
	},
});

/** The matchers of the roles that must be filled (REQUIRED), of those the rule has. */
function requiredRoles(roles: Partial<Record<FrameRole, Matcher>> | undefined): Matcher[] {
	return roles ? REQUIRED.flatMap((r) => (roles[r] ? [roles[r]!] : [])) : [];
}

/**
 * Pronouns in sentence `i` of a block that stand for the frame's people named before them, in the sentence or
 * the one before it (reading/anaphora.ts): "THEY were taken into custody" after "26 workers were found …".
 */
function pronounsNaming(ctx: ReviewContext, people: Matcher, block: Block, i: number): Offsets[] {
	const sentence = block.sentences[i]!;
	// Most sentences have no pronoun: then the people named before are not looked up (a hot path).
	if (!holdsPronoun(ctx.prose(block, sentence))) return [];
	const from = (block.sentences[i - 1] ?? sentence).start;
	const window = { start: from, end: sentence.end };
	const named = ctx.matchesIn(people, block, window).map((o) => ({ start: o.start - from, end: o.end - from }));
	return pronounsFor(ctx.prose(block, window), sentence.start - from, named).map((s) => ({ start: s.start + from, end: s.end + from }));
}
