import type { ReviewSettings } from '../config';
import type { RuleSet } from '../rules/types';
import { IncrementalReviewer } from './pipeline';
import type { ReviewInput, ReviewResult } from './types';

/**
 * Reviews texts against a loaded rule set. Create once per rule set; `review` is pure and may be called for
 * any number of documents. A review is the first review of a fresh IncrementalReviewer (one that keeps
 * nothing for a next review): one pipeline, so an editor's reviews and the command line's cannot drift apart.
 */
export class Reviewer {
	constructor(readonly ruleSet: RuleSet) {}

	review(input: ReviewInput, settings: ReviewSettings = {}): ReviewResult {
		return new IncrementalReviewer(this, { keep: false }).review(input, settings);
	}
}
