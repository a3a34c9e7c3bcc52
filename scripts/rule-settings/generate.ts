// The `accountable.rules` setting's list of rule ids and categories, made from the built-in rules, so the
// Settings editor offers each as a key with its summary. `npm run rules:settings` writes it into package.json;
// test/server/settings.test.ts fails while package.json differs from what this makes (a rule added, renamed
// or removed without running it).
import { CATEGORIES, type Rule } from '../../server/src/engine';
import { loadRules } from '../../server/src/node/ruleFiles';

const VALUES = ['off', 'on', 'error', 'warning', 'information', 'hint'];
// The interface's words are package.nls keys (package.nls.json, and one file per language); a rule's summary is
// its documentation, which stays in English.
const VALUE_DESCRIPTIONS = VALUES.map((v) => `%config.rules.value.${v}%`);

/** One setting value's schema: the choices with their meaning, and what the key is. */
function value(description: string): Record<string, unknown> {
	return { type: 'string', enum: VALUES, enumDescriptions: VALUE_DESCRIPTIONS, description };
}

/** The keys the setting offers: each category (and its glob), then each rule by id, in a stable order. */
export function ruleSettingProperties(rules: readonly Rule[]): Record<string, Record<string, unknown>> {
	const properties: Record<string, Record<string, unknown>> = {};
	const categories = [...CATEGORIES].filter((c) => rules.some((r) => r.category === c)).sort();
	for (const category of categories) properties[category] = value(`%config.rules.category.${category}%`);
	for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
		const what = rule.spec.provision ? `Recognises a provision for the report: ${rule.spec.summary}.` : `${rule.spec.summary} (${rule.spec.severity} by default).`;
		properties[rule.id] = value(what);
	}
	return properties;
}

export function builtinRuleSettingProperties(): Record<string, Record<string, unknown>> {
	return ruleSettingProperties(loadRules().rules);
}

/** package.json's text with the `accountable.rules` setting's `properties` replaced, the rest unchanged. */
export function withRuleSettingProperties(packageJson: string, properties: Record<string, Record<string, unknown>>): string {
	const start = packageJson.indexOf('"accountable.rules": {');
	if (start < 0) throw new Error('package.json has no accountable.rules setting');
	const open = packageJson.indexOf('{', start);
	const end = matchingBrace(packageJson, open);
	const indent = /\n([\t ]*)"accountable\.rules"/.exec(packageJson)![1]!;
	const inner = `${indent}  `;
	const setting = JSON.parse(packageJson.slice(open, end + 1)) as Record<string, unknown>;
	setting.properties = properties;
	const lines = Object.entries(setting).map(([key, v]) => {
		if (key !== 'properties') return `${inner}${JSON.stringify(key)}: ${JSON.stringify(v)}`;
		const rows = Object.entries(properties).map(([id, p]) => `${inner}  ${JSON.stringify(id)}: ${JSON.stringify(p)}`);
		return `${inner}"properties": {\n${rows.join(',\n')}\n${inner}}`;
	});
	return `${packageJson.slice(0, open)}{\n${lines.join(',\n')}\n${indent}}${packageJson.slice(end + 1)}`;
}

function matchingBrace(text: string, open: number): number {
	let depth = 0;
	let inString = false;
	for (let i = open; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return i;
	}
	throw new Error('unbalanced braces in package.json');
}
