import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { TextDocuments, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { nextStageEnd, selectorProblem, type Finding, type Rule, type RuleSet, type Unchanged } from '../engine';
import { collectGarbage } from '../node/collectGarbage';
import { isIgnored } from '../node/files';
import type { IncrementalState } from '../node/reviewService';
import type { ServerConfiguration } from './configuration';
import { binaryDiagnostic, findingDiagnostics, reviewFailedDiagnostic, toDiagnostic, tooLargeDiagnostic } from './diagnostics';
import { changeDelayMs, Debouncer } from './debouncer';
import { isWordDocumentUri, isWordReviewView } from './docxProtocol';
import { wordLocation, wordParagraphRange } from './docxRequest';
import { describeLocation } from '../node/docx/locate';
import { DOCUMENT_PROFILE_NOTIFICATION, type DocumentProfileParams } from './protocol';
import type { ServerLog } from './log';
import { documentFormat, type WorkspacePaths } from './paths';
import { reviewOverrides, type EditorSettings } from './settings';

/** Languages reviewed: VS Code's markdown and plaintext, and Neovim's `text` for .txt files. */
const LANGUAGES = new Set(['markdown', 'plaintext', 'text', 'txt']);
const REVIEWED_PATH = /\.(?:md|markdown|mdown|mkd|txt)$/i;
/** After each review (each stage) of a document this long, a full garbage collection (collectGarbage.ts): its edits take seconds, the collection a fraction. */
const COLLECT_AFTER_REVIEW_LENGTH = 5_000_000;
export { CHANGE_DELAY_MS, IMMEDIATE_REVIEW_MS } from './debouncer';

export type Trigger = 'open' | 'change' | 'save' | 'settings';

/** What is kept of an open document's last review: its findings for hovers, and the rules they came from. */
export interface DocumentState {
	version: number;
	file: string;
	findings: Finding[];
	ruleSet?: RuleSet;
	/** The profile the review used and why (absent when the document was not reviewed). */
	profile?: DocumentProfileParams;
}

/**
 * The open documents and their reviews: when each is reviewed (at once, after a pause in typing, on save),
 * what the engine keeps per document to re-review only what an edit changed, and the diagnostics published.
 */
export class DocumentReviews {
	readonly documents = new TextDocuments({
		create: TextDocument.create,
		update: (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => this.update(document, changes, version),
	});
	/**
	 * Per open document whose text the engine last reviewed whole (as it is at version `version`), what the
	 * editor's changes since have left of that text (see `update`): the engine then need not compare the chunks
	 * there to know them unchanged. Absent when not known (another review of the document came between).
	 */
	private readonly unchanged = new Map<string, Unchanged & { version: number }>();
	private readonly states = new Map<string, DocumentState>();
	private readonly debouncer = new Debouncer();
	private readonly opening = new Set<string>();
	/** How long each open document's last review took. */
	private readonly reviewMs = new Map<string, number>();
	/** Per open document, what the engine keeps to re-review only what an edit changed. */
	private readonly incremental = new Map<string, IncrementalState>();
	private readonly warnedSelectors = new Set<string>();
	/**
	 * Open documents whose first review is being made in stages (engine/incremental/stages.ts), and how far it
	 * has reached: each stage is published, and edits are handled between stages.
	 */
	private readonly stages = new Map<string, number>();

	constructor(
		private readonly connection: Connection,
		private readonly configuration: ServerConfiguration,
		private readonly paths: WorkspacePaths,
		private readonly log: ServerLog,
		/** Clients without file watchers: called when a configuration file changed on disk (reviews every open document again). */
		private readonly configurationChanged: () => boolean,
	) {}

	listen(): void {
		this.documents.onDidOpen(({ document }) =>
			this.log.guard('didOpen', () => {
				this.opening.add(document.uri);
				this.schedule(document.uri, 'open', 0);
			}),
		);
		this.documents.onDidChangeContent(({ document }) =>
			this.log.guard('didChange', () => {
				// TextDocuments also reports the content of a document it has just opened.
				if (this.opening.delete(document.uri)) return;
				this.schedule(document.uri, 'change', changeDelayMs(this.reviewMs.get(document.uri) ?? 0));
			}),
		);
		this.documents.onDidSave(({ document }) => this.log.guard('didSave', () => this.schedule(document.uri, 'save', 0)));
		this.documents.onDidClose(({ document }) =>
			this.log.guard('didClose', () => {
				this.opening.delete(document.uri);
				this.debouncer.cancel(document.uri);
				this.states.delete(document.uri);
				this.configuration.forgetSettings(document.uri);
				this.reviewMs.delete(document.uri);
				this.incremental.delete(document.uri);
				this.unchanged.delete(document.uri);
				this.stages.delete(document.uri);
				void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
			}),
		);
		this.documents.listen(this.connection);
	}

	stop(): void {
		this.debouncer.cancelAll();
	}

	reviewAll(trigger: Trigger): void {
		for (const document of this.documents.all()) this.schedule(document.uri, trigger, 0);
	}

	/** The findings of an open document's last review, and the rule of each by id (for hovers). */
	lastReview(uri: string): { findings: Finding[]; rule: (id: string) => Rule | undefined } | undefined {
		const state = this.states.get(uri);
		if (!state) return undefined;
		const rules = new Map((state.ruleSet?.rules ?? []).map((r) => [r.id, r] as [string, Rule]));
		return { findings: state.findings, rule: (id) => rules.get(id) };
	}

	/**
	 * The findings of an open document's last review if that review is of its current text (undefined while a
	 * review is catching up with an edit): edits made from them land where they should.
	 */
	currentFindings(uri: string): Finding[] | undefined {
		const state = this.states.get(uri);
		return state && state.version === this.documents.get(uri)?.version ? state.findings : undefined;
	}

	/** A rule by id, from the rules the document was last reviewed with, else those that apply to it. */
	ruleById(ruleId: string, uri: string | undefined): Rule | undefined {
		const fromState = uri ? this.states.get(uri)?.ruleSet?.rules.find((r) => r.id === ruleId) : undefined;
		return fromState ?? this.configuration.rulesFor(uri).find((r) => r.id === ruleId);
	}

	private schedule(uri: string, trigger: Trigger, delay: number): void {
		this.debouncer.schedule(uri, delay, () => this.reviewOpenDocument(uri, trigger));
	}

	/** Reviews an open document unless a newer version arrived while its settings were fetched. */
	private async reviewOpenDocument(uri: string, trigger: Trigger): Promise<void> {
		try {
			const document = this.documents.get(uri);
			if (!document || !isReviewable(document)) return;
			const version = document.version;
			const settings = await this.configuration.settingsFor(uri);
			const current = this.documents.get(uri);
			if (!current || current.version !== version) return; // superseded: the newer version is scheduled
			if (!settings.enable) {
				this.states.delete(uri);
				void this.connection.sendDiagnostics({ uri, diagnostics: [] });
				return;
			}
			// Clients without file watchers (Neovim 0.7, for one) still see edits to configuration files they
			// save, when the next review notices the file changed on disk.
			if (this.configurationChanged()) return;
			// A Word document's review view cannot be saved: its only changes are reloads of the .docx, which
			// was saved in Word, so they are reviewed whatever accountable.run says.
			if (trigger === 'change' && settings.run === 'onSave' && !isWordReviewView(uri) && !this.stages.has(uri)) {
				this.log.trace(`not reviewing ${uri} v${version} until it is saved (accountable.run is onSave)`);
				return;
			}
			const file = this.paths.fileFor(uri, document.languageId);
			const started = Date.now();
			const text = document.getText();
			// A long document's first review goes in stages, each published, with edits handled in between.
			const part = trigger === 'open' || this.stages.has(uri) ? nextStageEnd(text, documentFormat(uri, file, document.languageId), this.stages.get(uri)) : undefined;
			if (part === undefined) this.stages.delete(uri);
			else this.stages.set(uri, part);
			const diagnostics = this.review(uri, file, text, document.languageId, settings, version, part, true).diagnostics;
			void this.connection.sendDiagnostics({ uri, version, diagnostics });
			const profile = this.states.get(uri)?.profile;
			if (profile) void this.connection.sendNotification(DOCUMENT_PROFILE_NOTIFICATION, profile);
			this.reviewMs.set(uri, Date.now() - started);
			this.log.trace(`reviewed ${path.basename(file)} v${version} (${trigger}): ${diagnostics.length} diagnostics in ${Date.now() - started} ms${part === undefined ? '' : ` (its first ${part} of ${text.length} characters)`}`);
			if (text.length >= COLLECT_AFTER_REVIEW_LENGTH) collectGarbage();
			// The next stage, unless an edit comes first (its review takes the stages on).
			if (part !== undefined && this.stages.get(uri) === part) this.schedule(uri, trigger, 0);
		} catch (e) {
			this.log.error(`review of ${uri}`, e);
			// A review that failed must not look like a clean document.
			void this.connection.sendDiagnostics({ uri, diagnostics: [reviewFailedDiagnostic(e)] });
		}
	}

	/**
	 * Applies an editor's changes to an open document (as TextDocument.update does, one change after another)
	 * and notes how many characters at the start and the end of its text they left as they were.
	 */
	private update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
		const since = this.unchanged.get(document.uri);
		if (!since || since.version !== document.version) {
			this.unchanged.delete(document.uri);
			return TextDocument.update(document, changes, version);
		}
		for (const change of changes) {
			const length = document.getText().length;
			if ('range' in change) {
				const a = document.offsetAt(change.range.start);
				const b = document.offsetAt(change.range.end);
				since.prefix = Math.min(since.prefix, a, b);
				since.suffix = Math.min(since.suffix, length - Math.max(a, b));
			} else {
				since.prefix = 0;
				since.suffix = 0;
			}
			document = TextDocument.update(document, [change], version);
		}
		since.version = version;
		return document;
	}

	/** Reviews one text and remembers the findings for hovers; returns the diagnostics to publish. */
	reviewText(uri: string, file: string, text: string, languageId: string | undefined, settings: EditorSettings, version = 0, part?: number): Diagnostic[] {
		return this.review(uri, file, text, languageId, settings, version, part).diagnostics;
	}

	/**
	 * Reviews one text: the diagnostics to publish, and what the review found (absent when the file is ignored).
	 * Open documents keep it for hovers. `part`: a stage of an open document's first review (see `stages`).
	 * `ownText`: `text` is the open document's own at `version` (what the editor's changes are counted against).
	 */
	review(uri: string, file: string, text: string, languageId: string | undefined, settings: EditorSettings, version = 0, part?: number, ownText = false): { diagnostics: Diagnostic[]; state?: DocumentState } {
		if (isIgnored(file, this.configuration.resolver) || this.configuration.isOwnFile(file)) {
			this.states.delete(uri);
			return { diagnostics: [] };
		}
		// Hovers are only asked for open documents; a workspace review keeps no state for the others.
		const remember = (state: DocumentState): DocumentState => {
			if (this.documents.get(uri)) this.states.set(uri, state);
			return state;
		};
		const service = this.configuration.serviceFor(settings.packs, file);
		const open = this.documents.get(uri) !== undefined;
		if (open && !this.incremental.has(uri)) this.incremental.set(uri, {});
		// A whole review (a workspace review's, say) ends a first review's stages.
		if (part === undefined) this.stages.delete(uri);
		// What the editor's changes since the engine's last review (of this document's text, whole) left unchanged;
		// any other review of the document in between (another text, a stage) leaves it unknown.
		const since = this.unchanged.get(uri);
		const unchanged = ownText && since?.version === version ? since : undefined;
		this.unchanged.delete(uri);
		const review = service.review(file, text, reviewOverrides(settings), documentFormat(uri, file, languageId), open ? this.incremental.get(uri) : undefined, settings.maxDocumentSize, open ? part : undefined, unchanged);
		if (open && ownText && part === undefined && review.result) this.unchanged.set(uri, { version, prefix: Infinity, suffix: Infinity });
		this.configuration.noteLoadProblems(review);
		if (review.binary) return { diagnostics: [binaryDiagnostic()], state: remember({ version, file, findings: [] }) };
		if (review.skipped || !review.result) return { diagnostics: [tooLargeDiagnostic(text.length, review.limit ?? text.length)], state: remember({ version, file, findings: [] }) };
		const ruleSet = service.ruleSetFor(file);
		const state = remember({ version, file, findings: review.result.findings, ruleSet, profile: { uri, profile: review.result.profile, reason: review.result.profileReason } });
		this.warnUnknownSettingSelectors(settings, ruleSet);
		if (!isWordDocumentUri(uri)) return { diagnostics: findingDiagnostics(review.result.findings, uri, settings.maxNumberOfProblems), state };
		// Lines of the converted text mean nothing in Word: the message starts with the Word paragraph, and on
		// the .docx itself (the Word review editor's) the line is the paragraph's and the columns its words'.
		const diagnostics = findingDiagnostics(review.result.findings, uri, settings.maxNumberOfProblems, (f) => {
			const diagnostic = toDiagnostic(f, uri);
			const where = wordLocation(file, text, f.offsets);
			if (!where) return diagnostic;
			const message = `${describeLocation(where)}: ${diagnostic.message}`;
			if (isWordReviewView(uri)) return { ...diagnostic, message };
			// Related places and suggested edits are in the converted text's lines: they do not apply here.
			const onWord: Diagnostic = { ...diagnostic, message, range: wordParagraphRange(file, text, f.offsets) ?? diagnostic.range };
			delete onWord.relatedInformation;
			delete onWord.data;
			return onWord;
		});
		return { diagnostics, state };
	}

	/** `accountable.rules` entries that match no rule: said once each (the setting has no file to show them on). */
	private warnUnknownSettingSelectors(settings: EditorSettings, ruleSet: RuleSet): void {
		for (const selector of Object.keys(settings.rules)) {
			const problem = selectorProblem(selector, ruleSet.rules);
			if (!problem || this.warnedSelectors.has(problem)) continue;
			this.warnedSelectors.add(problem);
			this.log.log(`Setting accountable.rules: ${problem}`);
			void this.connection.window.showWarningMessage(l10n.t('Accountable: in the setting accountable.rules, {0}', problem));
		}
	}
}

function isReviewable(document: TextDocument): boolean {
	return LANGUAGES.has(document.languageId) || REVIEWED_PATH.test(document.uri);
}
