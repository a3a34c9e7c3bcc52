import type { Token } from './tokens';

/**
 * What a clause is to the sentence. A rule asks about these, not about words: "shelter for victims WHO
 * TESTIFY" (relative on the person) and "shelter IF THE VICTIM TESTIFIES" (condition) both tie shelter to
 * testimony; "shelter, WHETHER OR NOT the victim testifies" does not.
 */
export type ClauseKind =
	| 'main'
	/** A further predicate of the sentence after ";", "and shall …", ", and the officer will …". */
	| 'coordinate'
	/** if, only if, unless, provided that, where, when, once, upon; and condition phrases: as a condition of, subject to, contingent on, in exchange for … */
	| 'condition'
	/** who, whom, whose, which, that after a noun */
	| 'relative'
	/** A participle after a noun: "persons FOUND IN THE BROTHEL", "officers CONDUCTING THE OPERATION". */
	| 'participle'
	/** to + verb, in order to + verb */
	| 'infinitive'
	/** that/whether after a verb, an adjective or a noun: "ensure THAT …", "a defence THAT …" */
	| 'complement'
	/** but, however, although, whereas, while: a new thought; a negation before it does not reach into it. */
	| 'contrast'
	/** except, other than, save: the part a provision leaves out. */
	| 'exception'
	/** (…) that is not an enumerator like (a) or (iv). */
	| 'parenthetical';

export interface Clause {
	index: number;
	kind: ClauseKind;
	/** Token range [start, end). */
	start: number;
	end: number;
	/** The enclosing clause's index; -1 for top-level clauses (main, coordinate, contrast after ";"). */
	parent: number;
	/** The words that opened the clause ("as a condition of", "who", "if"), lower case. */
	marker?: string;
	/** Condition phrases (subject to, as a condition of …) are phrases, not finite clauses. */
	phrase?: boolean;
}

/** Multi-word markers, longest first within each table. Each entry: words, and what they open. */
type Opener = { words: string[]; kind: ClauseKind; phrase?: boolean };

const opener = (text: string, kind: ClauseKind, phrase = false): Opener => ({ words: text.split(' '), kind, phrase });

const CONDITION_CLAUSES = [
	'only if',
	'only when',
	'only where',
	'only after',
	'only upon',
	'only once',
	'provided that',
	'providing that',
	'provided always that',
	'on condition that',
	'on the condition that',
	'so long as',
	'as long as',
	'in the event that',
	'in case',
	'if and only if',
	'if',
	'unless',
	'when',
	'whenever',
	'once',
	// Time conditions: a status "while they have continued presence", services "until the trial ends".
	'while',
	'whilst',
	'until',
	'pending',
	'after',
	'following',
	'before',
	'prior to',
	// Reasons a provision acts on: "refused shelter ON THE GROUND THAT the victim refuses to testify".
	'on the ground that',
	'on the grounds that',
	'on the basis that',
	'because',
	'by reason of',
	'for such period as',
	'for so long as',
	'for as long as',
].map((t) => opener(t, 'condition'));

const CONDITION_PHRASES = [
	'as a condition of',
	'as a condition for',
	'as a precondition of',
	'as a precondition for',
	'as a prerequisite for',
	'as a prerequisite to',
	'as a prerequisite of',
	'on condition of',
	'conditional on',
	'conditional upon',
	'conditioned on',
	'conditioned upon',
	'contingent on',
	'contingent upon',
	'dependent on',
	'dependent upon',
	'depending on',
	'depending upon',
	'predicated on',
	'predicated upon',
	'subject to',
	'in exchange for',
	'in return for',
	'in consideration of',
	'on the basis of',
	'based on',
	'based upon',
	'tied to',
	'linked to',
	'for the duration of',
	'for the length of',
	'for the period of',
	'throughout',
	'upon',
].map((t) => opener(t, 'condition', true));

/**
 * Condition markers whose phrase holds what is GIVEN rather than what is required: "victims must testify AS A
 * CONDITION OF receiving shelter", "report to the police BEFORE receiving counselling".
 */
export const REVERSE_CONDITIONS: ReadonlySet<string> = new Set(['as a condition of', 'as a condition for', 'as a precondition of', 'as a precondition for', 'as a prerequisite for', 'as a prerequisite to', 'as a prerequisite of', 'before', 'prior to']);

const CONTRAST = ['but', 'however', 'although', 'though', 'whereas', 'yet', 'while', 'nevertheless', 'nonetheless'].map((t) => opener(t, 'contrast'));
/** Concessives that, opening a sentence, are subordinate: the main clause follows their comma ("Although …, …"). */
const FRONTED_CONCESSIVES = new Set(['although', 'though', 'while']);
const EXCEPTION = ['except that', 'except where', 'except when', 'except as', 'except for', 'except', 'other than', 'save that', 'save where', 'with the exception of'].map((t) => opener(t, 'exception'));

export const RELATIVE_PRONOUNS = new Set(['who', 'whom', 'whose', 'which']);

/** Nouns that may be the subject of an object relative ("the persons who POLICE will question"), not its verb. */
const RELATIVE_SUBJECT_NOUNS = new Set(['police', 'officer', 'staff', 'authority', 'agency', 'court', 'employer', 'trafficker', 'government', 'state', 'law', 'inspector', 'agent', 'official', 'provider']);
/** Pronouns that start a new predicate after "and"/"or"/"but" ("… and it usually ends once …"). */
const SUBJECT_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we', 'i', 'you', 'this', 'these']);
const MODALS = new Set(['shall', 'will', 'must', 'may', 'can', 'should', 'would', 'could', 'might', 'ca', 'wo', 'sha']);
const FINITE_AUX = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'do', 'did', "'s", "'re"]);
/** Verbs of belief and saying that take a complement without "that": "whom police BELIEVE could be victims". */
const BRIDGING = new Set(['believe', 'think', 'say', 'suspect', 'consider', 'fear', 'allege', 'claim', 'know', 'feel', 'suppose', 'assume', 'estimate', 'report']);
/** Verbs whose object a complement clause follows ("remind clients that …"). */
const COMMUNICATION_VERBS = new Set(['remind', 'tell', 'inform', 'advise', 'notify', 'assure', 'warn', 'show', 'teach', 'convince', 'persuade', 'satisfy', 'instruct']);
/** Nouns before "that" that take a complement clause ("the fact that", "a defence that"), not a relative. */
const COMPLEMENT_NOUNS = new Set(['fact', 'defense', 'defence', 'requirement', 'condition', 'belief', 'evidence', 'finding', 'assumption', 'presumption', 'notion', 'view', 'claim', 'determination', 'certification', 'statement', 'assurance', 'proof', 'showing', 'indication']);

function isVerbLike(t: Token | undefined): boolean {
	return t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX');
}

/** A finite predicate start: a modal or a finite form of be/have/do. */
export function isFiniteAux(t: Token | undefined): boolean {
	return t !== undefined && (MODALS.has(t.lower) || FINITE_AUX.has(t.lower)) && (t.pos === 'AUX' || t.pos === 'VERB' || MODALS.has(t.lower));
}

function matchesAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
	if (i + words.length > tokens.length) return false;
	for (let k = 0; k < words.length; k++) if (tokens[i + k]!.lower !== words[k]) return false;
	return true;
}

/** Openers by their first word, longest first, so each token is compared with the few that could start there. */
const byFirstWord = new WeakMap<readonly Opener[], Map<string, Opener[]>>();

function firstOpener(tokens: readonly Token[], i: number, table: readonly Opener[]): Opener | undefined {
	let index = byFirstWord.get(table);
	if (!index) {
		index = new Map();
		for (const o of table) {
			const list = index.get(o.words[0]!) ?? [];
			list.push(o);
			index.set(o.words[0]!, list);
		}
		for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
		byFirstWord.set(table, index);
	}
	const candidates = index.get(tokens[i]!.lower);
	if (!candidates) return undefined;
	for (const o of candidates) if (matchesAt(tokens, i, o.words)) return o;
	return undefined;
}

/**
 * The dashes that open an aside and those that close it: a dash closed by a second dash of the same kind in the sentence:
 * "13 victims – who are all of Chinese descent – were rescued". A dash between numbers is a range ("2019–2024"),
 * and a dash with no partner before a semicolon runs to the end of the sentence, so neither opens one.
 */
function dashAsides(tokens: readonly Token[]): { opens: Set<number>; closes: Set<number> } {
	const pairs = new Map<number, number>();
	for (let i = 1; i < tokens.length; i++) {
		const t = tokens[i]!;
		if ((t.text !== '–' && t.text !== '—') || tokens[i - 1]!.pos === 'NUM' || tokens[i - 1]!.pos === 'PUNCT') continue;
		for (let j = i + 3; j < tokens.length; j++) {
			const u = tokens[j]!;
			if (u.text === ';' || u.text === '(' || u.text === ')') break;
			if (u.text === '–' || u.text === '—') {
				if (u.text === t.text && tokens[j - 1]!.pos !== 'NUM') pairs.set(i, j);
				break;
			}
		}
		const close = pairs.get(i);
		if (close !== undefined) i = close;
	}
	return { opens: new Set(pairs.keys()), closes: new Set(pairs.values()) };
}

/** An enumerator in parentheses: (a), (1), (iv), (A)(ii) … */
function isEnumerator(tokens: readonly Token[], i: number): boolean {
	return tokens[i]?.text === '(' && tokens[i + 2]?.text === ')' && /^(?:[a-z]{1,2}|\d{1,3}|[ivxlc]{1,6})$/i.test(tokens[i + 1]?.text ?? '');
}

interface Open {
	clause: Clause;
	/** Whether the clause has had its own verb yet. */
	hasVerb: boolean;
	/** Whether it has had a noun after its verb (an object), for participles. */
	hasObject: boolean;
	/** Whether the clause began before its parent had a verb (a fronted condition: "If …, the agency shall …"). */
	fronted: boolean;
}

/**
 * Splits a sentence's tokens into clauses with a shallow, deterministic reading: closed-class words (relative
 * pronouns, subordinators, modals, condition phrases, punctuation) open and close clauses; parts of speech
 * tell verbs from nouns. It does not parse: it finds the units a provision's meaning hangs on, and tests of
 * minimal pairs hold it to that.
 */
export function splitIntoClauses(tokens: readonly Token[]): { clauses: Clause[]; clauseOf: number[] } {
	const clauses: Clause[] = [];
	const clauseOf: number[] = new Array(tokens.length).fill(0);
	const stack: Open[] = [];
	const open = (kind: ClauseKind, start: number, parent: number, marker?: string, phrase?: boolean): Open => {
		const parentOpen = stack[stack.length - 1];
		const clause: Clause = { index: clauses.length, kind, start, end: tokens.length, parent, marker, phrase };
		clauses.push(clause);
		const entry: Open = { clause, hasVerb: false, hasObject: false, fronted: parentOpen !== undefined && !parentOpen.hasVerb };
		stack.push(entry);
		return entry;
	};
	const closeTop = (end: number): void => {
		const top = stack.pop();
		if (top) top.clause.end = end;
	};
	/** Closes every clause above the top level and opens a new top-level clause of `kind` at `start`. */
	const newTopLevel = (kind: ClauseKind, start: number, marker?: string): void => {
		while (stack.length > 0) closeTop(start);
		open(kind, start, -1, marker);
	};
	open('main', 0, -1);

	let parenDepth = 0;
	const dashes = dashAsides(tokens);
	/** A concessive clause that opens the sentence, until the comma that ends it. */
	let concessive: Clause | undefined;
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		const top = (): Open => stack[stack.length - 1]!;
		const prev = tokens[i - 1];
		const next = tokens[i + 1];

		// Punctuation first.
		if (t.text === ';' || (t.text === ':' && i < tokens.length - 1 && next!.pos !== 'NUM')) {
			clauseOf[i] = top().clause.index;
			if (i + 1 < tokens.length) newTopLevel('coordinate', i + 1);
			continue;
		}
		if (t.text === '(' && !isEnumerator(tokens, i)) {
			clauseOf[i] = top().clause.index;
			open('parenthetical', i + 1, top().clause.index, '(');
			parenDepth++;
			continue;
		}
		// A pair of dashes sets an aside off as brackets do: "13 victims – WHO ARE ALL OF CHINESE DESCENT – were rescued".
		if (dashes.opens.has(i)) {
			clauseOf[i] = top().clause.index;
			open('parenthetical', i + 1, top().clause.index, t.text);
			parenDepth++;
			continue;
		}
		if ((t.text === ')' || dashes.closes.has(i)) && parenDepth > 0) {
			while (stack.length > 1 && top().clause.kind !== 'parenthetical') closeTop(i);
			if (top().clause.kind === 'parenthetical') closeTop(i);
			parenDepth--;
			clauseOf[i] = top().clause.index;
			continue;
		}
		// A dash after a clause that has its verb, before a new subject and its finite verb, ends the sentence's
		// thought as ";" does: "don't worry if you're not sure — YOUR JOB IS just to make the call". A negation or a
		// condition before it does not reach past it.
		if ((t.text === '—' || t.text === '–' || t.text === '--') && hasFiniteVerb(tokens, clauseOf, top().clause, i) && subjectAndFiniteVerb(tokens, i + 1)) {
			clauseOf[i] = top().clause.index;
			newTopLevel('coordinate', i + 1);
			continue;
		}
		if (t.text === ',' || t.text === '—' || t.text === '–') {
			// "THOUGH slavery was abolished in 1833, there are more slaves today …": a fronted concessive ends at its
			// first comma once it has its verb, and the main clause follows.
			if (concessive && stack[0]?.clause === concessive && stack[0].hasVerb) {
				clauseOf[i] = top().clause.index;
				concessive = undefined;
				if (i + 1 < tokens.length) newTopLevel('main', i + 1);
				continue;
			}
			// A comma after a fronted clause with its verb ("If a victim refuses to testify, …", "To receive
			// services, …") returns to the clause it was fronted in.
			const fronted = stack.findIndex((o, k) => k > 0 && o.fronted && o.hasVerb && (o.clause.kind === 'condition' || o.clause.kind === 'infinitive' || o.clause.kind === 'participle' || o.clause.kind === 'relative'));
			if (fronted > 0 && stack.slice(fronted).every((o) => o.hasVerb || o.clause.phrase)) while (stack.length > fronted) closeTop(i);
			// A comma ends a condition phrase, a participle and (once it has its verb) a relative or infinitive
			// clause; in a list ("housing, food, or legal aid") it ends nothing else.
			while (stack.length > 1) {
				const o = top();
				const k = o.clause.kind;
				const ends =
					(k === 'condition' && (o.clause.phrase || o.fronted || o.hasVerb)) ||
					// A fronted exception ends at its comma: "EXCEPT AS OTHERWISE PROVIDED IN SUBSECTION 4, each child …
					// must be screened" is a main clause after it.
					(k === 'exception' && o.fronted) ||
					k === 'participle' ||
					((k === 'relative' || k === 'infinitive' || k === 'complement') && o.hasVerb && (isFiniteAux(next) || startsPredicateAfterConjunction(tokens, i + 1) || pronounSubjectAndVerb(tokens, i + 1) || next?.pos === 'SCONJ' || next?.pos === 'ADP' || o.fronted));
				if (!ends) break;
				closeTop(i);
			}
			clauseOf[i] = top().clause.index;
			continue;
		}

		// Markers that open a new top-level thought.
		const contrast = (prev === undefined || prev.text === ',' || prev.text === ';' || prev.text === '—') && firstOpener(tokens, i, CONTRAST);
		if (contrast && !(t.lower === 'but' && next?.lower === 'not')) {
			newTopLevel('contrast', i, contrast.words.join(' '));
			if (i === 0 && FRONTED_CONCESSIVES.has(t.lower)) concessive = top().clause;
			for (let k = 0; k < contrast.words.length; k++) clauseOf[i + k] = top().clause.index;
			i += contrast.words.length - 1;
			continue;
		}
		const exception = firstOpener(tokens, i, EXCEPTION);
		if (exception) {
			const parent = top().clause.index;
			open('exception', i, parent, exception.words.join(' '));
			for (let k = 0; k < exception.words.length; k++) clauseOf[i + k] = top().clause.index;
			i += exception.words.length - 1;
			continue;
		}

		// A modal or finite auxiliary ends a relative clause, a participle or a condition phrase that has had its
		// verb or object ("victims who assist in the investigation WILL receive"), and a fronted condition after its
		// own subject and verb ("if a victim refuses to testify THE VICTIM SHALL …" is handled by the subject
		// check below).
		if (isFiniteAux(t)) {
			while (stack.length > 1) {
				const o = top();
				const k = o.clause.kind;
				// "women whom police BELIEVE could be victims": after a verb of belief or saying the modal is the
				// predicate of the relative's own complement (an omitted "that"), not the main clause's.
				const bridged = k === 'relative' && prev?.pos === 'VERB' && BRIDGING.has(prev.lemma);
				const ends =
					((k === 'relative' || k === 'participle') && (o.hasVerb || o.hasObject) && !bridged) ||
					(k === 'condition' && o.clause.phrase) ||
					((k === 'infinitive' || k === 'complement') && o.hasVerb && prev?.pos !== 'CCONJ');
				if (!ends) break;
				closeTop(i);
			}
			// A fronted condition clause with its verb, followed by a new subject and this modal: the main clause resumes.
			const o = top();
			if (o.clause.kind === 'condition' && o.fronted && o.hasVerb && (prev?.pos === 'NOUN' || prev?.pos === 'PRON' || prev?.pos === 'PROPN')) {
				const subjectStart = subjectStartBefore(tokens, i, o.clause.start);
				// A subject after "or"/"and" opens a second condition, coordinated with the first: "if the victim is
				// unwilling to cooperate OR THERE ARE not enough evidences …, the service providers …".
				const coordinated = ['or', 'and', 'nor'].includes(tokens[subjectStart - 1]?.lower ?? '');
				if (subjectStart > o.clause.start && !coordinated) {
					closeTop(subjectStart);
					for (let k = subjectStart; k < i; k++) clauseOf[k] = top().clause.index;
				}
			}
		}

		// A second relative clause on the same noun: "individuals who have been trafficked, AND WHO are willing to
		// cooperate". It describes the noun the first one did, not a new predicate with "who" for its subject.
		if (t.pos === 'CCONJ' && next !== undefined && (next.lower === 'who' || next.lower === 'whom' || next.lower === 'which')) {
			let first: Clause | undefined;
			let openRelative = -1;
			for (let k = stack.length - 1; k > 0; k--) if (stack[k]!.clause.kind === 'relative') { openRelative = k; break; }
			if (openRelative > 0) {
				first = stack[openRelative]!.clause;
				while (stack.length > openRelative) closeTop(i);
			} else {
				// Closed by the comma before: "…, and who …".
				for (let c = clauses.length - 1; c >= 0 && !first; c--) {
					const clause = clauses[c]!;
					if (clause.kind === 'relative' && clause.end <= i && tokens.slice(clause.end, i).every((u) => u.pos === 'PUNCT')) first = clause;
				}
			}
			if (first) {
				clauseOf[i] = top().clause.index;
				const entry = open('relative', i + 1, first.parent, next.lower);
				clauseOf[i + 1] = entry.clause.index;
				i++;
				continue;
			}
		}

		// Coordination of predicates: "and shall", "or may", ", and the officer shall".
		if (t.pos === 'CCONJ' && stack.length >= 1) {
			const after = tokens[i + 1];
			const after2 = tokens[i + 2];
			const newPredicate =
				isFiniteAux(after) ||
				(after !== undefined && SUBJECT_PRONOUNS.has(after.lower)) ||
				((after?.pos === 'DET' || after?.pos === 'PRON') && (isFiniteAux(after2) || isFiniteAux(tokens[i + 3])) && prev?.text === ',') ||
				// A subject of its own after the comma, a count or a bare noun: "50 women were rescued, AND 45 PIMPS WERE
				// arrested".
				(prev?.text === ',' && (after?.pos === 'NUM' || after?.pos === 'NOUN' || after?.pos === 'ADJ') && subjectAndFiniteVerb(tokens, i + 1));
			// "who are or were victims": auxiliaries joined by "or" are one predicate; "he or she" is one subject.
			const pairedSubject = prev !== undefined && SUBJECT_PRONOUNS.has(prev.lower) && (tokens[i - 2] === undefined || tokens[i - 2]!.text === ',' || tokens[i - 2]!.pos === 'SCONJ' || tokens[i - 2]!.pos === 'CCONJ');
			if (newPredicate && top().hasVerb && prev?.pos !== 'AUX' && !pairedSubject) {
				// Back to the clause whose predicate this coordinates: the nearest one with a modal or the top level.
				// An aside in brackets or dashes keeps its coordination inside it: "(who are X and have Y)".
				while (stack.length > 1 && top().clause.kind !== 'condition' && top().clause.kind !== 'parenthetical') closeTop(i);
				if (stack.length === 1) {
					clauseOf[i] = top().clause.index;
					newTopLevel('coordinate', i + 1, t.lower);
					continue;
				}
			}
		}

		// Condition clauses and phrases.
		const cond = firstOpener(tokens, i, CONDITION_CLAUSES) ?? firstOpener(tokens, i, CONDITION_PHRASES);
		if (cond && isConditionUse(tokens, i, cond)) {
			const parent = top().clause.index;
			open('condition', i, parent, cond.words.join(' '), cond.phrase);
			for (let k = 0; k < cond.words.length; k++) clauseOf[i + k] = top().clause.index;
			i += cond.words.length - 1;
			continue;
		}
		// "where" after a noun is a relative; elsewhere a condition ("Where a victim is a child, …").
		if (t.lower === 'where' || t.lower === 'wherever') {
			const kind: ClauseKind = prev?.pos === 'NOUN' || prev?.pos === 'PROPN' ? 'relative' : 'condition';
			clauseOf[i] = open(kind, i, top().clause.index, t.lower).clause.index;
			continue;
		}

		// Relative clauses.
		if (RELATIVE_PRONOUNS.has(t.lower) && (t.pos !== 'DET' || (t.lower === 'whose' && prev?.pos === 'NOUN')) && !(t.lower === 'which' && prev?.pos === 'ADP' && tokens[i - 2]?.pos !== 'NOUN')) {
			const entry = open('relative', i, top().clause.index, t.lower);
			clauseOf[i] = entry.clause.index;
			// "who" is followed by its verb, whatever the tagger calls it: "victims who LACK immigration status shall be
			// held" (read as a noun, the relative had no verb, and the modal after it did not end it).
			// So is a modal after that noun ("workers who ESCAPE will be deported"), unless the noun is one that acts
			// ("persons who POLICE will interview").
			const modalAfter = tokens[i + 2]?.pos === 'AUX' && next?.pos === 'NOUN' && !RELATIVE_SUBJECT_NOUNS.has(next.lemma);
			if (t.lower === 'who' && next?.pos === 'NOUN' && /^\p{Ll}/u.test(next.text) && (modalAfter || !['VERB', 'AUX'].includes(tokens[i + 2]?.pos ?? ''))) {
				entry.hasVerb = true;
				clauseOf[i + 1] = entry.clause.index;
				i++;
			}
			continue;
		}
		if (t.lower === 'that') {
			const kind = thatKind(tokens, i);
			if (kind) {
				clauseOf[i] = open(kind, i, top().clause.index, 'that').clause.index;
				continue;
			}
		}
		// "funding a girl's education SO SHE doesn't have to work in a bar": "so" before a subject pronoun and its
		// verb opens a clause of purpose or result (as "so that" does), and a negation inside stays there.
		if (t.lower === 'so' && next !== undefined && SUBJECT_PRONOUNS.has(next.lower) && next.lower !== 'this' && next.lower !== 'these' && isVerbLike(tokens[i + 2]) && top().hasVerb) {
			clauseOf[i] = open('complement', i, top().clause.index, 'so').clause.index;
			continue;
		}
		if (t.lower === 'whether' && !(next?.lower === 'or' && tokens[i + 2]?.lower === 'not')) {
			clauseOf[i] = open('complement', i, top().clause.index, 'whether').clause.index;
			continue;
		}

		// Infinitives: "to" + verb (adverbs may come between).
		if (t.lower === 'to' && (t.pos === 'PART' || isVerbLike(next) || (next?.pos === 'ADV' && isVerbLike(tokens[i + 2])))) {
			const v = next?.pos === 'ADV' ? tokens[i + 2] : next;
			if (v && (v.pos === 'VERB' || v.pos === 'AUX') && v.lower === v.lemma) {
				const marker = prev?.lower === 'order' && tokens[i - 2]?.lower === 'in' ? 'in order to' : 'to';
				const start = marker === 'in order to' ? i - 2 : i;
				const entry = open('infinitive', start, top().clause.index, marker);
				// "to" + verb is the clause's verb ("To be eligible for benefits, …").
				entry.hasVerb = true;
				for (let k = start; k <= i; k++) clauseOf[k] = entry.clause.index;
				continue;
			}
		}

		// A past verb after a relative clause that has its verb and object, itself followed by its own object or
		// complement, is the main clause's verb: "officers who raided the brothel ARRESTED the women", "officials
		// who received the women SAID they …" (not a participle on the object: that would take "by", "in", …).
		// So is a verb in the present tense followed by its object: "victims who cooperate with law enforcement RECEIVE
		// shelter" (the tagger reads the relative's verb group as ended by its noun).
		const presentMain = t.pos === 'VERB' && !t.lower.endsWith('ing') && !t.lower.endsWith('ed') && (next?.pos === 'NOUN' || next?.pos === 'ADJ');
		if (t.pos === 'VERB' && (t.lower !== t.lemma || presentMain) && !t.lower.endsWith('ing') && top().clause.kind === 'relative' && top().hasVerb && top().hasObject && (prev?.pos === 'NOUN' || prev?.pos === 'PROPN') && (next?.pos === 'DET' || next?.pos === 'PRON' || next?.pos === 'NUM' || next?.lower === 'that' || presentMain)) {
			closeTop(i);
			const o = top();
			clauseOf[i] = o.clause.index;
			o.hasVerb = true;
			continue;
		}

		// Participles after a noun: "persons found in", "women rescued during", "officers conducting".
		if (t.pos === 'VERB' && t.lower !== t.lemma && /(?:ed|en|ing|wn|ne|ught|und|eld)$/.test(t.lower) && (prev?.pos === 'NOUN' || prev?.pos === 'PROPN') && !isFiniteAux(tokens[i - 2]) && (t.lower.endsWith('ing') || top().hasVerb || predicateAhead(tokens, i + 1))) {
			const o = top();
			if (o.clause.kind !== 'participle' && (o.hasVerb || o.clause.kind === 'main' || o.clause.kind === 'coordinate')) {
				const entry = open('participle', i, o.clause.index, t.lower);
				entry.hasVerb = true;
				clauseOf[i] = entry.clause.index;
				continue;
			}
		}

		// A finite verb after a participle that has its object ends the participle ("officers conducting the
		// operation ARRESTED 12 women").
		if (t.pos === 'VERB' && top().clause.kind === 'participle' && top().hasObject && t.lower !== t.lemma && /ed$/.test(t.lower)) closeTop(i);

		const o = top();
		clauseOf[i] = o.clause.index;
		// A gerund after a preposition or a determiner is a noun phrase ("with the intention of CONTRIBUTING"), not the clause's verb.
		if (t.pos === 'VERB' && t.lower.endsWith('ing') && (prev?.pos === 'ADP' || prev?.pos === 'DET' || (prev?.pos === 'CCONJ' && tokens[i - 2]?.lower.endsWith('ing')))) {
			if (o.hasVerb) o.hasObject = true;
		} else if (t.pos === 'VERB' || (t.pos === 'AUX' && MODALS.has(t.lower))) o.hasVerb = true;
		else if (t.pos === 'AUX' && FINITE_AUX.has(t.lower)) o.hasVerb = true;
		else if ((t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') && o.hasVerb) o.hasObject = true;
	}
	while (stack.length > 0) closeTop(tokens.length);
	return { clauses, clauseOf };
}

/**
 * Whether a finite predicate follows in the same stretch of the sentence ("persons found in the brothel SHALL
 * be removed"): then a participle after a noun modifies it; otherwise it is the main verb ("the officers
 * arrested 42 women, which …").
 */
function predicateAhead(tokens: readonly Token[], from: number): boolean {
	for (let k = from; k < tokens.length; k++) {
		const t = tokens[k]!;
		if (t.text === ';' || RELATIVE_PRONOUNS.has(t.lower) || t.lower === 'that' || t.pos === 'SCONJ') return false;
		if (isFiniteAux(t)) return true;
		if (t.pos === 'VERB' && /ed$/.test(t.lower) && t.lower !== t.lemma && tokens[k - 1]?.pos !== 'AUX' && (tokens[k - 1]?.pos === 'NOUN' || tokens[k - 1]?.pos === 'PROPN')) return true;
	}
	return false;
}

/** "and who …", "or shall …", "and the officer may …": a conjunction that starts a new predicate, not a list item. */
function startsPredicateAfterConjunction(tokens: readonly Token[], at: number): boolean {
	if (tokens[at]?.pos !== 'CCONJ') return false;
	const after = tokens[at + 1];
	if (after === undefined) return false;
	// "to avoid arresting, charging, OR PROSECUTING victims": the last of a list of gerunds, not a new predicate.
	if (after.lower.endsWith('ing') && tokens.slice(Math.max(0, at - 3), at).some((t) => t.lower.endsWith('ing') && t.lower.length > 4)) return false;
	return isFiniteAux(after) || RELATIVE_PRONOUNS.has(after.lower) || after.pos === 'VERB' || SUBJECT_PRONOUNS.has(after.lower);
}

/** A new clause's pronoun subject and its finite verb after a comma: ", HE OR SHE CAN be granted", ", THEY SHALL". */
function pronounSubjectAndVerb(tokens: readonly Token[], at: number): boolean {
	if (!SUBJECT_PRONOUNS.has(tokens[at]?.lower ?? '') || tokens[at]!.lower === 'this' || tokens[at]!.lower === 'these') return false;
	let k = at + 1;
	if ((tokens[k]?.lower === 'or' || tokens[k]?.lower === 'and') && SUBJECT_PRONOUNS.has(tokens[k + 1]?.lower ?? '')) k += 2;
	return isFiniteAux(tokens[k]);
}

/**
 * Whether a new clause with its own subject starts at `at`: a short noun phrase (determiners, possessives,
 * adjectives, one to three nouns or a pronoun) and then a finite verb or auxiliary: "YOUR JOB IS …", "THE POLICE
 * WILL …", "THEY MUST …".
 */
function subjectAndFiniteVerb(tokens: readonly Token[], at: number): boolean {
	let k = at;
	while (k < tokens.length && k - at < 3 && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NUM' || (tokens[k]!.pos === 'PRON' && POSSESSIVES.has(tokens[k]!.lower)))) k++;
	const head = k;
	while (k < tokens.length && k - head < 3 && (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'PROPN')) k++;
	if (k === head) {
		if (!SUBJECT_PRONOUNS.has(tokens[k]?.lower ?? '') || head !== at) return false;
		k++;
	}
	const verb = tokens[k];
	return isFiniteAux(verb) || (verb !== undefined && verb.pos === 'VERB' && verb.lower !== verb.lemma && !verb.lower.endsWith('ing') && k > at);
}

/** Whether a clause's own words before `end` hold a finite verb: "don't worry …" has one; "BY TARGETING demand" has none. */
function hasFiniteVerb(tokens: readonly Token[], clauseOf: readonly number[], clause: Clause, end: number): boolean {
	for (let k = clause.start; k < end; k++) {
		if (clauseOf[k] !== clause.index) continue;
		const t = tokens[k]!;
		if (isFiniteAux(t) || (t.pos === 'VERB' && t.lower !== t.lemma && !t.lower.endsWith('ing') && tokens[k - 1]?.pos !== 'DET')) return true;
	}
	return false;
}

const POSSESSIVES: ReadonlySet<string> = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their']);

/** Where the subject before a finite verb at `i` starts (back over determiners, adjectives, nouns), not before `limit`. */
function subjectStartBefore(tokens: readonly Token[], i: number, limit: number): number {
	let k = i - 1;
	while (k > limit && ['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'PRON'].includes(tokens[k]!.pos) && tokens[k]!.text !== ',') k--;
	return k + 1;
}

/** Nouns of time that "when" describes as a relative: "the day WHEN police arrived", "a time when …". */
const WHEN_HEADS: ReadonlySet<string> = new Set(['time', 'day', 'moment', 'period', 'year', 'month', 'week', 'hour', 'date', 'age', 'era', 'night', 'morning', 'evening', 'point', 'stage', 'occasion', 'season', 'decade', 'minute']);

/**
 * Whether a subject and then its verb start at `at`: a pronoun, or a noun phrase (determiners, adjectives, numbers,
 * nouns, "of" and "and" between its nouns, up to ten words), then a finite auxiliary or a verb.
 */
function subjectThenVerb(tokens: readonly Token[], at: number): boolean {
	const first = tokens[at];
	if (!first) return false;
	if (first.pos === 'PRON' && SUBJECT_PRONOUNS.has(first.lower)) return isVerbLike(tokens[at + 1]) || tokens[at + 1]?.pos === 'ADV';
	let k = at;
	let noun = false;
	while (k < tokens.length && k - at < 10) {
		const t = tokens[k]!;
		if (t.pos === 'NOUN' || t.pos === 'PROPN') noun = true;
		else if (!(t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || (noun && (t.lower === 'of' || t.pos === 'CCONJ')))) break;
		k++;
	}
	while (k < tokens.length && tokens[k]!.pos === 'ADV') k++;
	return noun && isVerbLike(tokens[k]);
}

/** Whether a condition marker is used as one here. */
function isConditionUse(tokens: readonly Token[], i: number, cond: Opener): boolean {
	const first = cond.words[0]!;
	const prev = tokens[i - 1];
	// "even if", "as if", "what if" are not conditions on the provision.
	if (first === 'if' && (prev?.lower === 'even' || prev?.lower === 'as' || prev?.lower === 'what')) return false;
	// "when" and "once" after a noun are relative or adverbial uses ("the time when").
	// Before a gerund they open one whatever the tagger says: "WHEN cooperating with law enforcement, victims receive …".
	const gerund = tokens[i + 1]?.pos === 'VERB' && tokens[i + 1]!.lower.endsWith('ing');
	// "Once" before a subject is a conjunction wherever it stands ("may go home ONCE THE COURT rules", "services end
	// ONCE THE CASE is closed"); no noun takes it as a relative, as "the time when" does.
	if (first === 'once' && ['DET', 'PRON', 'NOUN', 'PROPN'].includes(tokens[i + 1]?.pos ?? '') && tokens[i + 1]?.lower !== 'again') return true;
	// "When" and "whenever" are tagged adverbs wherever they stand; at the start of a sentence or a clause, or after the
	// predicate they condition, before a subject and its verb they are conjunctions: "Victims receive shelter WHEN THEY
	// COOPERATE with the police", "But WHEN VICTIMS cooperate …, they can apply …". After a noun ("the time when")
	// they stay relative or adverbial, and a question ("when is …") has no subject first.
	if ((first === 'when' || first === 'whenever') && cond.words.length === 1 && !((prev?.pos === 'NOUN' || prev?.pos === 'PROPN') && WHEN_HEADS.has(prev.lemma)) && subjectThenVerb(tokens, i + 1)) return true;
	if ((first === 'when' || first === 'once') && cond.words.length === 1 && (prev?.pos === 'NOUN' || tokens[i]!.pos === 'ADV') && !gerund) return false;
	// "after", "following", "before" and "prior to" open a condition before a subject, a gerund or a possessive
	// ("after the victim's evidence has been recorded", "before receiving counselling"), not before a date or a time.
	if (first === 'after' || first === 'following' || first === 'before' || first === 'prior') {
		const after = tokens[i + cond.words.length];
		if (!after) return false;
		if (after.pos === 'VERB' && after.lower.endsWith('ing')) return true;
		if (after.pos === 'PRON' && after.lower !== 'it') return true;
		if (after.pos === 'DET') {
			const head = tokens[i + cond.words.length + 1];
			return head !== undefined && !/^(?:date|day|end|expiry|expiration|start|beginning|time|year|month|week|period|deadline|commencement|effective)$/.test(head.lower);
		}
		return false;
	}
	// "while", "whilst" and "until" open a time condition only before a subject and its verb (not "until further notice").
	if ((first === 'while' || first === 'whilst' || first === 'until') && !gerund && !(tokens[i + 1]?.pos === 'PRON' || tokens[i + 1]?.pos === 'DET' || tokens[i + 1]?.pos === 'NOUN' || tokens[i + 1]?.pos === 'PROPN')) return false;
	// "pending" opens a condition before a proceeding ("pending the trial", "pending removal").
	if (first === 'pending' && !(tokens[i + 1]?.pos === 'DET' || tokens[i + 1]?.pos === 'NOUN' || tokens[i + 1]?.pos === 'ADJ')) return false;
	// "subject to" after "be" about a person ("victims are subject to prosecution") states exposure, not a condition.
	if (first === 'subject' && (prev?.lemma === 'be' || prev?.lower === 'not')) return false;
	// "upon" opens a condition only before an act or a certification ("upon certification", "upon testifying"), not a place or time.
	if (first === 'upon' && cond.words.length === 1) {
		const after = tokens[i + 1];
		const head = after?.pos === 'DET' ? tokens[i + 2] : after;
		return head !== undefined && (head.pos === 'VERB' || /(?:tion|ment|ance|ence|al)$/.test(head.lower)) && !/^(?:request|arrival|entry|completion|expiration|receipt)$/.test(head.lower);
	}
	// "based on" after "discrimination" etc. is not a condition on a benefit; keep it simple: only after a noun or a verb.
	if (first === 'based' && prev?.pos === 'ADV') return false;
	return true;
}

/** "that" after a noun opens a relative clause, after a verb or adjective a complement; null otherwise (a determiner). */
function thatKind(tokens: readonly Token[], i: number): ClauseKind | null {
	const prev = tokens[i - 1];
	const next = tokens[i + 1];
	if (!prev) return null;
	// "THOSE that co-operate", "ANYONE that …": a pronoun that stands for people takes a relative clause.
	if (RELATIVE_HEADS.has(prev.lower)) return 'relative';
	// "that person", "that section": a determiner before a noun that a verb does not follow at once.
	if ((next?.pos === 'NOUN' || next?.pos === 'PROPN') && !isVerbLike(tokens[i + 2]) && prev.pos !== 'NOUN') return null;
	if (prev.lower === 'so' || prev.lower === 'such') return 'complement';
	// "…, and that the search cannot be made …": a further complement clause, coordinated with one before.
	if (prev.pos === 'CCONJ') return 'complement';
	// "remind clients that …", "inform the victim that …": the clause after a communication verb's object is its complement.
	if ((prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.pos === 'PRON') && COMMUNICATION_VERBS.has((tokens[i - 2]?.pos === 'DET' ? tokens[i - 3] : tokens[i - 2])?.lemma ?? '')) return 'complement';
	if (prev.pos === 'NOUN' || prev.pos === 'PROPN') {
		// "the requirement that trafficked persons be willing …": a subject follows, so a complement clause.
		const subjectFollows = !isVerbLike(next) || (next?.pos === 'VERB' && (tokens[i + 2]?.pos === 'NOUN' || tokens[i + 2]?.pos === 'PROPN'));
		return COMPLEMENT_NOUNS.has(prev.lemma) && subjectFollows ? 'complement' : 'relative';
	}
	if (prev.pos === 'VERB' || prev.pos === 'ADJ' || prev.pos === 'AUX' || prev.pos === 'ADV' || prev.text === ',') return 'complement';
	return null;
}

const RELATIVE_HEADS = new Set(['those', 'anyone', 'everyone', 'someone', 'anybody', 'everybody', 'somebody', 'all', 'ones', 'others']);
