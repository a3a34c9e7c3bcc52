import type { Matcher } from '../../matching/matcher';
import type { SectionMemoStore } from '../../incremental/sectionMemos';
import type { Rule, RuleSpec, TermList } from '../types';
import type { Hit, ReviewContext } from './context';

/** A JSON Schema fragment (draft-07), as plain data. */
export type JsonSchema = { [key: string]: unknown };

/** Compiles a rule's term lists; each problem is reported on the line of the list entry that caused it. */
export interface TermCompiler {
	/** Compiles one list of alternatives at `path` of the front matter (e.g. ['topic', 'heading']). */
	list(list: TermList | undefined, path: ReadonlyArray<string | number>): Matcher | undefined;
	/** Compiles several lists (groups that must all occur), at `path`. */
	groups(groups: readonly TermList[] | undefined, path: ReadonlyArray<string | number>): Matcher[] | undefined;
	/** Reports a problem on the line of `path` in the rule file. */
	problem(path: ReadonlyArray<string | number>, message: string): void;
}

/**
 * Where a kind looks to decide a hit, which decides what the incremental review may keep:
 * - 'block': only the hit's own block (its prose, sentences and quoting). Hits found in an unchanged chunk are kept.
 * - 'document': sections or the whole document. Run again over the merged document on each review, unless the
 *   kind gives `sectionHits`, which keeps what it can per unchanged section.
 * A kind that claims 'block' but reads other blocks makes incremental reviews differ from cold ones; the
 * property tests and the findings snapshot (scripts/findings) catch it.
 */
export type Locality = 'block' | 'document';

/**
 * One rule kind: everything about it in one place. Loading validates a rule's front matter against the
 * common schema plus `schema` of its kind (rules/schema.ts assembles both), then calls `compile`; reviewing
 * calls `run`; the incremental review reads `locality` and `sectionHits`.
 */
export interface RuleKindDefinition<Compiled extends object = object> {
	/** The value of `kind:` in a rule file. */
	name: string;
	/** One line for the schema's documentation of `kind`. */
	description: string;
	/**
	 * The kind's own front-matter fields (JSON Schema `properties`), those it requires, and any further
	 * constraint on them (e.g. `anyOf`). A field two kinds share must be described identically in both.
	 */
	schema: { properties: Record<string, JsonSchema>; required: string[]; anyOf?: JsonSchema[] };
	/** Checks what the schema cannot say and compiles the kind's term lists (the common `unless` is compiled for every kind). */
	compile(spec: RuleSpec, terms: TermCompiler): Compiled;
	locality: Locality;
	/** The kind's hits on the document of `ctx`. */
	run(rule: Rule<Compiled>, ctx: ReviewContext): Hit[];
	/**
	 * For a 'block' kind: matchers that must all match in a block (ReviewContext.mayMatch true for each) for
	 * `run` to find a hit there. The review then runs the rule only over the blocks where each may: a table of
	 * bits per block (PrefixTable.candidateSlots) answers that for every rule, rather than each rule asking
	 * each block. Leave it out, or give none, for a kind that may find hits in any block.
	 */
	blockNeeds?(rule: Rule<Compiled>): ReadonlyArray<Matcher | undefined>;
	/**
	 * For a 'document' kind: its hits from section memos, computing only what a section whose memo is new
	 * lacks (see incremental/sectionMemos.ts). Must give exactly what `run` gives, in the same order.
	 */
	sectionHits?(rule: Rule<Compiled>, ctx: ReviewContext, memos: SectionMemoStore): Hit[];
}

/** Declares a kind with its compiled shape checked against its run function. */
export function defineKind<Compiled extends object>(kind: RuleKindDefinition<Compiled>): RuleKindDefinition<Compiled> {
	return kind;
}
