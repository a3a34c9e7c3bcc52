import * as path from 'node:path';
import { IncrementalReviewer, Reviewer, formatForPath, mergeSettings, selectorProblem, type DocumentFormat, type LoadError, type ReviewResult, type ReviewSettings, type RuleSet, type Unchanged } from '../engine';
import { ConfigResolver, type ResolvedConfig } from './config';
import { loadRules } from './ruleFiles';
import { DEFAULT_MAX_DOCUMENT_SIZE, refusalOf } from '../engine/review/refusal';

export { DEFAULT_MAX_DOCUMENT_SIZE };

export interface FileReview {
	file: string;
	result?: ReviewResult;
	config: ResolvedConfig;
	/** Problems with the configuration or rule packs that applied to this file. */
	errors: LoadError[];
	/** Why the document was not reviewed (too large, or binary), as a message for the user. */
	skipped?: string;
	/** Set with `skipped` when the document was not reviewed because it is binary. */
	binary?: boolean;
	/** Set with `skipped` when the document was not reviewed because it is longer than this. */
	limit?: number;
}

/** What is kept between reviews of one open document (see ReviewService.review). */
export interface IncrementalState {
	reviewer?: IncrementalReviewer;
}

/**
 * Reviews documents on disk or in an editor with the configuration that applies to them. Rule sets are
 * loaded once per distinct set of rule packs; the built-in set is shared by every document without packs.
 */
export class ReviewService {
	private readonly reviewers = new Map<string, Reviewer>();
	/** Selectors in a configuration that match no rule of a rule set, found once per pair. */
	private readonly selectorErrors = new WeakMap<ResolvedConfig, WeakMap<Reviewer, LoadError[]>>();

	constructor(
		readonly configs: ConfigResolver = new ConfigResolver(),
		private readonly options: { extraPacks?: string[]; loadPacks?: boolean } = {},
	) {}

	reviewerFor(packs: readonly string[]): Reviewer {
		const all = this.options.loadPacks === false ? [] : [...(this.options.extraPacks ?? []), ...packs];
		const key = all.join('\0');
		let reviewer = this.reviewers.get(key);
		if (!reviewer) {
			reviewer = new Reviewer(loadRules(all));
			this.reviewers.set(key, reviewer);
		}
		return reviewer;
	}

	/** The most characters a document at `file` may have to be reviewed: its configuration's limit, or an editor's if smaller. */
	sizeLimitFor(file: string, editorLimit = Infinity): number {
		return Math.min(this.configs.forDirectory(path.dirname(file)).maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE, editorLimit);
	}

	ruleSetFor(file: string): RuleSet {
		return this.reviewerFor(this.configs.forDirectory(path.dirname(file)).packs).ruleSet;
	}

	/**
	 * Reviews `text` as the document at `file` (its path decides the format and the configuration). Pass
	 * the same `incremental` holder for every version of an open document: later reviews then re-parse and
	 * re-match only what an edit changed (same results as a full review). `editorLimit` is an editor's
	 * own size limit, applied with the configuration's. `part` (with `incremental`): a stage of a long
	 * document's first review, the text up to there (engine/incremental/stages.ts). `unchanged` (with
	 * `incremental`): what an editor's changes since the last review left of its text (IncrementalReviewer.review).
	 */
	review(file: string, text: string, overrides: ReviewSettings = {}, format: DocumentFormat = formatForPath(file), incremental?: IncrementalState, editorLimit = Infinity, part?: number, unchanged?: Unchanged): FileReview {
		const config = this.configs.forDirectory(path.dirname(file));
		const reviewer = this.reviewerFor(config.packs);
		const errors = [...config.errors, ...reviewer.ruleSet.errors, ...this.unknownSelectors(config, reviewer)];
		// The one size check: the configuration's limit, and an editor's (accountable.maxDocumentSize), the smaller winning.
		const refusal = refusalOf(text, this.sizeLimitFor(file, editorLimit));
		if (refusal) return { file, config, errors, ...refusal };
		let engine: Reviewer | IncrementalReviewer = reviewer;
		if (incremental) {
			if (incremental.reviewer?.reviewer !== reviewer) incremental.reviewer = new IncrementalReviewer(reviewer);
			engine = incremental.reviewer;
		}
		const settings = mergeSettings(config.settings, overrides);
		const result = engine instanceof IncrementalReviewer ? engine.review({ text, format }, settings, part, unchanged) : engine.review({ text, format }, settings);
		return { file, result, config, errors };
	}

	/** `rules` entries of the configuration that match no rule the document is reviewed with, each at its line. */
	private unknownSelectors(config: ResolvedConfig, reviewer: Reviewer): LoadError[] {
		let byReviewer = this.selectorErrors.get(config);
		if (!byReviewer) this.selectorErrors.set(config, (byReviewer = new WeakMap()));
		let errors = byReviewer.get(reviewer);
		if (!errors) {
			errors = [];
			// Without the packs (an untrusted workspace), their rules' ids would look unknown.
			const packsLeftOut = this.options.loadPacks === false && config.packs.length > 0;
			for (const s of packsLeftOut ? [] : config.selectors) {
				const problem = selectorProblem(s.selector, reviewer.ruleSet.rules);
				if (problem) errors.push({ file: s.file, line: s.line, message: problem });
			}
			byReviewer.set(reviewer, errors);
		}
		return errors;
	}

	clear(): void {
		this.reviewers.clear();
	}
}
