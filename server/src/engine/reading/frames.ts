import { RELATIVE_PRONOUNS, REVERSE_CONDITIONS, type Clause } from './clauses';
import { inPerfect, type Modality } from './modality';
import type { NegationKind } from './negation';
import { quotations } from '../negation';
import type { Reading, Span } from './reading';
import { hasParticipleForm, type Token } from './tokens';

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
	/** How the act is done: "prevent trafficking BY thorough immigration control". */
	means?: Span[];
	/** Named in one list with the act, as one thing: "human trafficking, PROSTITUTION and drug activity". */
	with?: Span[];
	/** What the act is done for: "arrested FOR illegal entry", "charged WITH overstaying". */
	ground?: Span[];
	condition?: Span[];
	absent?: Span[];
	/** Actors that cancel the frame when they are the act's subject. */
	notAgent?: Span[];
	/** People who cancel the frame when the act is done to them: "report ANY TRAFFICKER to the police". */
	notPatient?: Span[];
	/** Words that keep a person out of `person` when they describe it: "CHILD victims", "UNDERAGE girls". */
	notModifier?: Span[];
	/** Items that cancel the frame when they are listed with the act: "rescue, REHABILITATION and repatriation". */
	notWith?: Span[];
	/** An exploitation that cancels the frame when the act serves it: "taken to a hotel WHERE THEY WERE FORCED INTO PROSTITUTION". */
	notFor?: Span[];
}

export interface FrameOptions {
	/** Modalities of the act's clause that count (a prohibition never does). */
	modalities: readonly Modality[];
	/** Whether a protective negation over the act cancels the frame (false for rules whose harm is a negation). */
	negation: boolean;
	/** Whether an act inside a proper name counts: a name that sets a scope ("the Policy for Combating Trafficking for Commercial Sexual Exploitation"). */
	names?: boolean;
	/**
	 * Whether the act is the harm the provision is set up against ("a unit dedicated to ENDING sex trafficking"):
	 * then a verb that ends, bans or eliminates it states the mandate and is no negation of it.
	 */
	against?: boolean;
	/** Whether only a verb counts as the act (a noun naming the act does not). */
	verbal?: boolean;
	/** Whether the agent must be the act's own subject (isSubject) rather than any actor before it in the predicate. */
	subject?: boolean;
	/** The ways the condition may depend on the act that count (default all). */
	depends?: readonly Dependence['how'][];
}

export interface FrameMatch {
	/** The spans that filled the roles, act first. */
	spans: Span[];
	/** The condition clause or phrase the act depends on, from its marker to its end, when there is one. */
	condition?: Span;
	/**
	 * Whether the act is withheld up to the condition ("NOT provided UNTIL …", "do NOT grant … BEFORE …"): replacing
	 * the condition alone would leave the negation standing, so no replacement fixes it.
	 */
	withheld?: boolean;
}

const NEGATING: readonly NegationKind[] = ['not', 'prohibit', 'savings', 'last-resort'];
const LIFTING: readonly NegationKind[] = ['not', 'prohibit', 'savings', 'independent', 'without'];
/** Verbs that withhold the act ("services may be TERMINATED if …"): they turn a benefit frame's polarity. */
const DENYING = new Set(['deny', 'withhold', 'terminate', 'revoke', 'withdraw', 'cancel', 'discontinue', 'suspend', 'refuse', 'reduce', 'cut', 'end', 'cease', 'lose', 'forfeit', 'exclude', 'reject']);
/** Verbs in a condition that negate the condition's act ("if the victim REFUSES to cooperate"). */
const DECLINING = new Set(['refuse', 'decline', 'fail', 'cease', 'stop', 'withdraw', 'unwilling', 'reluctant']);
/** Verbs that make one thing depend on another ("eligibility REQUIRES certification"). */
const LINKING = new Set(['require', 'depend', 'hinge', 'condition', 'predicate', 'tie', 'link', 'necessitate', 'demand', 'rest', 'base']);

/** The top-level clause (main, coordinate or contrast) a clause belongs to. */
function topLevel(reading: Reading, clause: Clause): Clause {
	let c = clause;
	while (c.parent !== -1) c = reading.clauses[c.parent]!;
	return c;
}

/** Whether two spans are in the same predicate: the same top-level clause of the sentence. */
export function samePredicate(reading: Reading, a: Span, b: Span): boolean {
	const ta = topLevel(reading, reading.clauseAt(a));
	const tb = topLevel(reading, reading.clauseAt(b));
	if (ta.index === tb.index) return true;
	// "… was found to be in Australia illegally AND WAS DETAINED": a coordinate clause with no subject of its own
	// continues the predicate before it.
	const [first, second] = ta.start < tb.start ? [ta, tb] : [tb, ta];
	return second.kind === 'coordinate' && subjectless(reading, second) && previousTopLevel(reading, second)?.index === first.index;
}

/** A coordinate clause that opens with its verb: "and WAS detained", "and then DEPORTED". */
function subjectless(reading: Reading, clause: Clause): boolean {
	let k = clause.start;
	while (k < clause.end && (reading.tokens[k]!.pos === 'CCONJ' || reading.tokens[k]!.pos === 'ADV' || reading.tokens[k]!.text === ',')) k++;
	const t = reading.tokens[k];
	return t !== undefined && (t.pos === 'AUX' || (t.pos === 'VERB' && t.lower !== t.lemma));
}

function previousTopLevel(reading: Reading, clause: Clause): Clause | undefined {
	let best: Clause | undefined;
	for (const c of reading.clauses) if (c.parent === -1 && c.start < clause.start && (!best || c.start > best.start)) best = c;
	return best;
}

/** Negations over a span whose cue is outside `clause` (or anywhere when no clause is given). */
function negatedBy(reading: Reading, span: Span, kinds: readonly NegationKind[], outside?: Clause): number {
	return reading.negationsOver(span, kinds, outside).length;
}

/** How a condition span depends on the act, or undefined when it does not. */
export interface Dependence {
	/** The condition clause or phrase, the relative clause on the person, or the requirement clause. */
	clause: Clause;
	how: 'condition' | 'relative' | 'purpose' | 'link' | 'until' | 'serves';
}

/**
 * Markers of a time limit: the act on one side holds until the condition on the other. A benefit withheld up to
 * the limit is given only after it: "legal aid will NOT be available UNTIL a decision is made", "we do NOT grant
 * a trip home BEFORE a girl has been with us for a year" say "only after", whatever the negation suggests.
 */
const TIME_LIMITS: ReadonlySet<string> = new Set(['until', 'till', 'before', 'prior to']);

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
	// The condition inside "before …" and the act outside: "no trip home BEFORE a year with us", "legal aid is
	// available BEFORE any referral". Only a withheld act depends on it (conditionHarms).
	const limit = chain.find((c) => c.kind === 'condition' && (c.marker === 'before' || c.marker === 'prior to'));
	if (limit && !reading.spanWithin(act, limit)) return { clause: limit, how: 'until' };
	// A relative or participle clause on a person ("victims WHO COOPERATE", "persons CERTIFIED BY …") that does not
	// hold the act; "factors THAT MAY DETER cooperation" describes no person.
	const rel = chain.find((c) => c.kind === 'relative' || c.kind === 'participle');
	if (rel && !reading.spanWithin(act, rel) && onPerson(reading, rel)) return { clause: rel, how: 'relative' };
	// The act in a purpose clause served by a requirement: "to receive services, victims must cooperate".
	const purpose = reading.ancestry(actClause).find((c) => c.kind === 'infinitive');
	if (purpose && !reading.spanWithin(condition, purpose)) {
		const conditionClause = chain[0]!;
		// The requirement may govern the condition through an infinitive: "to obtain a T visa, victims must demonstrate
		// their willingness TO COMPLY with a reasonable request".
		if (reading.modalities[conditionClause.index] === 'requirement' || requiringModal(reading, condition, topLevel(reading, conditionClause).start) >= 0) return { clause: conditionClause, how: 'purpose' };
	}
	// The act in a purpose the condition serves: "the person is cooperating with the investigation TO ENABLE the
	// person TO QUALIFY for a visa", "victims testify IN ORDER TO OBTAIN a permit". Only verbs of gaining or being
	// let open the purpose: in "police cooperate with shelters TO PROVIDE services" cooperation serves a service.
	// The purpose may sit inside a condition of its own ("… to enable the person, IF ELIGIBLE, to qualify for …").
	const served = reading.ancestry(actClause).find((c) => c.kind === 'infinitive' && c.index !== chain[0]!.index && reading.ancestry(c).some((x) => x.index === chain[0]!.index) && GAINING.has(firstVerbOf(reading, c)?.lemma ?? ''));
	if (served && !reading.spanWithin(condition, served)) return { clause: chain[0]!, how: 'purpose' };
	// The act names what the people a requirement is laid on seek: "APPLICANTS FOR A RESIDENCE PERMIT must cooperate
	// with the police", "victims SEEKING A T VISA must testify", "THE APPLICANT must be willing to cooperate". The
	// requirement is the price of the benefit.
	if (soughtBySubject(reading, act, condition)) return { clause: chain[0]!, how: 'purpose' };
	// The act sought in a condition, the requirement in the main clause: "IF A VICTIM APPLIES FOR A RESIDENCE PERMIT,
	// she must cooperate with the police", as "to receive services, victims must …" is.
	const seeking = reading.ancestry(actClause).find((c) => c.kind === 'condition' && SEEKING_CONDITIONS.has(c.marker ?? ''));
	if (seeking && !reading.spanWithin(condition, seeking) && seeking.start < reading.tokenAt(condition)) {
		const top = topLevel(reading, reading.clauseAt(condition));
		if (requiringModal(reading, condition, top.start) >= 0) return { clause: chain[0]!, how: 'purpose' };
	}
	// The act's purpose is to serve the proceedings: "may permit the alien to remain in the United States TO FACILITATE
	// THE INVESTIGATION", "extend their stay SO AS TO FURTHER ASSIST WITH THE INVESTIGATION", "remain for a period DEEMED
	// NECESSARY BY THE PROSECUTION". The stay lasts as long as it is useful to the case.
	const serving = servingPurpose(reading, act, condition);
	if (serving) return { clause: serving, how: 'serves' };
	// A requirement named by a noun and said to be the condition: "one of the central REQUIREMENTS FOR obtaining a T
	// visa IS a commitment to cooperate", "the ELIGIBILITY CRITERIA INCLUDE cooperation with the police".
	const required = requirementNamed(reading, act, condition);
	if (required) return { clause: required, how: 'link' };
	// A linking verb between them in one clause: "eligibility for benefits requires certification".
	const [first, second] = act.start < condition.start ? [act, condition] : [condition, act];
	const from = reading.tokenAt(first);
	const to = reading.tokenAt(second);
	for (let k = from + 1; k < to; k++) {
		const t = reading.tokens[k]!;
		// "BASED ON their willingness", not "faith-BASED organisations".
		if (LINKING.has(t.lemma) && (t.pos === 'VERB' || t.pos === 'ADJ') && (t.lemma !== 'base' || ['on', 'upon'].includes(reading.tokens[k + 1]?.lower ?? ''))) {
			const clause = reading.clauses[reading.clauseOf[k]!]!;
			return { clause, how: 'link' };
		}
	}
	return undefined;
}

/** Nouns that name what a benefit requires: "the REQUIREMENTS for a T visa", "eligibility CRITERIA". */
const REQUIREMENT_NOUNS = new Set(['requirement', 'condition', 'prerequisite', 'precondition', 'criterion', 'criteria', 'qualification']);
/** Verbs that say what a requirement is: "the requirement IS …", "the criteria INCLUDE …". */
const REQUIREMENT_VERBS = new Set(['be', 'include', 'comprise', 'involve', 'mean', 'entail']);

/**
 * The clause in which a requirement noun tied to the act is said to be the condition, or undefined: the noun stands
 * right after the act ("eligibility CRITERIA", "visa REQUIREMENTS") or before it behind "for", "of" or "to" with only
 * a gerund of gaining and the act's modifiers between ("the REQUIREMENTS FOR OBTAINING a T visa"), and after the act,
 * before the condition and in the same stretch of the sentence, a verb of being or including says what it is.
 */
function requirementNamed(reading: Reading, act: Span, condition: Span): Clause | undefined {
	const { tokens } = reading;
	const actTokens = reading.tokensIn(act);
	const a = actTokens[0];
	const aEnd = actTokens[actTokens.length - 1];
	const c = reading.tokenAt(condition);
	if (a === undefined || aEnd === undefined || c <= aEnd) return undefined;
	let named = REQUIREMENT_NOUNS.has(tokens[aEnd + 1]?.lemma ?? '') || REQUIREMENT_NOUNS.has(tokens[aEnd + 1]?.lower ?? '');
	if (!named) {
		let k = a - 1;
		while (k >= 0 && a - k <= 4 && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ' || (tokens[k]!.pos === 'VERB' && tokens[k]!.lower.endsWith('ing') && GAINING.has(tokens[k]!.lemma)) || (tokens[k]!.pos === 'NOUN' && k === a - 1))) k--;
		named = k > 0 && ['for', 'of', 'to'].includes(tokens[k]!.lower) && (REQUIREMENT_NOUNS.has(tokens[k - 1]!.lemma) || REQUIREMENT_NOUNS.has(tokens[k - 1]!.lower));
	}
	if (!named) return undefined;
	for (let k = aEnd + 1; k < c; k++) {
		const t = tokens[k]!;
		if (t.text === ';' || t.text === '.') return undefined;
		if (REQUIREMENT_VERBS.has(t.lemma) && (t.pos === 'VERB' || t.pos === 'AUX')) return reading.clauses[reading.clauseOf[k]!];
	}
	return undefined;
}

/** Verbs of a purpose that serves the proceedings: "to FACILITATE the investigation", "to HELP authorities in the investigation". */
const SERVING = new Set(['facilitate', 'assist', 'help', 'aid', 'support', 'serve', 'further', 'advance', 'secure', 'ensure', 'guarantee', 'enable', 'expedite', 'benefit', 'strengthen', 'complete', 'conclude']);
/** Words of need that measure a period by the proceedings: "for a period deemed NECESSARY BY the prosecution". */
const NEEDED = new Set(['necessary', 'needed', 'required', 'useful', 'essential']);
/** Nouns after "for the … of" or "with a … to" that open a purpose: "for the PURPOSE of guaranteeing the prosecution". */
const PURPOSE_NOUNS = new Set(['purpose', 'purposes', 'view', 'aim', 'intention', 'object', 'objective', 'interest', 'interests', 'sake', 'needs']);
/** Prepositions an object of a serving verb may hold before the proceedings: "help authorities IN the investigation". */
const OBJECT_PREPOSITIONS = new Set(['in', 'with', 'of', 'on', 'to', 'into']);

/**
 * The clause in which the act's purpose serves the proceedings named by `condition`, or undefined: the condition is
 * the object of a serving verb (adverbs and the proceedings' own words between, no person: "to help VICTIMS in the
 * proceedings" is support for the person, not a stay for the case) that opens a purpose after the act ("to", "in
 * order to", "so as to"; a gerund after "for the purpose of", "with a view to"), or of a word of need after the act
 * ("deemed necessary by the prosecution", "needed for the investigation"); the purpose hangs on the act's own clause
 * (it is nested in it), and not on a verb or adjective whose complement an infinitive is ("trained to assist").
 */
function servingPurpose(reading: Reading, act: Span, condition: Span): Clause | undefined {
	const { tokens } = reading;
	const actTokens = reading.tokensIn(act);
	const aEnd = actTokens[actTokens.length - 1];
	const c = reading.tokenAt(condition);
	if (aEnd === undefined || c <= aEnd + 1) return undefined;
	let k = c - 1;
	for (; k > aEnd && k >= c - 8; k--) {
		const t = tokens[k]!;
		if ((SERVING.has(t.lemma) && (t.pos === 'VERB' || t.lower.endsWith('ing') || tokens[k - 1]?.lower === 'to')) || (NEEDED.has(t.lower) && ['by', 'for', 'to'].includes(tokens[k + 1]?.lower ?? ''))) break;
		if (t.pos === 'NOUN' || t.pos === 'PROPN') {
			if (PERSON_NOUNS.has(t.lemma) || PERSON_NOUNS.has(t.lower)) return undefined;
		} else if (t.pos === 'PRON') {
			if (!POSSESSIVE_PRONOUNS.has(t.lower)) return undefined;
		} else if (!(t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'CCONJ' || t.pos === 'ADV' || (t.pos === 'PUNCT' && t.text === '-') || OBJECT_PREPOSITIONS.has(t.lower) || ((t.lower === 'by' || t.lower === 'for') && NEEDED.has(tokens[k - 1]?.lower ?? '')))) return undefined;
	}
	if (k <= aEnd || k < c - 8) return undefined;
	const head = tokens[k]!;
	if (NEEDED.has(head.lower)) {
		// "for a period DEEMED necessary by …", "as long as necessary for …": a word of need measuring the act.
		if (!samePredicate(reading, act, condition)) return undefined;
		return reading.clauses[reading.clauseOf[k]!];
	}
	let j = k - 1;
	// Adverbs between "to" and the verb, whatever the tagger calls them: "so as to FURTHER assist".
	while (j > aEnd && (tokens[j]!.pos === 'ADV' || PURPOSE_ADVERBS.has(tokens[j]!.lower))) j--;
	const opener = tokens[j];
	let purpose = false;
	if (opener?.lower === 'to' && head.lower === head.lemma) {
		const before = tokens[j - 1];
		purpose = before === undefined || !(INFINITIVE_COMPLEMENTS.has(before.lemma) || INFINITIVE_COMPLEMENTS.has(before.lower) || PERSON_NOUNS.has(before.lemma));
	} else if (head.lower.endsWith('ing') && (opener?.lower === 'of' || opener?.lower === 'to')) purpose = PURPOSE_NOUNS.has(tokens[j - 1]?.lower ?? '');
	if (!purpose) return undefined;
	const servingClause = reading.clauses[reading.clauseOf[k]!]!;
	const actClause = reading.clauseAt(act);
	if (!reading.ancestry(servingClause).some((x) => x.index === actClause.index)) return undefined;
	return servingClause;
}

const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set(['its', 'their', 'his', 'her', 'the']);
const PURPOSE_ADVERBS: ReadonlySet<string> = new Set(['further', 'also', 'better', 'directly', 'actively', 'fully', 'effectively', 'properly']);

/**
 * Whether `what` is an exploitation the act serves: after the act, in its predicate, inside a "where" clause or an
 * infinitive that does not hold the act ("taken to a hotel WHERE they were forced into prostitution", "relocating
 * them to another country TO work as sex slaves").
 */
function servesExploitation(reading: Reading, act: Span, what: Span): boolean {
	if (what.start < act.end || !samePredicate(reading, act, what)) return false;
	// Or where the act puts the person, right after it: "victims are PLACED INTO FORCED LABOUR", "is SUBJECTED TO
	// innumerable physical and psychological TORTURES": only a preposition and modifiers between.
	const { tokens } = reading;
	const from = reading.tokensIn(act);
	const w = reading.tokenAt(what);
	const between = tokens.slice((from[from.length - 1] ?? reading.tokenAt(act)) + 1, w);
	const destination = between.filter((t) => t.pos === 'ADP');
	if (between.length <= 8 && destination.length <= 1 && (destination.length === 1 ? ['into', 'to', 'in'].includes(destination[0]!.lower) && between[0] === destination[0] : /\b(?:into|to|in)$/i.test(reading.text.slice(act.start, act.end))) && between.every((t) => t.pos === 'ADP' || t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'ADV' || t.pos === 'CCONJ' || t.text === ',')) return true;
	// A place ("WHERE …") or a purpose ("TO …"); a relative on the person ("persons WHO WERE forced into …") says what
	// was done to them before, not what the act serves.
	return reading.ancestry(reading.clauseAt(what)).some((c) => ((c.kind === 'relative' && c.marker === 'where') || c.kind === 'infinitive') && !reading.spanWithin(act, c) && reading.tokens[c.start]!.start >= act.end);
}

/** Modals and predicates of a requirement laid on a subject: "must", "shall", "is required to", "has to". */
const REQUIRING = new Set(['must', 'shall', 'should']);
/** Words between a requirement's modal and its condition that still require the condition: "must BE WILLING TO cooperate". */
const REQUIRED_AS = new Set(['be', 'willing', 'prepared', 'ready', 'able', 'agree', 'demonstrate', 'establish', 'show', 'prove', 'undertake', 'commit', 'continue', 'confirm', 'have', 'actively', 'fully', 'willingness', 'readiness', 'commitment']);
/** A bare verb in lower case after "to": an infinitive ("demonstrate to COMPLY"), not an addressee. */
function isVerbAfterTo(t: Token | undefined): boolean {
	return t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX') && t.lower === t.lemma && !/^\p{Lu}/u.test(t.text);
}
/** Verbs of showing, whose addressee may stand before what is shown: "must demonstrate TO USCIS their willingness to …". */
const SHOWING = new Set(['demonstrate', 'establish', 'show', 'prove', 'confirm']);
/** Conditions that name a benefit sought ("IF a victim applies for a permit", "WHEN a person requests shelter"). */
const SEEKING_CONDITIONS: ReadonlySet<string> = new Set(['if', 'when', 'whenever', 'where', 'once']);
/** People named by what they ask for: the noun is itself the benefit sought ("THE APPLICANT must cooperate"). */
const SEEKERS = new Set(['applicant', 'petitioner', 'claimant', 'requester']);

/**
 * Whether the act is in the subject of a requirement whose predicate holds the condition, and the subject names
 * people: "APPLICANTS for a residence permit MUST cooperate", "victims SEEKING a T visa MUST testify", "the
 * APPLICANT MUST be willing to cooperate". The subject runs from its clause's start to the modal, with no verb of
 * the clause between (a participle or a relative on the subject is its own clause); its first noun is a person,
 * or the act itself names people by what they seek.
 */
function soughtBySubject(reading: Reading, act: Span, condition: Span): boolean {
	const { tokens } = reading;
	const actTokens = reading.tokensIn(act);
	const last = actTokens[actTokens.length - 1];
	if (last === undefined || reading.tokenAt(condition) <= last) return false;
	const top = topLevel(reading, reading.clauseAt(condition));
	if (!reading.spanWithin(act, top)) return false;
	const modal = requiringModal(reading, condition, last + 1);
	if (modal < 0) return false;
	// The subject: the clause's own words before the modal hold no verb.
	let head: Token | undefined;
	for (let k = top.start; k < modal; k++) {
		if (reading.clauseOf[k] !== top.index) continue;
		const t = tokens[k]!;
		if (t.pos === 'VERB' || (t.pos === 'AUX' && tokens[k + 1]?.lower !== 'to') || t.text === ',' || t.text === ';') return false;
		if (!head && (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON')) head = t;
	}
	if (!head) return false;
	if (SEEKERS.has(head.lemma)) return true;
	return PERSON_NOUNS.has(head.lemma) && reading.tokenAt(act) > tokens.indexOf(head);
}

/**
 * The modal of a requirement that requires the condition itself, in the condition's top-level clause between
 * `from` and the condition, or -1. Only the condition, or showing or agreeing to it, may be what is required:
 * "must BE WILLING TO cooperate", "must DEMONSTRATE THAT THEY HAVE complied"; not another act that mentions it
 * ("shall be INFORMED of their right to decline to cooperate").
 */
function requiringModal(reading: Reading, condition: Span, from: number): number {
	const { tokens } = reading;
	const c = reading.tokenAt(condition);
	const top = topLevel(reading, reading.clauseAt(condition));
	let modal = -1;
	for (let k = Math.max(from, top.start); k < c; k++) {
		const t = tokens[k]!;
		if (t.text === ';' || t.text === ':') return -1;
		if (reading.clauseOf[k] !== top.index) continue;
		if ((REQUIRING.has(t.lower) && t.pos === 'AUX') || ((t.lemma === 'require' || t.lemma === 'oblige') && tokens[k - 1]?.lemma === 'be' && tokens[k + 1]?.lower === 'to') || (t.lemma === 'have' && tokens[k + 1]?.lower === 'to')) {
			modal = k;
			break;
		}
		if (t.pos === 'VERB' || t.pos === 'AUX') return -1;
	}
	if (modal < 0) return -1;
	for (let k = modal + 1; k < c; k++) {
		const t = tokens[k]!;
		// The addressee of a verb of showing: "must demonstrate TO UNITED STATES CITIZENSHIP AND IMMIGRATION SERVICES
		// their willingness to cooperate".
		// The tagger may take a capitalised name for a verb after "to" ("to UNITED/VERB States …").
		if ((t.lower === 'to' || t.lower === 'before') && SHOWING.has(tokens[k - 1]?.lemma ?? '') && !isVerbAfterTo(tokens[k + 1])) {
			while (k + 1 < c && (['DET', 'ADJ', 'NOUN', 'PROPN', 'CCONJ'].includes(tokens[k + 1]!.pos) || /^\p{Lu}/u.test(tokens[k + 1]!.text))) k++;
			continue;
		}
		if (!(t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || t.pos === 'PRON' || t.lower === 'that' || t.lower === 'to' || REQUIRED_AS.has(t.lemma) || REQUIRED_AS.has(t.lower))) return -1;
	}
	return modal;
}

/** Bodies whose cooperation is between institutions, not asked of a person: "the DEPARTMENT must cooperate with law enforcement". */
const INSTITUTIONS = new Set(['department', 'agency', 'ministry', 'office', 'unit', 'police', 'grant', 'program', 'programme', 'organisation', 'organization', 'ngo', 'provider', 'state', 'government', 'county', 'city', 'council', 'commission', 'board', 'court', 'shelter', 'centre', 'center', 'team', 'partner', 'authority', 'service', 'division', 'bureau', 'directorate', 'desk', 'grantee', 'coalition', 'taskforce', 'force']);

/**
 * Whether a cooperation condition is done by an institution: its verb's subject, right before it (modals and
 * adverbs aside), is a body, not a person: "the DEPARTMENT must cooperate with law enforcement", "the GRANT will
 * help the police". Such cooperation conditions nothing a person receives.
 */
function institutionActs(reading: Reading, condition: Span): boolean {
	const t = reading.tokens;
	let k = reading.tokenAt(condition) - 1;
	while (k >= 0 && (t[k]!.pos === 'AUX' || t[k]!.pos === 'ADV' || t[k]!.pos === 'PART')) k--;
	// A noun that ends a relative or participle clause on the subject is not the subject: in "victims who receive
	// SHELTER must cooperate" the victims cooperate.
	const nounClause = k >= 0 ? reading.clauses[reading.clauseOf[k]!]! : undefined;
	if (nounClause && (nounClause.kind === 'relative' || nounClause.kind === 'participle') && !reading.spanWithin(condition, nounClause)) return false;
	return k >= 0 && (t[k]!.pos === 'NOUN' || t[k]!.pos === 'PROPN') && INSTITUTIONS.has(t[k]!.lemma.toLowerCase());
}

/** Verbs of a purpose that gains something for the person: "… to QUALIFY for a visa", "in order to OBTAIN a permit". */
const GAINING = new Set(['enable', 'allow', 'permit', 'qualify', 'obtain', 'receive', 'access', 'get', 'gain', 'secure', 'earn', 'remain', 'stay', 'avoid', 'escape']);

/** The first verb of a clause's own words. */
function firstVerbOf(reading: Reading, clause: Clause): Reading['tokens'][number] | undefined {
	for (let k = clause.start; k < clause.end; k++) if (reading.clauseOf[k] === clause.index && reading.tokens[k]!.pos === 'VERB') return reading.tokens[k];
	return undefined;
}

/** Nouns for people, the heads a condition on a person attaches to. */
const PERSON_NOUNS = new Set(['person', 'people', 'victim', 'survivor', 'individual', 'alien', 'national', 'applicant', 'child', 'minor', 'woman', 'man', 'girl', 'boy', 'worker', 'migrant', 'recipient', 'beneficiary', 'claimant', 'witness', 'resident', 'citizen', 'client', 'patient', 'youth', 'adult', 'those', 'anyone', 'someone', 'one', 'foreigner', 'refugee', 'family', 'participant', 'student', 'member', 'parent', 'guardian', 'he', 'she', 'they', 'whoever']);

/** Whether a relative or participle clause describes a person: "who …", or a person noun just before it. */
function onPerson(reading: Reading, clause: Clause): boolean {
	if (clause.marker === 'who' || clause.marker === 'whom' || clause.marker === 'whose') return true;
	for (let k = clause.start - 1; k >= 0 && k >= clause.start - 3; k--) {
		const t = reading.tokens[k]!;
		// "THOSE that cooperate": the tagger may call the pronoun a determiner.
		if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || PERSON_NOUNS.has(t.lower)) return PERSON_NOUNS.has(t.lemma) || PERSON_NOUNS.has(t.lower);
		if (t.pos !== 'ADJ' && t.pos !== 'PUNCT') return false;
	}
	return false;
}

/** Prepositions after which a person is not the act's patient ("arrested FOR trafficking women", "BY the victims"). */
/** What a person is arrested, charged or convicted for, when it makes them the accused: "FOR human trafficking", "WITH the offence". */
const ACCUSED_OF = /^[\p{L}\s,]{0,40}?\b(?:for|with|of)\s+(?:the\s+|an?\s+)?(?:[\p{L}-]+\s+)?(?:trafficking|offen[cs]es?|crimes?|exploitation)\b/u;

/** Whether the participle at k is followed, within a few words, by the offence the person is accused of. */
function accusedOf(reading: Reading, k: number): boolean {
	return ACCUSED_OF.test(reading.text.slice(reading.tokens[k]!.end));
}

const NOT_PATIENT_AFTER = new Set(['for', 'by', 'against', 'from', 'with', 'about', 'on', 'than', 'like', 'between']);
/** Verbs that put a person in a place or state named by a noun act: "PLACED in protective custody", "TAKEN into detention". */
/** Verbs of being somewhere: their subject is in the place the phrase after them names. */
const STATE_VERBS = new Set(['be', 'remain', 'stay', 'languish', 'spend', 'sit']);
/** Verbs whose subject undergoes the act their object names: "FACE deportation", "COMPLETE probation". */
const UNDERGOING = new Set(['face', 'undergo', 'complete', 'serve', 'attend', 'endure', 'suffer', 'risk', 'await', 'submit']);
const LIGHT_VERBS = new Set(['place', 'put', 'keep', 'hold', 'take', 'send', 'transfer', 'remand', 'commit', 'subject', 'return', 'turn', 'hand', 'confine', 'bring', 'move', 'order', 'detain', 'produce', 'face']);

/** The token an act span turns on: its first verb or noun. */
function headOf(reading: Reading, span: Span): number {
	const indices = reading.tokensIn(span);
	// A verb if there is one; else the last noun ("mandatory court APPEARANCES", "protective CUSTODY").
	const verb = indices.find((k) => reading.tokens[k]!.pos === 'VERB');
	if (verb !== undefined) return verb;
	const nouns = indices.filter((k) => reading.tokens[k]!.pos === 'NOUN');
	return nouns[nouns.length - 1] ?? indices[0] ?? reading.tokenAt(span);
}

/**
 * Whether a person span is the patient of an act: the subject of a passive verb or of a light verb whose noun
 * is the act ("victims SHALL BE DETAINED", "victims shall be PLACED in custody"), the object of an active verb
 * ("police may ARREST the women"), the noun a participle act describes ("persons DETAINED in raids"), or the
 * "of" complement of a noun act ("the DETENTION OF victims"). With `offender` the span is an offender phrase (a
 * rule's `notPatient`: "report SUSPECTED TRAFFICKERS to the police"): a word that marks the person as the offender
 * then confirms the phrase instead of ruling it out.
 */
export function isPatient(reading: Reading, act: Span, person: Span, offender = false): boolean {
	const { tokens } = reading;
	// A person phrase that holds the act as its modifier ("RESCUED women", "detained persons") names its patient.
	if (person.start <= act.start && person.end > act.end) return true;
	const a = headOf(reading, act);
	const personTokens = reading.tokensIn(person);
	const p = personTokens[0] ?? reading.tokenAt(person);
	const pEnd = personTokens[personTokens.length - 1] ?? p;
	if (!offender && describesOffender(tokens, pEnd)) return false;
	// "the punishment of RESPONSIBLE individuals", "the arrest of SUSPECTED persons": a word before the person that
	// makes them the offender.
	if (!offender && (OFFENDER_BEFORE.has(tokens[p - 1]?.lower ?? '') || OFFENDER_BEFORE.has(tokens[p]!.lower))) return false;
	if (PUNITIVE.has(tokens[a]!.lemma) && (undescribedCount(tokens, p, pEnd, a) || accusedOfTrafficking(reading, act) || chargedInApposition(reading, tokens[pEnd]!.end) || guiltyBefore(tokens, a) || accusedOfActOnOthers(tokens, Math.max(a, pEnd)) || rescuedOthers(reading, a, p, pEnd))) return false;
	// A past participle right after the person is done to them, whatever leads up to the person: "testing of
	// every person ADMITTED to the shelter", "services for women ARRESTED in the sweep".
	const first = tokens[a]!;
	const before = tokens[p - 1];
	if (a === pEnd + 1 && (before?.lower === 'on' || before?.lower === 'for') && first.pos === 'VERB' && first.lower !== first.lemma && !first.lower.endsWith('ing') && !accusedOf(reading, a)) return true;
	// "HER passport", "HER family": a possessive names whose thing it is, not who the act is done to.
	if (tokens[p]!.lower === 'her' && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[p + 1]?.pos ?? '')) return false;
	if (before && NOT_PATIENT_AFTER.has(before.lower) && !forUndertaking(tokens, a, p) && !(before.lower === 'from' && tokens[p - 2]?.lemma === 'remove') && !(before.lower === 'by' && tokens[headOf(reading, act)]?.pos === 'NOUN')) return false;
	const head = tokens[a]!;
	// The tagger reads some past participles of lower-cased text as nouns ("the unit RESCUED 14 adults"), and a
	// bare verb after a noun as a compound ("helped the police RESCUE 30 women"): a noun is not followed by a count.
	// "helped local police RESCUE YOUNG women" likewise: a noun with the person right after it, only modifiers
	// between and no preposition, is a verb with its object.
	const verbal = head.pos === 'VERB' || (/ed$/.test(head.lower) && head.lemma !== head.lower) || (head.pos === 'NOUN' && (tokens[a + 1]?.pos === 'NUM' || (p > a + 1 && p - a <= 3 && tokens[a - 1]?.pos === 'NOUN' && tokens.slice(a + 1, p).every((t) => t.pos === 'ADJ' || t.pos === 'NUM'))));
	// A passive needs a participle: "is TO RESCUE" is not one.
	// A progressive ("police ARE TARGETING buyers", "officers WERE DETAINING migrants") is active: only a participle
	// not in -ing after "be" or "get" makes a passive.
	const passive = head.lower !== head.lemma && !head.lower.endsWith('ing') && [a - 1, a - 2, a - 3].some((k) => k >= 0 && (tokens[k]!.lemma === 'be' || tokens[k]!.lemma === 'get') && !tokens.slice(k + 1, a).some((t) => t.pos === 'NOUN'));
	// A person inside a relative or participle clause that does not hold the act describes someone else: in "any
	// trafficker who recruits A VICTIM shall be prosecuted" the trafficker is prosecuted.
	const personClause = reading.clauses[reading.clauseOf[p]!]!;
	if ((personClause.kind === 'relative' || personClause.kind === 'participle') && !reading.isWithin(a, personClause) && personClause.start < p) return false;
	if (p < a) {
		// The person may be the apposition itself, whose closing comma then stands before the verb: "213 people,
		// INCLUDING 111 WOMEN, were arrested".
		const gap = gapTokens(reading, pEnd + 1, a);
		const inApposition = gap[0]?.text === ',' && [p - 1, p - 2, p - 3].some((k) => APPOSITION_OPENERS.has(tokens[k]?.lower ?? '') && tokens[k - 1]?.text === ',');
		const between = inApposition ? gap.slice(1) : gap;
		// A participle right after the person: "persons DETAINED in raids", "victims ARRESTED during the sting".
		// A pronoun is never described so: "they ARRESTED the owner" is active.
		if (verbal && head.lower !== head.lemma && between.every((t) => t.pos === 'ADV') && (tokens[p]!.pos !== 'PRON' || INDEFINITE_PEOPLE.has(tokens[p]!.lower))) return true;
		// The subject of a passive: only auxiliaries, adverbs and negations between ("victims shall not be detained"),
		// or an apposition set off by commas ("forty-one women, all foreign nationals, were detained").
		// Coordinated participles share the subject: "eight women were charged AND deported", "were arrested,
		// fingerprinted and detained".
		// A participle coordinated after a passive shares it: "is to be returned home OR PLACED in a facility".
		const subjectGap = withoutApposition(withoutConjuncts(withoutPostmodifiers(between)));
		if (!passive && verbal && tokens[a - 1]?.lower === 'or' && head.lower !== head.lemma && subjectGap[0]?.pos === 'AUX' && sharedSubject(subjectGap)) return true;
		if (passive && verbal) {
			// The person a relative clause describes is its subject: "the 111 women WHO were arrested".
			const actClause = reading.clauses[reading.clauseOf[a]!]!;
			// A comma may set the relative clause off: "eight women, WHO were rescued from a spa, …".
			const comma = tokens[pEnd + 1]?.text === ',' ? 1 : 0;
			const relative = actClause.kind === 'relative' && actClause.start === pEnd + 1 + comma && (RELATIVE_PRONOUNS.has(tokens[pEnd + 1 + comma]!.lower) || (!comma && tokens[pEnd + 1]!.lower === 'that'));
			const rest = withoutApposition(relative ? between.slice(1 + comma) : withoutConjuncts(withoutPostmodifiers(between)));
			if (rest.every((t, i, all) => t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || TIME_ADVERBS.has(t.lower) || raisingAt(all, i) || (coordinatedParticiple(all, i) && all.slice(0, i).some((x) => x.lemma === 'be' || x.lemma === 'get')))) return true;
			return sharedSubject(rest);
		}
		// The subject of a verb of undergoing names who a nominal act is done to: "the women are FACING deportation",
		// "the defendant must COMPLETE twelve months of supervision", "victims shall UNDERGO a medical examination".
		if (head.pos === 'NOUN' && !passive) {
			// The tagger may read the verb after a modal as an adjective ("must COMPLETE/ADJ twelve months").
			const v = subjectGap.findIndex((t, i) => UNDERGOING.has(t.lemma) && (t.pos === 'VERB' || (t.pos === 'ADJ' && subjectGap[i - 1]?.pos === 'AUX')));
			if (v >= 0 && subjectGap.slice(0, v).every((t) => t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART') && subjectGap.slice(v + 1).every((t) => ['DET', 'ADJ', 'NUM', 'NOUN'].includes(t.pos) || t.lower === 'of' || t.lower === 'to')) return true;
		}
		// The subject of a light verb whose prepositional phrase names the act: "victims shall be PLACED IN custody".
		// Modifiers may stand between: "placed in IMMIGRATION detention", "held in THE POLICE custody".
		let prep = a - 1;
		while (prep > pEnd && a - prep <= 3 && ['ADJ', 'DET', 'NOUN', 'PROPN'].includes(tokens[prep]!.pos)) prep--;
		// "FOR removal" after a light verb is the act it serves: "handed to immigration FOR removal", "held FOR deportation".
		// "GUILTY OF an offence" lays the penalty on the subject as "liable TO a fine" does: "any person found begging
		// shall be guilty of an offence".
		const guiltyOf = tokens[prep]?.lower === 'of' && tokens[prep - 1]?.lower === 'guilty';
		if (head.pos === 'NOUN' && (['in', 'into', 'under', 'to', 'on'].includes(tokens[prep]?.lower ?? '') || guiltyOf || (tokens[prep]?.lower === 'for' && subjectGap.some((t) => LIGHT_VERBS.has(t.lemma) && t.pos === 'VERB')))) {
			// The object of a light verb before it: "police TOOK 15 women into custody", "PLACED the victims in detention".
			if (prep === pEnd + 1 && lightVerbBefore(tokens, p)) return true;
			// Or of a verb of being there: "the women ARE NOW in immigration detention", "victims REMAIN in custody".
			const light = subjectGap.findIndex((t) => LIGHT_VERBS.has(t.lemma) && t.pos === 'VERB');
			const verbAt = light >= 0 ? light : subjectGap.findIndex((t, i) => STATE_VERBS.has(t.lemma) && (t.pos === 'VERB' || t.pos === 'AUX') && subjectGap[i + 1]?.pos !== 'VERB' && subjectGap[i + 1]?.pos !== 'AUX');
			const before = subjectGap.slice(0, verbAt);
			return verbAt >= 0 && (before.every((t, i) => t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || raisingAt(before, i)) || sharedSubject(before)) && subjectGap.slice(verbAt + 1).every((t) => ['ADP', 'DET', 'ADJ', 'ADV', 'NOUN', 'PROPN'].includes(t.pos));
		}
		// A possessive: "the victims' detention".
		if (head.pos === 'NOUN' && a - pEnd <= 2 && /['’]s?$/.test(tokens[pEnd + 1]?.text ?? '')) return true;
		// A compound: the person noun modifies the nominal act, or a list of them ending in it: "VICTIM rescue",
		// "VICTIM identification and rescue".
		// A list item of its own ("victims, AND arrest") is not a compound: a noun must follow the person.
		return head.pos === 'NOUN' && tokens[pEnd]!.pos === 'NOUN' && a - pEnd <= 3 && (a === pEnd + 1 || tokens[pEnd + 1]!.pos === 'NOUN') && tokens.slice(pEnd + 1, a).every((t) => t.pos === 'NOUN' || t.pos === 'CCONJ');
	}
	// A fronted act with no subject of its own is done to the main clause's subject: "IF ARRESTED, a victim shall be
	// …", "ONCE DETAINED, the women are …", "UPON FURTHER QUESTIONING, the victims admitted …".
	if (p > a && frontedActSubject(reading, a) === p) return true;
	// Copular identity: "(seventy-eight of) THOSE ARRESTED WERE women whom police believe could be victims" — the
	// people a participle describes are, by the copula, the person named after it.
	if (p > a && head.pos === 'VERB' && head.lower !== head.lemma && INDEFINITE_PEOPLE.has(tokens[a - 1]?.lower ?? '')) {
		const rest = tokens.slice(a + 1, p);
		const be = rest.findIndex((t) => t.lemma === 'be');
		if (be >= 0 && rest.slice(0, be).every((t) => t.pos === 'ADV' || t.pos === 'ADP' || ITEM_WORDS.has(t.pos)) && rest.slice(be + 1).every((t) => t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'ADV')) return true;
	}
	// After the act: the object of an active verb, or "of" + person after a noun act, within a few words.
	if (p - a > 10) return false;
	// Nouns right before the person modify it ("32 TRAFFICKING victims", "TIP victims"): they are not the object.
	let q = p;
	while (q - 1 > a && (tokens[q - 1]!.pos === 'NOUN' || tokens[q - 1]!.pos === 'PROPN')) q--;
	// After the act's last word: "GO AFTER clients" has nothing between.
	const actTokens = reading.tokensIn(act);
	const between = throughCollective(tokens.slice(Math.max(a, actTokens[actTokens.length - 1] ?? a) + 1, q));
	// A quantity before a count modifies it: "rescued AS MANY AS 174 women", "OVER 330 victims", "UP TO 40 people".
	const count = between.findIndex((t) => t.pos === 'NUM');
	const modifiers = (t: { pos: string; lower: string }, i = -1): boolean => t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || (i >= 0 && i < count && QUANTITY.has(t.lower));
	// A participle right before the person describes what was done to them: "RESCUED women", "DETAINED migrants".
	if (q === a + 1 && /(?:ed|en)$/.test(head.lower) && head.pos !== 'AUX') return true;
	// "supervision OF victims", and "court appearances BY the victim": a nominal act undergone by whom it names;
	// a noun in a list of verbs is a verb the tagger missed ("identify, RESCUE and assist victims").
	if (head.pos === 'NOUN' && !verbal && !inVerbList(tokens, a)) {
		// Coordinated nouns share the "of": "the rescue, rehabilitation and reintegration OF victims".
		let k = 0;
		while (k < between.length && (between[k]!.pos === 'NOUN' || between[k]!.pos === 'CCONJ' || between[k]!.text === ',') && between.slice(0, k + 1).some((t) => t.pos === 'CCONJ' || t.text === ',')) k++;
		// Up to three: in a longer list ("arrest, investigation, trial, identification of victims") the "of"
		// belongs to the last item only.
		const listed = between.slice(0, k).filter((t) => t.pos === 'NOUN').length;
		const rest = between[k]?.lower === 'of' && listed <= 2 ? between.slice(k) : between;
		// Participles modify the person too, with their adverbs: "the arrest of 110 INTENDED sex purchasers", "the
		// rescue of COMMERCIALLY SEXUALLY EXPLOITED victims"; so does a quantity before a count: "the rescue of OVER 100
		// victims".
		const restCount = rest.findIndex((t) => t.pos === 'NUM');
		// The act may name a kind of undertaking, for whom it is done: "RESCUE MISSIONS FOR victims", "rescue and
		// stabilization TO victims".
		const tail = between.slice(k);
		const undertaking = tail[0]?.pos === 'NOUN' && tail[1]?.lower === 'for' ? tail.slice(1) : tail;
		if (undertaking.length > 0 && (undertaking[0]!.lower === 'for' || (undertaking[0]!.lower === 'to' && k > 0)) && undertaking.slice(1).every((t) => modifiers(t))) return true;
		// The person may be the second of coordinated complements or share coordinated modifiers: "the rescue of
		// INTERNATIONAL AND DOMESTIC victims", "the rescue of CHILDREN AND adult victims", as an active verb's
		// object may ("rescued women and girls").
		const ofPhrase = rest.slice(1);
		const ofCoordinated = ofPhrase.some((t) => t.lower === 'and' || t.lower === 'or');
		const ofJoiner = (j: number): boolean => ofCoordinated && j > 0 && (ofPhrase[j]!.lower === 'and' || ofPhrase[j]!.lower === 'or' || ofPhrase[j]!.text === ',') && ofPhrase[j + 1]?.pos !== 'ADP';
		return rest.length > 0 && (rest[0]!.lower === 'of' || rest[0]!.lower === 'by') && ofPhrase.every((t, j) => modifiers(t) || (j + 1 < restCount && QUANTITY.has(t.lower)) || (t.pos === 'VERB' && /ed$/.test(t.lower)) || (t.pos === 'ADV' && /ly$/.test(t.lower)) || ofJoiner(j) || (ofCoordinated && (t.pos === 'NOUN' || t.pos === 'PROPN') && ofJoiner(j + 1)));
	}
	// "contact THE FAMILY OF the person", "share THE NAMES OF victims": the person owns the object of the act.
	// The relational noun may end the act itself: "CONTACT THE FAMILY of the person".
	if (!passive && between[0]?.lower === 'of' && RELATIONAL.has(tokens[actTokens[actTokens.length - 1] ?? a]!.lemma) && between.slice(1).every(modifiers)) return true;
	const of = between.findIndex((t) => t.lower === 'of');
	if (!passive && of > 0 && RELATIONAL.has(between[of - 1]!.lemma) && between.slice(of + 1).every(modifiers)) return between.slice(0, of).every((t) => modifiers(t) || t.pos === 'NOUN' || t.lower === ',' || t.lower === 'and');
	// The object of an active verb, possibly the second of coordinated objects or of coordinated verbs ("detain and
	// question potential traffickers and victims"); a preposition or a finite verb between ends it.
	// A verb between is a second verb sharing the object ("detain and QUESTION victims") only when no noun precedes
	// it: in "punish traffickers and PROTECT victims" each verb has its own object.
	// "as well as" coordinates as "and" does: "detained the manager AS WELL AS the women".
	const coordinator = (i: number): boolean => between[i]!.pos === 'CCONJ' || asWellAsAt(between, i);
	const coordinated = between.some((_, i) => coordinator(i));
	return !passive && between.every((t, i) => modifiers(t, i) || t.pos === 'ADV' || coordinator(i) || t.text === ',' || ((t.pos === 'NOUN' || t.pos === 'PROPN') && coordinated) || (t.pos === 'VERB' && (t.lower === t.lemma || (t.lower.endsWith('ing') && head.lower.endsWith('ing'))) && !between.slice(0, i).some((x) => x.pos === 'NOUN' || x.pos === 'PROPN' || x.pos === 'PRON')));
}

/** Nouns of sanction, besides the punitive and accusing acts, whose "for" names an offence: "convictions FOR prostitution". */
const OFFENCE_NOUNS = new Set(['conviction', 'citation', 'sentence', 'penalty', 'fine', 'warrant', 'ticket']);

/** "RESCUE (MISSIONS) FOR victims": a nominal act, perhaps naming a kind of undertaking, done for the person after "for". */
function forUndertaking(tokens: readonly Token[], a: number, p: number): boolean {
	// After a punitive act "for" names the offence: "convictions FOR prostitution".
	if (tokens[a]!.pos !== 'NOUN' || tokens[p - 1]?.lower !== 'for' || PUNITIVE.has(tokens[a]!.lemma) || ACCUSED.has(tokens[a]!.lemma) || OFFENCE_NOUNS.has(tokens[a]!.lemma)) return false;
	const gap = tokens.slice(a + 1, p - 1);
	return gap.length <= 1 && gap.every((t) => t.pos === 'NOUN');
}

/** Pronouns a participle can describe: "EVERYONE rescued", "THOSE arrested" (not "they arrested …"). */
const INDEFINITE_PEOPLE = new Set(['everyone', 'everybody', 'anyone', 'anybody', 'those', 'all', 'none', 'some', 'many', 'most', 'others']);

/** Nouns for people that say nothing of which side they are on, until a clause after them does. */
const GENERIC_PEOPLE = new Set(['person', 'people', 'individual', 'anyone', 'those', 'adult', 'someone', 'whoever', 'man', 'alien', 'national', 'foreigner', 'non-citizen', 'noncitizen']);
/**
 * Acts of buying sex or of trafficking, or of breaking the law a provision enforces ("persons CONTRAVENING the provisions
 * of this Act"): people who do them are the offenders a provision punishes, not victims.
 */
const OFFENDING = new Set(['purchase', 'buy', 'solicit', 'patronize', 'patronise', 'traffic', 'trafficking', 'exploit', 'procure', 'pimp', 'pay', 'contravene', 'perpetrate']);
/** Participles that say someone is suspected or convicted of an offence named after them. */
const ACCUSED = new Set(['charge', 'convict', 'accuse', 'suspect', 'indict']);

/** "of being (a) victim(s) of …", "of having been trafficked": what follows a participle of suspicion names a victim's status. */
function victimStatusAfter(tokens: Reading['tokens'], k: number): boolean {
	if (tokens[k]?.lower !== 'of') return false;
	for (let i = k + 1; i < tokens.length && i <= k + 5; i++) {
		const t = tokens[i]!;
		if (t.lemma === 'victim' || t.lemma === 'survivor' || (t.lower === 'trafficked' && tokens[i - 1]!.lemma === 'be')) return true;
		if (t.pos === 'PUNCT') break;
	}
	return false;
}

/**
 * Whether a generic person word is described, right after it, as an offender: "persons WHO ENGAGE IN THE
 * PURCHASE of commercial sex acts", "people SEEKING TO PURCHASE sex", "persons CHARGED WITH, or convicted of,
 * purchasing …". A passive clause describes victims instead ("persons who WERE TRAFFICKED", "people exploited").
 */
function describesOffender(tokens: Reading['tokens'], end: number): boolean {
	const head = tokens[end];
	// The tagger may leave a hyphenated plural unlemmatised ("NON-CITIZENS/ADJ convicted of serious offences").
	if (!head || !(GENERIC_PEOPLE.has(head.lemma) || GENERIC_PEOPLE.has(head.lower.replace(/s$/, '')))) return false;
	let k = end + 1;
	const first = tokens[k];
	if (!first) return false;
	// "the persons RESPONSIBLE for the exploitation", "those BEHIND the trafficking": who did it.
	if (first.lower === 'responsible' || (first.lower === 'behind' && head.lemma !== 'person')) return true;
	if (first.lower === 'who' || first.lower === 'that') k++;
	else if (first.pos !== 'VERB') return false;
	const opener = tokens[k];
	if (!opener || opener.pos === 'AUX' || opener.lemma === 'be' || opener.lemma === 'get') return false;
	// "persons suspected of being victims", "individuals believed to be trafficked": suspected of a status, not of an offence.
	if (ACCUSED.has(opener.lemma) && opener.lower !== opener.lemma) return !victimStatusAfter(tokens, k + 1);
	if (opener.lower !== opener.lemma && /ed$/.test(opener.lower) && OFFENDING.has(opener.lemma)) return false;
	for (let i = k; i < tokens.length && i <= k + 5; i++) {
		const t = tokens[i]!;
		if (t.pos === 'PUNCT' && t.text !== ',') break;
		if (OFFENDING.has(t.lemma) || OFFENDING.has(t.lower)) return !(i > k && (tokens[i - 1]!.lemma === 'be' || tokens[i - 1]!.lemma === 'get'));
	}
	return false;
}

/**
 * What a punitive act is for, when it makes the person the accused: "people have been charged and convicted OF
 * OFFENCES DIRECTLY RELATED TO HUMAN TRAFFICKING", "arrested ON SUSPICION OF trafficking". Not "the detention OF
 * VICTIMS of trafficking": words for victims between make the trafficking what was done to them.
 */
const ACCUSED_OF_TRAFFICKING = /^(?:[\s,]*[\p{L}-]+){0,3}?[\s,]*\b(?:for|with|of|on\s+(?:charges?|suspicion)\s+of)\s+((?:[\p{L}-]+\s+){0,5}?)(?:trafficking|exploitation|pimping|pandering|procuring|smuggling)\b(?!\s+(?:victims?|survivors?|persons?|people|women|girls|children|minors))/u;
const VICTIM_WORDS = /\b(?:victims?|survivors?|trafficked|being|persons?|people|women|girls|children|workers)\b/u;

function accusedOfTrafficking(reading: Reading, act: Span): boolean {
	// An act whose words end with the marker ("CHARGED WITH"): what follows is the charge itself.
	const after = reading.text.slice(act.end);
	const m = /\b(?:for|with|of)$/u.test(reading.text.slice(act.start, act.end)) ? CHARGE_AFTER_MARKER.exec(after) : ACCUSED_OF_TRAFFICKING.exec(after);
	return m !== null && !VICTIM_WORDS.test(m[1]!);
}
/**
 * Whether the person is set off as the accused by an apposition right after them: "the detention of a woman, CHARGED
 * WITH HUMAN TRAFFICKING". Only right after the person: in "the detention of a victim who was a witness in the trial
 * of Maurice Hunt, charged with sex trafficking" the one charged is the defendant named last.
 */
function chargedInApposition(reading: Reading, end: number): boolean {
	const m = APPOSED_CHARGE.exec(reading.text.slice(end));
	return m !== null && !VICTIM_WORDS.test(m[1]!);
}
const APPOSED_CHARGE = /^\s*,\s*(?:who\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+)?(?:charged|accused|arrested|convicted|indicted|suspected|prosecuted)\s+(?:with|of|for|on\s+(?:charges?|suspicion)\s+of)\s+((?:[\p{L}-]+\s+){0,5}?)(?:trafficking|exploitation|pimping|pandering|procuring|smuggling)\b(?!\s+(?:victims?|survivors?|persons?|people|women|girls|children|minors))/u;
const CHARGE_AFTER_MARKER = /^\s+((?:[\p{L}-]+\s+){0,5}?)(?:trafficking|exploitation|pimping|pandering|procuring|smuggling)\b(?!\s+(?:victims?|survivors?|persons?|people|women|girls|children|minors))/u;

/** "A person who … induces an adult to become a prostitute IS GUILTY OF pandering and shall be punished": the one punished is the offender. */
function guiltyBefore(tokens: readonly Token[], a: number): boolean {
	for (let k = a - 1; k > 0; k--) if (tokens[k]!.lower === 'of' && tokens[k - 1]!.lower === 'guilty') return true;
	return false;
}

/**
 * Whether what a punitive act is done for, right after the act and its person, is an act on others: "arrested a
 * 31-year-old female FOR ALLEGEDLY RUNNING the racket", "were arrested FOR OBTAINING SEXUAL SERVICES", "detained FOR
 * HARBOURING migrants". The person arrested is the one who ran, bought or harboured, not one who may be trafficked.
 * Soliciting is left out: "arrested for soliciting" is as often the person selling sex.
 */
function accusedOfActOnOthers(tokens: readonly Token[], from: number): boolean {
	for (let k = from + 1; k < tokens.length && k <= from + 5; k++) {
		const t = tokens[k]!;
		if (t.text === ',' || t.text === ';' || t.pos === 'AUX' || t.pos === 'VERB') return false;
		if (t.lower !== 'for') continue;
		let j = k + 1;
		// Adverbs between, whatever the tagger calls them: "for ALLEGEDLY running".
		while (j < tokens.length && (tokens[j]!.pos === 'ADV' || /^(?:allegedly|reportedly|illegally|knowingly)$/.test(tokens[j]!.lower))) j++;
		const v = tokens[j];
		if (!v || !v.lower.endsWith('ing') || SELLING_SEX.has(v.lemma)) return false;
		return (onOthers(v) && v.lemma !== 'live') || (v.lemma === 'obtain' && /^(?:sexual|sex)$/.test(tokens[j + 1]?.lower ?? ''));
	}
	return false;
}

/** Words before a person that make them the offender: "RESPONSIBLE individuals", "SUSPECTED traffickers", "ALLEGED perpetrators". */
const OFFENDER_BEFORE = new Set(['responsible', 'guilty', 'suspected', 'accused', 'alleged', 'convicted', 'culpable']);

/** Offences named for the person selling sex as often as for the buyer: not acts on others. */
const SELLING_SEX = new Set(['solicit', 'soliciting', 'solicitation', 'loiter', 'loitering']);

/**
 * Verbs of taking people out of exploitation, or of helping them: the people they are done to are the victims of the
 * sentence. Helping counts as rescuing does, so that neutral wording ("ten women were OFFERED assistance and five
 * people arrested") sets the arrested apart as the rescue it replaces did.
 */
const RESCUING = new Set(['rescue', 'free', 'save', 'liberate', 'assist', 'help', 'offer']);
/** Words that name a person as one who may have been trafficked. */
const VICTIM_PERSON = /\b(?:victims?|survivors?|trafficked|exploited|rescued|freed|women|girls|prostitutes?|sex\s+workers?|workers?|migrants?|foreign|minors?|children|juveniles?)\b/iu;

/**
 * Whether a punitive act's person is set apart from the people the sentence rescues: "the Hawks have RESCUED 10
 * women … and ARRESTED FIVE PEOPLE", "police have rescued three women and arrested a 31-year-old female for …".
 * When one predicate rescues some and another arrests others, the rescued are the victims and the arrested the
 * suspects, unless the arrested are themselves named as people who may be trafficked (women, workers, migrants
 * …), are a pronoun (who may be the rescued), or are the ones rescued ("women WHO WERE RESCUED … were deported").
 */
function rescuedOthers(reading: Reading, a: number, p: number, pEnd: number): boolean {
	const { tokens } = reading;
	if (tokens[p]!.pos === 'PRON') return false;
	const personText = reading.text.slice(tokens[Math.max(0, p - 2)]!.start, tokens[pEnd]!.end);
	if (VICTIM_PERSON.test(personText)) return false;
	for (let k = 0; k < tokens.length; k++) {
		if (k === a || (k >= p && k <= pEnd)) continue;
		const t = tokens[k]!;
		if (!RESCUING.has(t.lemma) || !(t.pos === 'VERB' || hasParticipleForm(t))) continue;
		// The rescue is another predicate's: the person is not the one it is done to.
		if (!isPatient(reading, { start: t.start, end: t.end }, { start: tokens[p]!.start, end: tokens[pEnd]!.end })) return true;
	}
	return false;
}

/** Acts done to suspects as often as to victims: who they are done to must be said. */
const PUNITIVE = new Set(['arrest', 'detain', 'detention', 'charge', 'prosecute', 'prosecution', 'jail', 'imprison', 'imprisonment', 'deport', 'deportation', 'apprehend', 'convict', 'punish', 'punishment', 'remand', 'book', 'incarcerate', 'incarceration']);
/** Heads of a bare count of people: "393 PEOPLE were arrested", "the arrest of 29 PERSONS". */
const COUNTED_PEOPLE = new Set(['person', 'people', 'individual']);

/**
 * Whether the person is a bare count of generic people that nothing describes: "393 people were arrested",
 * "the arrests of 29 people on sex trafficking charges" count suspects as often as victims. A word before
 * ("trafficked persons", "foreign persons") or a clause or phrase after ("persons WHO cannot prove lawful status",
 * "persons ENGAGED in prostitution", "persons FOUND in the brothels", "people, INCLUDING 111 women") says who they
 * are; the act itself after them ("the persons ARRESTED") does not.
 */
function undescribedCount(tokens: readonly Token[], p: number, pEnd: number, act: number): boolean {
	const head = tokens[pEnd];
	if (!head || !COUNTED_PEOPLE.has(head.lemma)) return false;
	const counted = tokens.slice(p, pEnd).every((t) => t.pos === 'NUM' || t.pos === 'DET') && (tokens[p - 1]?.pos === 'NUM' || tokens.slice(p, pEnd).some((t) => t.pos === 'NUM') || ['the', 'of'].includes(tokens[p - 1]?.lower ?? ''));
	if (!counted) return false;
	const before = tokens[p - 1];
	if (before && (before.pos === 'ADJ' || (before.pos === 'VERB' && before.lower !== before.lemma))) return false;
	const next = tokens[pEnd + 1];
	if (!next || pEnd + 1 === act) return true;
	if (RELATIVE_PRONOUNS.has(next.lower) || next.lower === 'that') return false;
	if (next.pos === 'VERB' && next.lower !== next.lemma && !['were', 'was', 'are', 'is'].includes(next.lower)) return false;
	if (next.text === ',' && APPOSITION_OPENERS.has(tokens[pEnd + 2]?.lower ?? '')) return false;
	return !(next.pos === 'ADP' && POSTMODIFIER_OPENERS.has(next.lower) && next.lower !== 'of');
}

/** Whether token `i` is part of "as well as". */
function asWellAsAt(tokens: readonly Token[], i: number): boolean {
	for (let start = i - 2; start <= i; start++) {
		if (start >= 0 && tokens[start]?.lower === 'as' && tokens[start + 1]?.lower === 'well' && tokens[start + 2]?.lower === 'as') return true;
	}
	return false;
}

/** Conjunctions and prepositions that open a fronted act with no subject of its own: "IF arrested, …", "UPON questioning, …". */
const FRONTED_ACT_OPENERS = new Set(['once', 'when', 'if', 'after', 'upon', 'on', 'during', 'following', 'until', 'unless', 'while', 'whilst', 'before']);

/**
 * The first token of the main clause's subject after a fronted act that has none of its own ("If arrested, A
 * VICTIM shall …", "Upon further questioning, THE VICTIMS admitted …"), or -1. The act opens the sentence behind its
 * opener (with "being", an adverb or an adjective of the noun between), a comma ends the fronted phrase within a few words and
 * no verb of its own, and the subject is the first noun or pronoun after it, with only determiners, adjectives and
 * numbers before.
 */
function frontedActSubject(reading: Reading, a: number): number {
	const { tokens } = reading;
	let k = a - 1;
	while (k >= 0 && (tokens[k]!.lower === 'being' || tokens[k]!.lower === 'been' || (tokens[k]!.pos === 'ADJ' && tokens[k + 1]!.pos === 'NOUN') || tokens[k]!.pos === 'ADV')) k--;
	if (k < 0 || !FRONTED_ACT_OPENERS.has(tokens[k]!.lower)) return -1;
	// Only an enumerator may stand before the opener: "(b) If arrested, …".
	for (let j = 0; j < k; j++) if (!(tokens[j]!.pos === 'PUNCT' || tokens[j]!.pos === 'NUM' || (/^[a-z]{1,3}$/i.test(tokens[j]!.text) && tokens[j + 1]?.text === ')'))) return -1;
	// The act is a bare participle ("arrested") or a noun ("questioning", "interrogation"), not a finite verb with its subject.
	const act = tokens[a]!;
	if (!(act.pos === 'NOUN' || (act.pos === 'VERB' && act.lower !== act.lemma))) return -1;
	let comma = -1;
	for (let j = a + 1; j < tokens.length && j <= a + 8; j++) {
		if (tokens[j]!.text === ',') {
			comma = j;
			break;
		}
		// A verb group before the comma ("once arrested ARE taken …") means the act is no fronted phrase ending there.
		if (tokens[j]!.pos === 'AUX' || (tokens[j]!.pos === 'VERB' && tokens[j]!.lower.endsWith('s')) || tokens[j]!.text === ';') return -1;
	}
	if (comma < 0) return -1;
	let h = comma + 1;
	while (h < tokens.length && ['DET', 'ADJ', 'NUM'].includes(tokens[h]!.pos)) h++;
	const head = tokens[h];
	return head !== undefined && (head.pos === 'NOUN' || head.pos === 'PROPN' || head.pos === 'PRON') ? h : -1;
}

/** Verbs and adjectives that pass their subject on to the infinitive after them: "the victims are EXPECTED to be placed in custody". */
const RAISING = new Set(['expected', 'lucky', 'fortunate', 'unlucky', 'unfortunate', 'likely', 'due', 'set', 'going', 'about', 'bound', 'scheduled', 'supposed', 'slated', 'certain', 'seem', 'seems', 'seemed', 'appear', 'appears', 'appeared', 'unlikely']);

/** Whether token i of a run is a raising word followed by "to": "are EXPECTED to be", "are LIKELY to be". */
function raisingAt(run: Reading['tokens'], i: number): boolean {
	return RAISING.has(run[i]!.lower) && run[i + 1]?.lower === 'to';
}

/** Words of time between auxiliaries that the tagger may not call adverbs: "have SINCE been deported". */
const TIME_ADVERBS = new Set(['since', 'already', 'also', 'then', 'later', 'subsequently', 'reportedly', 'allegedly', 'now']);

/** Whether a light verb governs the noun phrase starting at `p`: "TOOK (the) 15 women", "PLACED them". */
function lightVerbBefore(tokens: readonly Token[], p: number): boolean {
	let k = p - 1;
	while (k >= 0 && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'NUM' || tokens[k]!.pos === 'ADJ')) k--;
	const verb = tokens[k];
	return verb !== undefined && verb.pos === 'VERB' && LIGHT_VERBS.has(verb.lemma);
}

/** Nouns and quantifiers that name an amount of what follows "of": "a TOTAL of 59 victims", "a GROUP of women". */
const COLLECTIVE = new Set(['total', 'group', 'groups', 'number', 'numbers', 'dozen', 'dozens', 'hundreds', 'thousands', 'scores', 'handful', 'couple', 'majority', 'batch', 'all', 'most', 'many', 'several', 'some', 'each', 'both']);

/**
 * The words between an act and its person without a collective head before "of": in "rescued a total of 59
 * victims" and "detained a group of women" the victims and the women are who the act is done to, as in
 * "rescued 59 victims". Only a collective, with determiners, adjectives and numbers, may stand before the "of".
 */
function throughCollective(between: readonly Token[]): readonly Token[] {
	const of = between.findIndex((t) => t.lower === 'of');
	if (of <= 0) return between;
	const head = between.slice(0, of);
	if (!head.some((t) => COLLECTIVE.has(t.lower)) || !head.every((t) => COLLECTIVE.has(t.lower) || t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM')) return between;
	return between.slice(of + 1);
}

/** Words of a quantity phrase before a number. */
const QUANTITY = new Set(['as', 'many', 'much', 'over', 'more', 'than', 'up', 'to', 'at', 'least', 'nearly', 'almost', 'about', 'around', 'approximately', 'roughly', 'some', 'well', 'just', 'under', 'fewer', 'less']);

/**
 * Whether `who` is the subject of the act, strictly: right before it with only auxiliaries, adverbs, negations
 * and an infinitive marker between ("the prostitute REPORTS", "victims MAY report", "encouraging victims TO
 * report"), or its agent after "by" in a passive ("held BY traffickers").
 */
export function isSubject(reading: Reading, act: Span, who: Span): boolean {
	const { tokens } = reading;
	const a = headOf(reading, act);
	const whoTokens = reading.tokensIn(who);
	const w = whoTokens[whoTokens.length - 1] ?? reading.tokenAt(who);
	if (w < a) {
		if (!samePredicate(reading, act, who)) return false;
		// A person inside a relative clause describes the subject and is not it: in "service providers WHO
		// ENCOUNTER A POSSIBLE VICTIM shall notify the police" the providers notify.
		const whoClause = reading.clauses[reading.clauseOf[w]!]!;
		if ((whoClause.kind === 'relative' || whoClause.kind === 'participle') && !reading.isWithin(a, whoClause)) return false;
		const between = tokens.slice(w + 1, a);
		// The subject of a passive is who the act is done to, not who does it: in "thirteen workers and three EMPLOYERS
		// WERE ARRESTED" the employers are arrested with the workers, they arrest no one.
		const head = tokens[a]!;
		if (head.pos === 'VERB' && head.lower !== head.lemma && !head.lower.endsWith('ing') && between.some((t) => t.lemma === 'be' || t.lemma === 'get')) return false;
		return between.length <= 4 && between.every((t) => t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || t.lower === 'to');
	}
	const first = whoTokens[0] ?? w;
	if (first <= a) return false;
	return first - a <= 10 && samePredicate(reading, act, who) && (tokens[first - 1]?.lower === 'by' || (tokens[first - 2]?.lower === 'by' && ['DET', 'PRON'].includes(tokens[first - 1]!.pos)));
}

/**
 * Coordinated predicates share their subject: in "a woman there WAS FOUND to be in Australia illegally AND WAS
 * DETAINED", the woman is detained. The person opens the first predicate (a verb or an auxiliary follows it,
 * adverbs aside) and the act's predicate after the last "and" has no subject of its own.
 */
function sharedSubject(between: Reading['tokens']): boolean {
	const first = between.find((t) => t.pos !== 'ADV' && t.lower !== 'there');
	if (!first || (first.pos !== 'AUX' && first.pos !== 'VERB')) return false;
	let and = -1;
	for (let i = between.length - 1; i >= 0; i--) {
		if (between[i]!.lower === 'and' || between[i]!.lower === 'then' || between[i]!.lower === 'or') {
			and = i;
			break;
		}
	}
	return and > 0 && between.slice(and + 1).every((t) => t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART') && !between.slice(0, and).some((t) => t.text === ';');
}

/** Whether token a stands in a list of verbs: "identify , RESCUE and assist", "RESCUE and protect". */
function inVerbList(tokens: Reading['tokens'], a: number): boolean {
	const joins = (t: Reading['tokens'][number] | undefined): boolean => t !== undefined && (t.pos === 'CCONJ' || t.text === ',');
	return (joins(tokens[a - 1]) && tokens[a - 2]?.pos === 'VERB') || (joins(tokens[a + 1]) && tokens[a + 2]?.pos === 'VERB');
}

/** Nouns whose "of" names the person they belong to: "the FAMILY of the victim", "the NAMES of victims". */
const RELATIONAL = new Set(['family', 'relative', 'parent', 'data', 'information', 'photograph', 'name', 'record', 'detail', 'identity', 'case', 'file', 'address', 'image', 'fingerprint', 'whereabouts']);

/** Whether a span is who (or what body) does the act: before it in the predicate, or after "by" (a passive). */
export function isAgent(reading: Reading, act: Span, agent: Span): boolean {
	const a = reading.tokenAt(act);
	const g = reading.tokenAt(agent);
	if (g < a) return a - g <= 16;
	// After "by" (a passive), or "from" after a noun act ("certification FROM the police").
	const marker = (t: string | undefined): boolean => t === 'by' || (t === 'from' && reading.tokens[a]?.pos === 'NOUN');
	return g - a <= 12 && [1, 2, 3, 4, 5].some((d) => marker(reading.tokens[g - d]?.lower));
}

/** Words that join the items of one list: "trafficking, prostitution AND drug activity", "… AS WELL AS …". */
const COORDINATORS = new Set([',', 'and', 'or', 'nor', '/', '&', 'as', 'well', 'plus']);
/** Words an item of the list may carry: "STREET prostitution", "THE RATE OF human trafficking", "OTHER FORMS OF". */
const ITEM_WORDS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Nouns after the list that make it a modifier of who it names ("prostitution and trafficking VICTIMS"). */
const PERSON_HEADS = new Set(['victim', 'survivor', 'person', 'woman', 'girl', 'child', 'people', 'individual', 'worker']);

/**
 * Whether two spans are items of one coordinated list: between them only list words (items with their
 * determiners and modifiers, "of", commas and conjunctions), at least one conjunction or comma, and no verb,
 * preposition or other punctuation. "Slowing down human trafficking, PROSTITUTION and drug activity" names the two as one
 * target; "trafficking FOR THE PURPOSE OF prostitution" (a preposition) and "trafficking victims were found in
 * brothels" (a verb) do not.
 */
export function isConjunct(reading: Reading, a: Span, b: Span): boolean {
	const { tokens } = reading;
	const ia = reading.tokensIn(a);
	const ib = reading.tokensIn(b);
	const [first, second] = a.start < b.start ? [ia, ib] : [ib, ia];
	const from = (first[first.length - 1] ?? reading.tokenAt(a.start < b.start ? a : b)) + 1;
	const to = second[0] ?? reading.tokenAt(a.start < b.start ? b : a);
	// No clause test: the clause splitter may end a clause at a list's comma; the words between decide.
	if (to <= from || to - from > 8) return false;
	let joined = false;
	for (let k = from; k < to; k++) {
		const t = tokens[k]!;
		// "along with" and "together with" join as "and" does: "sex trafficking ALONG WITH prostitution".
		if ((t.lower === 'along' || t.lower === 'together') && tokens[k + 1]?.lower === 'with') {
			joined = true;
			k++;
		} else if (COORDINATORS.has(t.lower)) joined = true;
		else if (!(ITEM_WORDS.has(t.pos) || t.lower === 'of')) return false;
	}
	const after = tokens[(second[second.length - 1] ?? to) + 1];
	return joined && !(after !== undefined && after.pos === 'NOUN' && PERSON_HEADS.has(after.lemma));
}

const MEANS_MARKERS = new Set(['by', 'through', 'via', 'using', 'thorough']);

/** Whether a span is how the act is done: after it, introduced by "by", "through", "via" ("by means of", "by targeting"). */
export function isMeans(reading: Reading, act: Span, means: Span): boolean {
	const { tokens } = reading;
	const a = reading.tokenAt(act);
	const m = reading.tokenAt(means);
	if (m < a) return servesPurpose(reading, m, a) || purposeOfClause(reading, m, a) || causeAt(tokens, m) || frontedMeans(tokens, m, a) || subjectMeans(tokens, m, a) || equatedMeans(tokens, m, a);
	if (m === a) return false;
	// A purpose fronted before its sentence's main clause: "TO PREVENT trafficking, the state will strengthen border
	// controls" (the means is anywhere in the main clause, up to a ';').
	if (frontedPurpose(tokens, a)) {
		for (let k = a + 1; k < m; k++) if (tokens[k]!.text === ';') return false;
		return tokens.slice(a + 1, m).some((t) => t.text === ',');
	}
	// "by increasing victim identification investigations and PROSECUTIONS": the marker may be a few words back.
	for (let k = m - 1; k > a && k >= m - 8; k--) {
		if (MEANS_MARKERS.has(tokens[k]!.lower) || causeMarkerEndsAt(tokens, k) || (k - a <= 6 && meansVerbEndsAt(tokens, k))) return true;
		if (tokens[k]!.text === ',' || tokens[k]!.text === ';') return false;
		if (tokens[k]!.pos === 'AUX') return nominalActPredicate(tokens, a, k, m);
	}
	return false;
}

/** Verbs whose object is what their subject pays for: "the prevention budget line will FUND additional patrols". */
const FUNDING_VERBS = new Set(['fund', 'finance', 'pay', 'resource', 'bankroll']);

/**
 * Whether a nominal act is the subject whose predicate names what it consists of or pays for: "the Strategy's
 * PREVENTION measures ARE the expansion of the police unit", "the PREVENTION budget line WILL FUND additional
 * patrols". Between the act and the verb group only the nouns of the subject's phrase; the verb group (from
 * the auxiliary at k) is a copula or a verb of funding, and the means follows it.
 */
function nominalActPredicate(tokens: readonly Token[], a: number, k: number, m: number): boolean {
	if (tokens[a]!.pos !== 'NOUN' && tokens[a]!.pos !== 'ADJ') return false;
	// The auxiliary opens the subject's verb group: only the nouns of the phrase stand between it and the act.
	let start = k;
	while (start - 1 > a && tokens[start - 1]!.pos === 'AUX') start--;
	for (let j = a + 1; j < start; j++) if (tokens[j]!.pos !== 'NOUN') return false;
	let j = start;
	while (j < m && tokens[j]!.pos === 'AUX' && tokens[j]!.lemma !== 'be') j++;
	if (j < m && tokens[j]!.lemma === 'be') return !tokens.slice(j + 1, m).some((t) => t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON' || t.pos === 'ADP' && t.lower !== 'of');
	// "pay FOR additional patrols": the preposition of "pay" stands before its object.
	return j < m && tokens[j]!.pos === 'VERB' && FUNDING_VERBS.has(tokens[j]!.lemma) && tokens.slice(j + 1, m).every((t, i) => ['DET', 'ADJ', 'NUM', 'NOUN'].includes(t.pos) || (i === 0 && t.lower === 'for' && tokens[j]!.lemma === 'pay'));
}

/**
 * A means fronted before its sentence's main clause: "BY TARGETING DEMAND, we can shrink trafficking", "THROUGH
 * OUR CRIMINAL LAWS AND ACTIVE ENFORCEMENT, the situation has been kept under control". The marker opens the
 * sentence, the means follows it before the first comma, and the act is after that comma with no ';' between.
 */
function frontedMeans(tokens: readonly Token[], m: number, a: number): boolean {
	let k = m - 1;
	while (k >= 0 && m - k <= 8 && !MEANS_MARKERS.has(tokens[k]!.lower)) {
		if (tokens[k]!.text === ',' || tokens[k]!.text === ';') return false;
		k--;
	}
	// The marker opens the sentence or a clause: after an opening quotation mark, "and"/"but", or "that" ("our
	// belief is THAT BY TARGETING DEMAND we can …").
	const opener = tokens[k - 1];
	if (k < 0 || !MEANS_MARKERS.has(tokens[k]!.lower) || !(k === 0 || opener!.pos === 'PUNCT' || opener!.pos === 'CCONJ' || opener!.lower === 'that')) return false;
	let comma = -1;
	for (let j = m + 1; j < a; j++) {
		if (tokens[j]!.text === ';') return false;
		if ((tokens[j]!.text === ',' || /^(?:--|—|–)$/.test(tokens[j]!.text)) && comma < 0) comma = j;
	}
	return comma >= 0;
}

/** Verbs that carry a subject's part in an act after them: "raids HELP reduce", "controls HAVE CONTINUED TO limit". */
const CARRYING = new Set(['help', 'continue', 'serve', 'work', 'aim', 'seek', 'contribute', 'go', 'tend', 'manage', 'succeed', 'be', 'have', 'do']);

/**
 * Whether the means is in the subject of a verb of preventing, so is what prevents: "STRICT BORDER CONTROL MEASURES,
 * tough laws and a well-documented workforce have continued to LIMIT the opportunities for trafficking", "POLICE
 * PATROLS will help REDUCE trafficking". The subject is a noun phrase (a list of them, with "of"-phrases), then the
 * verb group: auxiliaries, adverbs, "to" and verbs that carry the subject into the act.
 */
function subjectMeans(tokens: readonly Token[], m: number, a: number): boolean {
	if (tokens[a]!.pos !== 'VERB' || a - m > 20) return false;
	// The means opens the sentence's subject, or follows only its modifiers.
	if (!tokens.slice(0, m).every((t) => ['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PUNCT'].includes(t.pos) && t.text !== ',')) return false;
	let k = m + 1;
	// An adverb in a compound modifier belongs to the phrase: "a WELL-documented workforce".
	while (k < a && (['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'CCONJ'].includes(tokens[k]!.pos) || tokens[k]!.text === ',' || tokens[k]!.lower === 'of' || tokens[k]!.text === '-' || (tokens[k]!.pos === 'ADV' && tokens[k + 1]?.text === '-') || (tokens[k]!.pos === 'VERB' && tokens[k - 1]?.text === '-'))) k++;
	if (k === m + 1 && tokens[m]!.pos === 'VERB') return false;
	for (; k < a; k++) {
		const t = tokens[k]!;
		if (!(t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || t.lower === 'to' || (t.pos === 'VERB' && CARRYING.has(t.lemma)))) return false;
	}
	return true;
}

/** Verbs whose object is what their subject is made of: "prevention INCLUDES …", "the plan COMPRISES …". */
const CONSISTING = new Set(['include', 'comprise', 'involve', 'entail', 'encompass']);
/** Verbs that say what their subject is or does as a whole: "X IS the primary prevention", "X SERVES a preventative purpose". */
const EQUATING = new Set(['be', 'serve', 'constitute', 'act', 'function', 'remain', 'become', 'position', 'consider', 'see', 'regard', 'view', 'prove', 'represent', 'count']);

/**
 * Whether the means is the subject of a clause that says it IS prevention, with the act a noun or adjective in
 * the predicate: "the creation of new CRIMES serves a PREVENTATIVE purpose", "demand reduction is positioned as
 * the primary PREVENTION of sex trafficking", "border CONTROL is our first line of PREVENTION". The subject is
 * a noun phrase (with its "of"-phrases), then a verb of being or serving, then only determiners, adjectives,
 * "as" and nouns of the predicate's phrase before the act.
 */
/** Nouns of a predicate that names what something is a way of doing: "the principal MEANS of preventing". */
const WAY_NOUNS = new Set(['means', 'way', 'method', 'tool', 'strategy', 'approach', 'mechanism', 'instrument', 'avenue']);

function equatedMeans(tokens: readonly Token[], m: number, a: number): boolean {
	if (a - m > 20) return false;
	// A verb is the act only as what the predicate is a way of doing: "enforcement shall be the principal MEANS OF
	// PREVENTING trafficking".
	if (tokens[a]!.pos === 'VERB' && !((tokens[a - 1]?.lower === 'of' || tokens[a - 1]?.lower === 'for') && WAY_NOUNS.has(tokens[a - 2]?.lower ?? ''))) return false;
	const np = (t: Token): boolean => ['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN'].includes(t.pos) || t.lower === 'of' || t.text === '-';
	if (!tokens.slice(0, m).every(np)) return false;
	let k = m + 1;
	while (k < a && (np(tokens[k]!) || tokens[k]!.pos === 'CCONJ')) k++;
	let verb = false;
	while (k < a && (tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'PART' || (tokens[k]!.pos === 'VERB' && EQUATING.has(tokens[k]!.lemma)))) {
		if (EQUATING.has(tokens[k]!.lemma)) verb = true;
		k++;
	}
	if (!verb) return false;
	for (; k < a; k++) {
		const t = tokens[k]!;
		if (!(t.lower === 'as' || t.lower === 'of' || t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PART' || (WAY_NOUNS.has(t.lower) && k === a - 2) || (t.lower === 'for' && k === a - 1))) return false;
	}
	return true;
}

/** Prepositions that name what an act is done to a person for: "arrested FOR", "charged WITH", "convicted OF", "detained UNDER the Act". */
const GROUND_MARKERS = new Set(['for', 'with', 'of', 'under']);
/**
 * Verbs and nouns that make an offence someone else's: "charged with PROMOTING prostitution", "arrested for
 * HIRING workers without permits", "for ALLEGEDLY SMUGGLING migrants". The person charged then acted on others.
 */
const ON_OTHERS = new Set(['promote', 'facilitate', 'hire', 'employ', 'harbour', 'harbor', 'aid', 'abet', 'procure', 'pimp', 'patronize', 'patronise', 'solicit', 'profit', 'keep', 'run', 'operate', 'organise', 'organize', 'control', 'exploit', 'smuggle', 'transport', 'conspiracy', 'conspire', 'buy', 'purchase', 'pay', 'recruit', 'traffic', 'trafficking', 'live', 'induce', 'compel', 'force', 'assist', 'arrange', 'protect',
	// The same acts named by nouns: "punishment of COMPELLING and SOLICITATION of prostitution".
	'promotion', 'facilitation', 'procurement', 'procuring', 'solicitation', 'soliciting', 'compelling', 'pandering', 'pimping', 'exploitation', 'recruitment', 'harbouring', 'harboring', 'smuggling', 'hiring', 'employment', 'organisation', 'organization', 'keeping', 'running']);
/** Whether a token names an act on others, by its lemma or its form. */
function onOthers(t: Token): boolean {
	return ON_OTHERS.has(t.lemma) || ON_OTHERS.has(t.lower);
}

/**
 * Whether a span is what an act is done to a person for: after the act, in the same stretch of the sentence,
 * behind "for", "with", "of" or "under" ("detained FOR violating immigration laws", "charged: four WITH
 * overstaying", "detained on suspicion of committing offences UNDER the Immigration Act"). Between the act and
 * the marker there is no finite verb of another predicate; between the marker and the ground only modifiers and
 * the person's own conduct, never an act on others ("charged with PROMOTING prostitution").
 */
export function isGround(reading: Reading, act: Span, ground: Span): boolean {
	const { tokens } = reading;
	const a = headOf(reading, act);
	let g = reading.tokenAt(ground);
	// A ground named as one of a class of offences: "arrested for other OFFENSES, INCLUDING illegal immigration", "charged
	// with immigration-related CRIMES SUCH AS overstaying". The class stands where the ground would.
	const incl = g - 1 >= 0 && tokens[g - 1]!.lower === 'including' ? g - 1 : g - 2 >= 0 && tokens[g - 1]!.lower === 'as' && tokens[g - 2]!.lower === 'such' ? g - 2 : -1;
	if (incl > 0) {
		const c = tokens[incl - 1]!.text === ',' ? incl - 2 : incl - 1;
		if (c > a && OFFENCE_CLASS.test(tokens[c]!.lower)) g = c;
	}
	if (g <= a || g - a > 16) return false;
	for (let k = g - 1; k > a && k >= g - 6; k--) {
		const t = tokens[k]!;
		if (t.text === ';' || t.text === '.' || t.text === ',' || t.pos === 'AUX' || onOthers(t)) return false;
		if (!GROUND_MARKERS.has(t.lower)) continue;
		// Between the act and the marker: no finite verb ("were arrested and LATER RECEIVED orders for …" is another
		// act) and no comma (", for immigration offences, where …" is an aside); a colon may list the charged: "charged:
		// four WITH overstaying".
		for (let j = a + 1; j < k; j++) {
			const u = tokens[j]!;
			if (u.text === ';' || u.text === '.' || u.text === ',' || onOthers(u)) return false;
			if ((u.pos === 'VERB' || u.pos === 'AUX') && !hasParticipleForm(u) && !u.lower.endsWith('ing')) return false;
		}
		return true;
	}
	return false;
}

/** Nouns that name a class of offences, whose members a list after "including" names. */
const OFFENCE_CLASS = /^(?:offen[cs]es?|charges?|crimes?|violations?|infractions?|breaches)$/;

const PURPOSE_ACTS = new Set(['prevent', 'stop', 'reduce', 'deter', 'curb', 'eliminate', 'eradicate', 'end', 'forestall', 'thwart', 'avert']);

/**
 * Openings of a sentence that state what its main clause is for, before the act of preventing: "IN ORDER TO
 * prevent", "WITH A VIEW TO preventing", "WITH THE AIM OF deterring", "FOR THE PURPOSE OF preventing", "SO AS TO".
 */
const PURPOSE_OPENERS = ['to', 'in order to', 'so as to', 'with a view to', 'with the aim of', 'with the purpose of', 'for the purpose of', 'with the objective of', 'with the goal of'].map((o) => o.split(' '));

/** A purpose opening the sentence ("To prevent …", "With a view to preventing …"): the act is what the main clause is for. */
function frontedPurpose(tokens: readonly Token[], a: number): boolean {
	// Not a general "to tackle the problem" or "to combat trafficking": what is fought is not what is prevented.
	if (!PURPOSE_ACTS.has(tokens[a]!.lemma)) return false;
	return PURPOSE_OPENERS.some((o) => o.length === a && o.every((w, i) => tokens[i]!.lower === w));
}

/**
 * Verbs that say what an act consists of, their object being its means: "prevention efforts will FOCUS ON patrols",
 * "prevention RELIES ON border control", "the best way to prevent trafficking IS TO arrest traffickers".
 */
function meansVerbEndsAt(tokens: readonly Token[], k: number): boolean {
	const t = tokens[k]!, before = tokens[k - 1];
	// What a measure is made of, listed after it: "preventive measures SUCH AS stings", "prevention INCLUDING border
	// controls", "the preventive side INCLUDES new offences".
	if (t.lower === 'as') return before?.lower === 'such';
	if (t.lower === 'including' || (t.pos === 'VERB' && CONSISTING.has(t.lemma))) return true;
	if (t.lower === 'on' || t.lower === 'upon') return before !== undefined && ['focus', 'rely', 'depend', 'center', 'centre', 'concentrate', 'build'].includes(before.lemma);
	if (t.lower === 'of') return before?.lemma === 'consist';
	if (t.lower === 'to') return before?.lemma === 'be' && before.pos === 'AUX' && tokens[k + 1]?.pos === 'VERB';
	return false;
}

/** Whether a causal marker ends at token `k`: "BECAUSE OF these arrests", "THANKS TO the operation", "AS A RESULT OF". */
function causeMarkerEndsAt(tokens: readonly Token[], k: number): boolean {
	const t = tokens[k]?.lower, before = tokens[k - 1]?.lower;
	return (t === 'of' && (before === 'because' || before === 'result' || before === 'consequence')) || (t === 'to' && (before === 'thanks' || before === 'owing' || before === 'due'));
}

/**
 * Whether a means before its act is given as its cause: "BECAUSE OF THESE ARRESTS, there are fewer traffickers".
 * The marker stands a few words before the means, with only its modifiers between.
 */
function causeAt(tokens: readonly Token[], m: number): boolean {
	for (let k = m - 1; k >= 0 && k >= m - 4; k--) {
		if (causeMarkerEndsAt(tokens, k)) return true;
		if (!['DET', 'ADJ', 'NUM', 'NOUN'].includes(tokens[k]!.pos)) return false;
	}
	return false;
}

/**
 * Whether the act is the purpose that the means before it serves: "strict enforcement of departure formalities
 * INTENDED FOR THE PREVENTION of trafficking", "responsible for exit points IN ORDER TO PREVENT trafficking",
 * "raids AIMED AT preventing exploitation". The act must follow its purpose marker, in the same stretch of the
 * sentence (no ';' between) and not far from the means.
 */
function servesPurpose(reading: Reading, m: number, a: number): boolean {
	const { tokens } = reading;
	if (a - m > 25) return false;
	for (let k = m + 1; k < a; k++) if (tokens[k]!.text === ';' || tokens[k]!.text === ':') return false;
	const before = (d: number): string => tokens[a - d]?.lower ?? '';
	// A verb phrase done so as to prevent: "policing strategies ADOPTED to deter trafficking", "we are CLAMPING DOWN
	// on illegal working to prevent this abuse", "ENHANCING border security to prevent" (only the verbs of
	// preventing: "trained to identify" is no purpose).
	// The verb is the means or describes it, close by: in "the Police Department is seeking adoption of the changes
	// … to reduce" the police seek, they are not the means.
	if (before(1) === 'to' && PURPOSE_ACTS.has(tokens[a]!.lemma) && a - m <= 8 && tokens.slice(Math.max(0, m - 1), Math.min(m + 3, a - 1)).some((t) => t.pos === 'VERB' && t.lower !== t.lemma)) return true;
	if (before(1) === 'to' && (tokens[a]!.pos === 'VERB' || tokens[a]!.lower === tokens[a]!.lemma)) return ['order', 'as', 'designed', 'intended', 'aimed', 'meant', 'used', 'deployed', 'conducted', 'carried', 'needed', 'necessary', 'required', 'help', 'helps', 'serve', 'serves', 'seeks', 'seek', 'work', 'works'].includes(before(2));
	if (before(1) === 'the' && (before(2) === 'for' || before(2) === 'at')) return true;
	if (before(1) === 'for' || before(1) === 'at') return ['intended', 'aimed', 'designed', 'meant', 'used'].includes(before(2));
	return false;
}

/**
 * Verbs and adjectives whose "to"-infinitive is their complement, not a purpose: "officers are TRAINED to prevent",
 * "police FAILED to prevent", "UNABLE to stop". What they govern is a skill, an attempt or a report, not what the
 * clause before it is done for.
 */
const INFINITIVE_COMPLEMENTS = new Set(['train', 'teach', 'educate', 'equip', 'empower', 'prepare', 'instruct', 'fail', 'unable', 'able', 'try', 'attempt', 'want', 'wish', 'hope', 'promise', 'pledge', 'commit', 'vow', 'refuse', 'ask', 'urge', 'call', 'encourage', 'invite', 'mobilise', 'mobilize', 'inspire', 'need', 'likely', 'unlikely', 'ready', 'willing', 'powerless', 'ability', 'capacity', 'failure', 'right']);
/** Verbs of asking, seeking and saying: their subject asks for something, the purpose is not served by the subject ("the Police Department IS SEEKING adoption of the ordinances to reduce …"). */
const ASKING = new Set(['seek', 'ask', 'urge', 'request', 'propose', 'recommend', 'lobby', 'advocate', 'say', 'state', 'announce', 'argue', 'claim', 'call', 'support', 'welcome', 'praise', 'thank', 'partner', 'cooperate', 'collaborate', 'consult', 'join', 'meet']);

/**
 * Whether the act opens a purpose clause that the means' clause serves, read from the clause structure rather
 * than a window of words: "POLICE will patrol the area TO PREVENT trafficking", "increased LAW ENFORCEMENT will be
 * present this weekend TO HELP spot and PREVENT cases", "regular OPERATIONS are conducted TO PREVENT and eliminate
 * such activities". The act is the infinitive's verb (or a verb listed or carried with it: "to help spot and
 * prevent"); the infinitive is a purpose, not the complement of a verb or adjective that takes one ("trained
 * to", "failed to", "unable to"); the means is in the clause the purpose hangs on, before it, and that clause
 * does not ask, seek or say something ("the Police Department is SEEKING adoption of ordinances to reduce …").
 */
/**
 * Verbs of preventing in the strict sense: what is done so that something does not happen. A purpose "to curb",
 * "to reduce" or "to end" states what enforcement is aimed at (the prosecution pillar), not that it is prevention.
 */
const STRICT_PREVENTING = new Set(['prevent', 'forestall', 'avert', 'thwart', 'deter', 'preempt', 'pre-empt']);

function purposeOfClause(reading: Reading, m: number, a: number): boolean {
	const { tokens } = reading;
	if (!STRICT_PREVENTING.has(tokens[a]!.lemma) || tokens[a]!.pos !== 'VERB') return false;
	const inf = reading.clauses[reading.clauseOf[a]!]!;
	if (inf.kind !== 'infinitive' || inf.parent === -1 || m >= inf.start) return false;
	// Between the marker and the act only verbs, adverbs and list words: "to help spot and prevent", "to prevent and eliminate".
	let k = inf.start;
	while (k < a && (tokens[k]!.lower === 'in' || tokens[k]!.lower === 'order' || tokens[k]!.lower === 'to' || tokens[k]!.lower === 'so' || tokens[k]!.lower === 'as')) k++;
	for (; k < a; k++) {
		const t = tokens[k]!;
		if (!(t.pos === 'VERB' || t.pos === 'ADV' || t.pos === 'CCONJ' || t.pos === 'PART' || t.text === ',' || (t.pos === 'NOUN' && tokens[k + 1]?.pos === 'CCONJ'))) return false;
	}
	const governor = tokens[inf.start - 1];
	if (governor && INFINITIVE_COMPLEMENTS.has(governor.lemma)) return false;
	const parent = reading.clauses[inf.parent]!;
	if (!reading.isWithin(m, parent)) return false;
	for (let j = m + 1; j < inf.start; j++) {
		const t = tokens[j]!;
		if (t.text === ';' || t.text === ':') return false;
		if (t.pos === 'VERB' && ASKING.has(t.lemma) && reading.clauseOf[j] === parent.index) return false;
	}
	// The means is who or what the clause is about, not a partner it works with: "shelters work WITH POLICE to prevent …".
	const before = tokens[m - 1]?.lower;
	return before !== 'with' && before !== 'alongside';
}

/** Verbs whose object is the one told: "NOTIFY the police", "INFORM the authorities". */
const TELLING = new Set(['notify', 'inform', 'alert', 'contact', 'call', 'tell', 'advise', 'phone', 'email', 'brief']);

/**
 * Whether a span is the recipient of an act: after it in the same clause chain, introduced by "to", "into" or
 * "with" ("report the matter TO THE POLICE", "referred INTO THE NRM"), or the object of a verb of telling
 * ("notify THE POLICE"); "report THAT …" and "a report ON …" have no recipient.
 */
/** Verbs that put a person somewhere: their recipient is a place ("placed IN a shelter"). */
const PLACING = new Set(['place', 'keep', 'house', 'lodge', 'admit', 'commit', 'accommodate', 'hold', 'put', 'confine', 'detain', 'shelter']);

export function isRecipient(reading: Reading, act: Span, to: Span): boolean {
	const { tokens } = reading;
	const a = headOf(reading, act);
	const r = reading.tokenAt(to);
	if (r <= a || r - a > 14) return false;
	const head = tokens[a]!;
	if (tokens[a + 1]?.lower === 'that') return false;
	// A recipient inside a clause of its own that does not hold the act is someone else's when the act already has
	// one: in "report suspicious behaviour TO THE CAPTAIN, who decides whether to contact THE AUTHORITIES" the report
	// goes to the captain. (In "report every resident who is a victim TO THE POLICE" the relative clause on the person
	// only seems to hold the recipient, and the act has none before it.)
	const recipientClause = reading.ancestry(reading.clauses[reading.clauseOf[r]!]!).find((c) => (c.kind === 'relative' || c.kind === 'complement') && !c.phrase && !reading.isWithin(a, c));
	if (recipientClause) {
		for (let k = a + 1; k < recipientClause.start; k++) {
			if (reading.clauseOf[k] === reading.clauseOf[a] && (tokens[k]!.lower === 'to' || tokens[k]!.lower === 'into') && !isVerbAfterTo(tokens[k + 1])) return false;
			// A verb of telling has its recipient as its object: in "has INFORMED THE COMMITTEE that the team works with
			// law enforcement" the committee is told, and the police are only named in what it is told.
			if (TELLING.has(tokens[a]!.lemma) && reading.clauseOf[k] === reading.clauseOf[a] && ['NOUN', 'PROPN', 'PRON'].includes(tokens[k]!.pos)) return false;
		}
	}
	const between = tokens.slice(a + 1, r);
	if (between.some((t) => t.text === ';' || t.text === ':')) return false;
	if (TELLING.has(head.lemma) && between.every((t) => t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'ADV')) return true;
	// A word the tagger took for a verb right after "to" belongs to the recipient's name ("to DISTRICT police"),
	// and a possessive to the recipient's phrase ("to the bureau'S shelter").
	// A verb between a determiner and the recipient modifies it: "in a DESIGNATED facility", "in a SECURE shelter".
	const last = between.filter((t, i) => t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'PROPN' && t.pos !== 'NOUN' && !/^['’]s?$/.test(t.text) && !(t.pos === 'VERB' && t.lower === t.lemma && i === between.length - 1 && between[i - 1]?.lower === 'to') && !(t.pos === 'VERB' && (between[i - 1]?.pos === 'DET' || between[i - 1]?.pos === 'ADJ') && i >= between.length - 2));
	const prep = last[last.length - 1];
	// A placing verb names where, not to whom: "placed IN a shelter", "kept AT the home".
	const where = PLACING.has(head.lemma) && (prep?.lower === 'in' || prep?.lower === 'at');
	return prep !== undefined && (prep.lower === 'to' || prep.lower === 'into' || prep.lower === 'with' || where) && tokens[r - 1] !== undefined && between.lastIndexOf(prep) >= between.length - 4;
}

/** Whether token i of a run is part of a list of participles before the act: "charged and", "arrested ,". */
function coordinatedParticiple(run: Reading['tokens'], i: number): boolean {
	const t = run[i]!;
	if (t.pos === 'VERB') return t.lower !== t.lemma && (run[i + 1]?.pos === 'CCONJ' || run[i + 1]?.text === ',');
	if (t.pos === 'CCONJ' || t.text === ',') return run[i - 1]?.pos === 'VERB' && run[i - 1]!.lower !== run[i - 1]!.lemma;
	return false;
}

/** The tokens left when a leading apposition between commas is dropped: ", all foreign nationals ," → []. */
/** Words that open an apposition naming part of the group: "…, INCLUDING 111 women, …", "…, MOSTLY migrants, …". */
const APPOSITION_OPENERS = new Set(['including', 'excluding', 'among', 'them', 'mostly', 'mainly', 'chiefly', 'such', 'as', 'like']);

function withoutApposition(tokens: Reading['tokens']): Reading['tokens'] {
	if (tokens[0]?.text !== ',') return tokens;
	const close = tokens.indexOf(tokens.find((t, i) => i > 0 && t.text === ',')!);
	// "213 people, INCLUDING 111 women, were arrested": an inclusion or example opens the apposition as well.
	if (close <= 0 || !tokens.slice(1, close).every((t, i) => ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADV', 'CCONJ'].includes(t.pos) || (i < 2 && APPOSITION_OPENERS.has(t.lower)))) return tokens;
	return tokens.slice(close + 1);
}

/** Words of a noun phrase naming further people in a coordinated subject: "a YOUNG GIRL", "14 MINORS", "their CHILDREN". */
const CONJUNCT_WORDS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN']);

/**
 * The tokens left when further conjuncts of a coordinated subject are dropped: in "nine women AND A YOUNG GIRL were
 * rescued", "women, MEN AND CHILDREN were detained", each conjunct undergoes the act. Each conjunct is a comma or a
 * coordinator and at most six noun-phrase words; a coordinator must be among them (a comma alone opens an apposition).
 */
function withoutConjuncts(tokens: Reading['tokens']): Reading['tokens'] {
	let i = 0;
	let coordinated = false;
	for (;;) {
		const joiner = tokens[i];
		const isCoordinator = joiner?.lower === 'and' || joiner?.lower === 'or';
		if (!joiner || (!isCoordinator && joiner.text !== ',')) break;
		let j = i + 1;
		// "and/or", ", and": a coordinator right after the joiner belongs to it.
		if (tokens[j]?.lower === 'and' || tokens[j]?.lower === 'or' || tokens[j]?.text === '/') j++;
		const start = j;
		while (j < tokens.length && j - start < 6 && (CONJUNCT_WORDS.has(tokens[j]!.pos) || (tokens[j]!.text === '-' && j > start))) j++;
		if (j === start || !tokens[j - 1] || !['NOUN', 'PROPN', 'NUM'].includes(tokens[j - 1]!.pos)) break;
		coordinated ||= isCoordinator || tokens.slice(i + 1, start).some((t) => t.lower === 'and' || t.lower === 'or');
		i = j;
	}
	return coordinated ? tokens.slice(i) : tokens;
}

/** Prepositions that open a phrase describing the person before their verb ("a child UNDER the age of 18 shall be …"). */
const POSTMODIFIER_OPENERS = new Set(['under', 'in', 'at', 'from', 'of', 'with', 'without', 'aged', 'between', 'over', 'below', 'above', 'within', 'inside']);

/**
 * The tokens left when prepositional phrases right after the person are dropped: "a child UNDER THE AGE OF 18
 * shall be placed in custody", "women FROM THE CLUB were detained". A phrase is a preposition and noun-phrase words
 * (with "of" inside: "the age OF 18"), at most eight tokens in all, ending at the verb.
 */
function withoutPostmodifiers(tokens: Reading['tokens']): Reading['tokens'] {
	// A bare participle, or two coordinated, right before the verb group: "the persons RESCUED AND APPREHENDED are
	// handed over", "victims IDENTIFIED shall be referred" (the tagger may read the participle as a noun).
	let bare = 0;
	while (hasParticipleForm(tokens[bare]) && (tokens[bare + 1]?.pos === 'AUX' || ((tokens[bare + 1]?.lower === 'and' || tokens[bare + 1]?.lower === 'or') && hasParticipleForm(tokens[bare + 2])))) {
		if (tokens[bare + 1]?.pos === 'AUX') return tokens.slice(bare + 1);
		bare += 2;
	}
	// A participle may open them: "the women FOUND in the club remain in custody", "women TRAFFICKED by gangs were …".
	const participle = tokens[0]?.pos === 'VERB' && tokens[0].lower !== tokens[0].lemma && tokens[1]?.pos === 'ADP';
	let i = participle ? 1 : 0;
	while (tokens[i]?.pos === 'ADP' && (POSTMODIFIER_OPENERS.has(tokens[i]!.lower) || (participle && PARTICIPLE_PREPOSITIONS.has(tokens[i]!.lower)))) {
		let j = i + 1;
		while (j < tokens.length && (['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN'].includes(tokens[j]!.pos) || (tokens[j]!.lower === 'of' && j > i + 1))) j++;
		if (j === i + 1 || j > 10 || !['AUX', 'VERB', 'ADV', 'PUNCT'].includes(tokens[j]?.pos ?? '')) return tokens;
		i = j;
	}
	return participle && i === 1 ? tokens : tokens.slice(i);
}

/** Prepositions a participle takes besides those of a plain phrase: "trafficked BY gangs", "brought INTO the country". */
const PARTICIPLE_PREPOSITIONS = new Set(['by', 'to', 'into', 'through', 'during', 'for']);

/** The tokens between two positions, leaving out clauses nested there (a relative on the subject: "victims WHO DO NOT COOPERATE shall be detained"). */
function gapTokens(reading: Reading, from: number, to: number): Reading['tokens'] {
	const out: Reading['tokens'] = [];
	// The clauses the act is in: a relative or participle clause among them is the act's own, not a description to skip.
	const own = new Set(reading.ancestry(reading.clauses[reading.clauseOf[Math.min(to, reading.tokens.length - 1)]!]!).map((c) => c.index));
	for (let k = from; k < to; k++) {
		// A clause nested in a skipped one goes with it: "the maids who used TO AGREE to … have been held".
		if (insideSkipped(reading, reading.clauseOf[k]!, own)) continue;
		// The comma that closes such a clause before the verb: "every person found in the brothel during a raid, WILL
		// be taken to the police station".
		if (reading.tokens[k]!.text === ',' && k > from && skippedClause(reading, k - 1, own)) continue;
		if (reading.tokens[k]!.text === ',' && (reading.clauses[reading.clauseOf[k]!]!.kind !== 'main')) continue;
		// And the comma that opens it: "ten women, WHO WERE ALL FOREIGN NATIONALS, were rescued".
		// Only when the clause runs to the closing comma: else the comma pair is left to the apposition reading.
		if (reading.tokens[k]!.text === ',' && k + 1 < to && skippedClause(reading, k + 1, own) && reading.tokens[reading.clauses[reading.clauseOf[k + 1]!]!.end]?.text === ',') continue;
		// The brackets of a parenthetical skipped here go with it: "nineteen persons (15 women and four girls) were …".
		if (bracketOfSkipped(reading, k, own)) continue;
		out.push(reading.tokens[k]!);
	}
	return out;
}

/** Whether token k is a bracket that opens or closes a parenthetical clause `gapTokens` skips (not one of the act's own). */
function bracketOfSkipped(reading: Reading, k: number, own: ReadonlySet<number>): boolean {
	const text = reading.tokens[k]!.text;
	const dash = text === '–' || text === '—';
	const inside = text === '(' || text === '[' || (dash && reading.clauses[reading.clauseOf[k + 1] ?? 0]?.start === k + 1) ? k + 1 : text === ')' || text === ']' || dash ? k - 1 : -1;
	if (inside < 0 || inside >= reading.tokens.length) return false;
	// The aside may hold a clause of its own: "13 victims (WHO ARE all of Chinese descent) were rescued".
	return reading.ancestry(reading.clauses[reading.clauseOf[inside]!]!).some((c) => c.kind === 'parenthetical' && !own.has(c.index));
}

/** Whether token k is in a relative, participle or parenthetical clause that is not one of the act's own. */
function skippedClause(reading: Reading, k: number, own: ReadonlySet<number>): boolean {
	const c = reading.clauses[reading.clauseOf[k]!]!;
	return !own.has(c.index) && (c.kind === 'relative' || c.kind === 'participle' || c.kind === 'parenthetical');
}

/** Whether a clause is, or is nested in, a relative, participle or parenthetical clause that is not one of the act's own. */
function insideSkipped(reading: Reading, clause: number, own: ReadonlySet<number>): boolean {
	for (let c = clause; c !== -1 && !own.has(c); c = reading.clauses[c]!.parent) {
		const kind = reading.clauses[c]!.kind;
		if (kind === 'relative' || kind === 'participle' || kind === 'parenthetical') return true;
	}
	return false;
}

/** Verbs of preventing: negated, they leave the act they govern possible ("does not PREVENT the removal of …"). */
const PREVENTING = new Set(['prevent', 'preclude', 'prohibit', 'bar', 'restrict', 'limit', 'affect', 'stop', 'hinder', 'impede', 'forbid', 'ban', 'exclude']);

/**
 * How many of the negations over an act a negated verb of preventing cancels: in "subsection (1) does NOT PREVENT
 * the removal of a trafficked person" and "nothing in this Act shall PRECLUDE the detention of …" the act stays
 * possible, so the "not" (or the savings clause) does not protect, nor does the preventing verb's own negation.
 */
function preventionsLifted(reading: Reading, act: Span): number {
	const a = reading.tokenAt(act);
	const { tokens } = reading;
	let lifted = 0;
	for (const n of reading.negationsOver(act, ['not', 'savings'])) {
		if (n.cue[1] > a) continue;
		// The preventing verb is the negated predicate, a few words on ("NOTHING in this Act shall PREVENT …",
		// "does NOT PREVENT …"), with the act its object, in the same stretch of the sentence.
		for (let k = n.cue[1]; k < a && k <= n.cue[1] + 8; k++) {
			const t = tokens[k]!;
			if (t.text === ',' || t.text === ';' || t.text === ':') break;
			if (t.pos === 'VERB' && PREVENTING.has(t.lemma) && a - k <= 4) {
				// The negation and, when the verb is itself a negating one ("does not PROHIBIT"), the verb's negation.
				lifted += 1 + reading.negationsOver(act, ['prohibit']).filter((m) => m.cue[0] === k).length;
				break;
			}
		}
	}
	return lifted;
}

/** Heads of a noun phrase that name a business or body by its trade: "REPATRIATION COMPANIES", "a referral AGENCY". */
const TRADE_HEADS = new Set(['company', 'firm', 'agency', 'business', 'operator', 'contractor', 'broker', 'agent', 'provider']);

/**
 * Whether an act noun only modifies the name of who does it: "inspections at four REPATRIATION COMPANIES", "the
 * referral UNIT": the phrase names an actor, it provides no act. An act noun followed by an agent head is read
 * this way; a gerund or verb is not ("returning workers").
 */
function namesActor(reading: Reading, act: Span): boolean {
	const t = reading.tokens;
	const indices = reading.tokensIn(act);
	const last = indices[indices.length - 1] ?? reading.tokenAt(act);
	if (t[last]?.pos !== 'NOUN') return false;
	const next = t[last + 1];
	if (next !== undefined && next.pos === 'NOUN' && (TRADE_HEADS.has(next.lemma) || AGENT_HEADS.has(next.lemma))) return true;
	// A coordinated modifier before the same head: "the Head of the MEDICAL SCREENING and psychosocial support UNIT".
	// Only nouns and adjectives of the second modifier may stand between, with one conjunction.
	if (next?.lower !== 'and' && next?.lower !== 'or') return false;
	for (let k = last + 2; k < t.length && k <= last + 5; k++) {
		const w = t[k]!;
		if (w.pos === 'NOUN' && (TRADE_HEADS.has(w.lemma) || AGENT_HEADS.has(w.lemma) || OFFICE_HEADS.has(w.lemma))) return k > last + 2;
		if (w.pos !== 'NOUN' && w.pos !== 'ADJ') return false;
	}
	return false;
}

/** Heads of a body's name that only a coordinated modifier reaches: "the screening and support DESK". */
const OFFICE_HEADS = new Set(['desk', 'office', 'section', 'bureau', 'department', 'committee', 'cell']);

/** Verbs that weigh an act without deciding it: "CONSIDER referral", "EXPLORE the possibility of return". */
const DELIBERATING = new Set(['consider', 'contemplate', 'explore', 'weigh', 'discuss', 'evaluate', 'assess']);

/**
 * Whether an act is the object of a verb of weighing it: "should CONSIDER referrals to law enforcement", "shall
 * ASSESS whether return is safe", "may CONSIDER returning". Only determiners, adjectives, "whether" and "the
 * possibility of" may stand between.
 */
function deliberated(reading: Reading, act: Span): boolean {
	const t = reading.tokens;
	let k = reading.tokenAt(act) - 1;
	while (k >= 0 && (t[k]!.pos === 'DET' || t[k]!.pos === 'ADJ' || ['whether', 'possibility', 'option', 'of'].includes(t[k]!.lower))) k--;
	return t[k]?.pos === 'VERB' && DELIBERATING.has(t[k]!.lemma);
}

/** Nouns before "of" that make an act something feared or risked, not done: "fear of arrest", "risk of deportation". */
const UNREALISED = new Set(['fear', 'risk', 'threat', 'danger', 'possibility', 'prospect', 'likelihood', 'spectre', 'specter', 'chance']);

function unrealised(reading: Reading, act: Span): boolean {
	const k = reading.tokenAt(act);
	const t = reading.tokens;
	return (t[k - 1]?.lower === 'of' && UNREALISED.has(t[k - 2]?.lemma ?? '')) || (t[k - 1]?.lower === 'with' && t[k - 2]?.lemma === 'threaten');
}

/** Nouns that name a kind of circumstance: a clause on one describes the circumstance, it does not provide for it. */
const SITUATION_NOUNS = new Set(['situation', 'circumstance', 'case', 'instance', 'scenario']);
const SITUATION_MARKERS = new Set(['where', 'when', 'in which', 'whereby']);

/**
 * Whether the act stands in a clause on a noun of circumstance: "this tool addresses SITUATIONS WHERE victims are
 * facing deportation", "the unit reviews CASES IN WHICH victims were detained". The act names the kind of case
 * something else is about; no one is to do it. Not "IN cases where …", which opens a condition ("in cases where
 * victims refuse to testify, they may be detained"; "an exception … in those instances where the agency certifies").
 */
function situationNamed(reading: Reading, act: Span): boolean {
	const { tokens } = reading;
	return reading.ancestry(reading.clauseAt(act)).some((c) => {
		if (c.kind !== 'relative' || !SITUATION_MARKERS.has(c.marker ?? '') || !SITUATION_NOUNS.has(tokens[c.start - 1]?.lemma ?? '')) return false;
		// "IN cases where …", "IN THOSE instances where …" open a condition: the clause is the case a provision applies in.
		let k = c.start - 2;
		while (k >= 0 && tokens[k]!.pos === 'DET') k--;
		return tokens[k]?.lower !== 'in';
	});
}

/**
 * Whether an act is one of the "acts of" a sentence names as a class ("'human trafficking' refers to ACTS OF
 * recruiting, transporting, TRANSFERRING or receiving persons") or a definition's gerunds ("DEFINED AS recruiting,
 * … TRANSFERRING"): the acts say what an offence consists of, not that anyone is to do them. Walks back over the
 * list of gerunds to what introduces it.
 */
function actsOf(reading: Reading, act: Span): boolean {
	const t = reading.tokens;
	const a = reading.tokenAt(act);
	if (t[a]?.pos !== 'VERB' || !t[a]!.lower.endsWith('ing')) return false;
	let k = a - 1;
	while (k >= 0 && (t[k]!.text === ',' || t[k]!.pos === 'CCONJ' || (t[k]!.pos === 'VERB' && t[k]!.lower.endsWith('ing')))) k--;
	if (t[k]?.lower === 'of' && (t[k - 1]?.lemma === 'act' || t[k - 1]?.lower === 'acts')) return true;
	// Or a definition's gerunds: "human trafficking is DEFINED AS recruiting, transporting, TRANSFERRING …", "… MEANS
	// recruiting …", "… REFERS TO transferring …".
	return (t[k]?.lower === 'as' && [1, 2, 3, 4].some((d) => t[k - d]?.lemma === 'define')) || t[k]?.lemma === 'mean' || (t[k]?.lower === 'to' && t[k - 1]?.lemma === 'refer');
}

/** A quoted term that the sentence goes on to define: “protective home”, by whatever name called, MEANS … */
const DEFINED_TERM = /["“”‘’'«]([^"“”‘’'«»]{1,60})["“”‘’'»]\s*(?:,[^,]{0,40},\s*)?(?:means|shall\s+mean|includes|shall\s+include|refers\s+to|is\s+defined\s+as|has\s+the\s+meaning)\b/gu;

/** Whether an act is the term a definition defines: the definition says what a word means, not that it happens. */
function definedTerm(reading: Reading, act: Span): boolean {
	DEFINED_TERM.lastIndex = 0;
	for (let m = DEFINED_TERM.exec(reading.text); m; m = DEFINED_TERM.exec(reading.text)) {
		const start = m.index + 1;
		if (act.start >= start && act.end <= start + m[1]!.length) return true;
		// The definition of a class of people says what happened to them, not what is to be done: "“victim of
		// trafficking” means a person SUBJECTED TO an act described in paragraph (8)".
		const end = m.index + m[0].length;
		if (act.start >= end && PERSON_DEFINIENS.test(reading.text.slice(end, end + 40))) return true;
	}
	return false;
}

/** The opening of a definition whose definiens is a person: "… means A PERSON who …", "… includes ANY INDIVIDUAL …". */
const PERSON_DEFINIENS = /^\s+(?:a|an|any|every)\s+(?:person|individual|child|adult|minor|woman|man|victim|natural\s+person)\b/iu;

/** At most this many words in quotation marks make a quoted term (more make a quotation, negation.ts). */
const QUOTED_TERM_WORDS = 6;

/**
 * Whether an act is a term the writer quotes: the "moral scourge" of trafficking, so-called "rescue". Quoting a
 * loaded word keeps the writer's distance from it (as a critique does); the words are someone else's.
 */
function quotedTerm(reading: Reading, act: Span): boolean {
	return quotations(reading.text).some((q) => {
		if (act.start <= q.start || act.end >= q.end || q.words > QUOTED_TERM_WORDS) return false;
		// A term the sentence introduces as its subject names a thing, it keeps no distance: 'The “T visa” IS
		// designed for …', '“Certification” is available to …'.
		return !(/^\s*(?:is|are|was|were|means|refers|includes|has|have|,)\b/u.test(reading.text.slice(q.end)) || /^\s*(?:the|a|an)?\s*$/iu.test(reading.text.slice(0, q.start)));
	});
}

const CAPITALISED = /^\p{Lu}[\p{Ll}]/u;
/** A word of three or more capitals and no lower-case letter: "STOP", "UNODC". */
const ACRONYM = /^\p{Lu}{3,}$/u;

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
	// An acronym read as a noun, in a sentence written in lower case, names a programme or a body: "STOP will involve
	// the creation of special police units" (the Special Trafficking Operations Programme), not the verb "stop". A verb
	// in capitals is emphasis: "detectives have RESCUED 131 victims".
	if (indices.length === 1 && ACRONYM.test(tokens[first]!.text) && (tokens[first]!.pos === 'NOUN' || tokens[first]!.pos === 'PROPN') && words.filter((t) => ACRONYM.test(t.text)).length / words.length < 0.3) return true;
	if (first <= 0 || !CAPITALISED.test(tokens[first]!.text)) return false;
	const before = tokens[first - 1];
	const after = tokens[last + 1];
	if (!((before !== undefined && CAPITALISED.test(before.text) && first - 1 > 0) || (after !== undefined && CAPITALISED.test(after.text)))) return false;
	// A name has a head that names a body, a text or an operation ("… Services AGENCY", "… Prevention ACT",
	// "Operation …"); capitalised categories in a list ("Human Labor Trafficking, Human Sex Trafficking,
	// Prostitution") are emphasis, not a name.
	let from = first;
	while (from > 0 && (CAPITALISED.test(tokens[from - 1]!.text) || (NAME_JOINERS.has(tokens[from - 1]!.lower) && from > 1 && CAPITALISED.test(tokens[from - 2]!.text)))) from--;
	let to = last;
	while (to + 1 < tokens.length && (CAPITALISED.test(tokens[to + 1]!.text) || (NAME_JOINERS.has(tokens[to + 1]!.lower) && CAPITALISED.test(tokens[to + 2]?.text ?? '')))) to++;
	for (let k = from; k <= to; k++) if (NAME_HEADS.has(tokens[k]!.lemma) || NAME_HEADS.has(tokens[k]!.lower)) return true;
	return false;
}

/** Words inside a name: "Child AND Family Services", "Office FOR Victims OF Crime". */
const NAME_JOINERS = new Set(['and', 'of', 'for', 'the', 'on', 'against', '&']);
/** Heads of names of bodies, texts and operations. */
const NAME_HEADS = new Set([
	'agency', 'unit', 'act', 'office', 'division', 'department', 'center', 'centre', 'service', 'force',
	'coalition', 'foundation', 'program', 'programme', 'project', 'court', 'commission', 'council', 'ministry',
	'bureau', 'police', 'network', 'alliance', 'initiative', 'institute', 'organization', 'organisation',
	'association', 'committee', 'house', 'home', 'shelter', 'law', 'code', 'protocol', 'plan', 'strategy', 'fund',
	'operation', 'team', 'squad', 'section', 'branch', 'authority', 'board', 'group', 'partnership', 'campaign',
	'hotline', 'bill', 'convention', 'directive', 'regulation', 'order', 'rule', 'tribunal', 'university',
	'college', 'school', 'church', 'ministries', 'mission', 'society', 'trust', 'company', 'inc', 'llc', 'ltd',
	'corporation', 'county', 'city', 'state', 'sheriff', 'detective', 'officer', 'report', 'guide', 'manual',
	'statute', 'article', 'chapter', 'title', 'treaty', 'declaration', 'resolution', 'decree', 'agreement',
	'memorandum', 'mou', 'procedure', 'policy', 'framework', 'scheme', 'desk', 'cell', 'clinic', 'hospital',
]);

/** A clause's text range, without the punctuation that ends it. */
function clauseSpan(reading: Reading, clause: Clause): Span {
	let end = clause.end - 1;
	while (end > clause.start && reading.tokens[end]!.pos === 'PUNCT') end--;
	return { start: reading.tokens[clause.start]!.start, end: reading.tokens[end]!.end };
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
	// A stay that serves the case: lifted when the act is negated ("shall not be LIMITED to the time needed to …" is
	// read by the rule's own unless) or the condition is ("regardless of whether it helps the investigation").
	if (dep.how === 'serves') return negatedBy(reading, act, [...NEGATING, 'without', 'independent']) === 0 && negatedBy(reading, condition, LIFTING) === 0;
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
	// A negated act "merely because" of the condition denies it as a reason: "clients will NOT move to the exit
	// phase MERELY BECAUSE they are no longer willing to assist" protects whatever the condition's own polarity.
	if (actNegated && dep.clause.marker === 'because' && ONLY_BECAUSE.has(reading.tokens[dep.clause.start - 1]?.lower ?? '')) return false;
	// Only a negation that reaches the condition's words inverts it: before them in the clause ("if the victim does NOT
	// cooperate") or with a scope over them; one in another disjunct after them ("if the victim is unwilling to
	// cooperate OR THERE ARE NOT enough evidences …") negates that disjunct, not this one.
	const c0 = reading.tokenAt(condition);
	const inner = reading.negations.filter((n) => reading.isWithin(n.cue[0], dep.clause) && (n.kind === 'not' || n.kind === 'without') && (n.cue[0] < c0 || n.scope.some(([s, e]) => c0 >= s && c0 < e))).length;
	const conditionNegated = (inner + (clauseHas(reading, dep.clause, DECLINING, condition) ? 1 : 0) + (dep.clause.marker === 'unless' ? 1 : 0)) % 2 === 1;
	// A benefit withheld up to a time limit is given only once the condition is met: "services will NOT be provided
	// UNTIL the victim agrees to cooperate", "released ONLY after …" reads as any condition does.
	if (TIME_LIMITS.has(dep.clause.marker ?? '') && actNegated && !conditionNegated) return true;
	// An act given before the limit ("legal advice is available BEFORE any referral") does not wait for it.
	if (dep.how === 'until') return false;
	return actNegated === conditionNegated;
}

const ONLY_BECAUSE: ReadonlySet<string> = new Set(['merely', 'solely', 'only', 'simply', 'just', 'purely']);

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

/** Words that make a safeguard a wish rather than a rule: "PREFERABLY voluntary", "consent WHERE POSSIBLE". */
const HEDGE_ADVERBS = new Set(['preferably', 'ideally']);
/** "Where POSSIBLE", "whenever PRACTICABLE", "to the extent FEASIBLE", "as far as POSSIBLE"; not "a POSSIBLE victim". */
const HEDGE_ADJECTIVES = new Set(['possible', 'practicable', 'feasible']);
const HEDGE_OPENERS = new Set(['where', 'wherever', 'when', 'whenever', 'if', 'extent', 'as']);

/**
 * Whether a safeguard is hedged: "such return shall PREFERABLY be voluntary", "WHENEVER POSSIBLE, the hotline …
 * receives explicit consent", "consent, WHERE PRACTICABLE". A safeguard that need only be sought where it suits
 * is no safeguard: the act may go ahead without it. The hedge stands in the safeguard's top-level clause before it,
 * or within three words after it.
 */
export function hedged(reading: Reading, span: Span): boolean {
	const { tokens } = reading;
	const indices = reading.tokensIn(span);
	const first = indices[0] ?? reading.tokenAt(span);
	const last = indices[indices.length - 1] ?? first;
	const top = topLevel(reading, reading.clauseAt(span));
	const hedge = (k: number): boolean => HEDGE_ADVERBS.has(tokens[k]!.lower) || (HEDGE_ADJECTIVES.has(tokens[k]!.lower) && HEDGE_OPENERS.has(tokens[k - 1]?.lower ?? ''));
	for (let k = top.start; k < first; k++) if (hedge(k) && topLevel(reading, reading.clauses[reading.clauseOf[k]!]!).index === top.index) return true;
	for (let k = last + 1; k <= last + 3 && k < tokens.length; k++) if (hedge(k)) return true;
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
	if (spans.absent?.some((s) => negatedBy(reading, s, ['not', 'without', 'independent']) === 0 && !hedged(reading, s))) return undefined;
	for (const act of spans.act) {
		// "the Child and Family Services Agency": a word of a name is not the act it names; nor is an act that is
		// only feared or risked ("due to FEAR OF detainment").
		if ((!options.names && inName(reading, act)) || namesActor(reading, act) || unrealised(reading, act) || situationNamed(reading, act) || actsOf(reading, act) || definedTerm(reading, act) || quotedTerm(reading, act) || occasionOfSafeguard(reading, act)) continue;
		// A noun naming the act ("to coordinate victim INTERVIEWS") names a procedure, not someone it is done to;
		// with its object after "of" ("the forensic INTERVIEW OF an adult victim") it is done to that person.
		if (options.verbal && !reading.tokensIn(act).some((k) => verbAt(reading.tokens, k) || reading.tokens[k + 1]?.lower === 'of')) continue;
		const lifted = preventionsLifted(reading, act);
		// A negated verb of preventing leaves the act permitted: "does not prevent the removal of …".
		let modality = lifted > 0 && reading.modalityAt(act) === 'prohibition' ? 'permission' : reading.modalityAt(act);
		// "The alliance is dedicated to ENDING sex trafficking": a clause that forbids or ends the harm a mandate is
		// against states the mandate; only "not" makes it a prohibition ("shall not address …").
		if (options.against && modality === 'prohibition' && negatedBy(reading, act, ['not', 'savings']) === 0) modality = 'statement';
		// A requirement in the perfect asks that something has already happened, a precondition, not a duty to act:
		// "you MUST HAVE REPORTED the crime to the police", "the crime NEEDS TO HAVE BEEN REPORTED".
		// A statement in the perfect reports what has happened, as the past does: "the act of violence HAS BEEN REPORTED
		// to a police officer", "they HAVE BEEN PLACED in government aftercare".
		if ((modality === 'requirement' || modality === 'statement') && inPerfect(reading.tokens, reading.tokenAt(act))) modality = 'past';
		// An act that is only to be weighed leaves the decision open: "personnel SHOULD CONSIDER referrals to local law
		// enforcement" asks them to think about it, as "may refer" would.
		if ((modality === 'requirement' || modality === 'statement') && deliberated(reading, act)) modality = 'permission';
		if (!spans.condition) {
			if (modality === 'prohibition' && options.negation) continue;
			if (modality !== 'prohibition' && !options.modalities.includes(modality)) continue;
			const kinds: readonly NegationKind[] = options.against ? ['not', 'savings', 'last-resort', 'without', 'independent'] : [...NEGATING, 'without', 'independent'];
			if (options.negation && negatedBy(reading, act, kinds) > lifted) continue;
		} else if (modality !== 'prohibition' && !options.modalities.includes(modality)) continue;
		if (spans.notAgent?.some((s) => isSubject(reading, act, s))) continue;
		// An act done to an offender ("officers shall report ANY TRAFFICKER they identify to the police") is done to no
		// one who may be trafficked.
		if (spans.notPatient?.some((s) => samePredicate(reading, act, s) && isPatient(reading, act, s, true))) continue;
		// Listed among a programme's components, the act names an area of work ("rescue, rehabilitation, reintegration
		// and repatriation of victims"), not a provision that imposes it.
		if (spans.notWith?.some((s) => isConjunct(reading, act, s))) continue;
		// An act that serves an exploitation is the trafficking described, not a measure: "the girls were taken to a
		// hotel WHERE THEY WERE FORCED INTO PROSTITUTION", "relocating them TO WORK AS SEX SLAVES".
		if (spans.notFor?.some((s) => servesExploitation(reading, act, s))) continue;
		const filled: Span[] = [act];
		let ok = true;
		for (const role of ['person', 'agent', 'to', 'means', 'with', 'ground'] as const) {
			const candidates = spans[role];
			if (!candidates) continue;
			// The person is the one the act is done to (its patient), not any person in the predicate: in "two men
			// were arrested for trafficking women" the women are not arrested.
			// A person described as someone the rule is not about ("CHILD victims", "11 UNDERAGE girls") is not its person.
			const found = candidates.find((s) => !(role === 'person' && describedBy(reading, s, spans.notModifier)) && samePredicate(reading, act, s) && (role === 'person' ? isPatient(reading, act, s) : role === 'to' ? isRecipient(reading, act, s) : role === 'means' ? isMeans(reading, act, s) : role === 'with' ? isConjunct(reading, act, s) : role === 'ground' ? isGround(reading, act, s) : options.subject ? isSubject(reading, act, s) : isAgent(reading, act, s)));
			if (!found) {
				ok = false;
				break;
			}
			filled.push(found);
		}
		if (!ok) continue;
		let condition: Span | undefined;
		let withheld = false;
		if (spans.condition) {
			let marker: Span | undefined;
			const found = spans.condition.find((c) => {
				const dep = institutionActs(reading, c) ? undefined : dependence(reading, act, c);
				if (dep === undefined || (options.depends && !options.depends.includes(dep.how)) || (options.negation && !conditionHarms(reading, act, c, dep))) return false;
				// The finding covers the condition from its marker ("WHO agree to testify", "ONLY IF …").
				if (dep.how === 'condition' || dep.how === 'relative' || dep.how === 'until' || dep.how === 'serves') {
					marker = reading.tokens[dep.clause.start]!;
					condition = clauseSpan(reading, dep.clause);
					withheld = TIME_LIMITS.has(dep.clause.marker ?? '') && negatedBy(reading, act, [...NEGATING, 'without'], dep.clause) > 0;
				}
				return true;
			});
			if (!found) continue;
			filled.push(found);
			if (marker) filled.push({ start: marker.start, end: marker.end });
		}
		return withheld ? { spans: filled, condition, withheld } : { spans: filled, condition };
	}
	return undefined;
}

/**
 * Verbs of what a provision does FOR a person already held: screens, informs, advises, refers, offers, releases.
 * "Each child WHO IS TAKEN INTO CUSTODY must be SCREENED", "an officer TAKING A CHILD INTO CUSTODY shall INFORM the
 * child of the reason", "an alien ARRESTED without a warrant will be EXAMINED by an officer other than the
 * arresting officer": the custody is the occasion the provision names, and what it lays down is the safeguard.
 */
const SAFEGUARDING = new Set(['screen', 'assess', 'inform', 'advise', 'notify', 'tell', 'explain', 'offer', 'provide', 'give', 'afford', 'entitle', 'refer', 'release', 'treat', 'presume', 'examine', 'allow', 'permit', 'grant']);
const SAFEGUARD_MODALITIES: ReadonlySet<string> = new Set(['requirement', 'permission']);

/**
 * Whether the act only names the occasion of a safeguard: it stands in a relative or participle clause (or a bare
 * participle after the subject's noun, "an alien ARRESTED without a warrant will …") before the main verb, and the
 * main clause requires or permits a safeguarding act (above). The act is not what the provision provides for.
 */
function occasionOfSafeguard(reading: Reading, act: Span): boolean {
	const { tokens } = reading;
	const a = reading.tokenAt(act);
	const own = reading.clauseAt(act);
	const top = topLevel(reading, own);
	let modifier: [number, number];
	if (own.index !== top.index) {
		if (own.kind !== 'relative' && own.kind !== 'participle') return false;
		if (own.parent !== top.index) return false;
		modifier = [own.start, own.end];
	} else {
		// A bare participle in the subject: only nouns, determiners and adjectives before it in the clause.
		const t = tokens[a]!;
		if (t.pos !== 'VERB' || !/ed$/.test(t.lower)) return false;
		for (let k = top.start; k < a; k++) if (!['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM'].includes(tokens[k]!.pos)) return false;
		if (a === top.start) return false;
		modifier = [a, a + 1];
	}
	// The main verb: the first verb of the top-level clause outside the modifier.
	let modal = false;
	for (let k = top.start; k < top.end; k++) {
		if (reading.clauseOf[k] !== top.index || (k >= modifier[0] && k < modifier[1])) continue;
		const t = tokens[k]!;
		if (t.pos === 'AUX') {
			if (DEONTIC_MODALS.has(t.lower)) modal = true;
			continue;
		}
		if (t.pos !== 'VERB') continue;
		const modality = reading.modalities[top.index] ?? '';
		return modal && k > modifier[0] && SAFEGUARDING.has(t.lemma) && SAFEGUARD_MODALITIES.has(modality);
	}
	return false;
}
/** The modals of a provision's own duties and permissions (modality.ts reads every modal; this narrower set decides only whether a main clause lays down a safeguard, and whether a noun after one is a verb). */
const DEONTIC_MODALS = new Set(['shall', 'must', 'will', 'may', 'should']);

/**
 * Whether a token is a verb, or a word the tagger read as a noun where only a verb can stand: after a modal or
 * "to", or after a verb and a coordinator ("will detain and QUESTION potential victims").
 */
function verbAt(tokens: readonly Token[], k: number): boolean {
	const t = tokens[k]!;
	if (t.pos === 'VERB') return true;
	if (t.pos !== 'NOUN') return false;
	const prev = tokens[k - 1];
	if (prev !== undefined && (DEONTIC_MODALS.has(prev.lower) || (prev.lower === 'to' && prev.pos === 'PART'))) return true;
	return prev !== undefined && (prev.lower === 'and' || prev.lower === 'or') && tokens[k - 2]?.pos === 'VERB' && tokens[k + 1]?.pos !== 'VERB';
}

/**
 * Whether one of `modifiers` describes the person from before its last word: "CHILD victims", "11 UNDERAGE girls",
 * "JUVENILE trafficking victims". Only adjectives, numbers and nouns may stand between (at most two words), so a
 * list ("children AND adult victims", "minors, women") does not.
 */
function describedBy(reading: Reading, person: Span, modifiers: readonly Span[] | undefined): boolean {
	if (!modifiers || modifiers.length === 0) return false;
	const { tokens } = reading;
	const personTokens = reading.tokensIn(person);
	const head = personTokens[personTokens.length - 1] ?? reading.tokenAt(person);
	return modifiers.some((m) => {
		const modifierTokens = reading.tokensIn(m);
		const last = modifierTokens[modifierTokens.length - 1] ?? reading.tokenAt(m);
		return last < head && head - last <= 3 && tokens.slice(last + 1, head).every((t) => t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'NOUN' || t.pos === 'PROPN');
	});
}

/** Heads of a noun phrase that name who acts: "OUTREACH WORKERS will accompany police", "the prevention UNIT shall …". */
const AGENT_HEADS = new Set(['worker', 'officer', 'staff', 'team', 'unit', 'official', 'coordinator', 'agent', 'personnel', 'volunteer', 'squad', 'division', 'specialist', 'investigator', 'detective', 'partner', 'member']);

/**
 * Whether a sentence provides the thing a provision rule found, so the report may credit it (an area marked
 * "Addressed"): not in a heading, not a word of a name, not a past or hypothetical statement, and not a
 * modifier of who acts ("OUTREACH workers will accompany police during raids" provides no outreach).
 */
export function providesAt(reading: Reading, span: Span): boolean {
	if (inName(reading, span)) return false;
	const modality = reading.modalityAt(span);
	if (modality === 'past' || modality === 'hypothetical') return false;
	const { tokens } = reading;
	const indices = reading.tokensIn(span);
	let k = (indices[indices.length - 1] ?? reading.tokenAt(span)) + 1;
	let agent = false;
	while (k < tokens.length && (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'PROPN')) {
		if (AGENT_HEADS.has(tokens[k]!.lemma)) agent = true;
		k++;
	}
	// Who acts is the subject of what follows ("outreach workers WILL ACCOMPANY police"); hiring or training
	// them ("hire outreach workers who speak …") still provides the measure.
	const next = tokens[k];
	return !(agent && next !== undefined && (next.pos === 'AUX' || (next.pos === 'VERB' && next.lower !== next.lemma && /s$/.test(next.lower))));
}
