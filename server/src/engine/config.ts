import picomatch from 'picomatch';
import type { Severity } from './finding';
import { detached } from './detached';
import { didYouMean } from './words';

export type RuleSetting = 'off' | 'on' | Severity;

/** Document profiles: rules may apply to some only (e.g. budget checks in grant proposals). */
export const PROFILES = ['general', 'bill', 'grant-proposal'] as const;

export type Profile = (typeof PROFILES)[number];

/** Whether `value` names a profile, or 'auto' (detect it from the text) where `auto` is true. */
export function isProfile(value: string, auto?: false): value is Profile;
export function isProfile(value: string, auto: true): value is Profile | 'auto';
export function isProfile(value: string, auto = false): boolean {
	return (PROFILES as readonly string[]).includes(value) || (auto && value === 'auto');
}

/** Review settings after merging defaults, config files and editor settings. Pure data. */
export interface ReviewSettings {
	/** By rule id, category or glob. */
	rules?: Record<string, RuleSetting>;
	profile?: Profile | 'auto';
	minSeverity?: Severity;
}

/**
 * The setting for one rule: an exact id beats a glob, which beats a category; among equals, the later
 * entry wins (so a config file can override what it extends).
 */
export function settingFor(ruleId: string, category: string, rules: Record<string, RuleSetting> | undefined): RuleSetting | undefined {
	if (!rules) return undefined;
	let best: RuleSetting | undefined;
	let bestRank = 0;
	for (const [selector, setting] of Object.entries(rules)) {
		const rank = selector === ruleId ? 3 : /[*?[{]/.test(selector) && picomatch.isMatch(ruleId, selector) ? 2 : selector === category ? 1 : 0;
		if (rank > 0 && rank >= bestRank) {
			best = setting;
			bestRank = rank;
		}
	}
	return best;
}

const isGlob = (selector: string): boolean => /[*?[{]/.test(selector);

/**
 * Why a `rules` selector matches no rule (a misspelt id, category or glob), with the nearest one it may have
 * meant; undefined when it matches. `framng: off` must not pass in silence while framing findings go on.
 */
export function selectorProblem(selector: string, rules: ReadonlyArray<{ id: string; category: string }>): string | undefined {
	if (isGlob(selector) ? rules.some((r) => picomatch.isMatch(r.id, selector)) : rules.some((r) => r.id === selector || r.category === selector)) return undefined;
	const names = new Set<string>();
	for (const r of rules) {
		names.add(r.id);
		names.add(r.category);
	}
	const what = isGlob(selector) ? 'the glob' : selector.includes('/') ? 'rule' : 'rule or category';
	const near = isGlob(selector) ? didYouMean(selector.replace(/\/?\*+$/, ''), [...names].filter((n) => !n.includes('/')).map((c) => c)) : didYouMean(selector, names);
	return `${what} "${selector}" matches no rule${isGlob(selector) && near ? near.replace(/"([^"]+)"\?$/, '"$1/*"?') : near}`;
}

/** Later settings override earlier ones; rule maps merge key by key. */
export function mergeSettings(...layers: Array<ReviewSettings | undefined>): ReviewSettings {
	const out: ReviewSettings = {};
	for (const layer of layers) {
		if (!layer) continue;
		if (layer.rules) out.rules = { ...out.rules, ...layer.rules };
		if (layer.profile) out.profile = layer.profile;
		if (layer.minSeverity) out.minSeverity = layer.minSeverity;
	}
	return out;
}

/** Wording only a bill uses: an enacting clause, a long title, a short-title section. One is enough. */
const BILL_CLAUSE = /\b(?:be\s+it\s+enacted|a\s+bill\s+(?:for|to)\b|an\s+act\s+(?:to|relating\s+to|concerning|for)\b|short\s+title|this\s+act\s+(?:shall|may)\s+be\s+cited|(?:is|are)\s+(?:hereby\s+)?amended\s+(?:by|to\s+read)|shall\s+take\s+effect\s+on)/i;
/** Section headings as bills number them ("SEC. 4.", "Section 2.", "§ 3"), counted at the start of a line. */
const BILL_SECTION = /^[#\s>*]*(?:SEC(?:TION)?\.?\s*\d+[A-Za-z]?\.|Section\s+\d+[A-Za-z]?\.|§\s*\d+)/gm;
/** Parts and wording of a grant proposal; two different ones make it obvious. */
const GRANT = /\b(?:budget\s+(?:narrative|justification|summary)|project\s+(?:narrative|period|abstract|design)|grant\s+(?:proposal|application|period|funds)|applicant|funding\s+request|statement\s+of\s+need|(?:program|project)\s+goals?\s+and\s+objectives|goals\s+and\s+objectives|logic\s+model|performance\s+measures|evaluation\s+plan|sustainability\s+plan|fringe\s+benefits|indirect\s+costs|subaward|subrecipient|match(?:ing)?\s+funds|solicitation)\b/gi;

/**
 * Openings only a grant proposal has: its first lines call it one ("Grant proposal to the State Office of …",
 * "Safe Harbor Grant Proposal", "Application for funding", "Proposal submitted to …", "Concept note"). A
 * heading such as "Funding request" alone is not enough: it may head a section of any document.
 */
const GRANT_OPENING = /^[#\s>*_]*(?:[^\n]{0,80}?\b(?:grant\s+(?:proposal|application|request)|(?:funding|project)\s+(?:proposal|application))\b(?:\s+(?:to|for)\b)?|proposal\s+(?:to|for|submitted\s+to)\b|application\s+for\s+(?:funding|a\s+grant|grant)|request\s+for\s+(?:funding|a\s+grant)|concept\s+note|letter\s+of\s+(?:inquiry|intent))/im;
/** Openings only a bill has: "AN ACT", "A BILL", "H.R. 2801", "Senate Bill No. 42", "Assembly Bill 5". */
const BILL_OPENING = /^[#\s>*_]*(?:an\s+act\s*$|a\s+bill\s*$|(?:h\.\s?r\.|s\.|(?:senate|house|assembly)\s+bill|bill)\s*(?:no\.?\s*)?\d+\b)/im;
/** How many of the first non-empty lines count as the opening (a Word title page has a few). */
const OPENING_LINES = 4;

/** The profile a review uses and why, in words a user can check ("bill: enacting clause on line 1"). */
export interface DetectedProfile {
	profile: Profile;
	reason: string;
}

/**
 * Detects the profile where the document makes it obvious: an opening that says what it is ("A BILL",
 * "Grant proposal to …"), an enacting clause or several numbered sections for bills, two different parts
 * of a proposal (budget justification, statement of need, logic model…) for grant proposals. A proposal
 * that cites "§ 7105" once, or a brief that names "the Act", stays a general document.
 */
export function detectProfile(text: string): Profile {
	return profileOfHead(text.slice(0, PROFILE_HEAD)).profile;
}

/** detectProfile with its reason. */
export function detectProfileWithReason(text: string): DetectedProfile {
	return profileOfHead(text.slice(0, PROFILE_HEAD));
}

/** Only the start of a document decides its profile. */
export const PROFILE_HEAD = 20000;

/**
 * detectProfile for successive versions of one document: an editor asks again after every keystroke,
 * mostly with the same head, so the last answer is kept and the head compared rather than scanned again.
 * One per document (the incremental reviewer holds it), so nothing outlives the document.
 */
export class ProfileDetector {
	private last?: { head: string; detected: DetectedProfile };

	detect(text: string): DetectedProfile {
		const head = text.slice(0, PROFILE_HEAD);
		// Kept for the next review: a copy, not a slice that would keep this version of the document.
		if (this.last?.head !== head) this.last = { head: detached(head), detected: profileOfHead(head) };
		return this.last.detected;
	}
}

function profileOfHead(head: string): DetectedProfile {
	const grantTerms = [...new Set((head.match(GRANT) ?? []).map((m) => m.toLowerCase().replace(/\s+/g, ' ')))];
	const sections = head.match(BILL_SECTION) ?? [];
	const clause = BILL_CLAUSE.exec(head);
	const opening = openingOf(head);
	const grantOpening = GRANT_OPENING.exec(opening);
	const billOpening = BILL_OPENING.exec(opening);
	const terms = (list: string[]): string => list.slice(0, 3).map((t) => `“${t}”`).join(', ');
	if (grantOpening && !clause) {
		const opened = grantOpening[0].replace(/^[#\s>*_]+/, '').trim();
		const more = !opening.slice(grantOpening.index + grantOpening[0].length).startsWith('\n') && grantOpening.index + grantOpening[0].length < opening.length ? ' …' : '';
		const parts = grantTerms.filter((t) => !opened.toLowerCase().includes(t));
		return { profile: 'grant-proposal', reason: `grant proposal: “${opened}${more}” in the first lines${parts.length > 0 ? `; ${terms(parts)}` : ''}` };
	}
	if (billOpening) return { profile: 'bill', reason: `bill: “${billOpening[0].replace(/^[#\s>*_]+/, '').trim()}” in the first lines` };
	if (clause || sections.length >= 2) {
		if (grantTerms.length >= 3 && !clause) return { profile: 'grant-proposal', reason: `grant proposal: ${terms(grantTerms)} (numbered sections too)` };
		if (clause) return { profile: 'bill', reason: `bill: “${clause[0].replace(/\s+/g, ' ')}” on line ${lineOf(head, clause.index)}` };
		const first = BILL_SECTION_ONE.exec(head)!;
		const title = first[0].replace(/^[#\s>*]+/, '');
		return { profile: 'bill', reason: `bill: ${sections.length} numbered sections (“${title.trim()}” on line ${lineOf(head, first.index + first[0].length - title.length)})` };
	}
	if (grantTerms.length >= 2) return { profile: 'grant-proposal', reason: `grant proposal: ${terms(grantTerms)}` };
	return { profile: 'general', reason: 'general: nothing in the opening says bill (an enacting clause, numbered sections) or grant proposal' };
}

const BILL_SECTION_ONE = new RegExp(BILL_SECTION.source, 'm');

/** The first few non-empty lines: where a title page says what the document is. */
function openingOf(head: string): string {
	return head.split('\n').filter((l) => l.trim()).slice(0, OPENING_LINES).join('\n');
}

function lineOf(text: string, index: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
	return line;
}
