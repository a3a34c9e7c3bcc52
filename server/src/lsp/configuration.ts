import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import type { LoadError, Rule } from '../engine';
import { CONFIG_NAMES, ConfigResolver, MAX_CONFIG_BYTES } from '../node/config';
import { isInside } from '../node/files';
import { readBoundedText } from '../node/safeRead';
import { builtinRulesDir } from '../node/ruleFiles';
import { ReviewService, type FileReview } from '../node/reviewService';
import { loadErrorDiagnostic } from './diagnostics';
import { fileUri } from './fileUri';
import type { ServerLog } from './log';
import { uriToPath, type WorkspacePaths } from './paths';
import type { RuleSummary } from './protocol';
import { normalizeSettings, type EditorSettings } from './settings';

/**
 * What applies to a document: the editor's settings for it, the configuration files above it and the rule
 * sets (built-in rules and rule packs) it is reviewed with; and the problems found in those files, shown
 * as diagnostics on them. `reset` forgets everything read, for a reload.
 */
export class ServerConfiguration {
	private configs = new ConfigResolver();
	private readonly services = new Map<string, ReviewService>();
	private readonly settingsCache = new Map<string, Promise<EditorSettings>>();
	/** Files with configuration or rule-pack problems, and the diagnostics shown on each. */
	private loadProblems = new Map<string, Diagnostic[]>();
	/** Rule folders in use, so a change under one reloads the rules. */
	private readonly packDirs = new Set<string>();
	/** Configuration files in use and their modification times, for clients without file watchers. */
	private readonly configStamps = new Map<string, number>();
	/** Rule packs load only in a trusted workspace. */
	trusted = true;
	/** Whether the client answers workspace/configuration; if not, `clientSettings` is what it sent. */
	askClient = false;
	clientSettings: unknown;
	/** Folders Accountable is installed in, as the client says (the VS Code extension's folder). */
	ownFolders: string[] = [];

	constructor(
		private readonly connection: Connection,
		private readonly paths: WorkspacePaths,
		private readonly log: ServerLog,
	) {}

	get resolver(): ConfigResolver {
		return this.configs;
	}

	async settingsFor(uri: string): Promise<EditorSettings> {
		if (!this.askClient) return normalizeSettings(this.clientSettings);
		let pending = this.settingsCache.get(uri);
		if (!pending) {
			pending = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'accountable' }).then(
				(raw: unknown) => normalizeSettings(raw),
				(e: unknown) => {
					this.log.error('workspace/configuration', e);
					return normalizeSettings(undefined);
				},
			);
			this.settingsCache.set(uri, pending);
		}
		return pending;
	}

	/** Forgets the editor settings of one document, or of all. */
	forgetSettings(uri?: string): void {
		if (uri === undefined) this.settingsCache.clear();
		else this.settingsCache.delete(uri);
	}

	/** One ReviewService per set of editor rule packs; all share the configuration resolver. */
	serviceFor(packs: readonly string[], file: string): ReviewService {
		const base = this.paths.folderOf(file) ?? path.dirname(file);
		const absolute = packs.map((p) => path.resolve(base, p));
		const key = absolute.join('\0');
		let service = this.services.get(key);
		if (!service) {
			service = new ReviewService(this.configs, { extraPacks: absolute, loadPacks: this.trusted });
			this.services.set(key, service);
		}
		if (this.trusted) for (const p of absolute) this.packDirs.add(p);
		return service;
	}

	/** Forgets every configuration and rule set read so far, and the problems shown for them. */
	reset(): void {
		this.configs = new ConfigResolver();
		this.services.clear();
		this.packDirs.clear();
		this.configStamps.clear();
		const previous = this.loadProblems;
		this.loadProblems = new Map();
		for (const uri of previous.keys()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
	}

	/** Shows configuration and rule-pack errors on the files they are in, at their lines. */
	noteLoadProblems(review: FileReview): void {
		if (this.trusted) for (const p of review.config.packs) this.packDirs.add(p);
		for (const file of review.config.files) if (!this.configStamps.has(file)) this.configStamps.set(file, stamp(file));
		const byFile = new Map<string, LoadError[]>();
		for (const error of review.errors) byFile.set(error.file, [...(byFile.get(error.file) ?? []), error]);
		for (const [file, errors] of byFile) {
			const uri = fileUri(file);
			const lines = readLines(file);
			const isConfig = CONFIG_NAMES.includes(path.basename(file));
			const diagnostics = errors.map((e) => loadErrorDiagnostic(e, (n) => lines[n], isConfig));
			const previous = this.loadProblems.get(uri);
			if (previous && JSON.stringify(previous) === JSON.stringify(diagnostics)) continue;
			this.loadProblems.set(uri, diagnostics);
			for (const e of errors) this.log.log(`${file}:${e.line}: ${e.message}`);
			void this.connection.sendDiagnostics({ uri, diagnostics });
		}
	}

	/** Whether a configuration file in use changed on disk since it was read (for clients without file watchers). */
	configFilesChanged(): boolean {
		for (const [file, seen] of this.configStamps) if (stamp(file) !== seen) return true;
		return false;
	}

	isConfigOrRuleFile(uri: string): boolean {
		const file = uriToPath(uri);
		if (!file) return false;
		if (CONFIG_NAMES.includes(path.basename(file))) return true;
		const dirs = [...this.packDirs, safeBuiltinRulesDir()].filter((d): d is string => d !== undefined);
		return dirs.some((dir) => {
			const relative = path.relative(dir, file);
			return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
		});
	}

	/**
	 * Accountable's own files: its built-in rules (whose documentation and examples quote the very wording
	 * they flag) and the folder the editor installed it in. They are never reviewed: their findings would be
	 * noise in the user's Problems panel.
	 */
	isOwnFile(file: string): boolean {
		return [safeBuiltinRulesDir(), ...this.ownFolders].some((dir) => dir !== undefined && isInside(file, dir));
	}

	/** The rules a document (or, without one, the first workspace folder) is reviewed with. */
	rulesFor(uri: string | undefined): readonly Rule[] {
		const file = uri ? this.paths.fileFor(uri, undefined) : path.join(this.paths.folders[0] ?? process.cwd(), 'untitled.md');
		return this.serviceFor([], file).ruleSetFor(file).rules;
	}

	ruleSummaries(uri: string | undefined): RuleSummary[] {
		return this.rulesFor(uri)
			.filter((r) => !r.spec.provision)
			.map((r) => ({ id: r.id, category: r.category, severity: r.spec.severity, summary: r.spec.summary, docUrl: r.docUrl }));
	}
}

function readLines(file: string): string[] {
	try {
		return readBoundedText(file, MAX_CONFIG_BYTES).split(/\r?\n/);
	} catch {
		return [];
	}
}

/** A file's modification time, or -1 when it is gone. */
function stamp(file: string): number {
	try {
		return fs.statSync(file).mtimeMs;
	} catch {
		return -1;
	}
}

function safeBuiltinRulesDir(): string | undefined {
	try {
		return builtinRulesDir();
	} catch {
		return undefined;
	}
}
