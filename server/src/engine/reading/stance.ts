/**
 * Stance: whether text provides for a practice or describes it. A bill, a regulation, a grant narrative, a
 * protocol or a programme page describing its own work PRESCRIBES; research, reporting, testimony and critique
 * DESCRIBE. The same sentence ("victims are detained pending their testimony") is a provision in the first and
 * evidence against the practice in the second, so a reviewer reads it differently:
 * - in a sentence that criticises the practice it reports, no span finding is made at all;
 * - in a sentence that attributes what it says to a study, a report or other people, and anywhere in a
 *   descriptive document, findings are kept but milder and marked as reported text, and they do not make a
 *   recommendation area "Contradicted" in the report.
 */

import { detached } from '../detached';
import { FoldedTest, foldPatternSource, foldText } from '../matching/caseFold';

export type SentenceStance = 'critique' | 'reported';
export type DocumentStance = 'prescriptive' | 'descriptive';

/**
 * Words that judge a practice (harm, failure, injustice) rather than provide for it. They are evaluations, so
 * drafters of provisions rarely use them of their own measures.
 */
const CRITIQUE_ALTERNATIVES = [
	String.raw`\bcriticis\w*|\bcriticiz\w*|\bcondemn\w*|\bdenounc\w*|\bdeplor\w*`,
	String.raw`\bcounter-?productive\b|\bineffective\b|\bmisguided\b|\bflawed\b|\bproblematic\b|\bdeeply\s+troubling\b|\balarming\b`,
	String.raw`\bre-?traumati[sz]\w*|\bsecondary\s+victimi[sz]ation\b|\bre-?victimi[sz]\w*`,
	String.raw`\bhuman\s+rights\s+(?:violations|abuses)\b|\bviolat\w+\s+(?:the\s+|their\s+|her\s+|his\s+)?(?:human\s+)?rights\b`,
		// A practice said to break the law above it: "routine detention … VIOLATES FUNDAMENTAL PRINCIPLES OF
		// INTERNATIONAL LAW", "violates the Convention". A provision does not call its own measure unlawful.
	String.raw`\bviolat(?:es|ed|ing)\s+(?:the\s+)?(?:fundamental\s+|basic\s+|core\s+)?(?:principles?\s+of\s+)?(?:international|constitutional|human\s+rights|refugee)\s+(?:law|standards|norms|obligations)\b|\bviolat(?:es|ed|ing)\s+(?:the\s+)?(?:Convention|Constitution|Protocol|Charter|Covenant)\b`,
	String.raw`\bmore\s+harm\s+than\s+good\b|\b(?:does|do|did|cause[sd]?|causing)\s+(?:more\s+|serious\s+|real\s+|great\s+)?harm\b`,
	String.raw`\bundermin\w+\b|\bat\s+the\s+expense\s+of\b|\bto\s+the\s+detriment\s+of\b`,
		// Not "contrary to law": offence clauses use it ("entry contrary to the law"); a critique names whose rules.
	String.raw`\b(?:contrary\s+to|inconsistent\s+with)\s+(?:the\s+)?(?:national|international|human\s+rights|its\s+own|their\s+own|the\s+government's\s+own|constitutional)\b`,
	String.raw`\bdisastrous\b|\bdraconian\b|\bheavy-handed\b|\bdiscriminatory\b|\bdevastating\b|\binvasive\b|\bregret\w*|\bapologi[sz]\w*|\b(?:was|were|is|are)\s+(?:a\s+)?(?:mistake|error|wrong)\b|\blanguish\w*|\begregious\b|\bunjust(?:ly)?\b|\barbitrar(?:y|ily)\b|\bwrongful(?:ly)?\b|\bwrongly\b|\bby\s+mistake\b|\bmistakenly\b`,
	String.raw`\b(?:urge[sd]?|urging|call(?:s|ed)?\s+(?:on|upon)|ask(?:s|ed)?)\s+[\p{L}\s,]{0,60}?\bto\s+(?:rescind|repeal|end|abolish|stop|eliminate|remove|reform|reconsider|abandon)\b`,
	String.raw`\b(?:should|must|ought\s+to)\s+be\s+(?:repealed|rescinded|abolished|ended|struck|stricken|reconsidered|abandoned)\b`,
	String.raw`\b(?:we|this\s+(?:coalition|report|brief|paper|organi[sz]ation|study))\s+(?:strongly\s+)?(?:oppose|reject|object\s+to|condemn)\b`,
	String.raw`\b(?:has|have)\s+been\s+(?:widely\s+|heavily\s+|strongly\s+)?(?:criticized|criticised|condemned|challenged|questioned|discredited)\b`,
	String.raw`\b(?:too\s+often|all\s+too\s+often|routinely|frequently)\s+(?:been\s+)?(?:made\s+)?(?:conditional|conditioned|contingent|arrested|detained|deported|jailed|punished|treated\s+as)\b`,
	String.raw`\bdespite\s+(?:their|her|his)\s+(?:assertion|statement|insistence|protest|wish|objection)`,
	String.raw`\bagainst\s+(?:their|her|his)\s+(?:will|wishes)\b[^.;]{0,60}?\b(?:were|was)\b`,
		// Distance: the writer names a belief, an assumption or an image held by others, not their own view
		// ("in the belief that educating men will stop prostitution", "the portrayal on TV of … raids").
	String.raw`\bin\s+the\s+(?:mistaken\s+|false\s+)?(?:belief|assumption|hope)\s+that\b|\bon\s+the\s+(?:assumption|premise)\s+that\b|\bpremised\s+on\s+the\s+(?:idea|belief|assumption|notion)\b`,
	String.raw`\bsupposedly\b|\bpurportedly\b|\bostensibly\b|\bin\s+the\s+name\s+of\s+[‘'"“]`,
	String.raw`\bmyths?\s+(?:of|that|about)\b|\bmisconceptions?\b|\bstereotyp\w*|\bportrayal\s+(?:of|on|in)\b`,
];
const CRITIQUE = new RegExp(CRITIQUE_ALTERNATIVES.join('|'), 'iu');

/** Text attributed to a source: a study, a report, other people. */
const REPORTED_FOLDABLE = [
	String.raw`\baccording\s+to\b`,
	String.raw`\b(?:the\s+|this\s+|a\s+|our\s+|their\s+)?(?:report|study|research|survey|evaluation|article|paper|analysis|review|audit|interviews?|data|findings|case\s+study|investigation)\s+(?:also\s+)?(?:found|finds|shows?|showed|shown|documents?|documented|argues?|argued|notes?|noted|describes?|described|reveals?|revealed|suggests?|suggested|concludes?|concluded|indicates?|indicated)\b`,
	String.raw`\b(?:researchers|advocates|critics|activists|respondents|participants|interviewees|observers|commentators|scholars|journalists|witnesses)\s+(?:have\s+)?(?:found|argue|argued|reported|report|say|said|told|describe|described|documented|note|noted|observed|stated|claimed|alleged|criticised|criticized|indicated|indicate|estimated|recounted|complained)\b`,
	String.raw`\b(?:it|this)\s+(?:has\s+been|was|is)\s+(?:widely\s+)?(?:reported|documented|alleged|argued|claimed)\b`,
	String.raw`\breportedly\b|\ballegedly\b`,
	// The view of people the sentence describes: "policymakers WHO ARGUED THAT prostitution is a form of violence".
	String.raw`\b(?:who|which)\s+(?:have\s+|had\s+)?(?:long\s+)?(?:argued|argue|argues|claimed|claim|claims|contended|contend|contends|asserted|assert|asserts|maintained|maintain|maintains|insisted|insist|insists)\s+that\b`,
	String.raw`\b(?:he|she|they)\s+(?:said|says|added|told|claimed|explained)\b`,
	String.raw`\b(?:said|told|according)\s+(?:a\s+|the\s+)?(?:police\s+)?(?:spokes(?:wo)?man|spokesperson|official|officer|lieutenant|sergeant|captain|chief|director|minister|source)s?\b`,
];
/** Under `iu`, \p{Lu} is any cased letter: this alternative does not fold (caseFold.ts) and is tested on the text. */
const REPORTED_UNFOLDABLE = String.raw`,\s+(?:said|says|added)\s+\p{Lu}`;
const REPORTED = new RegExp([...REPORTED_FOLDABLE, REPORTED_UNFOLDABLE].join('|'), 'iu');

/**
 * Words one of which every CRITIQUE or REPORTED cue contains (by its start): a sentence with none of them is
 * neutral without running the two long patterns, which is most sentences. Keep in step with the patterns.
 */
const CUE_WORD = /\b(?:disastrous|draconian|heavy|discriminat|devastat|contrary|inconsistent|critici|condemn|denounc|deplor|counter|ineffective|misguided|flawed|problematic|troubling|alarming|traumati|retraumati|re-traumati|victimi|revictimi|re-victimi|human|violat|harm|undermin|expense|detriment|regret|apologi|mistake|error|wrong|languish|egregious|unjust|arbitrar|invasive|urg|call|ask|repealed|rescinded|abolished|ended|struck|stricken|reconsidered|abandoned|oppose|reject|object|routinely|frequently|too|despite|against|according|report|stud|research|survey|evaluation|article|paper|analys|review|audit|interview|data|finding|case|investigation|advocates|critics|activists|respondents|participants|observers|commentators|scholars|journalists|witnesses|alleged|he|she|they|who|which|said|says|added|told|spokes|in|on|premised|supposedly|purportedly|ostensibly|myth|misconception|stereotyp|portrayal)/iu;

/**
 * Scare quotes: a loaded word of the field set off by quotation marks ("the act of ‘rescue’", "so-called
 * 'protection'") keeps the writer's distance from it, as critiques do; a quoted term that a definition goes
 * on to define ("“protective home” means") does not.
 */
const SCARE_QUOTED = /(?<![\p{L}\d])[‘'"“](?:raids?[\s-]+and[\s-]+rescues?|rescue[\s-]+operations?|rescue[\s-]+and[\s-]+rehabilitation|rescue[ds]?|rescuing|victims?|protection|protective|protect(?:ed|ing)?|help(?:ed|ing)?|sav(?:e|ed|ing)|ideal|success(?:ful)?|free(?:d|ing)?|liberat\w*|voluntary|consent(?:ed)?|care|safe(?:ty)?|shelter(?:ed)?|assistance|rehabilitat\w*)[’'"”](?![\p{L}])(?!\s*(?:means|includes|refers|shall\s+mean|is\s+defined|has\s+the\s+meaning))/iu;

/**
 * A short quotation (four words at most) around what a rule found keeps the writer's distance from those
 * words, whatever they are: "‘vice raids’ across the country", "its estimate of ‘sex slaves’", "were
 * “rescued”". Not a term a definition goes on to define ("“sex trafficking” means"), nor a name in quotation
 * marks ("dubbed “Operation Safe Haven”"). Longer quotations are quoted text (negation.ts), not distance.
 */
const SHORT_QUOTATION = /(?<![\p{L}\p{N}])(?:“([^“”]{1,60})”|"([^"]{1,60})"|‘([^‘’]{1,60})’|'([^'’]{1,60})')(?![\p{L}\p{N}])/gu;
const DEFINED_AFTER = /^\s*(?:\([^)]{0,20}\)\s*)?(?:(?:shall|does|do|is|are)\s+)?(?:(?:also|further|only|not)\s+)?(?:means?|includes?|refers?|shall\s+(?:mean|include|refer)|defined|has\s+the\s+meaning)\b|^\s*(?:[:—–]|-{1,2}\s)/iu;

/**
 * Whether the words from `start` to `end` in a sentence lie inside a short quotation set off as scare quotes. A
 * finding that only begins with a quoted term ("the “T visa” is designed for victims who cooperate") is about
 * what the sentence says of it.
 */
const NAMED_BEFORE = /(?<!\bso[-\s])\b(?:referred\s+to\s+as|known\s+as|called|termed|dubbed|described\s+as|named)\s*$/iu;

export function inScareQuotes(sentence: string, start: number, end: number): boolean {
	SHORT_QUOTATION.lastIndex = 0;
	for (let m = SHORT_QUOTATION.exec(sentence); m !== null; m = SHORT_QUOTATION.exec(sentence)) {
		const close = m.index + m[0].length;
		if (start < m.index || start >= close) continue;
		if (end > close) return false;
		const words = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim().split(/\s+/);
		// A quoted term that opens the sentence or an item heads it ("“Human trafficking” — the recruitment of …").
		if (words.length > 4 || DEFINED_AFTER.test(sentence.slice(close)) || /^[\s(]*(?:[\da-zA-Z]{1,4}[.)]\s*)?$/u.test(sentence.slice(0, m.index))) return false;
		// A name given with a naming verb is the name in use, not distance from it: "often referred to as “modern
		// day slavery”", "known as “the Life”" ("so-called" keeps its scorn).
		if (NAMED_BEFORE.test(sentence.slice(0, m.index))) return false;
		return words.length === 1 || !words.every((w) => /^\p{Lu}/u.test(w));
	}
	return false;
}

/**
 * The patterns sentenceStance runs, as tests of the sentence's folded text (caseFold.ts FoldedTest): the same
 * answers. CRITIQUE and REPORTED with `iu` on every sentence with a cue word (most of them: "in", "he") were
 * a tenth of a 1 MB review's CPU time; folded, without `i`, a fraction of that. REPORTED's one alternative
 * that cannot fold (`\p{Lu}` under `iu` is any cased letter) is tested alone on the text itself.
 */
const CRITIQUE_TEST = new FoldedTest(CRITIQUE_ALTERNATIVES);
const REPORTED_TEST = new FoldedTest(REPORTED_FOLDABLE, [REPORTED_UNFOLDABLE]);
const CUE_TEST = new FoldedTest([CUE_WORD.source]);
const SCARE_TEST = new FoldedTest([SCARE_QUOTED.source]);
/** What SCARE_QUOTED opens with (after its lookbehind). */
const QUOTATION_MARK = /[‘'"“]/;

/**
 * The stance a sentence takes towards what it says, when it shows one. `fold`: on the folded text where the
 * patterns fold (the same answer; false runs every pattern with `iu` on the text itself, for tests).
 */
export function sentenceStance(sentence: string, fold = true): SentenceStance | undefined {
	const folded = fold ? foldText(sentence) : undefined;
	// SCARE_QUOTED opens with a quotation mark: a sentence without one is not searched for it.
	if (QUOTATION_MARK.test(sentence) && SCARE_TEST.test(sentence, folded)) return 'critique';
	if (!CUE_TEST.test(sentence, folded)) return undefined;
	if (CRITIQUE_TEST.test(sentence, folded)) return 'critique';
	if (REPORTED_TEST.test(sentence, folded)) return 'reported';
	return undefined;
}

/** Signs of a text that provides: deontic modals, a text naming itself, numbered provisions, applicants' duties. */
const PRESCRIPTIVE_SIGNS = [
	/\b(?:shall|must)\b/giu,
	/\bthis\s+(?:act|section|subsection|chapter|part|article|regulation|rule|program(?:me)?|grant|solicitation|notice|policy|protocol|plan|strategy|agreement|memorandum|ordinance|bill|code|procedure|guideline|guidance|directive)\b/giu,
	/\b(?:applicants?|grantees?|recipients?|awardees?|officers?|agencies|providers?|the\s+department|the\s+secretary|the\s+minister|the\s+commissioner)\s+(?:shall|must|will|should|may)\b/giu,
	/(?:^|\n)\s*(?:#+\s*)?(?:§+|sec(?:tion)?\.?\s+\d|article\s+\d|\(\s*[a-z0-9]{1,3}\s*\))/giu,
	/\b(?:we|our\s+(?:unit|team|task\s+force|organi[sz]ation|program(?:me)?|officers|staff))\s+(?:will|shall|provide|provides|offer|conduct|conducts|rescue|rescued|work|works|partner|assist|investigate)\b/giu,
];

/** Signs of a text that reports: attribution, research vocabulary, citations, figures. */
const DESCRIPTIVE_SIGNS = [
	new RegExp(REPORTED.source, 'giu'),
	new RegExp(CRITIQUE.source, 'giu'),
	/\b(?:we|i)\s+(?:interviewed|surveyed|found|observed|analy[sz]ed|examined|spoke|asked|reviewed|studied)\b/giu,
	/\b(?:respondents|participants|interviewees|informants|sample|methodology|literature)\b/giu,
	/\bet\s+al\.?|\(\s*(?:[A-Z][\p{L}-]+(?:\s+(?:and|&)\s+[A-Z][\p{L}-]+)?,?\s+)?(?:19|20)\d\d[a-z]?\s*\)/gu,
	// Each author-year citation of a list in one pair of brackets: "(Gunnell, 2004; Kaufman & Crawford, 2011)".
	/;\s*(?:[A-Z][\p{L}-]+\s+){0,3}[A-Z][\p{L}-]+(?:\s+(?:and|&)\s+[A-Z][\p{L}-]+)?,?\s+(?:19|20)\d\d[a-z]?(?=\s*[;)])|\(\s*[A-Z][\p{L}-]+(?:\s+(?:and|&)\s+[A-Z][\p{L}-]+)?,?\s+(?:19|20)\d\d[a-z]?\s*;/gu,
	/\b\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)\b/giu,
];

/** How much of a document's opening decides its stance. */
export const HEAD = 6_000;

/**
 * A sign's RegExp and, where its pattern folds (caseFold.ts), the same without the `i` flag for the folded
 * text: CRITIQUE's `iu` scan of a 6,000-character head cost about 8 ms of every review, the folded one a
 * fraction of that, and both find the same matches.
 */
interface Sign {
	pattern: RegExp;
	folded?: RegExp;
}

function signs(patterns: readonly RegExp[]): Sign[] {
	return patterns.map((pattern) => {
		const source = pattern.flags.includes('i') ? foldPatternSource(pattern.source) : undefined;
		return source === undefined ? { pattern } : { pattern, folded: new RegExp(source, pattern.flags.replace('i', '')) };
	});
}

const PRESCRIPTIVE = signs(PRESCRIPTIVE_SIGNS);
const DESCRIPTIVE = signs(DESCRIPTIVE_SIGNS);

function count(text: string, folded: string | undefined, patterns: readonly Sign[]): number {
	let n = 0;
	for (const sign of patterns) {
		const onFolded = folded !== undefined && sign.folded !== undefined;
		const p = onFolded ? sign.folded! : sign.pattern;
		p.lastIndex = 0;
		n += (onFolded ? folded : text).match(p)?.length ?? 0;
	}
	return n;
}

/** How many signs of providing and of reporting a text shows; `fold`: on the folded text where a sign folds (the same counts). */
export function signCounts(text: string, fold = true): { prescriptive: number; descriptive: number } {
	const folded = fold ? foldText(text) : undefined;
	return { prescriptive: count(text, folded, PRESCRIPTIVE), descriptive: count(text, folded, DESCRIPTIVE) };
}

/**
 * Whether a whole document prescribes or describes. A document is descriptive only when its signs of reporting
 * clearly outweigh its signs of providing: a bill that quotes a study stays a bill, a report that quotes a bill
 * stays a report. Short texts (a sentence, an excerpt) are prescriptive: there is not enough to judge.
 */
export function documentStance(fullText: string, memo?: StanceMemo): DocumentStance {
	// A document shows its genre from its opening: the first pages decide, so the answer costs the same for a
	// 20 MB file and changes only when an edit reaches the head of the document.
	const text = fullText.length > HEAD ? fullText.slice(0, HEAD) : fullText;
	if (memo?.stance && memo.head === text) return memo.stance;
	const stance = headStance(text);
	if (memo) {
		// Kept from one review to the next: a copy, not a slice that would keep this version of the document.
		memo.head = detached(text);
		memo.stance = stance;
	}
	return stance;
}

/**
 * The head a document's stance was last read from, and that stance: a reviewer of successive versions of one
 * document keeps one, so an edit below the head does not read the head's signs again (a few milliseconds a review).
 */
export interface StanceMemo {
	head?: string;
	stance?: DocumentStance;
}

function headStance(text: string): DocumentStance {
	const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
	if (words < 150) return 'prescriptive';
	const { prescriptive, descriptive } = signCounts(text);
	return descriptive >= 4 && descriptive > 2 * prescriptive ? 'descriptive' : 'prescriptive';
}
