import type { Offsets } from './finding';
import { splitClauses } from './document/sentences';
import { FoldedTest, foldText } from './matching/caseFold';

/**
 * The one negation and modality mechanism every rule shares. Rights-respecting provisions use the words
 * that harmful ones use ("services shall NOT be conditioned on cooperation"), so a rule's anchor match is
 * cancelled when a negation cue governs it within the same clause.
 *
 * Cues that govern what FOLLOWS them, within a window of words before the anchor.
 */
const CUES_BEFORE = new RegExp(
	[
		String.raw`\b(?:shall|must|may|will|should|can|could|would|need|does|do|did|is|are|was|were|be|been|being)\s+not\b`,
		String.raw`\b(?:cannot|can't|won't|shan't|isn't|aren't|doesn't|don't|mustn't|shouldn't|needn't)\b`,
		String.raw`\bnot\s+(?:be\s+)?(?:made\s+)?(?:conditional|conditioned|contingent|dependent|subject|linked|tied|based)\b`,
		String.raw`\b(?:regardless|irrespective|independent(?:ly)?)\s+of\b`,
		String.raw`\bwhether\s+or\s+not\b`,
		String.raw`\bwithout\s+(?:requiring|regard\s+to|any\s+requirement|a\s+requirement|the\s+need|having\s+to|fear\s+of|being\s+(?:required|subject))\b`,
		String.raw`\bno\s+(?:[\p{L}'’-]+\s+){0,6}?(?:shall|may|will|must|can|is|are)\b`,
		String.raw`\b(?:is|are|shall\s+be|be|been)\s+(?:strictly\s+|expressly\s+)?(?:prohibited|barred|forbidden|precluded)\s+from\b`,
		String.raw`\b(?:never|neither|nor)\b`,
		String.raw`\bunder\s+no\s+circumstances\b`,
		String.raw`\bin\s+no\s+(?:case|event)\b`,
		String.raw`\bfree\s+(?:from|of)\b`,
		String.raw`\bnot\s+(?:required|obliged|obligated|compelled|expected)\b`,
		String.raw`\bno\s+longer\b`,
		String.raw`\b(?:rather|instead)\s+(?:than|of)\b`,
		String.raw`\bonly\s+as\s+a\s+(?:last|final)\s+resort\b`,
	].join('|'),
	'giu',
);

/**
 * Verbs that negate their OBJECT ("the Act prohibits the detention of victims", "to end raids as a means of
 * identification"). Unlike "shall not", their scope is the noun phrase they govern, nothing beyond it: in
 * "outright bans on the purchase of sex have decreased sex slavery" the word is a noun and the claim about
 * sex slavery is not negated; in "continued presence usually ends once the case is over" the verb has no
 * object at all. So a verb cue counts only when it is used as a transitive verb (see `governsAnchor`).
 */
const OBJECT_NEGATING_VERBS = new RegExp(
	String.raw`\b(?:prohibit|prohibits|prohibiting|forbid|forbids|forbidding|preclude|precludes|precluding|ban|bans|banning|to\s+end|ends|ending|eliminate|eliminates|eliminating|repeal|repeals|repealing|rescind|rescinds|rescinding|abolish|abolishes|abolishing|oppose|opposes|opposing|avoid|avoids|avoiding)\b`,
	'giu',
);

/** A determiner or adjective before the cue makes it a noun ("a ban", "outright bans", "the ends of"). */
const NOUN_BEFORE = /\b(?:a|an|the|its|their|his|her|our|this|that|these|those|such|any|outright|total|blanket|complete|general|legal|statutory|proposed|new)\s+$/iu;

/**
 * What follows a verb used without an object, or a noun: a preposition or a subordinating conjunction
 * ("bans on", "ends once", "ending up", "avoid as far as possible" stays a verb: "as" is not listed).
 */
const NO_OBJECT_AFTER = /^\s*(?:on|of|in|at|for|with|up|once|when|whenever|after|before|until|unless|if|because|since|while|where|whereas|although|though|and|or|but|[,;:.)])/iu;

/**
 * A finite verb between the cue and the anchor starts a new predicate ("bans … HAVE decreased sex slavery"):
 * the anchor is no longer inside the cue's object. A relative pronoun keeps the predicate inside the object
 * ("ends the practice that requires victims to testify").
 */
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|will|shall|may|might|can|could|would|should|must|does|do|did)\b/iu;
const RELATIVE = /\b(?:that|which|who|whom|whose)\b/iu;

/** The object of a negating verb reaches this many words past the verb, at most. */
const OBJECT_WORDS = 10;

/** Cues that govern what PRECEDES them ("detention of victims is prohibited"), within a window after the anchor. */
const CUES_AFTER = new RegExp(
	[
		String.raw`\b(?:is|are|shall\s+be|should\s+be|must\s+be|will\s+be|be)\s+(?:strictly\s+|expressly\s+)?(?:prohibited|forbidden|banned|barred|not\s+permitted|not\s+allowed|not\s+required|not\s+used|unlawful|impermissible)\b`,
		String.raw`\b(?:shall|should|must|may|will)\s+not\b`,
		String.raw`\b(?:is|are)\s+not\s+(?:an?\s+)?(?:effective|appropriate|acceptable|permitted|allowed|required|necessary)\b`,
		String.raw`\bonly\s+as\s+a\s+(?:last|final)\s+resort\b`,
	].join('|'),
	'giu',
);

/**
 * Relative clauses ("who do not cooperate") describe the person, not the provision: their negation does not
 * count. "that" and "which" are relative pronouns only when the cue follows at once ("services that are not
 * …"); with words between, "that" introduces a complement clause ("stated that trafficked persons should not
 * be detained"), whose negation is the provision's own.
 */
const RELATIVE_BEFORE = /\b(?:(?:who|whom)\s+(?:[\p{L}'’-]+\s+)?|whose\s+(?:[\p{L}'’-]+\s+){0,2}|(?:that|which)\s+)$/iu;

const WINDOW_BEFORE_WORDS = 14;
const WINDOW_AFTER_WORDS = 8;

/**
 * True when a negation cue in the anchor's clause governs the anchor.
 * `sentenceText` is the sentence's prose and `sentenceStart` its absolute offset.
 */
export function isNegated(sentenceText: string, sentenceStart: number, anchor: Offsets): boolean {
	const clause = clauseAround(sentenceText, sentenceStart, anchor);
	const before = sentenceText.slice(clause.start - sentenceStart, anchor.end - sentenceStart);
	const after = sentenceText.slice(anchor.end - sentenceStart, clause.end - sentenceStart);
	return cueBefore(lastWords(before, WINDOW_BEFORE_WORDS), anchor.end - anchor.start) || cueAfter(firstWords(after, WINDOW_AFTER_WORDS));
}

function cueBefore(text: string, anchorLength: number): boolean {
	CUES_BEFORE.lastIndex = 0;
	for (let m = CUES_BEFORE.exec(text); m !== null; m = CUES_BEFORE.exec(text)) {
		if (!RELATIVE_BEFORE.test(text.slice(0, m.index))) return true;
	}
	OBJECT_NEGATING_VERBS.lastIndex = 0;
	const anchorStart = text.length - anchorLength;
	for (let m = OBJECT_NEGATING_VERBS.exec(text); m !== null; m = OBJECT_NEGATING_VERBS.exec(text)) {
		const end = m.index + m[0].length;
		// A verb inside the anchor is part of what the rule matched ("prohibit the purchase of sex"), not a cue.
		if (end > anchorStart || RELATIVE_BEFORE.test(text.slice(0, m.index))) continue;
		if (governsAnchor(text.slice(0, m.index), text.slice(end), text.slice(end, anchorStart))) return true;
	}
	return false;
}

/**
 * True when a negating verb is a transitive verb whose object contains the anchor. `before` is the text
 * before the verb, `after` all text after it, `between` the text from it to the anchor's start.
 */
function governsAnchor(before: string, after: string, between: string): boolean {
	if (NOUN_BEFORE.test(before) || NO_OBJECT_AFTER.test(after)) return false;
	if (between.trim().split(/\s+/).filter(Boolean).length > OBJECT_WORDS) return false;
	const finite = FINITE_VERB.exec(between);
	if (!finite) return true;
	const relative = RELATIVE.exec(between);
	return relative !== null && relative.index < finite.index;
}

function cueAfter(text: string): boolean {
	CUES_AFTER.lastIndex = 0;
	return CUES_AFTER.test(text);
}

function clauseAround(sentenceText: string, sentenceStart: number, anchor: Offsets): Offsets {
	for (const clause of splitClauses(sentenceText, sentenceStart)) {
		if (anchor.start >= clause.start && anchor.start < clause.end) return clause;
	}
	return { start: sentenceStart, end: sentenceStart + sentenceText.length };
}

function lastWords(text: string, n: number): string {
	const words = text.split(/(?<=\s)(?=\S)/);
	return words.slice(Math.max(0, words.length - n)).join('');
}

function firstWords(text: string, n: number): string {
	return text.split(/(?<=\s)(?=\S)/).slice(0, n).join('');
}

/**
 * Reported or quoted text: a sentence that describes a law or position in order to criticise or repeal it
 * ("The 2005 Act requires …, which we recommend repealing"). Findings there are kept, one severity milder,
 * and say so: the drafter may be quoting on purpose, but the passage still deserves a look.
 */
const REPORTED = new FoldedTest([
	String.raw`\b(?:we|this\s+(?:brief|report|paper|coalition|organi[sz]ation))\s+(?:strongly\s+)?(?:recommend|urge|propose|call\s+for|ask)\s+(?:that\s+\w+\s+)?(?:repeal|repealing|removing|striking|deleting|amending|ending|rescinding|eliminating)\b`,
	String.raw`\b(?:should|must)\s+be\s+(?:repealed|struck|stricken|deleted|removed|rescinded|amended)\b`,
	String.raw`\b(?:critics|advocates|survivors|service\s+providers)\s+(?:have\s+)?(?:argue|argued|note|noted|warn|warned|report|reported|object|objected)\b`,
	String.raw`\bwhich\s+(?:we|this\s+\w+)\s+(?:oppose|opposes|reject|rejects|recommend\s+repealing)\b`,
	String.raw`\bunder\s+(?:the\s+)?(?:current|existing|present)\s+(?:law|statute|policy|rules|regulations?)\b`,
	String.raw`\b(?:currently|at\s+present|presently)\s+(?:requires?|conditions?|makes?)\b`,
	String.raw`\bthe\s+(?:present|current|existing)\s+requirement\b`,
]);

/** Quotation marks around at least this many words make the passage a quotation. */
const MIN_QUOTED_WORDS = 5;
const QUOTATION = /“[^”]+”|"[^"]+"|‘[^’]{12,}’/g;

/** The quotations in a text: where each is (its marks included) and how many words it holds. */
export function quotations(text: string): Array<{ start: number; end: number; words: number }> {
	const out: Array<{ start: number; end: number; words: number }> = [];
	QUOTATION.lastIndex = 0;
	for (let m = QUOTATION.exec(text); m !== null; m = QUOTATION.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, words: m[0].trim().split(/\s+/).length });
	return out;
}

/** True when `anchor` sits inside a quotation of at least five words, or in a sentence of reported text. */
export function isQuotedOrReported(sentenceText: string, sentenceStart: number, anchor: Offsets, fold = true): boolean {
	// On the folded text (caseFold.ts): asked for every hit, and REPORTED with `iu` was a few per cent of a long review.
	if (REPORTED.test(sentenceText, fold ? foldText(sentenceText) : undefined)) return true;
	return quotations(sentenceText).some((q) => anchor.start >= sentenceStart + q.start && anchor.end <= sentenceStart + q.end && q.words >= MIN_QUOTED_WORDS);
}
