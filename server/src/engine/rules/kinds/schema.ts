import type { JsonSchema } from './kind';

/**
 * Schema fragments that several kinds' fields use. Written as `$ref`s into the rule schema's `definitions`
 * (rules/schema.ts), so the generated rule.schema.json names them once.
 */
export const TERM_LIST: JsonSchema = { $ref: '#/definitions/termList' };
export const TERM_GROUPS: JsonSchema = { $ref: '#/definitions/termGroups' };
