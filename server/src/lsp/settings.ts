import { isProfile, SEVERITIES, type ReviewSettings, type RuleSetting, type Severity } from '../engine';

/** The editor's `accountable.*` settings for one document, after validation. */
export interface EditorSettings {
	enable: boolean;
	/** Merged over the configuration file's `rules` (by rule id, category or glob). */
	rules: Record<string, RuleSetting>;
	minSeverity?: Severity;
	run: 'onType' | 'onSave';
	packs: string[];
	profile?: NonNullable<ReviewSettings['profile']>;
	maxDocumentSize: number;
	/** At most this many findings are published per document (the most severe), and one line says how many more there are. */
	maxNumberOfProblems: number;
}

/** Editors review on every keystroke; bills of 200 pages are about 600 000 characters. */
export const DEFAULT_EDITOR_MAX_DOCUMENT_SIZE = 2_000_000;

/**
 * A reader works through a few hundred findings, not thousands; and a document dense with findings would
 * otherwise send every one of them to the editor on every keystroke (cSpell caps its problems the same way).
 */
export const DEFAULT_MAX_NUMBER_OF_PROBLEMS = 1000;

export const DEFAULT_SETTINGS: EditorSettings = {
	enable: true,
	rules: {},
	run: 'onType',
	packs: [],
	maxDocumentSize: DEFAULT_EDITOR_MAX_DOCUMENT_SIZE,
	maxNumberOfProblems: DEFAULT_MAX_NUMBER_OF_PROBLEMS,
};

const RULE_SETTINGS = new Set<string>(['off', 'on', ...SEVERITIES]);

/**
 * The named choice, in the Settings editor, for "take this from .accountable.yaml" (accountable.minSeverity and
 * accountable.profile). Settings written before it existed say `null`, which means the same and still works.
 */
export const FROM_CONFIGURATION_FILE = 'fromConfigurationFile';

/**
 * Turns whatever a client sent (VS Code's section object, Neovim's `settings.accountable`, null) into valid
 * settings. Unknown or wrongly typed values are dropped, never thrown on: a typo must not stop reviews.
 */
export function normalizeSettings(raw: unknown): EditorSettings {
	const out: EditorSettings = { ...DEFAULT_SETTINGS, rules: {}, packs: [] };
	if (!raw || typeof raw !== 'object') return out;
	const r = raw as Record<string, unknown>;
	if (typeof r.enable === 'boolean') out.enable = r.enable;
	if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
		for (const [selector, value] of Object.entries(r.rules as Record<string, unknown>)) {
			if (typeof value === 'string' && RULE_SETTINGS.has(value)) out.rules[selector] = value as RuleSetting;
		}
	}
	// FROM_CONFIGURATION_FILE and null leave these unset, so the configuration file's value (or the default) applies.
	if (typeof r.minSeverity === 'string' && (SEVERITIES as readonly string[]).includes(r.minSeverity)) out.minSeverity = r.minSeverity as Severity;
	if (r.run === 'onSave' || r.run === 'onType') out.run = r.run;
	if (Array.isArray(r.packs)) out.packs = r.packs.filter((p): p is string => typeof p === 'string' && p.length > 0);
	if (typeof r.profile === 'string' && isProfile(r.profile, true)) out.profile = r.profile;
	if (typeof r.maxDocumentSize === 'number' && r.maxDocumentSize > 0) out.maxDocumentSize = r.maxDocumentSize;
	if (typeof r.maxNumberOfProblems === 'number' && r.maxNumberOfProblems >= 1) out.maxNumberOfProblems = Math.floor(r.maxNumberOfProblems);
	return out;
}

/** The part of the editor settings that overrides the configuration file. */
export function reviewOverrides(settings: EditorSettings): ReviewSettings {
	const out: ReviewSettings = {};
	if (Object.keys(settings.rules).length > 0) out.rules = settings.rules;
	if (settings.minSeverity) out.minSeverity = settings.minSeverity;
	if (settings.profile) out.profile = settings.profile;
	return out;
}
