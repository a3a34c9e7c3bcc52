/**
 * Precision, recall and F1 over (item, category) pairs. An item (an excerpt or a document) has a set of gold
 * categories and a set of predicted ones; each category is scored on its own, and "overall" pools the pairs
 * of every category (micro-average), so a category with many labels weighs more than one with few.
 */

export interface Scored {
	id: string;
	gold: ReadonlySet<string>;
	predicted: ReadonlySet<string>;
}

export interface Score {
	/** Gold positives (true positives + false negatives). */
	support: number;
	tp: number;
	fp: number;
	fn: number;
	/** null when nothing was predicted (precision) or nothing is labelled (recall): undefined, not perfect. */
	precision: number | null;
	recall: number | null;
	f1: number | null;
}

export interface Scores {
	categories: Record<string, Score>;
	overall: Score;
	falsePositives: Array<{ id: string; category: string }>;
	falseNegatives: Array<{ id: string; category: string }>;
}

export function scoreOf(tp: number, fp: number, fn: number): Score {
	const precision = tp + fp === 0 ? null : tp / (tp + fp);
	const recall = tp + fn === 0 ? null : tp / (tp + fn);
	const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
	return { support: tp + fn, tp, fp, fn, precision, recall, f1 };
}

/** Scores every category in `categories` (in that order), plus any other category that occurs. */
export function score(items: readonly Scored[], categories: readonly string[]): Scores {
	const counts = new Map<string, { tp: number; fp: number; fn: number }>();
	for (const c of categories) counts.set(c, { tp: 0, fp: 0, fn: 0 });
	const falsePositives: Scores['falsePositives'] = [];
	const falseNegatives: Scores['falseNegatives'] = [];
	const get = (c: string): { tp: number; fp: number; fn: number } => {
		let entry = counts.get(c);
		if (!entry) {
			entry = { tp: 0, fp: 0, fn: 0 };
			counts.set(c, entry);
		}
		return entry;
	};
	for (const item of items) {
		for (const c of item.predicted) {
			if (item.gold.has(c)) get(c).tp++;
			else {
				get(c).fp++;
				falsePositives.push({ id: item.id, category: c });
			}
		}
		for (const c of item.gold) {
			if (!item.predicted.has(c)) {
				get(c).fn++;
				falseNegatives.push({ id: item.id, category: c });
			}
		}
	}
	const out: Record<string, Score> = {};
	let tp = 0;
	let fp = 0;
	let fn = 0;
	for (const [c, n] of counts) {
		out[c] = scoreOf(n.tp, n.fp, n.fn);
		tp += n.tp;
		fp += n.fp;
		fn += n.fn;
	}
	return { categories: out, overall: scoreOf(tp, fp, fn), falsePositives, falseNegatives };
}
