import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_KINDS } from '../../server/src/engine/rules/kinds';
import { generatedFiles } from '../../scripts/rules-schema/generate';
import { ruleFile, ruleSetFrom } from '../helpers/rules';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the rule schema and rule-file types', () => {
	it('are as `npm run rules:schema` makes them from the rule kinds', () => {
		for (const [file, text] of Object.entries(generatedFiles())) {
			expect(fs.readFileSync(path.join(ROOT, file), 'utf8'), `${file} is stale: run npm run rules:schema`).toBe(text);
		}
	});

	it('list every registered kind, each with its own required fields', () => {
		const schema = JSON.parse(generatedFiles()['rules/schema/rule.schema.json']!);
		expect(schema.properties.kind.enum).toEqual(RULE_KINDS.map((k) => k.name));
		expect(schema.allOf.map((a: { if: { properties: { kind: { const: string } } } }) => a.if.properties.kind.const)).toEqual(RULE_KINDS.map((k) => k.name));
	});

	it('refuse a profile name that is not a profile (a typo would silently disable the rule)', () => {
		const set = ruleSetFrom([ruleFile('raids/typo', 'kind: phrase\nscope: span\nseverity: warning\nprofiles: [grant-proposals]\nmatch: ["raid"]')]);
		expect(set.errors.map((e) => `${e.line}: ${e.message}`)).toEqual(['6: "profiles.0" must be one of: "general", "bill", "grant-proposal"']);
	});
});
