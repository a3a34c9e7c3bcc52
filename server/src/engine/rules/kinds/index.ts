import type { RuleKindDefinition } from './kind';
import { phraseKind } from './phrase';
import { coOccurrenceKind } from './cooccurrence';
import { missingKind } from './missing';
import { definitionKind } from './definition';
import { frameKind } from './frame';

/**
 * Every rule kind, in the order the schema lists them. Loading (rules/load.ts: the schema, then `compile`),
 * reviewing (`run`) and the incremental review (`locality`, `sectionHits`) all look kinds up here and
 * nowhere else.
 *
 * Adding a kind:
 * 1. Write `rules/kinds/<name>.ts` exporting `defineKind({ name, description, schema, compile, locality, run })`:
 *    `schema` holds its own front-matter fields (shared ones such as `requires` described as the other kinds
 *    describe them), `compile` turns its term lists into matchers, `run` gives its hits on a document.
 *    A kind that reads beyond a hit's block has locality 'document'; it may add `sectionHits` to keep
 *    work per unchanged section (see missing.ts), or leave it out and be run again on every review.
 * 2. Add it to RULE_KINDS below.
 * 3. Run `npm run rules:schema`: it writes rules/schema/rule.schema.json and the rule-file types
 *    (rules/ruleSpec.generated.ts) from this table; a test fails while either is stale.
 * 4. Give at least one built-in or test rule of the kind ```flag and ```pass examples (test/rules/examples.test.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind's compiled terms have their own shape
export const RULE_KINDS: ReadonlyArray<RuleKindDefinition<any>> = [phraseKind, coOccurrenceKind, missingKind, definitionKind, frameKind];

const byName = new Map(RULE_KINDS.map((k) => [k.name, k]));

/** The kind named in a rule file (the schema has already checked that it exists). */
export function ruleKind(name: string): RuleKindDefinition {
	const kind = byName.get(name);
	if (!kind) throw new Error(`unknown rule kind "${name}"`);
	return kind;
}
