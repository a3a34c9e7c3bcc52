import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import configSchema from '../../../rules/schema/config.schema.json';
import { parseYamlSource, schemaProblems, type LoadError, type ReviewSettings, type RuleSetting, type Severity } from '../engine';
import { readBoundedText } from './safeRead';

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

/** Parses one configuration file's text (YAML, of which JSON is a subset). Never throws. */
export function parseConfigText(file: string, text: string): { config?: ConfigFile; errors: LoadError[]; extends?: string } {
	const errors: LoadError[] = [];
	// YAML accepts what JSON does not (trailing commas, comments): a .json file must be JSON.
	const json = file.endsWith('.json') ? jsonProblem(text) : undefined;
	if (json) return { errors: [{ file, ...json }] };
	const source = parseYamlSource(text);
	if (source.syntaxErrors.length > 0) {
		for (const e of source.syntaxErrors) errors.push({ file, line: e.line, message: `invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${e.message}` });
		return { errors };
	}
	const value = source.value ?? {};
	const validate = validateConfig();
	if (!validate(value)) {
		for (const p of schemaProblems(source, validate.errors ?? [])) errors.push({ file, ...p });
		return { errors };
	}
	const raw = value as RawConfig;
	const dir = path.dirname(file);
	const config: ConfigFile = {
		path: file,
		dir,
		settings: { rules: raw.rules, profile: raw.profile, minSeverity: raw.minSeverity },
		packs: (raw.packs ?? []).map((p) => path.resolve(dir, p)),
		ignore: raw.ignore ?? [],
		maxDocumentSize: raw.maxDocumentSize,
		root: raw.root,
		ruleLines: Object.fromEntries(Object.keys(raw.rules ?? {}).map((key) => [key, source.lineOf(['rules'], key)])),
	};
	raw.packs?.forEach((p, i) => {
		const abs = path.resolve(dir, p);
		if (!fs.existsSync(abs)) errors.push({ file, line: source.lineOf(['packs', i]), message: `rule pack folder not found: ${p}` });
	});
	return { config, errors, extends: raw.extends ? path.resolve(dir, raw.extends) : undefined };
}

/** Reads a configuration file and what it extends. */
export function readConfigFile(file: string, seen = new Set<string>()): { chain: ConfigFile[]; errors: LoadError[] } {
	let text: string;
	try {
		// A FIFO or a link to /dev/zero named .accountable.yaml must not hang or fill memory.
		text = readBoundedText(file, MAX_CONFIG_BYTES);
	} catch (e) {
		return { chain: [], errors: [{ file, line: 1, message: `configuration file ${(e as Error).message}; reviewing without it (built-in rules and defaults)` }] };
	}
	const parsed = parseConfigText(file, text);
	if (!parsed.config) return { chain: [], errors: parsed.errors };
	if (parsed.extends && !seen.has(parsed.extends)) {
		seen.add(file);
		const base = readConfigFile(parsed.extends, seen);
		return { chain: [...base.chain, parsed.config], errors: [...base.errors, ...parsed.errors] };
	}
	return { chain: [parsed.config], errors: parsed.errors };
}

/** The nearest configuration file at or above `dir`, stopping at the file system root. */
export function findConfigFile(dir: string): string | undefined {
	let current = path.resolve(dir);
	for (;;) {
		for (const name of CONFIG_NAMES) {
			const candidate = path.join(current, name);
			// lstat, not exists: a dangling link named .accountable.yaml is reported, not passed over.
			if (entryExists(candidate)) return candidate;
		}
		const parent = path.dirname(current);
		if (parent === current) return undefined;
		current = parent;
	}
}

function entryExists(file: string): boolean {
	try {
		fs.lstatSync(file);
		return true;
	} catch {
		return false;
	}
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

const noConfig = (): ResolvedConfig => ({ settings: {}, packs: [], ignore: [], files: [], errors: [], selectors: [] });

/**
 * Finds and reads configuration for documents in `dir`, with a cache per folder so a batch review reads each
 * configuration file once. `explicit` replaces discovery (the CLI's --config); `none` disables it.
 */
export class ConfigResolver {
	private readonly byFile = new Map<string, ResolvedConfig>();

	constructor(private readonly options: { explicit?: string; none?: boolean } = {}) {}

	forDirectory(dir: string): ResolvedConfig {
		if (this.options.none) return noConfig();
		const file = this.options.explicit ? path.resolve(this.options.explicit) : findConfigFile(dir);
		if (!file) return noConfig();
		let resolved = this.byFile.get(file);
		if (!resolved) {
			const { chain, errors } = readConfigFile(file);
			resolved = resolveChain(chain, errors);
			if (chain.length === 0) resolved.files.push(file);
			this.byFile.set(file, resolved);
		}
		return resolved;
	}
}
