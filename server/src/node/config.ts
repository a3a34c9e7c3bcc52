import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LoadError } from '../engine';
import { CONFIG_NAMES, MAX_CONFIG_BYTES, noConfig, parseConfigSource, resolveChain, type ConfigFile, type ResolvedConfig } from '../engine/configFile';
import { readBoundedText } from './safeRead';

export { CONFIG_NAMES, MAX_CONFIG_BYTES, resolveChain, type ConfigFile, type ResolvedConfig, type RuleSelectorSource } from '../engine/configFile';

/** Parses one configuration file's text (YAML, of which JSON is a subset), its paths resolved against its folder. Never throws. */
export function parseConfigText(file: string, text: string): { config?: ConfigFile; errors: LoadError[]; extends?: string } {
	const { source, errors } = parseConfigSource(file, text);
	if (!source) return { errors };
	const dir = path.dirname(file);
	const config: ConfigFile = {
		path: file,
		dir,
		settings: source.settings,
		packs: source.packs.map((p) => path.resolve(dir, p.written)),
		ignore: source.ignore,
		maxDocumentSize: source.maxDocumentSize,
		root: source.root,
		ruleLines: source.ruleLines,
	};
	for (const p of source.packs) if (!fs.existsSync(path.resolve(dir, p.written))) errors.push({ file, line: p.line, message: `rule pack folder not found: ${p.written}` });
	return { config, errors, extends: source.extends ? path.resolve(dir, source.extends) : undefined };
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
