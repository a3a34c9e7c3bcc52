import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import type { Score } from './metrics';

const ROOT = path.resolve(__dirname, '..', '..');

// Floors at what the rules achieve on the development part of test/eval/corpus (dev/), rounded down: a change
// that loses precision or recall fails here and must be looked at (npm run eval lists every false positive and
// negative). The sealed part has floors too, on its aggregate only (nobody reads its items). These are floors,
// not targets: issue #13's targets (precision 0.90, recall 0.75 on unseen text) are far above them.
const OVERALL = { precision: 0.76, recall: 0.50, f1: 0.61 };
const CATEGORY_FLOORS: Record<string, { precision: number; recall: number }> = {
	'conflation': { precision: 0.80, recall: 0.43 },
	'labour-blindness': { precision: 0.69, recall: 0.42 },
	'conditional-services': { precision: 0.85, recall: 0.48 },
	'consent': { precision: 0.55, recall: 0.41 },
	'raids': { precision: 0.72, recall: 0.65 },
	'detention-punishment': { precision: 0.69, recall: 0.42 },
	'rights-process': { precision: 0.72, recall: 0.47 },
	'funding-accountability': { precision: 0.65, recall: 0.46 },
	'prevention': { precision: 0.82, recall: 0.24 },
	'framing': { precision: 0.83, recall: 0.59 },
};
const SEALED = { precision: 0.58, recall: 0.36 };
/** Share of the whole real documents' expectations that hold (development part). */
const DOCUMENT_EXPECTATIONS = 0.85;

describe('evaluation on the labelled corpus', () => {
	const evaluation = evaluate();
	const { scores } = evaluation.corpus;

	it('reaches the overall floors', () => {
		expect(scores.overall.precision).toBeGreaterThanOrEqual(OVERALL.precision);
		expect(scores.overall.recall).toBeGreaterThanOrEqual(OVERALL.recall);
		expect(scores.overall.f1).toBeGreaterThanOrEqual(OVERALL.f1);
	});

	it.each(Object.entries(CATEGORY_FLOORS))('reaches the floors for %s', (category, floor) => {
		const s = scores.categories[category] as Score;
		expect(s.precision ?? 1).toBeGreaterThanOrEqual(floor.precision);
		expect(s.recall ?? 0).toBeGreaterThanOrEqual(floor.recall);
	});

	it('keeps the sealed part at or above its floors, in aggregate', () => {
		const sealed = evaluation.sealed!;
		expect(sealed.excerpts).toBeGreaterThanOrEqual(300);
		expect(sealed.scores.overall.precision ?? 0).toBeGreaterThanOrEqual(SEALED.precision);
		expect(sealed.scores.overall.recall ?? 0).toBeGreaterThanOrEqual(SEALED.recall);
	});

	it('holds the floor of expectations on the whole real documents', () => {
		const results = evaluation.realDocuments!.dev.flatMap((d) => d.results);
		expect(results.length).toBeGreaterThan(100);
		expect(results.filter((r) => r.holds).length / results.length).toBeGreaterThanOrEqual(DOCUMENT_EXPECTATIONS);
	});

	it('keeps the rights-respecting model law silent and scores whole documents at section and document scope', () => {
		const docs = evaluation.documents!;
		const model = docs.items.find((i) => i.id === 'model-law-rights-based.md')!;
		expect([...model.predicted]).toEqual([]);
		expect(docs.scores.overall.precision).toBeGreaterThanOrEqual(0.9);
		expect(docs.items.every((i) => i.hits.every((h) => h.scope !== 'span'))).toBe(true);
	});
});

describe('npm run eval', () => {
	it('measures another corpus (--corpus), lists its errors with sources and writes --json', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-eval-'));
		const corpus = path.join(dir, 'corpus');
		fs.mkdirSync(corpus);
		fs.writeFileSync(
			path.join(corpus, 'held-out.yaml'),
			[
				'source: {title: "Held-out test source", kind: statute, jurisdiction: XX, url: "https://example.invalid/act"}',
				'excerpts:',
				'  - id: held-out-01',
				'    text: "Victims who agree to testify shall be eligible for shelter."',
				'    labels: [conditional-services]',
				'  - id: held-out-02',
				'    text: "Services shall be provided regardless of whether the person cooperates with law enforcement."',
				'    labels: [conditional-services]',
				'  - id: held-out-03',
				'    text: "The unit will identify victims through quarterly sweeps of known hotspots."',
				'    labels: []',
				'',
			].join('\n'),
		);
		const json = path.join(dir, 'out.json');
		const run = spawnSync(process.execPath, [path.join(ROOT, 'test', 'eval', 'run.mjs'), '--corpus', corpus, '--no-documents', '--json', json], { cwd: ROOT, encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^conditional-services\s+2\s+1\s+0\s+1\s+1\.000\s+0\.500\s+0\.667$/m);
		expect(run.stdout).toMatch(/^raids\s+0\s+0\s+1\s+0\s+0\.000\s+—\s+—$/m);
		expect(run.stdout).toMatch(/FP raids\s+held-out-03\n\s+source: Held-out test source <https:\/\/example\.invalid\/act>\n\s+raids\/raid-as-identification “sweeps”/);
		expect(run.stdout).toMatch(/FN conditional-services\s+held-out-02/);
		const out = JSON.parse(fs.readFileSync(json, 'utf8'));
		expect(out.corpus.scores.overall).toMatchObject({ tp: 1, fp: 1, fn: 1 });
		expect(out.corpus.items.map((i: { id: string }) => i.id)).toEqual(['held-out-01', 'held-out-02', 'held-out-03']);
		expect(out.documents).toBeUndefined();
	});

	it('exits 2 with a message for a bad option or corpus', () => {
		const bad = spawnSync(process.execPath, [path.join(ROOT, 'test', 'eval', 'run.mjs'), '--bogus'], { cwd: ROOT, encoding: 'utf8' });
		expect(bad.status).toBe(2);
		expect(bad.stderr).toMatch(/unknown option --bogus/);
		const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-eval-empty-'));
		const none = spawnSync(process.execPath, [path.join(ROOT, 'test', 'eval', 'run.mjs'), '--corpus', empty], { cwd: ROOT, encoding: 'utf8' });
		expect(none.status).toBe(2);
		expect(none.stderr).toMatch(/no corpus files/);
	});
});
