import type { Span } from './reading';

/**
 * Pronouns that stand for the people a frame is about. News and programme pages name the people once and then
 * say what was done to them: "26 individuals working at the market were found … THEY were taken into custody",
 * "the court ordered that SHE be placed in a shelter home". A frame whose person role is only named in the
 * sentence before, or earlier in the same sentence, is filled by the pronoun when its antecedent is one of
 * the role's people.
 *
 * The antecedent is the nearest person named before the pronoun in its sentence: a pronoun after "the
 * traffickers" or "the police" refers to them, not to the victims named earlier. A pronoun that opens its
 * sentence continues the previous sentence's subject, its first person named before any verb group: after "The traffickers
 * exploited the victims.", "They were arrested" is about the traffickers. A pronoun that already stands for the
 * people is the nearest mention of them for a pronoun after it in its sentence. "He" and "him" are left out: in
 * this field they are mostly the official quoted or the suspect.
 */
const PRONOUN = /(?<![\p{L}\p{N}])(?:they|them|she|her)(?![\p{L}\p{N}'’-])/giu;

/** People who act on others or are suspected: the nearest of these before a pronoun is its antecedent. */
const OTHER_PEOPLE = new RegExp(
	String.raw`(?<![\p{L}\p{N}])(?:` +
		[
			String.raw`traffickers?|pimps?|procurers?|recruiters?|exploiters?|offenders?|perpetrators?|suspects?|accused|defendants?|convicts?`,
			String.raw`owners?|managers?|operators?|employers?|brokers?|agents?|sponsors?|smugglers?|gangs?|syndicates?|networks?`,
			String.raw`clients?|buyers?|purchasers?|customers?|johns?|punters?|patrons?`,
			String.raw`police(?:m[ae]n|wom[ae]n)?|officers?|officials?|authorities|investigators?|detectives?|inspectors?|prosecutors?|judges?|magistrates?|courts?|ministers?|ministry|director|chief|commissioner|spokes(?:man|woman|person)|unit|squad|task\s+force|agency|agencies|department|government|staff|he|him|his`,
		].join('|') +
		String.raw`)(?![\p{L}\p{N}])`,
	'giu',
);

/** An auxiliary or a modal: a verb group has begun before it. */
const VERB_GROUP = /(?<![\p{L}\p{N}])(?:shall|will|must|may|might|can|could|should|would|is|are|was|were|be|been|being|has|have|had)(?![\p{L}\p{N}])/iu;

/** Whether a sentence holds a pronoun at all: most do not, and then no antecedent is looked for. */
export function holdsPronoun(sentence: string): boolean {
	PRONOUN.lastIndex = 0;
	return PRONOUN.test(sentence);
}

/**
 * The pronouns in `[from, text.length)` of `text` whose antecedent is one of `people` (spans of `text`), as
 * spans of `text`. `text` runs from the start of the sentence before (when there is one) to the end of the
 * pronoun's sentence.
 */
export function pronounsFor(text: string, from: number, people: readonly Span[]): Span[] {
	if (people.length === 0) return [];
	const others: Span[] = [];
	OTHER_PEOPLE.lastIndex = 0;
	for (let m = OTHER_PEOPLE.exec(text); m; m = OTHER_PEOPLE.exec(text)) others.push({ start: m.index, end: m.index + m[0].length });
	const out: Span[] = [];
	const rejected: Span[] = [];
	PRONOUN.lastIndex = from;
	for (let m = PRONOUN.exec(text); m; m = PRONOUN.exec(text)) {
		const at = m.index;
		const span = { start: at, end: at + m[0].length };
		if (!resolves(at)) {
			rejected.push(span);
			continue;
		}
		out.push(span);
	}
	return out;

	function resolves(at: number): boolean {
		if (/^[\s\p{P}]*$/u.test(text.slice(from, at)) && from > 0) {
			// The previous sentence's subject: whoever it names first.
			const person = firstFrom(people, 0);
			const other = firstFrom(others, 0);
			if (person === undefined || person.start >= from || (other !== undefined && other.start < person.start) || quantified(text, person)) return false;
			// The subject comes before its verb: people named after an auxiliary or a modal are an object or a
			// complement ("half of the funds SHALL BE awarded to … organisations led by survivors. Her case …").
			if (!VERB_GROUP.test(text.slice(0, person.start))) return true;
			// Unless the previous sentence names no one else: then the people it names, wherever they stand, are whom
			// the pronoun continues, when they agree in number ("Warrants were executed on a property where 27 illegal
			// workers were located. THEY now face removal"). Anyone else named there (the police, the owners) may be
			// whom it means, and then it is left alone.
			if (other !== undefined && other.start < from) return false;
			const named = people.filter((p) => p.end <= from);
			return named.every((p) => !quantified(text, p)) && named.some((p) => plural(text, p) === /^(?:they|them)$/iu.test(text.slice(at, at + 4).replace(/[^\p{L}]+$/u, '')));
		}
		// The nearest mention of the people: one named, or a pronoun before it in this sentence that already
		// stands for them ("HER case will be dropped once SHE completes …": she is whom her is, not the
		// traffickers the sentence before names after the victims).
		const named = nearestBefore(people, at);
		const earlier = nearestBefore(out, at);
		const person = earlier !== undefined && (named === undefined || earlier.end > named.end) ? earlier : named;
		if (person === undefined || (person === named && person.start < from && quantified(text, person))) return false;
		// A pronoun after one of this sentence that found no antecedent among the people continues it: in "HER case
		// will be dropped once SHE completes …", she is whom her is, not someone named before both.
		if (person === named && rejected.some((r) => r.end <= at && r.start >= person.end)) return false;
		const other = nearestBefore(others, at);
		// A person phrase that holds the other word ("the women's employers" is other; "sex workers' clients")
		// is decided by whichever ends later, the head of the phrase.
		return other === undefined || other.end <= person.end;
	}
}

/**
 * Whether a person is named with a universal quantifier ("EVERY person", "ANY victim", "NO survivor"): such a
 * phrase names no one a later sentence's pronoun can go back to. After "Every person shall be free to contact
 * their family.", "Her case will be dropped …" is not about every person.
 */
function quantified(text: string, person: Span): boolean {
	// The quantifier may open the person phrase itself ("every person", "all persons" are people the rules name).
	return /(?<![\p{L}\p{N}])(?:every|each|any|no|all)\s+$/iu.test(text.slice(Math.max(0, person.start - 8), person.start)) || /^(?:every|each|any|no|all)\s/iu.test(text.slice(person.start, person.end));
}

/** Whether a person phrase names several people: its last word a plural ("27 illegal WORKERS", "the WOMEN"). */
function plural(text: string, person: Span): boolean {
	const last = /[\p{L}-]+(?=[^\p{L}]*$)/u.exec(text.slice(person.start, person.end))?.[0]?.toLowerCase() ?? '';
	return /^(?:people|women|men|children|police)$/.test(last) || (/s$/.test(last) && !/(?:ss|us)$/.test(last));
}

function firstFrom(spans: readonly Span[], at: number): Span | undefined {
	return spans.find((s) => s.start >= at);
}

function nearestBefore(spans: readonly Span[], at: number): Span | undefined {
	let best: Span | undefined;
	for (const s of spans) if (s.end <= at && (best === undefined || s.end > best.end)) best = s;
	return best;
}
