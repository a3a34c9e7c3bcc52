import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATEGORIES, type Reviewer } from '../../server/src/engine';
import { readCorpus, type Excerpt } from './corpus';
import { evaluateCorpus } from './evaluate';
import { score, type Score } from './metrics';
import { scoreTable } from './report';
import { legacyStems, partByHash, partOf, type Part } from './split';
import { evaluateDocumentExpectations, expectationScores } from './documents';
import type { Rule } from '../../server/src/engine';

/**
 * First sight: a new batch of excerpts is scored with the rules as they are, before it can change any rule,
 * and the score is appended to a committed history. That series is the honest measure of how the rules
 * carry over to wording they have never seen; the development part's own score is not.
 *
 * Only aggregate figures are recorded or printed: part of every batch goes to the sealed test part.
 */
export interface FirstSightRecord {
	type?: 'excerpts';
	date: string;
	batch: string;
	/** The commit whose rules and engine scored the batch. */
	commit: string;
	sources: number;
	excerpts: number;
	jurisdictions: string[];
	parts: Record<Part, { sources: number; excerpts: number }>;
	overall: Pick<Score, 'support' | 'tp' | 'fp' | 'fn' | 'precision' | 'recall' | 'f1'>;
	/** The sealed share of the batch on its own (it is also inside `overall`). */
	sealed: Pick<Score, 'support' | 'tp' | 'fp' | 'fn' | 'precision' | 'recall' | 'f1'>;
	categories: Record<string, Pick<Score, 'support' | 'tp' | 'fp' | 'fn'>>;
}

/** A batch of whole documents: the share of their expectations that hold at first sight. */
export interface DocumentFirstSightRecord {
	type: 'documents';
	date: string;
	batch: string;
	commit: string;
	documents: number;
	parts: Record<Part, number>;
	held: number;
	total: number;
	sealedHeld: number;
	sealedTotal: number;
	byKind: Record<string, { held: number; total: number }>;
}

export type HistoryRecord = FirstSightRecord | DocumentFirstSightRecord;

export const HISTORY_JSONL = 'first-sight.jsonl';
export const HISTORY_MD = 'FIRST-SIGHT.md';

const stemOf = (file: string): string => file.replace(/\.ya?ml$/i, '');

/** Scores a batch folder and files its sources into dev/ or sealed/ of `corpusRoot`. */
export function firstSight(options: { batchDir: string; batch: string; corpusRoot: string; reviewer: Reviewer; commit: string; date: string }): FirstSightRecord {
	const { batchDir, batch, corpusRoot, reviewer } = options;
	const excerpts = readCorpus(batchDir);
	const existing = new Map<string, string>();
	const ids = new Set<string>();
	for (const part of ['dev', 'sealed'] as const) {
		const dir = path.join(corpusRoot, part);
		for (const e of readCorpus(dir, { allowEmpty: true })) {
			existing.set(stemOf(e.source.file), part);
			ids.add(e.id);
		}
	}
	for (const e of excerpts) {
		const stem = stemOf(e.source.file);
		if (existing.has(stem)) throw new Error(`${path.join(batchDir, e.source.file)}: a source named ${stem} is already in the corpus (${existing.get(stem)}/)`);
		if (ids.has(e.id)) throw new Error(`${path.join(batchDir, e.source.file)}: excerpt id ${e.id} is already in the corpus`);
	}
	const legacy = legacyStems(corpusRoot);
	const partOfExcerpt = (e: Excerpt): Part => partOf(stemOf(e.source.file), legacy);
	const items = evaluateCorpus(excerpts, reviewer);
	const all = score(items, CATEGORIES);
	const sealedItems = items.filter((_, i) => partOfExcerpt(excerpts[i]!) === 'sealed');
	const sealed = score(sealedItems, CATEGORIES).overall;
	const files = [...new Set(excerpts.map((e) => e.source.file))];
	const parts: FirstSightRecord['parts'] = { dev: { sources: 0, excerpts: 0 }, sealed: { sources: 0, excerpts: 0 } };
	for (const f of files) parts[partOf(stemOf(f), legacy)].sources++;
	for (const e of excerpts) parts[partOfExcerpt(e)].excerpts++;
	const pick = (s: Score): FirstSightRecord['overall'] => ({ support: s.support, tp: s.tp, fp: s.fp, fn: s.fn, precision: s.precision, recall: s.recall, f1: s.f1 });
	const record: FirstSightRecord = {
		date: options.date,
		batch,
		commit: options.commit,
		sources: files.length,
		excerpts: excerpts.length,
		jurisdictions: [...new Set(excerpts.map((e) => e.source.jurisdiction ?? 'unknown'))].sort(),
		parts,
		overall: pick(all.overall),
		sealed: pick(sealed),
		categories: Object.fromEntries(Object.entries(all.categories).map(([c, s]) => [c, { support: s.support, tp: s.tp, fp: s.fp, fn: s.fn }])),
	};
	// The history first, then the files: a batch is never in the corpus without its first-sight score.
	const historyDir = path.dirname(corpusRoot);
	fs.appendFileSync(path.join(historyDir, HISTORY_JSONL), `${JSON.stringify(record)}\n`);
	fs.writeFileSync(path.join(historyDir, HISTORY_MD), historyMarkdown(readHistory(historyDir)));
	for (const f of files) {
		const dest = path.join(corpusRoot, partOf(stemOf(f), legacy), f);
		fs.copyFileSync(path.join(batchDir, f), dest);
		fs.unlinkSync(path.join(batchDir, f));
	}
	return record;
}

/** Scores a folder of whole documents (`<stem>.md` + `<stem>.yaml`) and files each pair by the hash rule. */
export function firstSightDocuments(options: { batchDir: string; batch: string; documentsRoot: string; reviewer: Reviewer; rules: readonly Rule[]; commit: string; date: string; historyDir: string }): DocumentFirstSightRecord {
	const { batchDir, documentsRoot } = options;
	const results = evaluateDocumentExpectations(batchDir, options.reviewer, options.rules);
	if (results.length === 0) throw new Error(`no documents (<stem>.yaml beside <stem>.md) in ${batchDir}`);
	for (const r of results) {
		for (const part of ['dev', 'sealed'] as const) {
			if (fs.existsSync(path.join(documentsRoot, part, r.file))) throw new Error(`${path.join(batchDir, r.file)}: a document named ${r.file} is already in ${part}/`);
		}
	}
	const stem = (file: string): string => file.replace(/\.md$/, '');
	const all = expectationScores(results);
	const sealed = expectationScores(results.filter((r) => partByHash(stem(r.file)) === 'sealed'));
	const record: DocumentFirstSightRecord = {
		type: 'documents',
		date: options.date,
		batch: options.batch,
		commit: options.commit,
		documents: results.length,
		parts: { dev: results.filter((r) => partByHash(stem(r.file)) === 'dev').length, sealed: results.filter((r) => partByHash(stem(r.file)) === 'sealed').length },
		held: all.held,
		total: all.total,
		sealedHeld: sealed.held,
		sealedTotal: sealed.total,
		byKind: all.byKind,
	};
	fs.appendFileSync(path.join(options.historyDir, HISTORY_JSONL), `${JSON.stringify(record)}\n`);
	fs.writeFileSync(path.join(options.historyDir, HISTORY_MD), historyMarkdown(readHistory(options.historyDir)));
	for (const r of results) {
		const part = partByHash(stem(r.file));
		fs.mkdirSync(path.join(documentsRoot, part), { recursive: true });
		for (const f of [r.file, `${stem(r.file)}.yaml`]) {
			fs.copyFileSync(path.join(batchDir, f), path.join(documentsRoot, part, f));
			fs.unlinkSync(path.join(batchDir, f));
		}
	}
	return record;
}

export function formatDocumentFirstSight(r: DocumentFirstSightRecord): string {
	const pct = (h: number, t: number): string => (t === 0 ? '—' : `${((100 * h) / t).toFixed(0)}%`);
	return [
		`First sight of document batch ${r.batch}: ${r.documents} documents, ${r.held} of ${r.total} expectations hold (${pct(r.held, r.total)}), rules at ${r.commit.slice(0, 7)}`,
		`filed: ${r.parts.dev} to dev/, ${r.parts.sealed} to sealed/ (sealed share alone: ${r.sealedHeld} of ${r.sealedTotal}, ${pct(r.sealedHeld, r.sealedTotal)})`,
		`by kind: ${Object.entries(r.byKind).map(([k, v]) => `${k} ${v.held}/${v.total}`).join(' · ')}`,
	].join('\n');
}

export function readHistory(dir: string): HistoryRecord[] {
	const file = path.join(dir, HISTORY_JSONL);
	if (!fs.existsSync(file)) return [];
	return fs
		.readFileSync(file, 'utf8')
		.split('\n')
		.filter((l) => l.trim())
		.map((l, i) => {
			try {
				return JSON.parse(l) as HistoryRecord;
			} catch (e) {
				throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
			}
		});
}

const f3 = (x: number | null): string => (x === null ? '—' : x.toFixed(3));

/** The committed history as a table, newest last, with each batch's per-category precision and recall. */
export function historyMarkdown(history: readonly HistoryRecord[]): string {
	const records = history.filter((r): r is FirstSightRecord => r.type !== 'documents');
	const documents = history.filter((r): r is DocumentFirstSightRecord => r.type === 'documents');
	const out = [
		'# First-sight history',
		'',
		'Each batch of new real excerpts is scored with the rules as they were **before** the batch could change',
		'any rule (`npm run eval -- --first-sight <folder> --batch <name>`), then filed into `corpus/dev/` or',
		'`corpus/sealed/` by the hash rule of `split.ts`. This series, not the development part\'s own score, is',
		'the measure of how the rules carry over to wording they have not seen. Generated from `first-sight.jsonl`.',
		'',
		'| date | batch | rules at | sources | excerpts | dev/sealed sources | precision | recall | F1 | sealed share P / R |',
		'|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const r of records) {
		out.push(`| ${r.date} | ${r.batch} | ${r.commit.slice(0, 7)} | ${r.sources} | ${r.excerpts} | ${r.parts.dev.sources}/${r.parts.sealed.sources} | ${f3(r.overall.precision)} | ${f3(r.overall.recall)} | ${f3(r.overall.f1)} | ${f3(r.sealed.precision)} / ${f3(r.sealed.recall)} |`);
	}
	out.push('', '## Per category (precision / recall, with gold positives)', '');
	const cats = [...new Set(records.flatMap((r) => Object.keys(r.categories)))];
	out.push(`| batch | ${cats.join(' | ')} |`, `|---|${cats.map(() => '---').join('|')}|`);
	for (const r of records) {
		const cell = (c: string): string => {
			const s = r.categories[c];
			if (!s) return '';
			const p = s.tp + s.fp === 0 ? null : s.tp / (s.tp + s.fp);
			const rc = s.tp + s.fn === 0 ? null : s.tp / (s.tp + s.fn);
			return `${f3(p)} / ${f3(rc)} (${s.support})`;
		};
		out.push(`| ${r.batch} | ${cats.map(cell).join(' | ')} |`);
	}
	if (documents.length > 0) {
		out.push('', '## Whole documents (share of expectations that hold)', '', '| date | batch | rules at | documents | dev/sealed | held | sealed share |', '|---|---|---|---|---|---|---|');
		const pct = (h: number, t: number): string => (t === 0 ? '—' : `${h}/${t} (${((100 * h) / t).toFixed(0)}%)`);
		for (const d of documents) out.push(`| ${d.date} | ${d.batch} | ${d.commit.slice(0, 7)} | ${d.documents} | ${d.parts.dev}/${d.parts.sealed} | ${pct(d.held, d.total)} | ${pct(d.sealedHeld, d.sealedTotal)} |`);
	}
	return `${out.join('\n')}\n`;
}

/** What `npm run eval -- --first-sight` prints: the aggregate table, never an item. */
export function formatFirstSight(record: FirstSightRecord): string {
	const cats = Object.fromEntries(
		Object.entries(record.categories).map(([c, s]) => {
			const p = s.tp + s.fp === 0 ? null : s.tp / (s.tp + s.fp);
			const r = s.tp + s.fn === 0 ? null : s.tp / (s.tp + s.fn);
			const f1 = p === null || r === null ? null : p + r === 0 ? 0 : (2 * p * r) / (p + r);
			return [c, { ...s, precision: p, recall: r, f1 }];
		}),
	);
	return [
		`First sight of batch ${record.batch}: ${record.excerpts} excerpts from ${record.sources} sources (${record.jurisdictions.length} jurisdictions), rules at ${record.commit.slice(0, 7)}`,
		`filed: ${record.parts.dev.sources} sources (${record.parts.dev.excerpts} excerpts) to dev/, ${record.parts.sealed.sources} sources (${record.parts.sealed.excerpts} excerpts) to sealed/`,
		'',
		scoreTable({ categories: cats, overall: { ...record.overall }, falsePositives: [], falseNegatives: [] }),
		'',
		`sealed share alone: precision ${f3(record.sealed.precision)}, recall ${f3(record.sealed.recall)}`,
	].join('\n');
}
