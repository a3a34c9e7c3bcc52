import { PROFILES } from '../config';
import { SEVERITIES } from '../finding';
import { AREA_IDS } from '../report/areas';
import { RULE_KINDS } from './kinds';
import type { JsonSchema } from './kinds/kind';

/**
 * The JSON Schema of a rule file's front matter, assembled from the fields every rule has and each kind's
 * own (rules/kinds). It is the one source of rule-file structure: loading validates against it, and
 * `npm run rules:schema` writes it to rules/schema/rule.schema.json (for editors and rule-pack authors) and
 * writes the TypeScript types of rule files (ruleSpec.generated.ts) from it.
 */
export function ruleSchema(): JsonSchema {
	const properties: Record<string, JsonSchema> = { ...COMMON_PROPERTIES, kind: { enum: RULE_KINDS.map((k) => k.name), description: 'What the rule looks for; each kind has its own fields below.' } };
	const ordered: Record<string, JsonSchema> = {};
	for (const key of Object.keys(COMMON_PROPERTIES)) {
		ordered[key] = properties[key]!;
		if (key === 'id') ordered.kind = properties.kind!;
	}
	const allOf: JsonSchema[] = [];
	for (const kind of RULE_KINDS) {
		for (const [name, fragment] of Object.entries(kind.schema.properties)) {
			const known = ordered[name];
			if (known && JSON.stringify(known) !== JSON.stringify(fragment)) throw new Error(`rule kind "${kind.name}" describes "${name}" unlike another kind or the common fields`);
			ordered[name] = fragment;
		}
		const then: JsonSchema = { required: kind.schema.required };
		if (kind.schema.anyOf) then.anyOf = kind.schema.anyOf;
		allOf.push({ if: { properties: { kind: { const: kind.name } } }, then });
	}
	return {
		$schema: 'http://json-schema.org/draft-07/schema#',
		$id: 'https://accountable.invalid/schema/rule.schema.json',
		title: 'Accountable rule (front matter of rules/<category>/<rule-name>.md)',
		$comment: 'Generated from server/src/engine/rules/schema.ts and the rule kinds (server/src/engine/rules/kinds) by `npm run rules:schema`: edit those, not this file.',
		type: 'object',
		additionalProperties: false,
		required: ['id', 'kind', 'scope', 'severity', 'summary', 'message', 'evidence'],
		definitions: DEFINITIONS,
		properties: ordered,
		allOf,
	};
}

const DEFINITIONS: Record<string, JsonSchema> = {
	termList: {
		description:
			"Alternatives: literal terms (inflected: 'cooperate' also matches cooperation, cooperating), '=exact words', 'prefix*', '@vocabulary' references and '/regular expression/' patterns. In rule packs, patterns run on RE2 (linear time): no lookarounds or back-references.",
		type: 'array',
		minItems: 1,
		items: { type: 'string', minLength: 1 },
	},
	termGroups: { type: 'array', minItems: 1, items: { $ref: '#/definitions/termList' } },
	evidence: {
		type: 'object',
		additionalProperties: false,
		required: ['paragraph', 'quote'],
		properties: {
			paragraph: { type: 'integer', minimum: 1, description: '¶N: line N of the paper.' },
			quote: { type: 'string', minLength: 3 },
		},
	},
	suggestion: {
		type: 'object',
		additionalProperties: false,
		required: ['title'],
		properties: {
			title: { type: 'string', minLength: 3 },
			replace: { type: 'string', description: 'Replaces the match (span rules only).' },
			target: { enum: ['match', 'condition'], description: "What a replacement replaces: the finding's match (default) or, for a frame with a condition, the condition itself ('who cooperate with the investigation', 'only if the victim testifies'), so the fix removes the condition instead of adding a sentence that contradicts it." },
			insert: { type: 'string', minLength: 3, description: 'A model clause to insert.' },
			at: { enum: ['sentence-end', 'block-end', 'section-end', 'document-end'], description: "Where the clause goes; by default the sentence's end (span rules), the section's or the document's." },
		},
		oneOf: [{ required: ['replace'] }, { required: ['insert'] }],
	},
};

/** Fields every rule has, whatever its kind (in the order the schema lists them; `kind` follows `id`). */
const COMMON_PROPERTIES: Record<string, JsonSchema> = {
	id: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$', description: "<category>/<rule-name>; equals the file's path under rules/." },
	scope: { enum: ['span', 'section', 'document'] },
	severity: { enum: [...SEVERITIES] },
	summary: { type: 'string', minLength: 3, description: 'A short noun phrase naming the problem.' },
	message: { type: 'string', minLength: 3, description: 'One sentence; {match}, {heading}, {missing} are filled in.' },
	evidence: { type: 'array', minItems: 1, items: { $ref: '#/definitions/evidence' } },
	standards: { type: 'array', items: { type: 'string' } },
	suggest: { type: 'array', items: { $ref: '#/definitions/suggestion' } },
	unless: { $ref: '#/definitions/termList', description: 'Cancels a match when any of these occur in the same sentence (span) or section/document (missing).' },
	negation: {
		anyOf: [{ type: 'boolean' }, { const: 'denial' }],
		description: 'Set false where the shared negation mechanism must not cancel a match (e.g. "refuses to cooperate"); "denial" where only a denial of the words themselves cancels it ("they are migrant workers, not sex slaves"), not a negated verb before them ("we will not tolerate sex slavery"). Frame rules read negation by the sentence’s structure, where "denial" is the same as true.',
	},
	quoted: { enum: ['lower', 'ignore', 'keep'], description: "'lower' (default): findings in quoted or reported text are one severity milder; 'ignore': not reported." },
	profiles: { type: 'array', items: { enum: [...PROFILES] }, description: 'Document profiles the rule applies to; absent means every profile.' },
	provision: { type: 'boolean', description: 'A positive provision: recognised for the report, never a diagnostic.' },
	recommendation: {
		enum: [...AREA_IDS],
		description: "The paper's recommendation area this rule bears on (the report's scorecard rows).",
	},
	replacedBy: { type: 'string' },
	yieldsTo: {
		type: 'array',
		minItems: 1,
		uniqueItems: true,
		items: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$' },
		description: "Span rules whose finding, where it overlaps this rule's, says the same thing more exactly: this rule's finding is then dropped. A shelter placement that is custody is detention, judged by the detention rules; asking for consent to custody is not the fix.",
	},
};
