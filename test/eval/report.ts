import type { Evaluation, ItemResult, SealedResult } from './evaluate';
import { expectationScores } from './documents';
import type { Score, Scores } from './metrics';

const pct = (x: number | null): string => (x === null ? '    —' : x.toFixed(3).padStart(5));

/** The per-category table: gold positives, TP, FP, FN, precision, recall, F1, then the pooled overall row. */
export function scoreTable(scores: Scores): string {
	const width = Math.max(22, ...Object.keys(scores.categories).map((c) => c.length));
	const row = (name: string, s: Score): string =>
		`${name.padEnd(width)}  ${String(s.support).padStart(4)}  ${String(s.tp).padStart(4)}  ${String(s.fp).padStart(4)}  ${String(s.fn).padStart(4)}  ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}`;
	const header = `${'category'.padEnd(width)}  gold    TP    FP    FN   prec.  recall    F1`;
	const lines = [header, '-'.repeat(header.length)];
	for (const [c, s] of Object.entries(scores.categories)) lines.push(row(c, s));
	lines.push('-'.repeat(header.length), row('overall (micro)', scores.overall));
	return lines.join('\n');
}

function errorLines(kind: 'FP' | 'FN', list: Scores['falsePositives'], items: Map<string, ItemResult>): string[] {
	return list.map(({ id, category }) => {
		const item = items.get(id)!;
		const source = item.excerpt ? `${item.excerpt.source.title}${item.excerpt.source.url ? ` <${item.excerpt.source.url}>` : ''}` : item.file;
		const text = item.excerpt ? item.excerpt.text.replace(/\s+/g, ' ') : '';
		const detail =
			kind === 'FP'
				? item.hits
						.filter((h) => h.category === category)
						.map((h) => `${h.ruleId}${h.quoted ? ' (quoted)' : ''} “${h.matchedText}”`)
						.join('; ')
				: `“${text.length > 200 ? `${text.slice(0, 197)}…` : text}”`;
		return `${kind} ${category.padEnd(22)} ${id}\n     source: ${source}\n     ${detail}`;
	});
}

export function formatReport(evaluation: Evaluation): string {
	const out: string[] = [];
	const { corpus, documents } = evaluation;
	out.push(`Excerpts: ${corpus.items.length} from ${corpus.dir} (span-scope rules; every (excerpt, category) pair scored)`, '', scoreTable(corpus.scores), '');
	const byId = new Map(corpus.items.map((i) => [i.id, i]));
	const fps = errorLines('FP', corpus.scores.falsePositives, byId);
	const fns = errorLines('FN', corpus.scores.falseNegatives, byId);
	out.push(`False positives (${fps.length}):`, ...(fps.length ? fps : ['  none']), '');
	out.push(`False negatives (${fns.length}):`, ...(fns.length ? fns : ['  none']), '');
	if (evaluation.sealed) out.push(...sealedLines(evaluation.sealed), '');
	if (evaluation.realDocuments) out.push(...realDocumentLines(evaluation.realDocuments), '');
	if (documents) {
		out.push(`Whole documents: ${documents.items.length} from ${documents.dir} (section- and document-scope rules; labels.yaml)`, '', scoreTable(documents.scores), '');
		const docIds = new Map(documents.items.map((i) => [i.id, i]));
		const dfp = errorLines('FP', documents.scores.falsePositives, docIds);
		const dfn = errorLines('FN', documents.scores.falseNegatives, docIds);
		out.push(`False positives (${dfp.length}):`, ...(dfp.length ? dfp : ['  none']), '');
		out.push(`False negatives (${dfn.length}):`, ...(dfn.length ? dfn : ['  none']), '');
	}
	return out.join('\n');
}

/** Whole real documents: each development document's expectations that fail, then the sealed part in aggregate. */
export function realDocumentLines(real: NonNullable<Evaluation['realDocuments']>): string[] {
	const out: string[] = [];
	const dev = expectationScores(real.dev);
	const pctOf = (held: number, total: number): string => (total === 0 ? '—' : `${((100 * held) / total).toFixed(0)}%`);
	out.push(`Whole real documents (development part): ${real.dev.length} documents, ${dev.held} of ${dev.total} expectations hold (${pctOf(dev.held, dev.total)})`);
	out.push(`  by kind: ${Object.entries(dev.byKind).map(([k, v]) => `${k} ${v.held}/${v.total}`).join(' · ')}`);
	for (const d of real.dev) {
		const failed = d.results.filter((r) => !r.holds);
		out.push(`  ${d.file} (${d.character ?? '?'}, ${d.stance ?? '?'}): ${d.results.length - failed.length}/${d.results.length}`);
		for (const r of failed) out.push(`    ✗ ${r.what}${r.found ? ` — found: ${r.found}` : ''}`);
	}
	if (real.sealed) {
		out.push(`Whole real documents (sealed part, aggregate only): ${real.sealed.documents} documents, ${real.sealed.held} of ${real.sealed.total} expectations hold (${pctOf(real.sealed.held, real.sealed.total)})`);
		out.push(`  by kind: ${Object.entries(real.sealed.byKind).map(([k, v]) => `${k} ${v.held}/${v.total}`).join(' · ')}`);
	}
	return out;
}

/** The sealed part: aggregate figures only, never an item. */
export function sealedLines(sealed: SealedResult): string[] {
	return [
		`Sealed test part: ${sealed.excerpts} excerpts from ${sealed.sources} sources in ${sealed.dir} (aggregate only; never tune a rule to it)`,
		'',
		scoreTable({ ...sealed.scores, falsePositives: [], falseNegatives: [] }),
	];
}

/** A JSON-friendly copy of the evaluation (sets become arrays; excerpt text kept for the error lists). */
export function toJson(evaluation: Evaluation): unknown {
	const items = (list: ItemResult[]): unknown[] =>
		list.map((i) => ({
			id: i.id,
			source: i.excerpt?.source ?? { file: i.file },
			gold: [...i.gold].sort(),
			predicted: [...i.predicted].sort(),
			hits: i.hits,
		}));
	return {
		corpus: { dir: evaluation.corpus.dir, scores: evaluation.corpus.scores, items: items(evaluation.corpus.items) },
		sealed: evaluation.sealed,
		realDocuments: evaluation.realDocuments && { dev: evaluation.realDocuments.dev, sealed: evaluation.realDocuments.sealed },
		documents: evaluation.documents && { dir: evaluation.documents.dir, scores: evaluation.documents.scores, items: items(evaluation.documents.items) },
	};
}
