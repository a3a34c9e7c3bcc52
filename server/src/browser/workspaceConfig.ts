import type { Connection, Diagnostic } from 'vscode-languageserver';
import { selectorProblem, type LoadError, type Rule } from '../engine';
import { CONFIG_NAMES, isIgnoredPath, MAX_CONFIG_BYTES, noConfig, parseConfigSource, resolveChain, type ConfigFile, type ResolvedConfig } from '../engine/configFile';
import { loadErrorDiagnostic } from '../lsp/diagnostics';
import { WorkspaceFileRequests, type ConfigurationFileText, type FindConfigurationParams, type ReadConfigurationParams } from '../lsp/protocol';

/**
 * The configuration files that apply to documents, for the web extension's server. It runs in a web worker
 * with no file system: the editor finds and reads the files for it (WorkspaceFileRequests, answered through
 * vscode.workspace.fs, so they come from github.dev's or vscode.dev's folder as they do from a local one) and
 * this parses them as the Node.js server does (engine/configFile.ts). Files are named by URI throughout.
 * Rule packs are folders of rule files, which a web worker cannot list: they are reported, not loaded.
 */
export class WorkspaceConfiguration {
	private readonly byFolder = new Map<string, Promise<ResolvedConfig>>();
	/** Configuration files with problems and the diagnostics shown on each, so a reload can clear them. */
	private problems = new Map<string, Diagnostic[]>();

	constructor(
		private readonly connection: Connection,
		/** The rules documents are reviewed with: a `rules` entry that matches none of them is a problem. */
		private readonly rules: readonly Rule[],
	) {}

	/** The configuration for documents in `folder` (a URI), read once per folder until `reset`. */
	forFolder(folder: string): Promise<ResolvedConfig> {
		let pending = this.byFolder.get(folder);
		if (!pending) {
			pending = this.read(folder);
			this.byFolder.set(folder, pending);
		}
		return pending;
	}

	/** Forgets what was read (a configuration file changed) and clears the problems shown on the files. */
	reset(): void {
		this.byFolder.clear();
		const shown = this.problems;
		this.problems = new Map();
		for (const uri of shown.keys()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
	}

	private async read(folder: string): Promise<ResolvedConfig> {
		const params: FindConfigurationParams = { folder, names: CONFIG_NAMES, maxBytes: MAX_CONFIG_BYTES };
		const found = await this.connection.sendRequest<ConfigurationFileText | null>(WorkspaceFileRequests.findConfiguration, params);
		if (!found) return noConfig();
		const chain: ConfigFile[] = [];
		const errors: LoadError[] = [];
		const texts = new Map<string, string>();
		const seen = new Set<string>();
		for (let file: ConfigurationFileText | undefined = found; file && !seen.has(file.uri); ) {
			seen.add(file.uri);
			if (file.text === undefined) {
				errors.push({ file: file.uri, line: 1, message: `configuration file ${file.error ?? 'could not be read'}; reviewing without it (built-in rules and defaults)` });
				break;
			}
			texts.set(file.uri, file.text);
			const { source, errors: problems } = parseConfigSource(file.uri, file.text);
			errors.push(...problems);
			if (!source) break;
			for (const p of source.packs) errors.push({ file: file.uri, line: p.line, message: `rule pack ${p.written} is not loaded: VS Code for the Web reviews with the built-in rules only (rule packs load in VS Code on the desktop and in the CLI)` });
			chain.unshift({ path: file.uri, dir: parentUri(file.uri), settings: source.settings, packs: [], ignore: source.ignore, maxDocumentSize: source.maxDocumentSize, root: source.root, ruleLines: source.ruleLines });
			const base: string | undefined = source.extends === undefined ? undefined : new URL(source.extends, file.uri).href;
			file = base === undefined ? undefined : await this.connection.sendRequest<ConfigurationFileText>(WorkspaceFileRequests.readConfiguration, { uri: base, maxBytes: MAX_CONFIG_BYTES } satisfies ReadConfigurationParams);
		}
		const resolved = resolveChain(chain, errors);
		if (chain.length === 0) resolved.files.push(found.uri);
		for (const s of resolved.selectors) {
			const problem = selectorProblem(s.selector, this.rules);
			if (problem) errors.push({ file: s.file, line: s.line, message: problem });
		}
		this.show(errors, texts);
		return resolved;
	}

	/** Shows problems on the configuration files they are in, at their lines. */
	private show(errors: readonly LoadError[], texts: Map<string, string>): void {
		const byFile = new Map<string, LoadError[]>();
		for (const e of errors) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
		for (const [uri, list] of byFile) {
			const lines = (texts.get(uri) ?? '').split(/\r?\n/);
			const diagnostics = [...(this.problems.get(uri) ?? []), ...list.map((e) => loadErrorDiagnostic(e, (n) => lines[n], true))];
			const unique = diagnostics.filter((d, i) => diagnostics.findIndex((o) => o.message === d.message && o.range.start.line === d.range.start.line) === i);
			this.problems.set(uri, unique);
			void this.connection.sendDiagnostics({ uri, diagnostics: unique });
		}
	}
}

/** The folder a URI is in, as a URI (`…/docs/draft.md` → `…/docs`). */
export function parentUri(uri: string): string {
	const url = new URL(uri);
	url.pathname = url.pathname.replace(/\/[^/]*\/?$/, '') || '/';
	url.search = '';
	url.hash = '';
	return url.href;
}

/** Whether a document is left out by the configuration's `ignore` globs (relative to each file's folder), as the Node.js server decides. */
export function isIgnoredUri(uri: string, config: ResolvedConfig): boolean {
	return config.ignore.some(({ dir, pattern }) => {
		const prefix = dir.endsWith('/') ? dir : `${dir}/`;
		if (!uri.startsWith(prefix)) return false;
		return isIgnoredPath(decodeURIComponent(new URL(uri).pathname).slice(decodeURIComponent(new URL(prefix).pathname).length), pattern);
	});
}
