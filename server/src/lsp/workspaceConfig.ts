import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { CONFIG_NAMES, MAX_CONFIG_BYTES, parseConfigText } from '../node/config';
import { isInside } from '../node/files';
import { readBoundedText } from '../node/safeRead';

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
export function disableRuleInConfig(existing: string | undefined, dirForNew: string, ruleId: string, readText: (file: string) => string = (f) => readBoundedText(f, MAX_CONFIG_BYTES)): ConfigEditResult {
	if (!existing) {
		const doc = parseDocument(CONFIG_TEMPLATE);
		setOff(doc, ruleId);
		return { file: path.join(dirForNew, '.accountable.yaml'), text: String(doc), created: true };
	}
	const text = readText(existing);
	// Only a file that is an Accountable configuration now is edited: never a look-alike, never one with errors.
	const problems = text.trim() ? parseConfigText(existing, text).errors.filter((e) => e.file === existing && !/rule pack folder not found/.test(e.message)) : [];
	if (problems.length > 0) throw new Error(l10n.t('{0} is not a valid Accountable configuration (line {1}: {2}); fix it first', path.basename(existing), problems[0]!.line, problems[0]!.message));
	const crlf = /\r\n/.test(text);
	const lf = text.replace(/\r\n/g, '\n');
	// Integers as BigInt: a large number in the file is written back digit for digit.
	const doc = parseDocument(lf, { intAsBigInt: true });
	const inPlace = existing.endsWith('.json') ? undefined : insertInPlace(doc, lf, ruleId);
	if (doc.contents === null) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
	if (inPlace === undefined) setOff(doc, ruleId);
	const written = inPlace ?? (existing.endsWith('.json') ? jsonText(doc, lf) : doc.toString({ lineWidth: 0, indent: indentOf(lf) }));
	return { file: existing, text: crlf ? written.replace(/\n/g, '\r\n') : written, created: false };
}

/**
 * The YAML file's text with `ruleId: off` written in by a minimal edit (the value replaced, or one line
 * added to the block map under `rules`, or a `rules:` section appended), so every other byte stays as it
 * was. Undefined when the layout does not allow one (a flow map, an empty file): the caller re-serialises.
 */
function insertInPlace(doc: Document, text: string, ruleId: string): string | undefined {
	const key = /^[A-Za-z][\w\-/.]*$/.test(ruleId) ? ruleId : JSON.stringify(ruleId);
	if (!isMap(doc.contents) || doc.contents.flow) return undefined;
	const rulesPair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'rules');
	if (!rulesPair) {
		const body = text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
		return `${body}rules:\n${' '.repeat(indentOf(text))}${key}: off\n`;
	}
	const rules = rulesPair.value;
	if (!isMap(rules) || rules.flow || rules.items.length === 0 || !rules.range) return undefined;
	const existingPair = rules.items.find((p) => isScalar(p.key) && p.key.value === ruleId);
	if (existingPair) {
		const value = existingPair.value;
		if (!isScalar(value) || !value.range) return undefined;
		return `${text.slice(0, value.range[0])}off${text.slice(value.range[1])}`;
	}
	const firstKey = rules.items[0]!.key;
	if (!isScalar(firstKey) || !firstKey.range) return undefined;
	const lineStart = text.lastIndexOf('\n', firstKey.range[0] - 1) + 1;
	const indent = text.slice(lineStart, firstKey.range[0]);
	if (!/^ *$/.test(indent)) return undefined;
	// After the last entry's line (its value may span lines; range[1] is where the map's values end).
	const endOfLine = text.indexOf('\n', Math.max(lineStart, rules.range[1] - 1));
	const at = endOfLine === -1 ? text.length : endOfLine;
	return `${text.slice(0, at)}\n${indent}${key}: off${text.slice(at)}${endOfLine === -1 ? '\n' : ''}`;
}

/** The indentation a YAML file uses (2 unless its first indented line says otherwise). */
function indentOf(text: string): number {
	const first = /^( +)\S/m.exec(text);
	return first ? Math.min(8, first[1]!.length) : 2;
}

/** A JSON file's new text: its key order and indentation kept, large integers written as they were. */
function jsonText(doc: Document, text: string): string {
	const indent = /\n\t/.test(text) ? '\t' : (/\n( +)"/.exec(text)?.[1]?.length ?? 2);
	const marked = JSON.stringify(doc.toJS(), (_key, v: unknown) => (typeof v === 'bigint' ? `\u0000bigint:${v}\u0000` : v), indent);
	return `${marked.replace(/"\\u0000bigint:(-?\d+)\\u0000"/g, '$1')}\n`;
}

/**
 * Writes a configuration file for a command, only where it belongs: inside `folder` (the workspace folder of
 * the document acted on, checked after resolving links in the folders above it), with a configuration's name,
 * never through a symbolic link (a link named .accountable.yaml is refused, dangling or not), and a new file
 * only where none exists at the moment of writing. Throws with a message for the user otherwise.
 */
export function writeConfigFile(file: string, text: string, folder: string, created: boolean): void {
	if (!CONFIG_NAMES.includes(path.basename(file))) throw new Error(l10n.t('{0} is not an Accountable configuration file; not written', path.basename(file)));
	const realFolder = fs.realpathSync(folder);
	let realDir: string;
	try {
		realDir = fs.realpathSync(path.dirname(file));
	} catch {
		throw new Error(l10n.t('the folder of {0} does not exist', file));
	}
	if (!isInside(realDir, realFolder)) throw new Error(l10n.t('{0} is outside the workspace folder {1}; Accountable only writes configuration inside it', file, folder));
	let lstat: fs.Stats | undefined;
	try {
		lstat = fs.lstatSync(file);
	} catch {
		lstat = undefined;
	}
	if (lstat?.isSymbolicLink()) throw new Error(l10n.t('{0} is a symbolic link; Accountable does not write through links (edit the file it points to yourself)', path.basename(file)));
	if (lstat && !lstat.isFile()) throw new Error(l10n.t('{0} is not a regular file; not written', path.basename(file)));
	if (created && lstat) throw new Error(l10n.t('{0} already exists; not replaced', path.basename(file)));
	const flags = created ? fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL : fs.constants.O_WRONLY | fs.constants.O_TRUNC;
	// O_NOFOLLOW: a link put in place between the check and the write is still refused.
	const fd = fs.openSync(path.join(realDir, path.basename(file)), flags | (fs.constants.O_NOFOLLOW ?? 0), 0o644);
	try {
		fs.writeFileSync(fd, text);
	} finally {
		fs.closeSync(fd);
	}
}

function setOff(doc: Document, ruleId: string): void {
	// An empty `rules: {}` becomes a block map, so the new entry gets a line of its own.
	const rules = doc.get('rules', true);
	if (isMap(rules) && rules.items.length === 0) rules.flow = false;
	doc.setIn(['rules', ruleId], 'off');
}
