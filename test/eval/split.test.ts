import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readCorpus } from './corpus';
import { HISTORY_JSONL, readHistory, type FirstSightRecord } from './firstSight';
import { legacyStems, partByHash, partOf } from './split';

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.join(ROOT, 'test', 'eval', 'corpus');
const RUN = path.join(ROOT, 'test', 'eval', 'run.mjs');

const yamlFiles = (dir: string): string[] => fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

describe('the corpus split by source', () => {
	const legacy = legacyStems(CORPUS);

	it('files every source on the side the hash rule gives it (legacy sources stay in dev)', () => {
		for (const part of ['dev', 'sealed'] as const) {
			for (const f of yamlFiles(path.join(CORPUS, part))) expect(partOf(f.replace(/\.yaml$/, ''), legacy), `${part}/${f}`).toBe(part);
		}
		for (const stem of legacy) expect(fs.existsSync(path.join(CORPUS, 'dev', `${stem}.yaml`)), stem).toBe(true);
		for (const part of ['dev', 'sealed'] as const) {
			const dir = path.join(ROOT, 'test', 'eval', 'documents', part);
			for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) expect(partByHash(f.replace(/\.(?:md|yaml)$/, '')), `documents/${part}/${f}`).toBe(part);
		}
	});

	it('keeps each source on one side: no excerpt id, text or source address in both parts', () => {
		const dev = readCorpus(path.join(CORPUS, 'dev'));
		const sealed = readCorpus(path.join(CORPUS, 'sealed'), { allowEmpty: true });
		const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
		const devIds = new Set(dev.map((e) => e.id));
		const devTexts = new Set(dev.map((e) => norm(e.text)));
		const devUrls = new Set(dev.map((e) => e.source.url).filter(Boolean));
		for (const e of sealed) {
			expect(devIds.has(e.id), e.id).toBe(false);
			expect(devTexts.has(norm(e.text)), e.id).toBe(false);
			if (e.source.url) expect(devUrls.has(e.source.url), e.source.file).toBe(false);
		}
	});

	it('keeps whole documents on their side: no excerpt of one part is a passage of a whole document of the other', () => {
		const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
		const documents = (part: string): Array<[string, string]> => {
			const dir = path.join(ROOT, 'test', 'eval', 'documents', part);
			return fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => [f, norm(fs.readFileSync(path.join(dir, f), 'utf8'))]);
		};
		for (const [part, other] of [['dev', 'sealed'], ['sealed', 'dev']] as const) {
			const docs = documents(other);
			for (const e of readCorpus(path.join(CORPUS, part), { allowEmpty: true })) {
				const text = norm(e.text);
				// Short excerpts ("Definitions.") may recur anywhere; a sentence of some length is a passage.
				if (text.length < 40) continue;
				for (const [name, body] of docs) expect(body.includes(text), `${part} excerpt ${e.id} is in ${other} document ${name}`).toBe(false);
			}
		}
	});

	it('sends a share of new sources to the sealed part, by hash and not by choice', () => {
		const stems = Array.from({ length: 2000 }, (_, i) => `source-${i}`);
		const sealed = stems.filter((s) => partByHash(s) === 'sealed').length;
		expect(sealed / stems.length).toBeGreaterThan(0.5);
		expect(sealed / stems.length).toBeLessThan(0.6);
		expect(partByHash('held-out-statute-a')).toBe(partByHash('held-out-statute-a'));
	});

	it('has a readable first-sight history whose every batch is in the corpus', () => {
		const history = readHistory(path.join(ROOT, 'test', 'eval'));
		for (const r of history) {
			if (r.type === 'documents') {
				expect(r.documents, r.batch).toBe(r.parts.dev + r.parts.sealed);
				for (const part of ['dev', 'sealed'] as const) expect(fs.readdirSync(path.join(ROOT, 'test', 'eval', 'documents', part)).length, part).toBeGreaterThan(0);
				continue;
			}
			expect(r.excerpts, r.batch).toBe(r.parts.dev.excerpts + r.parts.sealed.excerpts);
			expect(r.overall.tp + r.overall.fn, r.batch).toBe(r.overall.support);
		}
	});
});

/** A split corpus in a temporary folder: one legacy source in dev/, one source in sealed/. */
function tempCorpus(): { dir: string; root: string } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-split-'));
	const root = path.join(dir, 'corpus');
	fs.mkdirSync(path.join(root, 'dev'), { recursive: true });
	fs.mkdirSync(path.join(root, 'sealed'));
	fs.writeFileSync(path.join(root, 'legacy-dev.txt'), '# legacy\nlegacy-source\n');
	const source = (title: string): string => `source: {title: "${title}", kind: statute, jurisdiction: XX, url: "https://example.invalid/${title}"}\nexcerpts:\n`;
	fs.writeFileSync(path.join(root, 'dev', 'legacy-source.yaml'), `${source('legacy')}  - id: legacy-source-01\n    text: "Victims who agree to testify shall be eligible for shelter."\n    labels: [conditional-services]\n`);
	fs.writeFileSync(path.join(root, 'sealed', 'held-out-statute-a.yaml'), `${source('sealed-a')}  - id: held-out-statute-a-01\n    text: "Shelter is available to a victim only if the victim is willing to testify for the prosecution."\n    labels: [conditional-services]\n  - id: held-out-statute-a-02\n    text: "SEALED-MARKER the unit will identify victims through quarterly sweeps of known hotspots."\n    labels: []\n`);
	return { dir, root };
}

describe('npm run eval on a split corpus', () => {
	it('reports the sealed part in aggregate only: no id, text or source of it in the output or the JSON', () => {
		const { dir, root } = tempCorpus();
		const json = path.join(dir, 'out.json');
		const run = spawnSync(process.execPath, [RUN, '--corpus', root, '--no-documents', '--json', json], { cwd: ROOT, encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/Sealed test part: 2 excerpts from 1 sources/);
		expect(run.stdout).toMatch(/Excerpts: 1 from .*dev/);
		const out = fs.readFileSync(json, 'utf8');
		for (const secret of ['held-out-statute-a', 'SEALED-MARKER', 'sealed-a']) {
			expect(run.stdout).not.toContain(secret);
			expect(out).not.toContain(secret);
		}
		const sealed = JSON.parse(out).sealed;
		expect(sealed).toMatchObject({ excerpts: 2, sources: 1, scores: { overall: { support: 1 } } });
		expect(sealed.scores).not.toHaveProperty('falsePositives');
		expect(sealed.scores).not.toHaveProperty('falseNegatives');
	});

	it('first sight scores a batch, appends the score to the history, then files each source by the hash rule', () => {
		const { dir, root } = tempCorpus();
		const batch = path.join(dir, 'batch');
		fs.mkdirSync(batch);
		const file = (stem: string, text: string, labels: string): string =>
			`source: {title: "${stem}", kind: statute, jurisdiction: YY, url: "https://example.invalid/${stem}"}\nexcerpts:\n  - id: ${stem}-01\n    text: "${text}"\n    labels: [${labels}]\n    stance: prescriptive\n`;
		expect(partByHash('held-out-statute-b')).toBe('dev');
		expect(partByHash('held-out-statute-d')).toBe('sealed');
		fs.writeFileSync(path.join(batch, 'held-out-statute-b.yaml'), file('held-out-statute-b', 'Victims who assist in the investigation shall receive housing assistance.', 'conditional-services'));
		fs.writeFileSync(path.join(batch, 'held-out-statute-d.yaml'), file('held-out-statute-d', 'The department shall publish an annual report.', ''));
		const args = [RUN, '--corpus', root, '--first-sight', batch, '--batch', 'test-batch', '--allow-uncommitted'];
		const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/First sight of batch test-batch: 2 excerpts from 2 sources/);
		expect(run.stdout).toMatch(/filed: 1 sources \(1 excerpts\) to dev\/, 1 sources \(1 excerpts\) to sealed\//);
		expect(run.stdout).not.toContain('held-out-statute');
		expect(fs.existsSync(path.join(root, 'dev', 'held-out-statute-b.yaml'))).toBe(true);
		expect(fs.existsSync(path.join(root, 'sealed', 'held-out-statute-d.yaml'))).toBe(true);
		expect(yamlFiles(batch)).toEqual([]);
		const history = readHistory(dir) as FirstSightRecord[];
		expect(history).toHaveLength(1);
		expect(history[0]).toMatchObject({ batch: 'test-batch', sources: 2, excerpts: 2, jurisdictions: ['YY'] });
		expect(history[0]!.commit).toMatch(/^[0-9a-f]{40}/);
		expect(fs.readFileSync(path.join(dir, 'FIRST-SIGHT.md'), 'utf8')).toMatch(/\| test-batch \|/);
		expect(fs.readFileSync(path.join(dir, HISTORY_JSONL), 'utf8').trim().split('\n')).toHaveLength(1);

		// A batch holding a source already in the corpus is refused, and nothing is recorded or moved.
		fs.writeFileSync(path.join(batch, 'held-out-statute-b.yaml'), file('held-out-statute-b', 'Another sentence of the same act.', ''));
		const again = spawnSync(process.execPath, [...args.slice(0, 6), 'again', '--allow-uncommitted'], { cwd: ROOT, encoding: 'utf8' });
		expect(again.status).toBe(2);
		expect(again.stderr).toMatch(/held-out-statute-b is already in the corpus \(dev\/\)/);
		expect(readHistory(dir)).toHaveLength(1);
		expect(parse(fs.readFileSync(path.join(batch, 'held-out-statute-b.yaml'), 'utf8')).excerpts).toHaveLength(1);
	});
});
