import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, parseDocument, type Document } from 'yaml';

/** Writing `.accountable.yaml` / `.accountable.json` for the "disable in workspace" and "create" commands. */

export const CONFIG_TEMPLATE = `# Accountable configuration. Found upward from each reviewed file; applies to this folder and below.
# Schema: rules/schema/config.schema.json in the Accountable package.
rules: {}
  # framing: off                                  # a whole category
  # conditional-services/*: warning               # a glob
  # consent/data-sharing-without-consent: error   # one rule
packs: []          # extra rule folders, relative to this file
ignore: []         # globs of files not to review, e.g. archive/**
profile: auto      # auto | general | bill | grant-proposal
`;

export interface ConfigEditResult {
	file: string;
	text: string;
	created: boolean;
}

/**
 * The new text of the configuration file with `ruleId: off` under `rules`, keeping the file's comments and
 * layout. Creates `.accountable.yaml` in `dirForNew` when there is no file. Throws with a readable message
 * when the existing file cannot be parsed (the user must fix it first; its error is already shown on it).
 */
export function disableRuleInConfig(existing: string | undefined, dirForNew: string, ruleId: string, readText: (file: string) => string = (f) => fs.readFileSync(f, 'utf8')): ConfigEditResult {
	if (!existing) {
		const doc = parseDocument(CONFIG_TEMPLATE);
		setOff(doc, ruleId);
		return { file: path.join(dirForNew, '.accountable.yaml'), text: String(doc), created: true };
	}
	const text = readText(existing);
	if (existing.endsWith('.json')) {
		let value: Record<string, unknown>;
		try {
			value = text.trim() ? (JSON.parse(text) as Record<string, unknown>) : {};
		} catch (e) {
			throw new Error(`${path.basename(existing)} is not valid JSON (${(e as Error).message}); fix it first`);
		}
		const rules = value.rules && typeof value.rules === 'object' ? (value.rules as Record<string, unknown>) : {};
		value.rules = { ...rules, [ruleId]: 'off' };
		const indent = /\n\t/.test(text) ? '\t' : 2;
		return { file: existing, text: `${JSON.stringify(value, null, indent)}\n`, created: false };
	}
	const doc = parseDocument(text);
	if (doc.errors.length > 0) throw new Error(`${path.basename(existing)} is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it first`);
	if (doc.contents === null) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
	setOff(doc, ruleId);
	return { file: existing, text: String(doc), created: false };
}

function setOff(doc: Document, ruleId: string): void {
	// An empty `rules: {}` becomes a block map, so the new entry gets a line of its own.
	const rules = doc.get('rules', true);
	if (isMap(rules) && rules.items.length === 0) rules.flow = false;
	doc.setIn(['rules', ruleId], 'off');
}
