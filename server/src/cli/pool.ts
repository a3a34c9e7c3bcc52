import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import type { Worker } from 'node:worker_threads';
import type { DetectedProfile, DocumentFormat, Finding, LoadError, ReviewSettings } from '../engine';
import { ConfigResolver } from '../node/config';
import { ReviewService, type FileReview } from '../node/reviewService';
import { buildReport, type Report, type ReportOptions } from '../engine/report';

/** What a worker sends back for one document: only plain data crosses threads. */
export interface PooledReview {
	findings: Finding[];
	suppressed: Finding[];
	errors: LoadError[];
	skipped?: string;
	/** The profile the review used and why (absent when the file was not reviewed). */
	profile?: DetectedProfile;
	/** The document's accountability report, when asked for (absent when the file was not reviewed). */
	report?: Report;
}

/** The plain data of a review, as a worker sends it and the main thread keeps it. */
export function pooled(review: FileReview, report?: Report): PooledReview {
	const result = review.result;
	return {
		findings: result?.findings ?? [],
		suppressed: result?.suppressed ?? [],
		errors: review.errors,
		skipped: review.skipped,
		...(result ? { profile: { profile: result.profile, reason: result.profileReason } } : {}),
		...(report ? { report } : {}),
	};
}

/**
 * Reviews one document, and with `report` builds its accountability report from the review (the document's
 * provisions, quoted sentences and title are in the review, not in its findings): the same on the main
 * thread and in a worker.
 */
export function reviewDocument(service: ReviewService, file: string, text: string, overrides: ReviewSettings, format?: DocumentFormat, report?: ReportOptions): PooledReview {
	heapForDocument(text.length);
	const review = service.review(file, text, overrides, format);
	return pooled(review, report && review.result ? buildReport(review.result, service.ruleSetFor(file).rules, report) : undefined);
}

/**
 * Characters from which a document is long enough to review with a heap kept closer to what it holds
 * (heapForDocument). Below it (the bench's 1 MB rows among them) V8 runs as it always has.
 */
export const LONG_DOCUMENT = 4_000_000;

let heapTight = false;

/**
 * Before a long document's review: V8 lets the heap grow to up to four times what its last full collection kept
 * before it collects again, so reviewing a 20 MB document dense with findings (about 200 MB kept after the
 * review's first seconds, 500–650 MB at its end) reached a peak of about 1 GB. Growing by half at a time, the
 * heap is collected a few more times in a review of a minute (about 3% more CPU) and stays near what is kept.
 * Set once for the process (worker threads share V8's flags); what the review finds is the same either way.
 */
export function heapForDocument(characters: number): void {
	if (heapTight || characters < LONG_DOCUMENT) return;
	heapTight = true;
	v8.setFlagsFromString('--heap-growing-percent=50');
}

interface Job {
	id: number;
	file: string;
	text: string;
	overrides: ReviewSettings;
	format?: DocumentFormat;
	/** Build the document's report too (Word documents, whose places need a function, stay on the main thread). */
	report?: Omit<ReportOptions, 'locate'>;
}

interface Options {
	explicit?: string;
	none?: boolean;
}

const ROLE = 'accountable-review-worker';

/**
 * node:worker_threads (and the stream and os modules it loads) is required when a batch starts workers, or in
 * a worker: not by every process that loads the CLI (a few milliseconds of each start). A worker is started
 * with ROLE among its arguments, so the CLI's top level can tell it might be one without loading it.
 */
function threads(): typeof import('node:worker_threads') {
	return require('node:worker_threads') as typeof import('node:worker_threads');
}

/**
 * Batches smaller than this are reviewed on the main thread: each worker loads the rules and warms up its
 * own compiled code (about two seconds of CPU on a shared 2-core machine), which only a large batch repays.
 */
const MIN_FILES = 8;
const MIN_BYTES = 1_000_000;

/**
 * Reviews documents on worker threads, so a batch review uses the whole machine: one reviewer per core
 * (ACCOUNTABLE_JOBS=n sets the number; 1 keeps everything on the main thread), the main thread being one of
 * them. The main thread reviews whatever the workers have no room for (see wantsMore): a worker of its own
 * would cost another warm-up (loading the rules, compiling their RegExps: about a second of CPU), which on
 * two cores ate the whole gain. Each worker has its own ReviewService (configuration and rules resolved from
 * disk as on the main thread). Results come back per document; the caller keeps their order.
 */
export class ReviewPool {
	private readonly workers: Worker[] = [];
	/** Documents posted to each worker and not back yet. */
	private readonly inFlight = new Map<Worker, number>();
	private readonly running = new Map<number, { resolve: (r: PooledReview) => void; reject: (e: Error) => void }>();
	private nextId = 0;

	/** A pool for this batch, or undefined when the main thread should review it alone. */
	static forBatch(files: readonly string[], options: Options): ReviewPool | undefined {
		const jobs = Number(process.env.ACCOUNTABLE_JOBS);
		const os = require('node:os') as typeof import('node:os');
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
		// The main thread is a reviewer too: one worker per further core.
		return new ReviewPool(Math.min(cores - 1, Math.ceil(files.length / 4)), options);
	}

	private constructor(size: number, options: Options) {
		for (let i = 0; i < size; i++) {
			const worker = new (threads().Worker)(__filename, { argv: [ROLE], workerData: { role: ROLE, options } });
			worker.on('message', (message: { id: number; review?: PooledReview; error?: string }) => {
				const waiting = this.running.get(message.id);
				this.running.delete(message.id);
				this.inFlight.set(worker, this.inFlight.get(worker)! - 1);
				if (message.review) waiting?.resolve(message.review);
				else waiting?.reject(new Error(message.error ?? 'review failed'));
			});
			worker.on('error', (e) => {
				for (const w of this.running.values()) w.reject(e);
				this.running.clear();
			});
			this.workers.push(worker);
			this.inFlight.set(worker, 0);
		}
	}

	/**
	 * Whether a worker has room for the next document. Each may hold two: the one it reviews and the next,
	 * already in its inbox, so it never waits for the main thread (busy with a review of its own) to hand it
	 * work. When none has room, the main thread reviews the document itself.
	 */
	get wantsMore(): boolean {
		return this.roomiest() !== undefined;
	}

	/** Posts a document to the worker with the fewest in flight; call only when wantsMore. */
	review(file: string, text: string, overrides: ReviewSettings, format?: DocumentFormat, report?: Omit<ReportOptions, 'locate'>): Promise<PooledReview> {
		heapForDocument(text.length);
		const worker = this.roomiest();
		if (!worker) return Promise.reject(new Error('no worker has room'));
		return new Promise((resolve, reject) => {
			const job: Job = { id: this.nextId++, file, text, overrides, format, ...(report ? { report } : {}) };
			this.running.set(job.id, { resolve, reject });
			this.inFlight.set(worker, this.inFlight.get(worker)! + 1);
			worker.postMessage(job);
		});
	}

	/** Resolves once messages from the workers that already arrived have been handled. */
	settle(): Promise<void> {
		return new Promise((resolve) => setImmediate(resolve));
	}

	/**
	 * How many documents may be reviewed ahead of the first one not back yet (results wait to be printed in
	 * file order): enough that the main thread keeps reviewing while a worker warms up (its first document
	 * comes back a second or so later), few enough to bound memory: texts wait only in the workers' inboxes.
	 */
	get window(): number {
		return 64;
	}

	async close(): Promise<void> {
		await Promise.all(this.workers.map((w) => w.terminate()));
	}

	private roomiest(): Worker | undefined {
		let best: Worker | undefined;
		for (const w of this.workers) if (this.inFlight.get(w)! < 2 && (!best || this.inFlight.get(w)! < this.inFlight.get(best)!)) best = w;
		return best;
	}
}

/** The worker side: runs when the bundled CLI is loaded as a review worker. */
function serve(options: Options): void {
	const service = new ReviewService(new ConfigResolver(options));
	const { parentPort } = threads();
	parentPort!.on('message', (job: Job) => {
		try {
			parentPort!.postMessage({ id: job.id, review: reviewDocument(service, job.file, job.text, job.overrides, job.format, job.report) });
		} catch (e) {
			parentPort!.postMessage({ id: job.id, error: (e as Error).stack ?? String(e) });
		}
	});
}

if (process.argv.includes(ROLE)) {
	const { isMainThread, workerData } = threads();
	if (!isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE) serve((workerData as { options: Options }).options);
}
