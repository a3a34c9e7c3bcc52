import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempFolder } from '../helpers/cli';
import { grantProposal, writeFiles } from '../docx/fixtures';

// `accountable merge`: the outputs of a CI matrix's `--shard k/n` jobs, combined, are the output of one job
// that reviewed every file. Whole processes of the built CLI, as a CI job runs them.

const BAD = 'Victims who agree to testify shall be eligible for shelter.\n';
const RAID = 'The task force will conduct raids on massage parlours to rescue victims.\n';
const CLEAN = 'Services shall be provided regardless of whether the person cooperates with law enforcement.\n';

let dir: string;
let files: number;

beforeAll(async () => {
	dir = tempFolder({
		'bills/draft-state-bill.md': fs.readFileSync(path.join(ROOT, 'examples/draft-state-bill.md'), 'utf8'),
		'bills/amendment.txt': `SEC. 2. DEFINITIONS.\n\n(1) "Trafficking" means the procurement of a person to engage in prostitution.\n\n${BAD}`,
		'grants/nested/raid.md': RAID,
		'grants/clean.md': CLEAN,
		'notes.md': `<!-- accountable-disable-next-line -- a quotation of the old law -->\n${BAD}`,
	});
	for (const name of fs.readdirSync(path.join(ROOT, 'test/fixtures/documents')).filter((f) => f.endsWith('.md'))) {
		fs.copyFileSync(path.join(ROOT, 'test/fixtures/documents', name), path.join(dir, 'bills', name));
	}
	writeFiles(dir, { 'grants/proposal.docx': await grantProposal() });
	files = JSON.parse(review(['.', '--format', 'json']).stdout).length;
});

function review(args: string[]): { stdout: string; code: number } {
	const run = runCli([...args, '--quiet'], { cwd: dir });
	expect(run.code, run.stderr).toBeLessThan(2);
	return run;
}

/** Runs the n jobs of a matrix, each writing its output to a file as a CI job would; returns the file names. */
function shardJobs(n: number, format: 'json' | 'sarif', out: string): string[] {
	fs.mkdirSync(path.join(dir, out), { recursive: true });
	return Array.from({ length: n }, (_, k) => {
		const name = `${out}/shard-${k + 1}.${format}`;
		fs.writeFileSync(path.join(dir, name), review(['.', '--shard', `${k + 1}/${n}`, '--format', format]).stdout);
		return name;
	});
}

function merge(args: string[]): { code: number; stdout: string; stderr: string } {
	return runCli(['merge', ...args], { cwd: dir });
}

describe('accountable merge', () => {
	it('n shards merged give exactly the JSON and SARIF of one unsharded run, and its exit code (n = 1, 2, 3, 5, and more shards than files)', () => {
		expect(files).toBe(10);
		const whole = { json: review(['.', '--format', 'json']), sarif: review(['.', '--format', 'sarif']) };
		expect(whole.json.code).toBe(1);
		for (const n of [1, 2, 3, 5, 11]) {
			for (const format of ['json', 'sarif'] as const) {
				const outputs = shardJobs(n, format, `out-${n}-${format}`);
				// The order the outputs are named in does not matter.
				const merged = merge([...outputs].reverse());
				expect(merged.code, `${n} ${format}: ${merged.stderr}`).toBe(1);
				expect(merged.stdout, `${n} shards, ${format}`).toBe(whole[format].stdout);
				expect(merged.stderr).toMatch(new RegExp(`finding.* in ${format === 'json' ? files : '\\d+'} files?\\n$`));
			}
		}
		// The SARIF holds results (suppressed ones too) and the Word document's paragraph; the JSON each file with its version and rules.
		const sarif = JSON.parse(whole.sarif.stdout);
		expect(sarif.runs[0].results.some((r: { suppressions?: unknown[] }) => r.suppressions)).toBe(true);
		expect(JSON.stringify(sarif)).toContain('"kind":"paragraph"');
		for (const entry of JSON.parse(whole.json.stdout)) expect(entry.tool).toMatchObject({ name: 'accountable', version: expect.any(String), rules: expect.stringMatching(/^sha256:[0-9a-f]{16}$/) });
	}, 600_000);

	it('writes the merged JSON as text and GitHub annotations (Word findings by paragraph), honouring --min-severity and --fail-on', () => {
		const outputs = shardJobs(3, 'json', 'out-formats');
		const text = merge([...outputs, '--format', 'text', '--quiet']);
		expect(text.stdout).toBe(review(['.']).stdout);
		expect(text.stdout).toMatch(/^grants\/proposal\.docx: ¶7 \(SEC\. 5 › Services\) error conditional-services\/cooperation-required /m);
		expect(merge([...outputs, '--format', 'github', '--quiet']).stdout).toBe(review(['.', '--format', 'github']).stdout);

		const errorsOnly = merge([...outputs, '--min-severity', 'error', '--format', 'json', '--quiet']);
		const kept = JSON.parse(errorsOnly.stdout).flatMap((r: { findings: Array<{ severity: string }> }) => r.findings);
		expect(kept.length).toBeGreaterThan(0);
		expect(kept.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
		expect(errorsOnly.code).toBe(1);
		// Outputs whose worst finding is a warning: --fail-on error passes them, --fail-on warning does not.
		fs.mkdirSync(path.join(dir, 'out-clean'));
		const noErrors = JSON.parse(merge([...outputs, '--quiet']).stdout).map((r: { file: string; findings: Array<{ severity: string }> }) => ({ ...r, findings: r.findings.filter((f) => f.severity !== 'error') }));
		fs.writeFileSync(path.join(dir, 'out-clean/no-errors.json'), JSON.stringify(noErrors, null, 2));
		expect(merge(['out-clean/no-errors.json', '--fail-on', 'error', '--quiet']).code).toBe(0);
		expect(merge(['out-clean/no-errors.json', '--fail-on', 'warning', '--quiet']).code).toBe(1);
		expect(merge(['out-clean/no-errors.json', '--fail-on', 'severe']).stderr).toContain('--fail-on must be one of: error, warning, information, hint');
	}, 300_000);

	it('refuses, naming the file (and line), what cannot be merged into one true result; exit code 2', () => {
		const [a, b] = shardJobs(2, 'json', 'out-bad');
		const [s] = shardJobs(2, 'sarif', 'out-bad-sarif');
		const write = (name: string, text: string): string => {
			fs.writeFileSync(path.join(dir, 'out-bad', name), text);
			return `out-bad/${name}`;
		};
		const refused = (args: string[], ...expected: RegExp[]): void => {
			const run = merge(args);
			expect(run.code, run.stderr).toBe(2);
			expect(run.stdout).toBe('');
			for (const e of expected) expect(run.stderr).toMatch(e);
		};
		const first = fs.readFileSync(path.join(dir, a!), 'utf8');
		const entries = JSON.parse(first);
		refused([a!, 'out-bad/missing.json'], /^accountable: out-bad\/missing\.json: cannot read: no such file\n$/);
		refused([a!, 'out-bad'], /out-bad: cannot read: it is a folder/);
		refused([a!, write('cut.json', first.slice(0, first.indexOf('"findings"')))], /^accountable: out-bad\/cut\.json:\d+: not valid JSON/);
		const cutAt = first.slice(0, first.indexOf('"findings"')).split('\n').length;
		expect(merge(['out-bad/cut.json']).stderr).toContain(`out-bad/cut.json:${cutAt}: `);
		refused([write('text.json', '\ngrants/raid.md:1:1 error raids/x\n')], /out-bad\/text\.json:2: not valid JSON/);
		refused([write('other.json', '{"findings": []}\n')], /out-bad\/other\.json:1: neither Accountable JSON output/);
		refused([write('entry.json', JSON.stringify([entries[0], { name: 'x' }], null, 2))], /out-bad\/entry\.json:\d+: entry 2 is not a reviewed file/);
		// Mixed formats.
		refused([a!, s!], new RegExp(`${s!.replace(/[.]/g, '\\.')}: a SARIF log, but ${a!.replace(/[.]/g, '\\.')} is Accountable JSON output`));
		// The same file in two shards (the jobs were given different --shard n or paths).
		const overlap = write('overlap.json', JSON.stringify(JSON.parse(fs.readFileSync(path.join(dir, b!), 'utf8')).concat([entries[1]]), null, 2));
		const line = fs.readFileSync(path.join(dir, overlap), 'utf8').split('\n').lastIndexOf('  {') + 1;
		refused([a!, overlap], new RegExp(`^accountable: out-bad/overlap\\.json:${line}: ${entries[1].file.replace(/[.]/g, '\\.')} was reviewed by ${a!.replace(/[.]/g, '\\.')} too`));
		const sarifOverlap = merge([s!, s!]);
		expect(sarifOverlap.code).toBe(2);
		expect(sarifOverlap.stderr).toMatch(/out-bad-sarif\/shard-1\.sarif:\d+: .* was reviewed by out-bad-sarif\/shard-1\.sarif too/);
		// Another version of Accountable, or other rules (another rule pack, edited rules).
		const retool = (name: string, change: (tool: Record<string, string>) => void): string =>
			write(
				name,
				JSON.stringify(
					JSON.parse(fs.readFileSync(path.join(dir, b!), 'utf8')).map((e: { tool: Record<string, string> }) => {
						change(e.tool);
						return e;
					}),
					null,
					2,
				),
			);
		refused([a!, retool('old.json', (t) => (t.version = '0.0.9'))], /out-bad\/old\.json:2: written by Accountable 0\.0\.9, out-bad\/shard-1\.json by \d+\.\d+\.\d+/);
		refused([a!, retool('rules.json', (t) => (t.rules = 'sha256:0000000000000000'))], /out-bad\/rules\.json:2: reviewed with other rules \(sha256:0{16}\) than out-bad\/shard-1\.json/);
		refused([a!, retool('unversioned.json', (t) => delete t.version)], /out-bad\/unversioned\.json:2: .* does not say which Accountable version and rules reviewed it/);
		const sarif = JSON.parse(fs.readFileSync(path.join(dir, s!), 'utf8'));
		sarif.runs[0].tool.driver.version = '0.0.9';
		fs.writeFileSync(path.join(dir, 'out-bad/old.sarif'), JSON.stringify(sarif, null, 2));
		refused([s!, 'out-bad/old.sarif'], /out-bad\/old\.sarif:\d+: written by Accountable 0\.0\.9/);
		sarif.runs[0].tool.driver.version = JSON.parse(fs.readFileSync(path.join(dir, s!), 'utf8')).runs[0].tool.driver.version;
		sarif.runs[0].tool.driver.rules[0].shortDescription.text = 'an edited rule';
		sarif.runs[0].results = [];
		fs.writeFileSync(path.join(dir, 'out-bad/edited.sarif'), JSON.stringify(sarif, null, 2));
		refused([s!, 'out-bad/edited.sarif'], new RegExp(`out-bad/edited\\.sarif:\\d+: rule ${sarif.runs[0].tool.driver.rules[0].id} differs from`));
		// A format the inputs cannot give, and nothing to merge.
		refused([s!, '--format', 'text'], /SARIF outputs merge to SARIF only/);
		refused([a!, '--format', 'sarif'], /JSON outputs do not carry the rules’ descriptions SARIF needs/);
		refused([a!, '--format', 'xml'], /unknown format "xml"/);
		refused([], /merge needs the output files of the jobs/);
		const help = merge(['--help']);
		expect([help.code, help.stdout]).toEqual([0, expect.stringMatching(/^Usage: accountable merge <files…>/)]);
		// Options of the review do not apply to merging; passing one is a mistake, not something to ignore.
		refused([a!, b!, '--shard', '1/2'], /--shard does not apply to merge/);
		refused([a!, b!, '--config', a!], /--config does not apply to merge/);
	}, 300_000);
});
