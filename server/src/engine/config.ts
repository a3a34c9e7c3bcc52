import picomatch from 'picomatch';
import type { Severity } from './finding';

export type RuleSetting = 'off' | 'on' | Severity;

/** Document profiles: rules may apply to some only (e.g. budget checks in grant proposals). */
export type Profile = 'general' | 'bill' | 'grant-proposal';

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

const BILL = /\b(?:be\s+it\s+enacted|a\s+bill\s+(?:for|to)\b|an\s+act\s+(?:to|relating)\b|SEC(?:TION)?\.\s*\d|§\s*\d|short\s+title|this\s+act\s+(?:shall|may)\s+be\s+cited)/i;
const GRANT = /\b(?:budget\s+(?:narrative|justification)|project\s+narrative|grant\s+(?:proposal|application)|applicant|funding\s+request|program\s+goals?\s+and\s+objectives|logic\s+model|performance\s+measures)\b/gi;

/** Detects the profile where the document makes it obvious: enacting clauses for bills, grant vocabulary for proposals. */
export function detectProfile(text: string): Profile {
	const head = text.slice(0, 20000);
	if (BILL.test(head)) return 'bill';
	const grant = head.match(GRANT);
	if (grant && grant.length >= 2) return 'grant-proposal';
	return 'general';
}
