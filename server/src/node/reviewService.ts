import * as path from 'node:path';
import { IncrementalReviewer, Reviewer, formatForPath, mergeSettings, type DocumentFormat, type LoadError, type ReviewResult, type ReviewSettings, type RuleSet } from '../engine';
import { ConfigResolver, type ResolvedConfig } from './config';
import { loadRules } from './ruleFiles';
import { BINARY_MESSAGE, looksBinary } from './binary';

export const DEFAULT_MAX_DOCUMENT_SIZE = 10_000_000;

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

	ruleSetFor(file: string): RuleSet {
		return this.reviewerFor(this.configs.forDirectory(path.dirname(file)).packs).ruleSet;
	}

	/**
	 * Reviews `text` as the document at `file` (its path decides the format and the configuration). Pass
	 * the same `incremental` holder for every version of an open document: later reviews then re-parse and
	 * re-match only what an edit changed (same results as a full review). `editorLimit` is an editor's
	 * own size limit, applied with the configuration's.
	 */
	review(file: string, text: string, overrides: ReviewSettings = {}, format: DocumentFormat = formatForPath(file), incremental?: IncrementalState, editorLimit = Infinity): FileReview {
		const config = this.configs.forDirectory(path.dirname(file));
		const reviewer = this.reviewerFor(config.packs);
		const errors = [...config.errors, ...reviewer.ruleSet.errors];
		// The one size check: the configuration's limit, and an editor's (accountable.maxDocumentSize), the smaller winning.
		const limit = Math.min(config.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE, editorLimit);
		if (text.length > limit) {
			return { file, config, errors, limit, skipped: `not reviewed: ${text.length} characters is over the limit of ${limit} (maxDocumentSize)` };
		}
		// Rules read words: random bytes give random findings (or none), which would pass for a clean review.
		if (looksBinary(text)) return { file, config, errors, skipped: BINARY_MESSAGE, binary: true };
		let engine: Reviewer | IncrementalReviewer = reviewer;
		if (incremental) {
			if (incremental.reviewer?.reviewer !== reviewer) incremental.reviewer = new IncrementalReviewer(reviewer);
			engine = incremental.reviewer;
		}
		const result = engine.review({ text, format }, mergeSettings(config.settings, overrides));
		return { file, result, config, errors };
	}

	clear(): void {
		this.reviewers.clear();
	}
}
