import type { Clause } from './clauses';
import { coordinatorBeforeSecondPredicate, isNominalNegation, type Negation } from './negation';
import { hasParticipleForm, type Token } from './tokens';

/**
 * What a clause does with its predicate:
 * - `requirement`: shall, must, will, is required to, is to, should (guidance prescribes with "should");
 * - `permission`: may, can, is authorised/entitled/permitted to;
 * - `prohibition`: a negated requirement or permission, "no … shall", "is prohibited";
 * - `statement`: a present-tense indicative ("victims receive services only if …"; a programme describing its practice);
 * - `past`: a past-tense report ("officers arrested 12 women");
 * - `hypothetical`: would, could, might.
 */
export type Modality = 'requirement' | 'permission' | 'prohibition' | 'statement' | 'past' | 'hypothetical';

const REQUIRE = new Set(['shall', 'must', 'will', 'should', 'wo', 'sha']);
const PERMIT = new Set(['may', 'can', 'ca']);
const HYPOTHETICAL = new Set(['would', 'could', 'might']);
/** "is required to", "are obliged to", "has to", "needs to", "is to" … */
const REQUIRE_PREDICATES = new Set(['require', 'oblige', 'obligate', 'mandate', 'compel', 'direct', 'expect', 'need', 'have']);
const PERMIT_PREDICATES = new Set(['authorize', 'authorise', 'permit', 'allow', 'entitle', 'empower', 'eligible']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did']);
/** "… which is mandatory", "reporting is compulsory". */
const MANDATORY = new Set(['mandatory', 'compulsory', 'obligatory', 'required']);

/** First words of cues that negate an alternative ("instead of", "rather than"), not the predicate. */
const ALTERNATIVE_CUES = new Set(['instead', 'rather']);

/** Verbs that report what someone said: after them "would" is a future told, not a case imagined. */
const REPORTING = new Set(['say', 'tell', 'announce', 'state', 'add', 'confirm', 'explain', 'report', 'promise', 'declare', 'indicate', 'disclose']);

/** Prepositions of a time or place phrase between a reporting verb and the subject of what it reports. */
const TIME_PLACE = new Set(['after', 'before', 'on', 'in', 'at', 'during', 'following', 'upon', 'within']);

/**
 * Whether "would" at k is the future of reported speech: "the official SAID THEY WOULD be taken to the shelter",
 * "police ANNOUNCED THAT the women WOULD be deported". Only the subject (and "that") may stand between.
 */
function reportedFuture(tokens: readonly Token[], k: number): boolean {
	if (tokens[k]!.lower !== 'would') return false;
	// A time or place phrase may stand before the subject: "Mrs. Quaye SAID AFTER THE INVESTIGATIONS the girls WOULD be
	// repatriated".
	for (let j = k - 1; j >= 0 && j >= k - 8; j--) {
		const t = tokens[j]!;
		if (REPORTING.has(t.lemma) && t.pos === 'VERB' && t.lower !== t.lemma) return true;
		if (!(t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM' || t.lower === 'that' || (t.pos === 'ADP' && TIME_PLACE.has(t.lower)))) return false;
	}
	return false;
}

/**
 * Whether the verb at `k` is in the perfect: "have reported", "has been reported", "to have been reported". A
 * requirement in the perfect asks that something has already happened (a precondition), not that it be done.
 */
export function inPerfect(tokens: readonly Token[], k: number): boolean {
	if (tokens[k]?.pos !== 'VERB' || !hasParticipleForm(tokens[k]!)) return false;
	k--;
	while (k >= 0 && tokens[k]!.pos === 'ADV') k--;
	if (tokens[k]?.lower === 'been') k--;
	while (k >= 0 && tokens[k]!.pos === 'ADV') k--;
	return ['have', 'has', 'had', 'having'].includes(tokens[k]?.lower ?? '');
}

/** The modality of each clause; a clause with no verb of its own takes its parent's. */
export function clauseModalities(tokens: readonly Token[], clauses: readonly Clause[], clauseOf: readonly number[], negations: readonly Negation[]): Modality[] {
	const out: Array<Modality | undefined> = clauses.map(() => undefined);
	for (const clause of clauses) {
		let modality: Modality | undefined;
		let negated = false;
		for (let k = clause.start; k < clause.end; k++) {
			if (clauseOf[k] !== clause.index) continue;
			const t = tokens[k]!;
			const next = tokens[k + 1];
			if (REQUIRE.has(t.lower) && t.pos === 'AUX') modality ??= 'requirement';
			else if (PERMIT.has(t.lower) && t.pos === 'AUX') modality ??= 'permission';
			else if (HYPOTHETICAL.has(t.lower) && t.pos === 'AUX') modality ??= reportedFuture(tokens, k) ? 'statement' : 'hypothetical';
			else if (t.lemma === 'be' && next?.lower === 'to' && tokens[k + 2]?.pos === 'VERB') modality ??= 'requirement';
			else if (REQUIRE_PREDICATES.has(t.lemma) && next?.lower === 'to' && (tokens[k - 1]?.lemma === 'be' || t.lemma === 'have' || t.lemma === 'need')) modality = modality === 'hypothetical' ? modality : 'requirement';
			else if (MANDATORY.has(t.lower) && tokens[k - 1]?.lemma === 'be') modality = 'requirement';
			else if (PERMIT_PREDICATES.has(t.lemma) && tokens[k - 1]?.lemma === 'be') modality ??= 'permission';
		}
		// Without a modal, the first finite verb tells a statement from a past report; a participle before a noun
		// ("TRAFFICKED persons") is not the clause's verb.
		// A participle clause ("formalities INTENDED for the prevention of trafficking", "persons FOUND in the
		// premises") has no finite verb: it takes the modality of the clause it modifies.
		for (let k = clause.start; modality === undefined && clause.kind !== 'participle' && k < clause.end; k++) {
			if (clauseOf[k] !== clause.index) continue;
			const t = tokens[k]!;
			if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
			const next = tokens[k + 1];
			// Nor is one after anything but its subject: "a specialized, court-ORDERED treatment program", "for
			// TRAFFICKED persons".
			// A determiner or a preposition before it makes it a modifier whatever follows ("a SPECIALIZED and
			// individualized program").
			const prev = tokens[k - 1]?.pos ?? '';
			if (t.pos === 'VERB' && t.lower !== t.lemma && (((next?.pos === 'NOUN' || next?.pos === 'ADJ') && (k === clause.start || !['NOUN', 'PROPN', 'PRON', 'NUM'].includes(prev))) || prev === 'DET' || prev === 'ADP')) continue;
			// Nor is a participle after its noun and before the clause's own verb group: "the persons rescued and
			// IDENTIFIED are handed over".
			if (t.pos === 'VERB' && hasParticipleForm(t) && next?.pos === 'AUX' && ['NOUN', 'PROPN', 'CCONJ'].includes(prev)) continue;
			// A present participle without an auxiliary is no finite verb: "ACCORDING to the agency, 1,200 victims
			// were referred", "FOLLOWING the raid, police arrested …".
			if (t.pos === 'VERB' && /ing$/.test(t.lower) && t.lower !== t.lemma && tokens[k - 1]?.pos !== 'AUX') continue;
			if (PAST_AUX.has(t.lower) || (t.pos === 'VERB' && tokens[k - 1]?.pos !== 'AUX' && simplePast(t))) modality = 'past';
			else if (t.pos === 'VERB' || /^(?:is|are|am|has|does|do)$/.test(t.lower)) modality = 'statement';
		}
		if (modality === undefined) continue;
		// A negation of the clause's own predicate turns a requirement or permission into a prohibition.
		for (const n of negations) {
			if (n.clause !== clause.index || (n.kind !== 'not' && n.kind !== 'prohibit')) continue;
			// "put in a remand home INSTEAD OF a jail", "referred to services RATHER THAN arrested": the cue negates the
			// alternative after it, not the clause's predicate.
			if (ALTERNATIVE_CUES.has(tokens[n.cue[0]]!.lower) && n.scope.every(([from]) => from > n.cue[0])) continue;
			// Not one that opens a second predicate after "and": in "the women have been deported AND BARRED from
			// re-entering", "were arrested and NOT allowed to call anyone", the first predicate stands.
			if (coordinatorBeforeSecondPredicate(tokens, n.cue[0], clause.start) >= 0) continue;
			// "the Agency for THE PROHIBITION OF trafficking … has arrested": a negating noun negates its phrase only.
			if (isNominalNegation(tokens, n)) continue;
			negated = true;
		}
		if (isImperative(tokens, clause, clauseOf)) modality = 'requirement';
		// "… would suffer hardship IF THEY WERE REMOVED": a condition in the past tense is counterfactual, a case
		// imagined, not an act reported or provided for.
		if (clause.kind === 'condition' && (clause.marker === 'if' || clause.marker === 'even if') && firstVerbIsPast(tokens, clause, clauseOf)) modality = 'hypothetical';
		// "to decide WHETHER the victim should be prosecuted": an open question, not a provision.
		if (clause.kind === 'complement' && clause.marker === 'whether') modality = 'hypothetical';
		// The infinitive a requirement governs is what is required: "required TO COOPERATE", "must agree TO TESTIFY".
		if (clause.kind === 'infinitive' && clause.start > 0) {
			const before = tokens[clause.start - 1]!;
			if (REQUIRE_PREDICATES.has(before.lemma) || MANDATORY.has(before.lower)) modality = 'requirement';
		}
		out[clause.index] = negated && (modality === 'requirement' || modality === 'permission' || modality === 'statement') ? 'prohibition' : modality;
	}
	// What people are invited or asked to do is open to them, not laid on them: "we APPEAL TO THE PUBLIC to report",
	// "victims are ENCOURAGED to cooperate", "members of the public have a ROLE to play in reporting", "phone numbers
	// FOR EMPLOYEES to report tips", "an app which staff CAN USE to alert police". Such an infinitive reads as a
	// permission: a duty it is not.
	for (const clause of clauses) {
		if (clause.kind !== 'infinitive' || clause.parent === -1) continue;
		const m = out[clause.index];
		// "decides WHETHER TO CONTACT the authorities": the question left open, as "whether the victim should be …" is.
		const parent = clauses[clause.parent]!;
		if (parent.kind === 'complement' && parent.marker === 'whether' && parent.start === clause.start - 1) {
			out[clause.index] = 'hypothetical';
			continue;
		}
		if (m !== undefined && m !== 'statement') continue;
		// "victims are LESS LIKELY to report a crime if …", "workers are AFRAID to contact the police": an infinitive after
		// an adjective of likelihood or disposition says how people tend to act, not what anyone is to do.
		if (tokens[clause.start]?.lower === 'to' && DISPOSITION.has(tokens[clause.start - 1]?.lower ?? '') && tokens[clause.start - 1]?.pos === 'ADJ') {
			out[clause.index] = 'hypothetical';
			continue;
		}
		if (invited(tokens, clauses, clause, clauseOf, out[clause.parent])) out[clause.index] = 'permission';
	}
	// Clauses without a verb of their own (condition phrases, lists) take their parent's.
	return out.map((m, i) => {
		for (let k: number = i; m === undefined && k !== -1; k = clauses[k]!.parent) m = out[k];
		return m ?? 'statement';
	});
}

/** Adjectives of likelihood or disposition before an infinitive: "LIKELY to report", "RELUCTANT to come forward". */
const DISPOSITION = new Set(['likely', 'unlikely', 'apt', 'prone', 'inclined', 'disinclined', 'afraid', 'reluctant', 'hesitant', 'fearful', 'scared']);

/** Verbs that invite, urge or ask someone to act, without requiring it: "APPEAL to the public to report", "ENCOURAGED to cooperate". */
const INVITING_VERBS = new Set(['appeal', 'urge', 'encourage', 'invite', 'ask', 'call', 'implore', 'exhort', 'remind', 'empower', 'inspire', 'motivate', 'welcome', 'invitation']);
/** Nouns of an opportunity or a part to play: "a ROLE to play in reporting", "the OPPORTUNITY to report". */
// "our ABILITY to report to law enforcement", "the CAPACITY to refer": what one is able to do is no duty to do it.
const INVITING_NOUNS = new Set(['role', 'opportunity', 'chance', 'invitation', 'appeal', 'encouragement', 'option', 'choice', 'freedom', 'ability', 'capacity', 'possibility']);
/** Words of the object between an inviting verb and its infinitive: "appeal TO THE PUBLIC to", "urged ALL RESIDENTS to". */
const OBJECT_WORDS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'NUM']);

/**
 * Whether an infinitive clause says what someone is invited, urged or free to do rather than what they must do:
 * after a verb of inviting and its object ("we appeal TO THE PUBLIC to report"), after a noun of an opportunity
 * ("a role to play in reporting"), after "for" and the people a thing is for ("phone numbers for employees to
 * report"), or as the purpose of a permitted act ("an app staff can use to alert police").
 */
function invited(tokens: readonly Token[], clauses: readonly Clause[], clause: Clause, clauseOf: readonly number[], parent: Modality | undefined): boolean {
	const to = clause.start;
	if (tokens[to]?.lower !== 'to') return false;
	const before = tokens[to - 1];
	if (!before) return false;
	if (before.pos === 'NOUN' && INVITING_NOUNS.has(before.lemma)) return true;
	if (before.pos === 'VERB' && INVITING_VERBS.has(before.lemma)) return true;
	// The purpose of a permitted act: "which staff CAN USE to alert police".
	if (before.pos === 'VERB' && parent === 'permission') return true;
	// Back over the object to the verb: "appeal to THE PUBLIC", "urge ALL RESIDENTS"; or "FOR employees" after a noun.
	// A relative clause on the object is passed over: "we appeal to STAFF WHO SEE SIGNS OF TRAFFICKING to report".
	let host = clauses[clause.parent]!;
	let from = to - 1;
	while (host.kind === 'relative' && host.parent !== -1) {
		from = host.start - 1;
		host = clauses[host.parent]!;
	}
	for (let k = from, n = 0; k >= 0 && n < 8; k--, n++) {
		const t = tokens[k]!;
		if (clauseOf[k] !== host.index) continue;
		// The tagger may call the verb a noun after its subject ("we APPEAL/NOUN to the public").
		if (INVITING_VERBS.has(t.lemma) && (t.pos === 'VERB' || (t.pos === 'NOUN' && ['PRON', 'AUX', 'ADV'].includes(tokens[k - 1]?.pos ?? '')))) return true;
		if (t.pos === 'NOUN' && INVITING_NOUNS.has(t.lemma)) return true;
		if (OBJECT_WORDS.has(t.pos)) continue;
		if (t.pos === 'ADP' && t.lower === 'for') return k > 0 && (tokens[k - 1]!.pos === 'NOUN' || tokens[k - 1]!.pos === 'PROPN') && k < to - 1;
		if (t.pos === 'ADP' && (t.lower === 'to' || t.lower === 'on' || t.lower === 'upon' || t.lower === 'of')) continue;
		return false;
	}
	return false;
}

/**
 * Whether a verb not after an auxiliary is in the simple past: "-ed" forms and irregular ones ("officers SAID",
 * "police TOOK them", "the unit HELD 40 women"). A form other than its lemma that is not a present ("says",
 * "taking") nor a participle only ("taken", "seen", "done") is the past.
 */
function simplePast(t: Token): boolean {
	if (t.lower === t.lemma) return false;
	if (/ed$/.test(t.lower)) return true;
	return !/(?:s|ing|en|ne|wn)$/.test(t.lower) && !PARTICIPLES_ONLY.has(t.lower);
}

/** Irregular participles that are never a simple past. */
const PARTICIPLES_ONLY = new Set(['done', 'gone', 'been', 'begun', 'sung', 'swum', 'drunk', 'rung', 'run', 'come', 'become', 'overcome', 'stricken']);

/** Whether the first verb of a clause's own words is in the past tense ("if they WERE removed", "if it HAD …"). */
function firstVerbIsPast(tokens: readonly Token[], clause: Clause, clauseOf: readonly number[]): boolean {
	for (let k = clause.start; k < clause.end; k++) {
		if (clauseOf[k] !== clause.index) continue;
		const t = tokens[k]!;
		if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
		// "IF ARRESTED, a victim shall …": a participle right after the marker, with no subject, is an elliptical
		// passive ("if she is arrested"), not a past tense.
		if (k === clause.start + 1 && t.pos === 'VERB') return false;
		return PAST_AUX.has(t.lower) || (t.pos === 'VERB' && simplePast(t));
	}
	return false;
}

/** "Report all suspected cases to the police." An imperative opens a top-level clause with a bare verb. */
function isImperative(tokens: readonly Token[], clause: Clause, clauseOf: readonly number[]): boolean {
	if (clause.parent !== -1) return false;
	let k = clause.start;
	while (k < clause.end && (tokens[k]!.pos === 'PUNCT' || tokens[k]!.pos === 'NUM' || tokens[k]!.pos === 'X' || /^[a-z]$/i.test(tokens[k]!.text))) k++;
	const t = tokens[k];
	return t !== undefined && clauseOf[k] === clause.index && t.pos === 'VERB' && t.lower === t.lemma && t.lower !== 'be';
}
