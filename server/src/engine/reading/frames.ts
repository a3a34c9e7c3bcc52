import { REVERSE_CONDITIONS, type Clause } from './clauses';
import type { Modality } from './modality';
import type { NegationKind } from './negation';
import type { Reading, Span } from './reading';

/**
 * Frames: a harmful provision is a pattern of roles (FrameNet, PropBank) — *a benefit* given *to a person*
 * *on condition of* *cooperation*; *an authority* *detains* *a person who may be a victim*; *a professional*
 * *reports* *a person* *to the police* *without consent*. A rule names each role's vocabulary; this module
 * decides, from the sentence's clause structure, whether the words a vocabulary found fill those roles, so a
 * new wording with the same structure is caught and the same words in another structure are not.
 */
export interface FrameSpans {
	act: Span[];
	person?: Span[];
	agent?: Span[];
	to?: Span[];
	condition?: Span[];
	absent?: Span[];
}

export interface FrameOptions {
	/** Modalities of the act's clause that count (a prohibition never does). */
	modalities: readonly Modality[];
	/** Whether a protective negation over the act cancels the frame (false for rules whose harm is a negation). */
	negation: boolean;
}

export interface FrameMatch {
	/** The spans that filled the roles, act first. */
	spans: Span[];
}

const NEGATING: readonly NegationKind[] = ['not', 'prohibit', 'savings', 'last-resort'];
const LIFTING: readonly NegationKind[] = ['not', 'prohibit', 'savings', 'independent', 'without'];
/** Verbs that withhold the act ("services may be TERMINATED if …"): they turn a benefit frame's polarity. */
const DENYING = new Set(['deny', 'withhold', 'terminate', 'revoke', 'withdraw', 'cancel', 'discontinue', 'suspend', 'refuse', 'reduce', 'cut', 'end', 'cease', 'lose', 'forfeit', 'exclude', 'reject']);
/** Verbs in a condition that negate the condition's act ("if the victim REFUSES to cooperate"). */
const DECLINING = new Set(['refuse', 'decline', 'fail', 'cease', 'stop', 'withdraw', 'unwilling', 'reluctant']);
/** Verbs that make one thing depend on another ("eligibility REQUIRES certification"). */
const LINKING = new Set(['require', 'depend', 'hinge', 'condition', 'predicate', 'tie', 'link', 'necessitate', 'demand', 'rest']);

/** The top-level clause (main, coordinate or contrast) a clause belongs to. */
function topLevel(reading: Reading, clause: Clause): Clause {
	let c = clause;
	while (c.parent !== -1) c = reading.clauses[c.parent]!;
	return c;
}

/** Whether two spans are in the same predicate: the same top-level clause of the sentence. */
export function samePredicate(reading: Reading, a: Span, b: Span): boolean {
	return topLevel(reading, reading.clauseAt(a)).index === topLevel(reading, reading.clauseAt(b)).index;
}

/** Negations over a span whose cue is outside `clause` (or anywhere when no clause is given). */
function negatedBy(reading: Reading, span: Span, kinds: readonly NegationKind[], outside?: Clause): number {
	return reading.negationsOver(span, kinds, outside).length;
}

/** How a condition span depends on the act, or undefined when it does not. */
interface Dependence {
	/** The condition clause or phrase, the relative clause on the person, or the requirement clause. */
	clause: Clause;
	how: 'condition' | 'relative' | 'purpose' | 'link';
}

function dependence(reading: Reading, act: Span, condition: Span): Dependence | undefined {
	if (!samePredicate(reading, act, condition)) return undefined;
	const actClause = reading.clauseAt(act);
	const chain = reading.ancestry(reading.clauseAt(condition));
	// A condition clause or phrase around the condition, that does not also hold the act; a "where" clause
	// after a noun is a condition too when it holds one ("refused shelter WHERE the victim refuses to testify").
	const cond = chain.find((c) => (c.kind === 'condition' && !REVERSE_CONDITIONS.has(c.marker ?? '')) || (c.kind === 'relative' && c.marker === 'where'));
	if (cond && !reading.spanWithin(act, cond)) return { clause: cond, how: 'condition' };
	// The act inside a reverse condition, the requirement outside it: "victims must testify AS A CONDITION OF
	// receiving shelter", "report the offence to police BEFORE receiving counselling".
	const reverse = reading.ancestry(actClause).find((c) => c.kind === 'condition' && REVERSE_CONDITIONS.has(c.marker ?? ''));
	if (reverse && !reading.spanWithin(condition, reverse)) return { clause: chain[0]!, how: 'purpose' };
	// A relative or participle clause on a person ("victims WHO COOPERATE", "persons CERTIFIED BY …") that does not
	// hold the act; "factors THAT MAY DETER cooperation" describes no person.
	const rel = chain.find((c) => c.kind === 'relative' || c.kind === 'participle');
	if (rel && !reading.spanWithin(act, rel) && onPerson(reading, rel)) return { clause: rel, how: 'relative' };
	// The act in a purpose clause served by a requirement: "to receive services, victims must cooperate".
	const purpose = reading.ancestry(actClause).find((c) => c.kind === 'infinitive');
	if (purpose && !reading.spanWithin(condition, purpose)) {
		const conditionClause = chain[0]!;
		if (reading.modalities[conditionClause.index] === 'requirement') return { clause: conditionClause, how: 'purpose' };
	}
	// A linking verb between them in one clause: "eligibility for benefits requires certification".
	const [first, second] = act.start < condition.start ? [act, condition] : [condition, act];
	const from = reading.tokenAt(first);
	const to = reading.tokenAt(second);
	for (let k = from + 1; k < to; k++) {
		const t = reading.tokens[k]!;
		if (LINKING.has(t.lemma) && (t.pos === 'VERB' || t.pos === 'ADJ')) {
			const clause = reading.clauses[reading.clauseOf[k]!]!;
			return { clause, how: 'link' };
		}
	}
	return undefined;
}

/** Nouns for people, the heads a condition on a person attaches to. */
const PERSON_NOUNS = new Set(['person', 'people', 'victim', 'survivor', 'individual', 'alien', 'national', 'applicant', 'child', 'minor', 'woman', 'man', 'girl', 'boy', 'worker', 'migrant', 'recipient', 'beneficiary', 'claimant', 'witness', 'resident', 'citizen', 'client', 'patient', 'youth', 'adult', 'those', 'anyone', 'someone', 'one', 'foreigner', 'refugee', 'family', 'participant', 'student', 'member', 'parent', 'guardian', 'he', 'she', 'they', 'whoever']);

/** Whether a relative or participle clause describes a person: "who …", or a person noun just before it. */
function onPerson(reading: Reading, clause: Clause): boolean {
	if (clause.marker === 'who' || clause.marker === 'whom' || clause.marker === 'whose') return true;
	for (let k = clause.start - 1; k >= 0 && k >= clause.start - 3; k--) {
		const t = reading.tokens[k]!;
		if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') return PERSON_NOUNS.has(t.lemma) || PERSON_NOUNS.has(t.lower);
		if (t.pos !== 'ADJ' && t.pos !== 'PUNCT') return false;
	}
	return false;
}

const CAPITALISED = /^\p{Lu}[\p{Ll}]/u;

/**
 * Whether a span is a word of a proper name: capitalised in mid-sentence beside other capitalised words
 * ("Family Services Agency", "Victim Services Unit"), in a sentence that is not written in title case or capitals.
 */
export function inName(reading: Reading, span: Span): boolean {
	const { tokens } = reading;
	const words = tokens.filter((t) => /\p{L}/u.test(t.text));
	const capitalised = words.filter((t) => CAPITALISED.test(t.text)).length;
	if (words.length === 0 || capitalised / words.length > 0.6) return false;
	const first = reading.tokenAt(span);
	const indices = reading.tokensIn(span);
	const last = indices[indices.length - 1] ?? first;
	if (first <= 0 || !CAPITALISED.test(tokens[first]!.text)) return false;
	const before = tokens[first - 1];
	const after = tokens[last + 1];
	return (before !== undefined && CAPITALISED.test(before.text) && first - 1 > 0) || (after !== undefined && CAPITALISED.test(after.text));
}

/** Whether a token of the clause (before `before`, when given) has one of the lemmas. */
function clauseHas(reading: Reading, clause: Clause, lemmas: ReadonlySet<string>, before?: Span): boolean {
	const end = before ? reading.tokenAt(before) : clause.end;
	for (let k = clause.start; k < Math.min(clause.end, end); k++) if (reading.isWithin(k, clause) && lemmas.has(reading.tokens[k]!.lemma)) return true;
	return false;
}

/**
 * Whether a condition is lifted or inverted so that the provision protects rather than harms. A negation
 * outside the condition that reaches its marker or its words lifts it ("NOT conditional on", "REGARDLESS OF
 * whether", "WITHOUT requiring", "NOTHING … shall be construed to require", "NEED NOT cooperate"). Otherwise
 * polarity decides: "services are given IF the person cooperates" and "services END if the person REFUSES"
 * harm alike; "services shall NOT be denied to victims who REFUSE" protects.
 */
function conditionHarms(reading: Reading, act: Span, condition: Span, dep: Dependence): boolean {
	const marker: Span = { start: reading.tokens[dep.clause.start]!.start, end: reading.tokens[dep.clause.start]!.end };
	if (dep.how === 'purpose') {
		// The requirement itself negated: "victims need not cooperate to receive services".
		return negatedBy(reading, condition, LIFTING) === 0;
	}
	if (dep.how === 'link') return negatedBy(reading, marker, LIFTING) === 0 && negatedBy(reading, condition, ['independent', 'without', 'savings']) === 0;
	if (dep.clause.phrase && negatedBy(reading, marker, LIFTING, dep.clause) > 0) return false;
	if (negatedBy(reading, condition, ['independent', 'without', 'savings', 'prohibit'], dep.clause) > 0) return false;
	// "unconditional access to services": the act itself is declared independent of any condition.
	if (negatedBy(reading, act, ['independent'], dep.clause) > 0) return false;
	if (negatedBy(reading, marker, ['independent', 'savings'], dep.clause) > 0) return false;
	const actNegated = (negatedBy(reading, act, [...NEGATING, 'without'], dep.clause) + (clauseHasOutside(reading, act, DENYING, dep.clause) ? 1 : 0)) % 2 === 1;
	const inner = reading.negations.filter((n) => reading.isWithin(n.cue[0], dep.clause) && (n.kind === 'not' || n.kind === 'without')).length;
	const conditionNegated = (inner + (clauseHas(reading, dep.clause, DECLINING, condition) ? 1 : 0) + (dep.clause.marker === 'unless' ? 1 : 0)) % 2 === 1;
	return actNegated === conditionNegated;
}

/** A denying verb in the act's own clause chain, outside the condition. */
function clauseHasOutside(reading: Reading, act: Span, lemmas: ReadonlySet<string>, outside: Clause): boolean {
	const clause = topLevel(reading, reading.clauseAt(act));
	for (let k = clause.start; k < clause.end; k++) {
		if (reading.isWithin(k, outside) || !reading.isWithin(k, clause)) continue;
		const t = reading.tokens[k]!;
		if (lemmas.has(t.lemma) && (t.pos === 'VERB' || t.pos === 'NOUN')) return true;
	}
	return false;
}

/**
 * Fills a frame in one reading. Returns the first act whose roles are all filled, or undefined.
 * - The act must not be governed by a protective negation (unless `negation` is false) and its clause must
 *   have one of the allowed modalities; a condition frame judges negation by polarity instead (above).
 * - person, agent and to must be in the same predicate as the act.
 * - condition must depend on the act (see `dependence`) and not be lifted.
 * - absent, when present in the sentence and not itself negated ("without consent"), cancels the frame.
 */
export function fillFrame(reading: Reading, spans: FrameSpans, options: FrameOptions): FrameMatch | undefined {
	if (spans.absent?.some((s) => negatedBy(reading, s, ['not', 'without']) === 0)) return undefined;
	for (const act of spans.act) {
		// "the Child and Family Services Agency": a word of a name is not the act it names.
		if (inName(reading, act)) continue;
		const modality = reading.modalityAt(act);
		if (!spans.condition) {
			if (modality === 'prohibition' && options.negation) continue;
			if (modality !== 'prohibition' && !options.modalities.includes(modality)) continue;
			if (options.negation && negatedBy(reading, act, [...NEGATING, 'without', 'independent']) > 0) continue;
		} else if (modality !== 'prohibition' && !options.modalities.includes(modality)) continue;
		const filled: Span[] = [act];
		let ok = true;
		for (const role of ['person', 'agent', 'to'] as const) {
			const candidates = spans[role];
			if (!candidates) continue;
			const found = candidates.find((s) => samePredicate(reading, act, s));
			if (!found) {
				ok = false;
				break;
			}
			filled.push(found);
		}
		if (!ok) continue;
		if (spans.condition) {
			let marker: Span | undefined;
			const found = spans.condition.find((c) => {
				const dep = dependence(reading, act, c);
				if (dep === undefined || (options.negation && !conditionHarms(reading, act, c, dep))) return false;
				// The finding covers the condition from its marker ("WHO agree to testify", "ONLY IF …").
				if (dep.how === 'condition' || dep.how === 'relative') marker = reading.tokens[dep.clause.start]!;
				return true;
			});
			if (!found) continue;
			filled.push(found);
			if (marker) filled.push({ start: marker.start, end: marker.end });
		}
		return { spans: filled };
	}
	return undefined;
}
