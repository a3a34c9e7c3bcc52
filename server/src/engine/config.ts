import picomatch from 'picomatch';
import type { Severity } from './finding';
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
 * Detects the profile where the document makes it obvious: an enacting clause or several numbered
 * sections for bills, two different parts of a proposal (budget justification, statement of need, logic
 * model…) for grant proposals. A proposal that cites "§ 7105" once, or a brief that names "the Act", stays
 * a general document.
 */
export function detectProfile(text: string): Profile {
	return profileOfHead(text.slice(0, PROFILE_HEAD));
}

/** Only the start of a document decides its profile. */
const PROFILE_HEAD = 20000;

/**
 * detectProfile for successive versions of one document: an editor asks again after every keystroke,
 * mostly with the same head, so the last answer is kept and the head compared rather than scanned again.
 * One per document (the incremental reviewer holds it), so nothing outlives the document.
 */
export class ProfileDetector {
	private last?: { head: string; profile: Profile };

	detect(text: string): Profile {
		const head = text.slice(0, PROFILE_HEAD);
		if (this.last?.head !== head) this.last = { head, profile: profileOfHead(head) };
		return this.last.profile;
	}
}

function profileOfHead(head: string): Profile {
	const grant = new Set((head.match(GRANT) ?? []).map((m) => m.toLowerCase().replace(/\s+/g, ' ')));
	const sections = head.match(BILL_SECTION)?.length ?? 0;
	if (BILL_CLAUSE.test(head) || sections >= 2) return grant.size >= 3 && !BILL_CLAUSE.test(head) ? 'grant-proposal' : 'bill';
	if (grant.size >= 2) return 'grant-proposal';
	return 'general';
}
