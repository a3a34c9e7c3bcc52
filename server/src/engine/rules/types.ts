import type { Scope, Severity } from '../finding';
import type { Matcher } from '../matching/matcher';

/** The ten categories of the taxonomy. Their ids are a public contract. */
export const CATEGORIES = [
	'conflation',
	'labour-blindness',
	'conditional-services',
	'consent',
	'raids',
	'detention-punishment',
	'rights-process',
	'funding-accountability',
	'prevention',
	'framing',
] as const;

export type Category = (typeof CATEGORIES)[number];

export type RuleKind = 'phrase' | 'co-occurrence' | 'missing' | 'definition' | 'frame';

/** The modalities a frame's act may have (reading/modality.ts); a prohibition never counts. */
export type FrameModality = 'requirement' | 'permission' | 'statement' | 'past' | 'hypothetical';

/** The roles of a frame (rules/schema/rule.schema.json, `frame`). */
export interface FrameSpec {
	act: TermList;
	person?: TermList;
	agent?: TermList;
	to?: TermList;
	means?: TermList;
	condition?: TermList;
	absent?: TermList;
	modality?: FrameModality[];
}

export type FrameRole = Exclude<keyof FrameSpec, 'modality'>;

/** A list of alternatives as written in a rule file: terms, `@vocabulary` references and `/regex/` patterns. */
export type TermList = string[];

/** Where an inserted clause goes. */
export type InsertAt = 'sentence-end' | 'block-end' | 'section-end' | 'document-end';

export interface SuggestionSpec {
	title: string;
	replace?: string;
	/** What a replacement replaces: the match (default) or a frame's condition. */
	target?: 'match' | 'condition';
	insert?: string;
	at?: InsertAt;
}

export interface EvidenceSpec {
	paragraph: number;
	quote: string;
}

/** A rule file's front matter, as validated by rules/schema/rule.schema.json. */
export interface RuleSpec {
	id: string;
	kind: RuleKind;
	scope: Scope;
	severity: Severity;
	summary: string;
	message: string;
	evidence: EvidenceSpec[];
	standards?: string[];
	suggest?: SuggestionSpec[];
	/** Cancels a match when any of these occur in the same sentence (span) or section/document (missing). */
	unless?: TermList;
	/** Set false where the shared negation mechanism must not cancel a match (e.g. "refuses to cooperate"). */
	negation?: boolean;
	/** 'lower' (default): findings in quoted or reported text are one severity milder; 'ignore': not reported. */
	quoted?: 'lower' | 'ignore' | 'keep';
	/** Document profiles the rule applies to; absent means every profile. */
	profiles?: string[];
	/** A positive provision: recognised for the report, never a diagnostic. */
	provision?: boolean;
	/** The report's recommendation area this rule bears on. */
	recommendation?: string;
	replacedBy?: string;
	// phrase
	match?: TermList;
	// co-occurrence
	all?: TermList[];
	within?: 'sentence' | 'clause';
	anchor?: number;
	// missing
	topic?: { heading?: TermList; text?: TermList[]; minMentions?: number; minWords?: number };
	requires?: TermList[];
	// definition
	term?: TermList;
	forbids?: TermList[];
	// frame
	frame?: FrameSpec;
}

/** The documentation sections of a rule file's body, by heading. */
export interface RuleDoc {
	title: string;
	/** Markdown of the body without the Examples section. */
	markdown: string;
	sections: Record<string, string>;
}

export interface RuleExample {
	expect: 'flag' | 'pass';
	text: string;
	/** 1-based line of the example's first line in the rule file. */
	line: number;
	format: 'markdown' | 'plaintext';
}

/** A compiled, ready-to-run rule. */
export interface Rule {
	id: string;
	category: string;
	spec: RuleSpec;
	doc: RuleDoc;
	examples: RuleExample[];
	/** File the rule was loaded from, as given to the loader. */
	path: string;
	docUrl: string;
	/** Compiled matchers, parallel to the spec's lists. */
	compiled: {
		match?: Matcher;
		all?: Matcher[];
		unless?: Matcher;
		topicHeading?: Matcher;
		topicText?: Matcher[];
		requires?: Matcher[];
		term?: Matcher;
		forbids?: Matcher[];
		frame?: Partial<Record<FrameRole, Matcher>>;
	};
}

/** A problem in a rule file, vocabulary or config, with the 1-based line it is on. */
export interface LoadError {
	file: string;
	line: number;
	message: string;
}

export interface Vocabulary {
	name: string;
	description: string;
	terms: string[];
	patterns: string[];
	path: string;
	/** From a trusted (built-in) file; see SourceFile.trusted. */
	trusted?: boolean;
}

export interface RuleSet {
	rules: Rule[];
	vocabularies: Map<string, Vocabulary>;
	errors: LoadError[];
}

/** A file handed to the loader: the engine never reads the file system itself. */
export interface SourceFile {
	path: string;
	text: string;
	/** The documentation link for a rule file; defaults to `path`. */
	url?: string;
	/**
	 * A built-in file, written and tested with Accountable: its regular expressions run on JavaScript's engine.
	 * Anything else (rule packs) is untrusted: its regular expressions run on a linear-time engine.
	 */
	trusted?: boolean;
}
