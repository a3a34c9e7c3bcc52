import picomatch from 'picomatch';
import Ajv, { type ValidateFunction } from 'ajv';
import configSchema from '../../../rules/schema/config.schema.json';
import type { ReviewSettings, RuleSetting } from './config';
import type { Severity } from './finding';
import type { LoadError } from './rules/types';
import { parseYamlSource, schemaProblems } from './rules/yamlSource';

/**
 * Configuration files (.accountable.yaml, .accountable.yml, .accountable.json) read from their text: no file
 * system here, so the Node.js server and CLI (server/src/node/config.ts, which finds and reads the files) and
 * the web extension's server (server/src/browser, which asks the editor for them) parse them the same way.
 */

/** The largest configuration file read; a real one is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export const CONFIG_NAMES = ['.accountable.yaml', '.accountable.yml', '.accountable.json'];

/** A configuration file as written, after validation. Paths in it are made absolute. */
export interface ConfigFile {
	path: string;
	settings: ReviewSettings;
	packs: string[];
	ignore: string[];
	/** Folder that `ignore` globs are relative to. */
	dir: string;
	maxDocumentSize?: number;
	root?: boolean;
	/** Line of each `rules` selector, so one that matches no rule is reported where it is written. */
	ruleLines: Record<string, number>;
}

/** A `rules` selector and where it was written. */
export interface RuleSelectorSource {
	file: string;
	selector: string;
	line: number;
}

/** The effective configuration for one document, and every problem met while reading it. */
export interface ResolvedConfig {
	settings: ReviewSettings;
	packs: string[];
	/** Ignore globs with the folder they are relative to. */
	ignore: Array<{ dir: string; pattern: string }>;
	maxDocumentSize?: number;
	files: string[];
	errors: LoadError[];
	/** The `rules` selectors of every file in the chain, checked against the rules once those are loaded. */
	selectors: RuleSelectorSource[];
}

/** A configuration file's content as written: paths (`packs`, `extends`) not yet resolved against its folder. */
export interface ConfigSource {
	settings: ReviewSettings;
	/** Rule pack folders as written, with their lines. */
	packs: Array<{ written: string; line: number }>;
	ignore: string[];
	maxDocumentSize?: number;
	root?: boolean;
	ruleLines: Record<string, number>;
	extends?: string;
}

let validator: ValidateFunction | undefined;
/** The configuration schema's validator, compiled when a configuration file is first read (not in every process). */
function validateConfig(): ValidateFunction {
	validator ??= new Ajv({ allErrors: true, strict: false }).compile(configSchema);
	return validator;
}

interface RawConfig {
	root?: boolean;
	extends?: string;
	rules?: Record<string, RuleSetting>;
	packs?: string[];
	ignore?: string[];
	profile?: ReviewSettings['profile'];
	minSeverity?: Severity;
	maxDocumentSize?: number;
}

/** Why `text` is not JSON, on the line where the parser stopped; undefined when it is JSON. */
function jsonProblem(text: string): { line: number; message: string } | undefined {
	try {
		JSON.parse(text);
		return undefined;
	} catch (e) {
		const message = (e as Error).message;
		const at = /at position (\d+)/.exec(message);
		const offset = at ? Number(at[1]) : text.length;
		const line = text.slice(0, offset).split('\n').length;
		return { line, message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}` };
	}
}

/** Parses and validates one configuration file's text (YAML, of which JSON is a subset). Never throws. */
export function parseConfigSource(file: string, text: string): { source?: ConfigSource; errors: LoadError[] } {
	// YAML accepts what JSON does not (trailing commas, comments): a .json file must be JSON.
	const json = file.endsWith('.json') ? jsonProblem(text) : undefined;
	if (json) return { errors: [{ file, ...json }] };
	const yaml = parseYamlSource(text);
	if (yaml.syntaxErrors.length > 0) return { errors: yaml.syntaxErrors.map((e) => ({ file, line: e.line, message: `invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${e.message}` })) };
	const value = yaml.value ?? {};
	const validate = validateConfig();
	if (!validate(value)) return { errors: schemaProblems(yaml, validate.errors ?? []).map((p) => ({ file, ...p })) };
	const raw = value as RawConfig;
	return {
		source: {
			settings: { rules: raw.rules, profile: raw.profile, minSeverity: raw.minSeverity },
			packs: (raw.packs ?? []).map((written, i) => ({ written, line: yaml.lineOf(['packs', i]) })),
			ignore: raw.ignore ?? [],
			maxDocumentSize: raw.maxDocumentSize,
			root: raw.root,
			ruleLines: Object.fromEntries(Object.keys(raw.rules ?? {}).map((key) => [key, yaml.lineOf(['rules'], key)])),
			...(raw.extends ? { extends: raw.extends } : {}),
		},
		errors: [],
	};
}

/** Merges a chain of configuration files (base first) into effective settings. */
export function resolveChain(chain: ConfigFile[], errors: LoadError[]): ResolvedConfig {
	const rules: Record<string, RuleSetting> = {};
	const resolved: ResolvedConfig = { settings: {}, packs: [], ignore: [], files: [], errors, selectors: [] };
	for (const c of chain) {
		Object.assign(rules, c.settings.rules);
		if (c.settings.profile) resolved.settings.profile = c.settings.profile;
		if (c.settings.minSeverity) resolved.settings.minSeverity = c.settings.minSeverity;
		if (c.maxDocumentSize) resolved.maxDocumentSize = c.maxDocumentSize;
		resolved.packs.push(...c.packs.filter((p) => !resolved.packs.includes(p)));
		resolved.ignore.push(...c.ignore.map((pattern) => ({ dir: c.dir, pattern })));
		resolved.files.push(c.path);
		resolved.selectors.push(...Object.entries(c.ruleLines).map(([selector, line]) => ({ file: c.path, selector, line })));
	}
	if (Object.keys(rules).length > 0) resolved.settings.rules = rules;
	return resolved;
}

/** No configuration file: built-in rules and defaults. */
export const noConfig = (): ResolvedConfig => ({ settings: {}, packs: [], ignore: [], files: [], errors: [], selectors: [] });

/** Whether an `ignore` glob leaves out a file at `relative` (a `/`-separated path from the configuration's folder): the file, or a folder it is in. */
export function isIgnoredPath(relative: string, pattern: string): boolean {
	return picomatch.isMatch(relative, pattern, { dot: true }) || picomatch.isMatch(relative, `${pattern.replace(/\/$/, '')}/**`, { dot: true });
}
