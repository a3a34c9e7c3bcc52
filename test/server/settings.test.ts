/**
 * The settings a user sees in VS Code's Settings editor (package.json `contributes.configuration`): named
 * choices instead of `null`, each explained, and the `accountable.rules` setting offering every rule and
 * category; and what the server makes of them, old `null` values included.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRuleSettingProperties, ruleSettingProperties, withRuleSettingProperties } from '../../scripts/rule-settings/generate';
import { CATEGORIES, PROFILES, SEVERITIES } from '../../server/src/engine';
import { FROM_CONFIGURATION_FILE, normalizeSettings, reviewOverrides } from '../../server/src/lsp/settings';
import { builtinRules } from '../helpers/rules';
import { ROOT } from './lspClient';
import { withNls } from '../helpers/nls';

const packageText = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
// As the Settings editor shows them, in English.
const properties = JSON.parse(withNls(packageText, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')))).contributes.configuration.properties as Record<string, Record<string, unknown>>;

describe('settings with real choices', () => {
	it('offers no null: "Use the configuration file" is a named choice, explained, and the default', () => {
		for (const key of ['accountable.minSeverity', 'accountable.profile']) {
			const setting = properties[key]!;
			const choices = setting.enum as unknown[];
			expect(choices, key).not.toContain(null);
			expect(choices[0], key).toBe(FROM_CONFIGURATION_FILE);
			expect(setting.default, key).toBe(FROM_CONFIGURATION_FILE);
			expect((setting.enumDescriptions as string[]).length, key).toBe(choices.length);
			expect((setting.enumItemLabels as string[])[0], key).toBe('Use the configuration file');
			expect((setting.enumDescriptions as string[])[0], key).toContain('.accountable.yaml');
		}
		expect(properties['accountable.minSeverity']!.enum).toEqual([FROM_CONFIGURATION_FILE, ...SEVERITIES]);
		expect(properties['accountable.profile']!.enum).toEqual([FROM_CONFIGURATION_FILE, 'auto', ...PROFILES]);
		// Every enum in the settings is explained choice by choice.
		for (const [key, setting] of Object.entries(properties)) {
			if (Array.isArray(setting.enum) && key !== 'accountable.trace.server') expect((setting.enumDescriptions as unknown[] | undefined)?.length, key).toBe(setting.enum.length);
		}
	});

	it('leaves the configuration file in charge for the named choice and for null from older settings files', () => {
		for (const unset of [FROM_CONFIGURATION_FILE, null]) {
			const settings = normalizeSettings({ minSeverity: unset, profile: unset });
			expect(settings.minSeverity).toBeUndefined();
			expect(settings.profile).toBeUndefined();
			expect(reviewOverrides(settings)).toEqual({});
		}
		expect(reviewOverrides(normalizeSettings({ minSeverity: 'warning', profile: 'bill' }))).toEqual({ minSeverity: 'warning', profile: 'bill' });
	});
});

describe('accountable.rules offers the rule ids and categories', () => {
	it('lists every built-in rule and every category as a key, with its summary and the values explained', () => {
		const rules = properties['accountable.rules']!;
		const keys = Object.keys(rules.properties as object);
		const set = builtinRules();
		expect(keys).toEqual([...[...CATEGORIES].sort(), ...set.rules.map((r) => r.id).sort((a, b) => a.localeCompare(b))]);
		const cooperation = (rules.properties as Record<string, { enum: string[]; enumDescriptions: string[]; description: string }>)['conditional-services/cooperation-required']!;
		expect(cooperation.enum).toEqual(['off', 'on', ...SEVERITIES]);
		expect(cooperation.enumDescriptions).toHaveLength(cooperation.enum.length);
		expect(cooperation.description).toBe('Services conditioned on cooperation with law enforcement (error by default).');
		// Globs and rule packs' ids can still be typed in.
		expect(rules.additionalProperties).toEqual({ type: 'string', enum: ['off', 'on', ...SEVERITIES] });
	});

	it('is what `npm run rules:settings` makes from rules/ (run it after adding, renaming or removing a rule)', () => {
		expect(withRuleSettingProperties(packageText, builtinRuleSettingProperties()), 'package.json is stale: run npm run rules:settings').toBe(packageText);
	});

	it('goes stale when a rule is added, so the check above fails until the list is regenerated', () => {
		const set = builtinRules();
		const added = { ...set.rules[0]!, id: 'consent/a-new-rule' };
		const regenerated = withRuleSettingProperties(packageText, ruleSettingProperties([...set.rules, added]));
		expect(regenerated).not.toBe(packageText);
		expect(Object.keys(JSON.parse(regenerated).contributes.configuration.properties['accountable.rules'].properties)).toContain('consent/a-new-rule');
		// Only the list changes: the rest of package.json is kept byte for byte.
		const outside = (text: string): string => text.replace(/"accountable\.rules": \{[^]*?\n {8}\}/, '');
		expect(outside(regenerated)).toBe(outside(packageText));
	});
});
