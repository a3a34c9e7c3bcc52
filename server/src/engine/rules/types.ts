import type { Matcher } from '../matching/matcher';
import type { RuleSpec, SuggestionSpec } from './ruleSpec.generated';

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

export type { EvidenceSpec, RuleKind, RuleSpec, SuggestionSpec, TermList } from './ruleSpec.generated';

/** Where an inserted clause goes. */
export type InsertAt = NonNullable<SuggestionSpec['at']>;

/** The roles of a frame (rules/kinds/frame.ts), as a rule file writes them. */
export type FrameSpec = NonNullable<RuleSpec['frame']>;

export type FrameRole = Exclude<keyof FrameSpec, 'modality' | 'names' | 'against' | 'depends' | 'verbal' | 'subject'>;

/** The modalities a frame's act may have (reading/modality.ts); a prohibition never counts. */
export type FrameModality = NonNullable<FrameSpec['modality']>[number];

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
	/**
	 * What a `flag` example's finding must be, when the rule file says (an ```expect block right after the
	 * example, as remark-lint's examples give their output): where it starts, 1-based in the example's text,
	 * where it ends if given, and its message if given.
	 */
	expected?: ExpectedFinding;
}

export interface ExpectedFinding {
	line: number;
	column: number;
	end?: { line: number; column: number };
	message?: string;
}

/**
 * A compiled, ready-to-run rule. `Compiled` is the shape its kind's `compile` gives (rules/kinds): the
 * kind's term lists as matchers.
 */
export interface Rule<Compiled extends object = object> {
	id: string;
	category: string;
	spec: RuleSpec;
	doc: RuleDoc;
	examples: RuleExample[];
	/** File the rule was loaded from, as given to the loader. */
	path: string;
	docUrl: string;
	/** Compiled matchers: the common `unless` and the kind's own lists. */
	compiled: Compiled & { unless?: Matcher };
	/**
	 * The model clauses of the rules this rule yields to (`yieldsTo`), set when the rule set is loaded: where the
	 * user applied one, the stronger finding is resolved and this one must not come back in its place.
	 */
	yieldedSuggest?: NonNullable<RuleSpec['suggest']>;
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
