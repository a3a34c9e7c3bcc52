export const CHANGE_DELAY_MS = 300;
/** Reviews that took less than this run again as soon as an edit arrives (incremental re-reviews of long documents do, even on a busy machine). */
export const IMMEDIATE_REVIEW_MS = 250;
const MAX_CHANGE_DELAY_MS = 3000;

/**
 * How long after an edit to review a document whose last review took `lastReviewMs`. A review blocks the
 * server while it runs. Quick ones (re-reviews are incremental) run at once; edits that arrive meanwhile are
 * coalesced into the next. Slow ones (the first review of a long document) wait for a pause in typing as long
 * as they took.
 */
export function changeDelayMs(lastReviewMs: number): number {
	return lastReviewMs < IMMEDIATE_REVIEW_MS ? 0 : Math.max(CHANGE_DELAY_MS, Math.min(lastReviewMs, MAX_CHANGE_DELAY_MS));
}

/**
 * One pending job per key: scheduling again replaces the pending job (latest wins), so a burst of edits
 * leads to one review of the last version and superseded reviews never start.
 */
export class Debouncer {
	private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

	schedule(key: string, delayMs: number, job: () => unknown): void {
		this.cancel(key);
		this.timers.set(
			key,
			setTimeout(() => {
				this.timers.delete(key);
				void job();
			}, delayMs),
		);
	}

	cancel(key: string): void {
		const timer = this.timers.get(key);
		if (timer) clearTimeout(timer);
		this.timers.delete(key);
	}

	cancelAll(): void {
		for (const key of [...this.timers.keys()]) this.cancel(key);
	}

	get pending(): number {
		return this.timers.size;
	}
}
