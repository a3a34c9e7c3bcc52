import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Portfolio, Report } from '../../server/src/engine/report';
import { ROOT, runCli, tempFoldersRemovedAfterAll, type CliRun } from '../helpers/cli';
import { schemaValidator } from '../helpers/schemas';
import { grantProposal, writeFiles } from '../docx/fixtures';

// The accountability report of many documents (issue #16, "one result and one report"): `accountable report
// <folder>` on one machine, and `accountable merge --report` from the JSON of a CI matrix's --shard jobs run
// with --with-report, write the same report, byte for byte. Whole processes of the built CLI, as users run them.

const tempFolder = tempFoldersRemovedAfterAll();
/** SOURCE_DATE_EPOCH fixes the report's date, as a reproducible CI run would. */
const DATED = { SOURCE_DATE_EPOCH: '1714564800' };

let dir: string;
/** What every run reviews; outputs are written beside these folders, never into them. */
const PATHS = ['bills', 'grants', 'notes.md', 'policies'];

beforeAll(async () => {
	dir = tempFolder({
		'bills/draft-state-bill.md': fs.readFileSync(path.join(ROOT, 'examples/draft-state-bill.md'), 'utf8'),
		'bills/amendment.txt': 'SEC. 2. DEFINITIONS.\n\n(1) "Trafficking" means the procurement of a person to engage in prostitution.\n\nVictims who agree to testify shall be eligible for shelter.\n',
		'grants/nested/raid.md': '# Operation Rescue\n\nThe task force will conduct raids on massage parlours to rescue victims.\n',
		'notes.md': '<!-- accountable-disable-next-line -- a quotation of the old law -->\nVictims who agree to testify shall be eligible for shelter.\n',
	});
	for (const name of fs.readdirSync(path.join(ROOT, 'test/fixtures/documents')).filter((f) => f.endsWith('.md'))) {
		fs.copyFileSync(path.join(ROOT, 'test/fixtures/documents', name), path.join(dir, 'bills', name));
	}
	// A policy whose folder's configuration loads a rule pack recognising its provisions: some areas addressed.
	fs.cpSync(path.join(ROOT, 'test/report/fixtures'), path.join(dir, 'policies'), { recursive: true });
	writeFiles(dir, { 'grants/proposal.docx': await grantProposal() });
});

function cli(args: string[], cwd = dir): CliRun {
	return runCli(args, { cwd, env: DATED });
}

/** A command that must succeed (exit 0, or 1 for findings); its output. */
function ok(args: string[], cwd = dir): CliRun {
	const run = cli(args, cwd);
	expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBeLessThan(2);
	return run;
}

/** Runs the n jobs of a matrix, each writing its JSON (with reports) to a file as a CI job would. */
function shardJobs(n: number, out: string, withReport = true): string[] {
	fs.mkdirSync(path.join(dir, out), { recursive: true });
	return Array.from({ length: n }, (_, k) => {
		const name = `${out}/shard-${k + 1}.json`;
		fs.writeFileSync(path.join(dir, name), ok([...PATHS, '--shard', `${k + 1}/${n}`, '--format', 'json', '--quiet', ...(withReport ? ['--with-report'] : [])]).stdout);
		return name;
	});
}

const read = (name: string): string => fs.readFileSync(path.join(dir, name), 'utf8');

describe('accountable report <folder>: one report of many documents', () => {
	it('writes an overview (a row per document: title, path, each area’s status, counts), then each document’s own report', () => {
		const run = ok(['report', ...PATHS, '--format', 'json']);
		expect(run.code).toBe(0);
		const portfolio = JSON.parse(run.stdout) as Portfolio;
		expect(schemaValidator('portfolio.schema.json')(portfolio)).toBe(true);
		const files = portfolio.documents.map((d) => d.document.file);
		// Every document, in path order (the order --shard deals them out in), Word and rule-pack folders included.
		expect(files).toEqual([...files].sort());
		expect(files).toEqual(expect.arrayContaining(['bills/draft-state-bill.md', 'grants/proposal.docx', 'notes.md', 'policies/rights-respecting-policy.md']));
		expect(portfolio.summary.documents).toBe(files.length);
		// Each document's part is exactly the report `accountable report <file>` writes of it.
		for (const doc of portfolio.documents) {
			const single = JSON.parse(ok(['report', doc.document.file, '--format', 'json']).stdout) as Report;
			expect(doc, doc.document.file).toEqual(single);
		}
		const policy = portfolio.documents.find((d) => d.document.file === 'policies/rights-respecting-policy.md')!;
		expect(policy.areas.find((a) => a.id === 'consent')?.status).toBe('addressed');
		// The totals are the documents' own.
		expect(portfolio.summary.findings).toBe(portfolio.documents.reduce((n, d) => n + d.summary.findings, 0));
		const services = portfolio.summary.areas.find((a) => a.id === 'unconditional-services')!;
		expect(services.contradicted).toBe(portfolio.documents.filter((d) => d.areas[0]!.status === 'contradicted').length);
		expect(services.contradicted + services.addressed + services.notAddressed).toBe(files.length);
		expect(portfolio.summary.contradicting).toBe(portfolio.documents.filter((d) => d.summary.contradicted > 0).length);

		const md = ok(['report', ...PATHS]).stdout;
		expect(md).toMatch(new RegExp(`^# Accountability report: ${files.length} documents\n\n${files.length} documents, reviewed on 2024-05-01 with Accountable `));
		const row = md.split('\n').find((l) => l.includes('| bills/draft-state-bill.md |'));
		const bill = portfolio.documents.find((d) => d.document.file === 'bills/draft-state-bill.md')!;
		const symbol = { contradicted: '✗', addressed: '✓', 'not-addressed': '○' };
		expect(row).toBe(`| Safe Communities Anti-Trafficking Act of 2027 | bills/draft-state-bill.md | ${bill.areas.map((a) => symbol[a.status]).join(' | ')} | ${bill.summary.findings} | ${bill.summary.provisions} |`);
		// A document's sections are those of its own report, a heading level lower.
		for (const file of ['bills/draft-state-bill.md', 'policies/rights-respecting-policy.md']) {
			const own = ok(['report', file]).stdout;
			const sections = own.slice(own.indexOf('## Summary'), own.lastIndexOf('\n---\n')).replace(/^## /gm, '### ');
			expect(md).toContain(sections);
		}
	}, 300_000);

	it('writes one self-contained HTML page whose ids are unique, each document under its heading', () => {
		const run = ok(['report', 'bills', 'grants', 'notes.md', '-o', 'bills-and-grants.html']);
		expect(run.stderr).toMatch(/^Accountability report of \d+ documents written to bills-and-grants\.html\n$/);
		const html = read('bills-and-grants.html');
		expect(html).toMatch(/^<!DOCTYPE html>/);
		expect(html).not.toMatch(/<(?:script|link|iframe|img)\b|@import|url\((?!#)/i);
		const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
		expect(ids.length).toBeGreaterThan(50);
		expect(new Set(ids).size).toBe(ids.length);
		// Every in-page link has its target.
		for (const href of new Set([...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]))) expect(ids, href).toContain(href);
		expect(html).toContain('<h2 id="doc-1-heading">');
		// The quotes of one document's own report are all in the page.
		const own = ok(['report', 'bills/draft-state-bill.md', '--format', 'html']).stdout;
		const quotes = [...own.matchAll(/<q class="quote">[^<]*<\/q>/g)].map((m) => m[0]);
		expect(quotes.length).toBeGreaterThan(5);
		for (const q of quotes) expect(html).toContain(q);
	});

	it('--locale es writes the overview and every document’s part in Spanish', () => {
		const md = ok(['report', ...PATHS, '--locale', 'es']).stdout;
		expect(md).toMatch(/^# Informe de rendición de cuentas: \d+ documentos\n/);
		expect(md).toContain('## Vista general');
		expect(md).toContain('| Documento | Archivo | 1 |');
		expect(md).toContain('Documentos que contradicen al menos un área de recomendación:');
		expect(md).toContain('### Tabla de evaluación');
		expect(md).not.toContain('## Overview');
	});

	it('refuses with exit code 2, naming the file, and writes nothing when a document cannot be reviewed or the output is an input', () => {
		const broken = tempFolder({ 'a.md': 'Victims who agree to testify shall be eligible for shelter.\n', 'b.docx': 'not a Word document' });
		const run = cli(['report', '.', '-o', 'out.md'], broken);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/b\.docx/);
		expect(run.stderr).toMatch(/no report written/);
		expect(fs.existsSync(path.join(broken, 'out.md'))).toBe(false);
		const before = read('notes.md');
		const over = cli(['report', ...PATHS, '-o', 'notes.md', '--force']);
		expect([over.code, over.stderr]).toEqual([2, 'accountable: notes.md is the draft being reported on; the report cannot be written over it\n']);
		expect(read('notes.md')).toBe(before);
		fs.writeFileSync(path.join(dir, 'existing.md'.replace('.md', '.html')), 'mine');
		const exists = cli(['report', 'bills', '-o', 'existing.html']);
		expect([exists.code, exists.stderr]).toEqual([2, 'accountable: existing.html already exists; --force replaces it\n']);
		expect(read('existing.html')).toBe('mine');
		expect(cli(['report', 'bills', '-o', 'existing.html', '--force']).code).toBe(0);
		expect(read('existing.html')).toMatch(/^<!DOCTYPE html>/);
		const none = cli(['report', 'no-such-folder/']);
		expect(none.code).toBe(2);
		expect(none.stderr).toMatch(/no such file: no-such-folder/);
		const glob = cli(['report', 'bills', 'nothing/*.md']);
		expect(glob.code).toBe(2);
		expect(glob.stderr).toMatch(/no files match nothing\/\*\.md[^]*no report written/);
	});
});

describe('accountable merge --report: the same report from the jobs of a CI matrix', () => {
	it('n shards (1, 2, 3, more than files) merged write exactly the report of the unsharded folder, in each format', () => {
		const whole = { md: ok(['report', ...PATHS]).stdout, json: ok(['report', ...PATHS, '--format', 'json']).stdout, html: ok(['report', ...PATHS, '--format', 'html']).stdout };
		const count = (JSON.parse(whole.json) as Portfolio).summary.documents;
		expect(count).toBeGreaterThanOrEqual(8);
		const withReports = ok([...PATHS, '--format', 'json', '--with-report', '--quiet']).stdout;
		for (const n of [1, 2, 3, count + 3]) {
			const outputs = shardJobs(n, `jobs-${n}`);
			for (const format of ['md', 'json', 'html'] as const) {
				const target = `jobs-${n}/report.${format}`;
				const merged = cli(['merge', ...[...outputs].reverse(), '--report', target]);
				expect(merged.code, merged.stderr).toBe(1);
				// The merged result still goes to standard output: the JSON an unsharded --with-report run writes.
				expect(merged.stdout).toBe(withReports);
				expect(merged.stderr).toMatch(new RegExp(`^Accountability report of ${count} documents written to jobs-${n}/report\\.${format}\\n`));
				expect(read(target), `${n} shards, ${format}`).toBe(whole[format]);
			}
		}
		// In Spanish too.
		const outputs = shardJobs(2, 'jobs-es');
		expect(cli(['merge', ...outputs, '--report', 'jobs-es/informe.html', '--locale', 'es', '--quiet']).code).toBe(1);
		expect(read('jobs-es/informe.html')).toBe(ok(['report', ...PATHS, '--format', 'html', '--locale', 'es']).stdout);
	}, 600_000);

	it('adds reports to the JSON only when asked: the default JSON output is unchanged and valid', () => {
		const plain = JSON.parse(ok([...PATHS, '--format', 'json', '--quiet']).stdout) as Array<Record<string, unknown>>;
		expect(plain.every((e) => !('report' in e))).toBe(true);
		const rich = JSON.parse(ok([...PATHS, '--format', 'json', '--quiet', '--with-report']).stdout) as Array<Record<string, unknown>>;
		expect(rich.map((e) => ({ ...e, report: undefined }))).toEqual(plain.map((e) => ({ ...e, report: undefined })));
		expect(rich.every((e) => (e.report as Report).document.file === e.file)).toBe(true);
		expect((rich[0]!.report as Report).generated).toBeUndefined();
		const validate = schemaValidator('output.schema.json');
		expect(validate(rich), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
		const refused = cli([...PATHS, '--with-report']);
		expect([refused.code, refused.stdout]).toEqual([2, '']);
		expect(refused.stderr).toMatch(/--with-report adds each file’s accountability report to the JSON output: give --format json too/);
	});

	it('refuses, naming the file, inputs without reports, SARIF, other versions, and an output that is an input or exists; exit code 2, nothing written', () => {
		const [a, b] = shardJobs(2, 'refused');
		const [, plain] = shardJobs(2, 'refused-plain', false);
		const refused = (args: string[], expected: RegExp): void => {
			const run = cli(['merge', ...args]);
			expect(run.code, run.stderr).toBe(2);
			expect(run.stdout).toBe('');
			expect(run.stderr).toMatch(expected);
		};
		refused([a!, plain!, '--report', 'refused/r.md'], /^accountable: refused-plain\/shard-2\.json:2: \S+ has no accountability report; for --report, run every job with --format json --with-report\n$/);
		expect(fs.existsSync(path.join(dir, 'refused/r.md'))).toBe(false);
		fs.writeFileSync(path.join(dir, 'refused/job.sarif'), ok([...PATHS, '--format', 'sarif', '--quiet']).stdout);
		refused(['refused/job.sarif', '--report', 'refused/r.md'], /refused\/job\.sarif: a SARIF log does not carry the documents' reports/);
		const old = JSON.parse(read(b!)).map((e: { tool: { version: string } }) => ({ ...e, tool: { ...e.tool, version: '0.0.9' } }));
		fs.writeFileSync(path.join(dir, 'refused/old.json'), JSON.stringify(old, null, 2));
		refused([a!, 'refused/old.json', '--report', 'refused/r.md'], /refused\/old\.json:2: written by Accountable 0\.0\.9/);
		const input = read(a!);
		refused([a!, b!, '--report', a!, '--force'], /refused\/shard-1\.json is an input of the merge; the report cannot be written over it/);
		expect(read(a!)).toBe(input);
		fs.writeFileSync(path.join(dir, 'refused/r.md'), 'mine');
		refused([a!, b!, '--report', 'refused/r.md'], /refused\/r\.md already exists; --force replaces it/);
		expect(read('refused/r.md')).toBe('mine');
		expect(cli(['merge', a!, b!, '--report', 'refused/r.md', '--force', '--quiet']).code).toBe(1);
		expect(read('refused/r.md')).toBe(ok(['report', ...PATHS]).stdout);
		refused([a!, b!, '--force'], /--force applies to merge --report <file>/);
		refused([a!, b!, '--locale', 'es'], /--locale applies to merge --report <file>/);
		refused([a!, b!, '--report', 'refused/x.md', '--locale', 'xx'], /no translation for locale "xx"/);
		refused([a!, b!, '--with-report'], /--with-report does not apply to merge/);
		const help = cli(['merge', '--help']);
		expect(help.stdout).toContain('--report writes the accountability report of every document');
	}, 300_000);
});

describe('reports built by review workers', () => {
	it('a large batch reviewed on worker threads gives the same report as one reviewed on the main thread', () => {
		const bill = fs.readFileSync(path.join(ROOT, 'examples/draft-state-bill.md'), 'utf8');
		const files: Record<string, string> = {};
		// Over the pool's thresholds (8 files, 1 MB): the workers build most documents' reports.
		for (let i = 0; i < 10; i++) files[`bill-${i}.md`] = `# Bill ${i}\n\n${bill.repeat(30)}`;
		const big = tempFolder(files);
		const pooled = runCli(['report', '.', '--format', 'json'], { cwd: big, env: { ...DATED, ACCOUNTABLE_JOBS: '2' } });
		const alone = runCli(['report', '.', '--format', 'json'], { cwd: big, env: { ...DATED, ACCOUNTABLE_JOBS: '1' } });
		expect(pooled.code, pooled.stderr).toBe(0);
		expect((JSON.parse(pooled.stdout) as Portfolio).summary.documents).toBe(10);
		expect(pooled.stdout).toBe(alone.stdout);
	}, 300_000);
});
