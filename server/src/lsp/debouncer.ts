/**
 * One pending job per key: scheduling again replaces the pending job (latest wins), so a burst of edits
 * leads to one review of the last version and superseded reviews never start.
 */
export class Debouncer {
	private readonly timers = new Map<string, NodeJS.Timeout>();

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
