import type { Clause } from './clauses';
import type { Token } from './tokens';

/**
 * What a negation does, so a rule can decide what it means for its frame (the ConText lesson: one mechanism
 * with explicit scope, triggers, pseudo-triggers and terminators):
 * - `not`: a negated predicate ("shall not be detained", "is in no way conditional", "no victim shall …");
 * - `without`: absence ("without requiring cooperation" protects; "without the person's consent" is the harm);
 * - `independent`: the provision does not depend on what follows ("regardless of", "whether or not");
 * - `prohibit`: a verb or predicate that forbids or ends its object ("prohibits the detention of", "is prohibited");
 * - `savings`: "nothing in this section shall be construed to …";
 * - `last-resort`: a restriction, not a negation ("only as a last resort").
 */
export type NegationKind = 'not' | 'without' | 'independent' | 'prohibit' | 'savings' | 'last-resort';

export interface Negation {
	kind: NegationKind;
	/** Token range of the cue. */
	cue: [number, number];
	/** Token ranges governed by the cue (several when the scope skips a clause that describes a noun before it). */
	scope: Array<[number, number]>;
	/** The clause the cue is in. */
	clause: number;
}

type Cue = { words: string[]; kind: NegationKind; reach: Reach };
/** How far a cue reaches: its whole clause (both sides), or forward from the cue to the end of its phrase or clause. */
type Reach = 'clause' | 'forward' | 'phrase';

const cue = (text: string, kind: NegationKind, reach: Reach): Cue => ({ words: text.split(' '), kind, reach });

/** Multi-word cues, longest first. */
const CUES: Cue[] = [
	cue('under no circumstances', 'not', 'clause'),
	cue('under no circumstance', 'not', 'clause'),
	cue('in no way', 'not', 'clause'),
	cue('in no case', 'not', 'clause'),
	cue('in no event', 'not', 'clause'),
	cue('at no time', 'not', 'clause'),
	cue('by no means', 'not', 'clause'),
	cue('on no account', 'not', 'clause'),
	cue('no longer', 'not', 'forward'),
	cue('whether or not', 'independent', 'forward'),
	cue('regardless of', 'independent', 'phrase'),
	cue('irrespective of', 'independent', 'phrase'),
	cue('independent of', 'independent', 'phrase'),
	cue('independently of', 'independent', 'phrase'),
	cue('independent from', 'independent', 'phrase'),
	cue('unconditional', 'independent', 'phrase'),
	cue('unconditionally', 'independent', 'phrase'),
	cue('non-conditional', 'independent', 'phrase'),
	cue('without regard to', 'independent', 'phrase'),
	cue('without regard for', 'independent', 'phrase'),
	cue('immunity from', 'without', 'phrase'),
	cue('immune from', 'without', 'phrase'),
	cue('exempt from', 'without', 'phrase'),
	cue('exemption from', 'without', 'phrase'),
	cue('protection from', 'without', 'phrase'),
	cue('protected from', 'without', 'phrase'),
	cue('shielded from', 'without', 'phrase'),
	cue('safe from', 'without', 'phrase'),
	cue('free from', 'without', 'phrase'),
	cue('free of', 'without', 'phrase'),
	cue('rather than', 'not', 'phrase'),
	cue('instead of', 'not', 'phrase'),
	cue('as a last resort', 'last-resort', 'clause'),
	cue('as a measure of last resort', 'last-resort', 'clause'),
	cue('only as a last resort', 'last-resort', 'clause'),
	cue('without', 'without', 'phrase'),
	cue('absent', 'without', 'phrase'),
	cue('not', 'not', 'clause'),
	cue("n't", 'not', 'clause'),
	// The typographic apostrophe of most published text: "we DON’T grant", "victims WON’T be charged".
	cue('n’t', 'not', 'clause'),
	cue('never', 'not', 'clause'),
	cue('neither', 'not', 'clause'),
	cue('nor', 'not', 'forward'),
	cue('no', 'not', 'clause'),
	cue('none', 'not', 'clause'),
	cue('nobody', 'not', 'clause'),
	cue('nothing', 'not', 'clause'),
	cue('cannot', 'not', 'clause'),
];

/** Look like cues, are not ("not only", "no later than", "not less than", "including but not limited to"). */
const PSEUDO: string[][] = [
	'not only',
	// "We raided NOT JUST one brothel, but two": additive, as "not only … but".
	'not just',
	'not merely',
	'not limited to',
	'not be limited to',
	'not necessarily',
	'not less than',
	'not more than',
	'not fewer than',
	'not later than',
	'not earlier than',
	'not exceeding',
	'not to exceed',
	'no less than',
	'no more than',
	'no fewer than',
	'no later than',
	'no earlier than',
	'no sooner than',
	'not yet',
	'if not',
	'not least',
	'nothing less than',
	'no matter',
	'no one size',
	'no wrong door',
	'at no cost',
	'at no expense',
	'at no charge',
	'free of charge',
	'no cost',
	'no fee',
	'no fees',
	// Manner, not absence of the act: "may arrest WITHOUT WARRANT any person found begging", "shall WITHOUT DELAY
	// deport the victims". The act is done, the sooner or the more freely.
	'without warrant',
	'without a warrant',
	'without any warrant',
	'without delay',
	'without undue delay',
	'without further delay',
].map((p) => p.split(' '));

/** Determiners and adjectives that make a negating verb form a noun ("outright bans on", "the end of"). */
const NOUN_BEFORE = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those', 'such', 'any', 'outright', 'total', 'blanket', 'complete', 'general', 'legal', 'statutory', 'proposed', 'new', 'no']);
/** What follows a negating verb used without an object, or as a noun: "bans on", "ends once", "ending up". */
const NO_OBJECT_AFTER = new Set(['on', 'of', 'in', 'at', 'for', 'with', 'up', 'once', 'when', 'whenever', 'after', 'before', 'until', 'unless', 'if', 'because', 'since', 'while', 'where', 'whereas', 'although', 'though', 'and', 'or', 'but', ',', ';', ':', '.', ')']);
/** Clauses a phrase cue's scope does not enter. */
const PHRASE_STOPS = new Set(['condition', 'relative', 'contrast', 'exception', 'coordinate', 'participle']);
/** Pronouns and determiners that begin a new clause's subject after a comma. */
const SUBJECT_START = new Set(['the', 'a', 'an', 'such', 'this', 'that', 'these', 'those', 'any', 'each', 'every', 'it', 'they', 'he', 'she', 'we', 'i', 'you', 'his', 'her', 'their', 'its']);
const MODALS = new Set(['shall', 'will', 'must', 'may', 'can', 'should', 'would', 'could', 'might', 'is', 'are', 'was', 'were', 'has', 'have', 'had']);

/** Verbs that negate their object when active ("prohibits the detention of victims") and their subject when passive. */
const NEGATING_VERBS = new Set(['prohibit', 'forbid', 'ban', 'bar', 'preclude', 'refrain', 'abstain', 'cease', 'discontinue', 'end', 'eliminate', 'abolish', 'repeal', 'rescind', 'oppose', 'reject', 'avoid', 'outlaw', 'waive']);
/** Nouns of the negating verbs that end a practice, which negate the phrase after "of" ("the end of", "the abolition of"). "A ban on" and "the prohibition of" are left out: what a ban names is often the harm itself ("a ban on buying sex"). */
const NEGATING_NOUNS = new Set(['end', 'abolition', 'elimination', 'cessation', 'ending', 'abolishing']);
/** Whether a negation is a negating noun with its "of"/"on" ("the end of …"): it negates a phrase, never the clause's predicate. */
export function isNominalNegation(tokens: readonly Token[], n: Negation): boolean {
	const [start, end] = n.cue;
	return end - start === 2 && NEGATING_NOUNS.has(tokens[start]!.lower) && (tokens[start + 1]!.lower === 'of' || tokens[start + 1]!.lower === 'on');
}

/** Prepositions of time before "the end of": "AT the end of the day", "BY the end of the year" name a time, not a negation. */
const TIME_BEFORE = new Set(['at', 'by', 'until', 'till', 'towards', 'toward', 'before', 'after', 'to', 'since', 'from', 'near', 'around', 'through', 'throughout']);

/** Verbs that negate only as "shall X from" / "X from" ("refrain from arresting"). */
const NEGATING_ADJECTIVES = new Set(['unlawful', 'impermissible', 'inadmissible', 'prohibited', 'forbidden', 'banned']);

function matchesAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
	if (i + words.length > tokens.length) return false;
	for (let k = 0; k < words.length; k++) if (tokens[i + k]!.lower !== words[k]) return false;
	return true;
}

/** Cues and pseudo-triggers by first word (each token is compared only with those that could start there). */
const CUES_BY_FIRST = groupByFirst(CUES, (c) => c.words);
const PSEUDO_BY_FIRST = groupByFirst(PSEUDO, (p) => p);

function groupByFirst<T>(items: readonly T[], words: (item: T) => readonly string[]): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const item of items) {
		const first = words(item)[0]!;
		const list = out.get(first) ?? [];
		list.push(item);
		out.set(first, list);
	}
	for (const list of out.values()) list.sort((a, b) => words(b).length - words(a).length);
	return out;
}

function pseudoAt(tokens: readonly Token[], i: number): number {
	for (const p of PSEUDO_BY_FIRST.get(tokens[i]!.lower) ?? []) if (matchesAt(tokens, i, p)) return p.length;
	return 0;
}

/**
 * Whether a sentence may hold a negation cue at all: a cheap test on its words, so the many sentences with none
 * are never read. A superset of what findNegations looks for.
 */
export function mayHoldNegation(text: string): boolean {
	return NEGATION_WORDS.test(text);
}

const NEGATION_WORDS = new RegExp(
	String.raw`\b(?:not|no|never|neither|nor|none|nobody|nothing|cannot|without|absent|free|immun\w*|exempt\w*|protect\w*|shield\w*|safe|regardless|irrespective|independent\w*|whether|rather|instead|resort|unconditional\w*|non-conditional|` +
		String.raw`prohibit\w*|forbid\w*|forbad\w*|ban|bans|banned|banning|bar|bars|barred|barring|preclud\w*|refrain\w*|abstain\w*|ceas\w*|discontinu\w*|end|ends|ended|ending|eliminat\w*|abolish\w*|abolition|cessation|repeal\w*|rescind\w*|oppos\w*|reject\w*|avoid\w*|outlaw\w*|waiv\w*|unlawful|impermissible|inadmissible)\b|n['’]t\b`,
	'iu',
);

/**
 * Finds negation cues and their scopes. Scopes follow the clause structure:
 * - `clause` cues (not, no, never, in no way …) govern their clause, except clauses inside it that describe a
 *   noun before the cue ("victims WHO DO NOT COOPERATE shall be detained": the negation stays in the relative
 *   clause; "victims who cooperate shall NOT be detained" negates the detention, not the cooperation), and every
 *   clause nested in it after the cue (infinitives, conditions, complements: "will not be used TO REQUIRE …
 *   AS A CONDITION OF …");
 * - `phrase` cues (without, regardless of, whether or not …) govern what follows them up to a comma or the end
 *   of their clause, with the clauses nested there;
 * - contrast (but, however), exception (except) and coordinate clauses end every scope.
 */
export function findNegations(tokens: readonly Token[], clauses: readonly Clause[], clauseOf: readonly number[]): Negation[] {
	const out: Negation[] = [];
	const isInside = (c: number, ancestor: number): boolean => {
		for (let k = c; k !== -1; k = clauses[k]!.parent) if (k === ancestor) return true;
		return false;
	};
	for (let i = 0; i < tokens.length; i++) {
		const skip = pseudoAt(tokens, i);
		if (skip) {
			i += skip - 1;
			continue;
		}
		const t = tokens[i]!;
		let found: Cue | undefined;
		for (const c of CUES_BY_FIRST.get(t.lower) ?? []) {
			if (matchesAt(tokens, i, c.words)) {
				found = c;
				break;
			}
		}
		let kind: NegationKind | undefined = found?.kind;
		let reach: Reach | undefined = found?.reach;
		let cueEnd = i + (found?.words.length ?? 1);
		// "nothing in this section shall be construed to …": a savings clause.
		if (t.lower === 'nothing' && savingsAhead(tokens, i)) kind = 'savings';
		// In headings and lists the elliptical "Deportation of victim prohibited" negates the noun phrase before it,
		// even where the tagger reads the participle as a clause of its own ("trafficked persons prohibited").
		const elliptical = NEGATING_ADJECTIVES.has(t.lower) && tokens[i - 1]?.pos === 'NOUN' && (i + 1 >= tokens.length || tokens[i + 1]!.pos === 'PUNCT' || tokens[i + 1]!.pos === 'NUM');
		// Negating verbs and predicates.
		if (!found && elliptical) {
			kind = 'prohibit';
			reach = 'clause';
		} else if (!found && t.pos === 'VERB' && NEGATING_VERBS.has(t.lemma) && !NOUN_BEFORE.has(tokens[i - 1]?.lower ?? '') && !NO_OBJECT_AFTER.has(tokens[i + 1]?.lower ?? '.')) {
			const passive = tokens[i - 1]?.lemma === 'be' || tokens[i - 2]?.lemma === 'be';
			kind = 'prohibit';
			reach = passive ? 'clause' : 'forward';
			cueEnd = i + 1;
		} else if (!found && NEGATING_NOUNS.has(t.lower) && (NOUN_BEFORE.has(tokens[i - 1]?.lower ?? '') || tokens[i - 1]?.pos === 'ADJ') && !TIME_BEFORE.has(tokens[i - 2]?.lower ?? '') && (tokens[i + 1]?.lower === 'of' || tokens[i + 1]?.lower === 'on')) {
			// The noun of a negating verb with its object: "resulted in THE END OF the mandatory detention of trafficked
			// women", "A BAN ON the detention of victims". It negates that noun phrase only, not the clause.
			kind = 'prohibit';
			reach = 'phrase';
			cueEnd = i + 2;
		} else if (!found && NEGATING_ADJECTIVES.has(t.lower) && (tokens[i - 1]?.lemma === 'be' || tokens[i - 2]?.lemma === 'be')) {
			// "… is prohibited".
			kind = 'prohibit';
			reach = 'clause';
		}
		if (!kind || !reach) continue;
		// "no" as a determiner of a number or in "No." is not a negation.
		if (t.lower === 'no' && (tokens[i + 1]?.text === '.' || tokens[i + 1]?.pos === 'NUM')) continue;
		let clause = clauseOf[i]!;
		const own = clauses[clause]!;
		if (elliptical && own.start === i && own.parent >= 0) clause = own.parent;
		// "no", "nothing", "none" after the clause's verb determine an object ("shall have no obligation to …"):
		// they negate that phrase, not the clause's predicate.
		if (reach === 'clause' && (t.lower === 'no' || t.lower === 'none' || t.lower === 'nothing' || t.lower === 'nobody') && kind !== 'savings' && verbBefore(tokens, clauses[clause]!.start, i, clauseOf, clause)) reach = 'phrase';
		const scope = scopeOf(tokens, clauses, clauseOf, i, cueEnd, clause, reach, isInside);
		out.push({ kind, cue: [i, cueEnd], scope, clause });
		i = cueEnd - 1;
	}
	return out;
}

function verbBefore(tokens: readonly Token[], from: number, to: number, clauseOf: readonly number[], clause: number): boolean {
	for (let k = from; k < to; k++) if (clauseOf[k] === clause && (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX')) return true;
	return false;
}

/** A comma followed by a new clause's subject and its finite verb: ", such officer may …". */
function newClauseAfterComma(tokens: readonly Token[], comma: number): boolean {
	const first = tokens[comma + 1];
	if (!first || !(SUBJECT_START.has(first.lower) || first.pos === 'NOUN' || first.pos === 'PROPN')) return false;
	for (let k = comma + 2; k < Math.min(tokens.length, comma + 6); k++) {
		const t = tokens[k]!;
		if (MODALS.has(t.lower) && (t.pos === 'AUX' || t.pos === 'VERB')) return true;
		if (t.text === ',' || t.pos === 'ADP' || t.pos === 'SCONJ') return false;
	}
	return false;
}

function savingsAhead(tokens: readonly Token[], i: number): boolean {
	for (let k = i + 1; k < Math.min(tokens.length, i + 14); k++) if (tokens[k]!.lemma === 'construe' || tokens[k]!.lemma === 'interpret') return true;
	return false;
}

function scopeOf(
	tokens: readonly Token[],
	clauses: readonly Clause[],
	clauseOf: readonly number[],
	cueStart: number,
	cueEnd: number,
	clause: number,
	reach: Reach,
	isInside: (c: number, ancestor: number) => boolean,
): Array<[number, number]> {
	const own = clauses[clause]!;
	const inScope: boolean[] = new Array(tokens.length).fill(false);
	if (reach === 'clause') {
		// Back to the clause's start, but not past a comma of the clause itself (a fronted phrase or clause
		// before it is not the negated predicate's subject); forward to the clause's end, but not past a comma
		// that starts a new clause (", such officer may …").
		let from = own.start;
		for (let k = cueStart - 1; k > own.start; k--) {
			if (clauseOf[k] === clause && tokens[k]!.text === ',') {
				from = k + 1;
				break;
			}
		}
		// Nor back past a predicate it is coordinated after: in "the women were arrested AND NOT allowed to call
		// anyone" the arrest stands; what is negated is the second predicate.
		const and = coordinatorBeforeSecondPredicate(tokens, cueStart, from);
		if (and >= 0) from = and + 1;
		let to = Math.min(own.end, tokens.length);
		for (let k = cueEnd; k < to; k++) {
			if (clauseOf[k] === clause && tokens[k]!.text === ',' && newClauseAfterComma(tokens, k)) {
				to = k;
				break;
			}
		}
		for (let k = from; k < to; k++) {
			const c = clauseOf[k]!;
			if (!isInside(c, clause)) continue;
			// A clause nested in the cue's clause and lying wholly before the cue describes something the negation is
			// about, not something it negates ("victims who cooperate shall not be detained").
			if (c !== clause && clauses[c]!.end <= cueStart) continue;
			if (c !== clause && isCutOff(tokens, clauses, c, clause)) continue;
			inScope[k] = true;
		}
	} else {
		// Forward: from the cue to the end of its clause (and what is nested there); a phrase cue stops at a comma
		// in its own clause.
		for (let k = cueEnd; k < own.end && k < tokens.length; k++) {
			const c = clauseOf[k]!;
			const t = tokens[k]!;
			// A phrase ends at a comma, a new predicate ("and placed …", "will be advised") or a subordinator.
			if (reach === 'phrase' && c === clause && (t.text === ',' || t.pos === 'SCONJ' || (t.pos === 'AUX' && MODALS.has(t.lower)) || (t.pos === 'CCONJ' && (tokens[k + 1]?.pos === 'VERB' || tokens[k + 1]?.pos === 'AUX')))) break;
			// Nor does a phrase reach into a condition, a relative clause or a contrast that begins after it ("immunity
			// from prosecution IF the person reports …" does not lift the condition).
			if (reach === 'phrase' && c !== clause && clauses[c]!.start === k && PHRASE_STOPS.has(clauses[c]!.kind) && !clauses[c]!.phrase) break;
			if (reach === 'forward' && c === clause && t.text === ',' && newClauseAfterComma(tokens, k)) break;
			if (!isInside(c, clause) || (c !== clause && isCutOff(tokens, clauses, c, clause))) continue;
			inScope[k] = true;
		}
		// A phrase cue opened inside a condition or other nested clause also covers that clause's remainder.
	}
	for (let k = cueStart; k < cueEnd; k++) inScope[k] = false;
	const ranges: Array<[number, number]> = [];
	for (let k = 0; k < inScope.length; k++) {
		if (!inScope[k]) continue;
		let e = k;
		while (e + 1 < inScope.length && inScope[e + 1]) e++;
		ranges.push([k, e + 1]);
		k = e;
	}
	return ranges;
}

/**
 * Contrast and exception clauses end a negation's reach, wherever they are nested; so does a non-restrictive
 * relative clause (after a comma): it comments on its noun and is asserted whatever the clause around it denies or
 * opposes ("is opposed to prostitution, WHICH IS INHERENTLY HARMFUL" still says that prostitution is harmful).
 */
function isCutOff(tokens: readonly Token[], clauses: readonly Clause[], c: number, ancestor: number): boolean {
	for (let k = c; k !== -1 && k !== ancestor; k = clauses[k]!.parent) {
		const clause = clauses[k]!;
		const kind = clause.kind;
		if (kind === 'contrast' || kind === 'exception' || kind === 'coordinate') return true;
		if (kind === 'relative' && tokens[clause.start - 1]?.text === ',') return true;
	}
	return false;
}

/**
 * The "and" or "or" right before a cue at `cue` that opens a second predicate, after the verb of a first one at
 * or after `from` ("were arrested AND NOT allowed", "have been deported AND BARRED from"); -1 if
 * there is none. What the cue negates is that second predicate, not the first.
 */
export function coordinatorBeforeSecondPredicate(tokens: readonly Token[], cue: number, from: number): number {
	const and = cue - 1;
	const t = tokens[and];
	if (t?.pos !== 'CCONJ' || (t.lower !== 'and' && t.lower !== 'or') || and - 1 < from) return -1;
	// The first verb may be inflected ("were arrested AND NOT allowed") or bare when both share a marker or a modal
	// ("to prevent AND ELIMINATE trafficking", "shall identify AND NOT prosecute"): each is a predicate of its own.
	const verb = tokens[and - 1]!;
	return verb.pos === 'VERB' ? and : -1;
}
