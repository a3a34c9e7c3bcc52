import * as fs from 'node:fs';
import * as os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { DocumentFormat, Finding, LoadError, ReviewSettings } from '../engine';
import { ConfigResolver } from '../node/config';
import { ReviewService } from '../node/reviewService';

/** What a worker sends back for one document: only plain data crosses threads. */
export interface PooledReview {
	findings: Finding[];
	suppressed: Finding[];
	errors: LoadError[];
	skipped?: string;
}

interface Job {
	id: number;
	file: string;
	text: string;
	overrides: ReviewSettings;
	format?: DocumentFormat;
}

interface Options {
	explicit?: string;
	none?: boolean;
}

const ROLE = 'accountable-review-worker';

/**
 * Batches smaller than this are reviewed on the main thread: each worker loads the rules and warms up its
 * own compiled code (about two seconds of CPU on a shared 2-core machine), which only a large batch repays.
 */
const MIN_FILES = 8;
const MIN_BYTES = 1_000_000;

/**
 * Reviews documents on worker threads, one per core (ACCOUNTABLE_JOBS=n sets the number; 1 keeps everything
 * on the main thread), so a batch review uses the whole machine. Each worker
 * has its own ReviewService (configuration and rules resolved from disk as on the main thread). Results
 * come back per document; the caller keeps their order.
 */
export class ReviewPool {
	private readonly workers: Worker[] = [];
	private readonly idle: Worker[] = [];
	private readonly queue: Array<{ job: Job; resolve: (r: PooledReview) => void; reject: (e: Error) => void }> = [];
	private readonly running = new Map<number, { resolve: (r: PooledReview) => void; reject: (e: Error) => void }>();
	private nextId = 0;

	/** A pool for this batch, or undefined when the main thread should review it alone. */
	static forBatch(files: readonly string[], options: Options): ReviewPool | undefined {
		const jobs = Number(process.env.ACCOUNTABLE_JOBS);
		const cores = jobs > 0 ? jobs : typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
		// Workers start from the bundled CLI (out/cli.js); running from sources (tests importing main) stays single-threaded.
		if (cores < 2 || files.length < MIN_FILES || !__filename.endsWith('.js')) return undefined;
		let bytes = 0;
		for (const f of files) {
			try {
				bytes += fs.statSync(f).size;
			} catch {
				// Reported when the file is read.
			}
		}
		if (bytes < MIN_BYTES) return undefined;
		return new ReviewPool(Math.min(cores, Math.ceil(files.length / 4)), options);
	}

	private constructor(size: number, options: Options) {
		for (let i = 0; i < size; i++) {
			const worker = new Worker(__filename, { workerData: { role: ROLE, options } });
			worker.on('message', (message: { id: number; review?: PooledReview; error?: string }) => {
				const waiting = this.running.get(message.id);
				this.running.delete(message.id);
				if (message.review) waiting?.resolve(message.review);
				else waiting?.reject(new Error(message.error ?? 'review failed'));
				this.idle.push(worker);
				this.pump();
			});
			worker.on('error', (e) => {
				for (const w of this.running.values()) w.reject(e);
				this.running.clear();
			});
			this.workers.push(worker);
			this.idle.push(worker);
		}
	}

	review(file: string, text: string, overrides: ReviewSettings, format?: DocumentFormat): Promise<PooledReview> {
		return new Promise((resolve, reject) => {
			this.queue.push({ job: { id: this.nextId++, file, text, overrides, format }, resolve, reject });
			this.pump();
		});
	}

	/** How many documents to keep in flight: enough to keep every worker busy, few enough to bound memory. */
	get window(): number {
		return this.workers.length * 4;
	}

	async close(): Promise<void> {
		await Promise.all(this.workers.map((w) => w.terminate()));
	}

	private pump(): void {
		while (this.idle.length > 0 && this.queue.length > 0) {
			const worker = this.idle.pop()!;
			const { job, resolve, reject } = this.queue.shift()!;
			this.running.set(job.id, { resolve, reject });
			worker.postMessage(job);
		}
	}
}

/** The worker side: runs when the bundled CLI is loaded as a review worker. */
function serve(options: Options): void {
	const service = new ReviewService(new ConfigResolver(options));
	parentPort!.on('message', (job: Job) => {
		try {
			const review = service.review(job.file, job.text, job.overrides, job.format);
			const out: PooledReview = { findings: review.result?.findings ?? [], suppressed: review.result?.suppressed ?? [], errors: review.errors, skipped: review.skipped };
			parentPort!.postMessage({ id: job.id, review: out });
		} catch (e) {
			parentPort!.postMessage({ id: job.id, error: (e as Error).stack ?? String(e) });
		}
	});
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE) serve((workerData as { options: Options }).options);
