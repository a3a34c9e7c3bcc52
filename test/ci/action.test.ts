/**
 * The GitHub Action (action.yml), run the way the runner runs a composite action: its `run:` steps in order
 * with `bash --noprofile --norc -eo pipefail`, in the workspace, with the GITHUB_* files the runner reads back
 * (GITHUB_OUTPUT per step, GITHUB_STEP_SUMMARY, GITHUB_PATH), `${{ inputs.* }}` and `${{ steps.*.outputs.* }}`
 * filled in, `if:` conditions decided, and the job failing at the first step that exits non-zero. `uses:` steps
 * (setup-node, upload-sarif) are GitHub's own and need the network: they are recorded with their inputs, not run.
 * Every Node process started runs with test/helpers/no-network.cjs, which fails any attempt to connect.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ROOT, runCli, tempFoldersRemovedAfterAll } from '../helpers/cli';

interface Step {
	name?: string;
	id?: string;
	if?: string;
	uses?: string;
	with?: Record<string, string>;
	run?: string;
	shell?: string;
	env?: Record<string, string>;
}

interface Action {
	inputs: Record<string, { default?: string }>;
	outputs: Record<string, { value: string }>;
	runs: { using: string; steps: Step[] };
}

interface ActionRun {
	/** The job's result: the exit code of the step that failed it, else 0. */
	code: number;
	/** Each step's name, and what happened to it. */
	steps: Array<{ name: string; ran: 'run' | 'uses' | 'skipped'; code?: number; log?: string }>;
	uses: Array<{ uses: string; with: Record<string, string> }>;
	outputs: Record<string, string>;
	summary: string;
	path: string[];
}

const action = YAML.parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const tempFolder = tempFoldersRemovedAfterAll();
const NETWORK_LOG = path.join(os.tmpdir(), `accountable-action-network-${process.pid}.log`);

/** `name=value` lines and `name<<DELIMITER` blocks, as the runner reads GITHUB_OUTPUT. */
function readOutputFile(file: string): Record<string, string> {
	const out: Record<string, string> = {};
	const lines = fs.readFileSync(file, 'utf8').split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const block = /^([^=<]+)<<(.+)$/.exec(line);
		if (block) {
			const end = lines.indexOf(block[2]!, i + 1);
			out[block[1]!] = lines.slice(i + 1, end).join('\n');
			i = end;
		} else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
	}
	return out;
}

function runAction(workspace: string, given: Record<string, string>): ActionRun {
	expect(action.runs.using).toBe('composite');
	const unknown = Object.keys(given).filter((k) => !(k in action.inputs));
	expect(unknown, 'inputs the action does not declare').toEqual([]);
	const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])), ...given };
	const outputsOf: Record<string, Record<string, string>> = {};
	const runnerFiles = tempFolder({ 'summary.md': '', 'path': '', 'env': '' });
	const summaryFile = path.join(runnerFiles, 'summary.md');
	const pathFile = path.join(runnerFiles, 'path');
	const value = (expr: string): string => {
		const e = expr.trim();
		const input = /^inputs\.([\w-]+)$/.exec(e);
		if (input) return inputs[input[1]!] ?? '';
		const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
		if (output) return outputsOf[output[1]!]?.[output[2]!] ?? '';
		const literal = /^'(.*)'$/.exec(e);
		if (literal) return literal[1]!;
		throw new Error(`the test's runner does not know the expression ${e}`);
	};
	const fill = (text: string): string => text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => value(e));
	let failed = 0;
	const condition = (expr: string | undefined): boolean => {
		const e = (expr ?? 'success()').replace(/^\$\{\{(.*)\}\}$/, '$1');
		// Without a status function, success() is implied: a step after a failed one is skipped.
		const status = /\b(always|success|failure)\(\)/.test(e) ? true : failed === 0;
		return (
			status &&
			e.split('&&').every((term) => {
				const t = term.trim();
				if (t === 'always()') return true;
				if (t === 'success()') return failed === 0;
				if (t === 'failure()') return failed !== 0;
				const cmp = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(t);
				if (cmp) return (value(cmp[1]!) === value(cmp[3]!)) === (cmp[2] === '==');
				return value(t) !== '';
			})
		);
	};
	const run: ActionRun = { code: 0, steps: [], uses: [], outputs: {}, summary: '', path: [] };
	for (const step of action.runs.steps) {
		const name = step.name ?? step.id ?? step.uses ?? '';
		if (!condition(step.if)) {
			run.steps.push({ name, ran: 'skipped' });
			continue;
		}
		if (step.uses) {
			run.uses.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, fill(String(v))])) });
			run.steps.push({ name, ran: 'uses' });
			continue;
		}
		expect(step.shell, `${name}: a composite action's run step names its shell`).toBe('bash');
		const outputFile = path.join(runnerFiles, `output-${run.steps.length}`);
		fs.writeFileSync(outputFile, '');
		const script = path.join(runnerFiles, `step-${run.steps.length}.sh`);
		fs.writeFileSync(script, fill(step.run!));
		const added = fs.readFileSync(pathFile, 'utf8').split('\n').filter(Boolean).reverse();
		const env: NodeJS.ProcessEnv = {
			...process.env,
			...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(String(v))])),
			PATH: [...added, process.env.PATH].join(path.delimiter),
			CI: 'true',
			GITHUB_ACTIONS: 'true',
			GITHUB_ACTION_PATH: ROOT,
			GITHUB_WORKSPACE: workspace,
			GITHUB_OUTPUT: outputFile,
			GITHUB_STEP_SUMMARY: summaryFile,
			GITHUB_PATH: pathFile,
			GITHUB_ENV: path.join(runnerFiles, 'env'),
			RUNNER_TEMP: runnerFiles,
			NODE_OPTIONS: `--require ${path.join(ROOT, 'test/helpers/no-network.cjs')}`,
			ACCOUNTABLE_NETWORK_LOG: NETWORK_LOG,
		};
		const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8' });
		const code = result.status ?? -1;
		run.steps.push({ name, ran: 'run', code, log: `${result.stdout}${result.stderr}` });
		if (step.id) outputsOf[step.id] = readOutputFile(outputFile);
		if (code !== 0 && failed === 0) failed = code;
	}
	run.code = failed;
	run.outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, fill(v.value)]));
	run.summary = fs.readFileSync(summaryFile, 'utf8');
	run.path = fs.readFileSync(pathFile, 'utf8').split('\n').filter(Boolean);
	return run;
}

const BAD = 'Victims who agree to testify shall be eligible for shelter.\n';
const RAID = 'The task force will conduct raids on massage parlours to rescue victims | all of them.\n';
const CLEAN = 'Services shall be provided regardless of whether the person cooperates with law enforcement.\n';

function checkout(): string {
	return tempFolder({ 'policies/services.md': BAD, 'policies/raids.md': RAID, 'policies/clean.md': CLEAN, 'README.md': CLEAN, 'src/app.js': 'console.log(1)\n' });
}

describe('the GitHub Action (action.yml), its steps run as the runner runs them', () => {
	it('installs, reviews the paths given, writes SARIF, sets its outputs, uploads to code scanning and fails on the chosen severity', () => {
		fs.rmSync(NETWORK_LOG, { force: true });
		const workspace = checkout();
		const run = runAction(workspace, { paths: 'policies\n' });
		// setup-node, then the scripts, then the upload, then the verdict.
		expect(run.steps.map((s) => s.ran)).toEqual(['uses', 'run', 'run', 'uses', 'run']);
		expect(run.uses[0]).toEqual({ uses: 'actions/setup-node@v4', with: { 'node-version': '20' } });
		expect(run.path).toEqual([path.join(ROOT, 'bin')]);
		const version = runCli(['--version']).stdout.trim();
		expect(run.outputs.version).toBe(version);

		// The SARIF is what the CLI writes for those paths, in the workspace, and it is what is uploaded.
		const sarifText = fs.readFileSync(path.join(workspace, 'accountable.sarif'), 'utf8');
		expect(sarifText).toBe(runCli(['policies', '--format', 'sarif'], { cwd: workspace }).stdout);
		const sarif = JSON.parse(sarifText);
		const uris = new Set(sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation.uri));
		expect([...uris].sort()).toEqual(['policies/raids.md', 'policies/services.md']);
		expect(run.uses[1]).toEqual({ uses: 'github/codeql-action/upload-sarif@v3', with: { sarif_file: 'accountable.sarif', category: 'accountable' } });

		const errors = sarif.runs[0].results.filter((r: { level: string }) => r.level === 'error').length;
		expect(errors).toBeGreaterThan(0);
		expect(run.outputs).toMatchObject({ 'sarif-file': 'accountable.sarif', findings: String(sarif.runs[0].results.length), errors: String(errors), 'exit-code': '1' });
		// The verdict step fails the job, after the upload.
		expect(run.code).toBe(1);
		expect(run.steps.at(-1)!.log).toContain('::error title=Accountable::Findings at or above warning');

		// The job summary says what was found, where, by which rule; a | in the draft does not break the table.
		expect(run.summary).toMatch(/^## Accountable\n\n\*\*\d+ findings? \(.*\) in 3 files\*\* — findings at or above warning: the job fails\.\n/);
		expect(run.summary).toMatch(/^\| error \| policies\/services\.md:1 \| \[?`?conditional-services\/cooperation-required/m);
		expect(run.summary).toContain('policies/raids.md:1');
		for (const row of run.summary.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Severity'))) expect(row.split(/(?<!\\)\|/).length, row).toBe(6);
		// The preload was active in each Node process (install's --version, the review script and the CLI it runs), and nothing tried to connect.
		const attempts = fs.readFileSync(NETWORK_LOG, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { what: string });
		expect(attempts.filter((a) => a.what === 'preload').length).toBeGreaterThanOrEqual(3);
		expect(attempts.filter((a) => a.what !== 'preload')).toEqual([]);
	}, 240_000);

	it('passes or fails by fail-on: error and never pass warnings-only drafts that warning fails; a clean tree passes', () => {
		const workspace = tempFolder({ 'docs/services.md': BAD });
		const severities = JSON.parse(runCli(['docs', '--format', 'json'], { cwd: workspace }).stdout)[0].findings.map((f: { severity: string }) => f.severity);
		expect(severities).toContain('error');
		const clean = tempFolder({ 'docs/clean.md': CLEAN });
		expect(JSON.parse(runCli(['docs', '--format', 'json'], { cwd: clean }).stdout)[0].findings).toEqual([]);

		const failing = runAction(workspace, { paths: 'docs', 'fail-on': 'error', 'upload-sarif': 'false' });
		expect(failing.code).toBe(1);
		expect(failing.uses.map((u) => u.uses)).toEqual(['actions/setup-node@v4']);
		const never = runAction(workspace, { paths: 'docs', 'fail-on': 'never' });
		expect([never.code, never.outputs['exit-code']]).toEqual([0, '1']);
		expect(never.summary).toContain('findings (fail-on: never)');
		const passing = runAction(clean, { paths: 'docs', 'fail-on': 'hint' });
		expect([passing.code, passing.outputs['exit-code'], passing.outputs.findings]).toEqual([0, '0', '0']);
		expect(passing.summary).toContain('No findings.');
		// Only information findings: fail-on warning passes, fail-on information fails.
		const informational = tempFolder({ 'a.md': fs.readFileSync(path.join(ROOT, 'examples/draft-state-bill.md'), 'utf8') });
		const worst = JSON.parse(runCli(['a.md', '--format', 'json', '--min-severity', 'information'], { cwd: informational }).stdout)[0].findings;
		expect(worst.some((f: { severity: string }) => f.severity === 'information')).toBe(true);
		const onlyInfo = runAction(informational, { paths: 'a.md', 'min-severity': 'information', 'fail-on': 'information', 'upload-sarif': 'false' });
		expect(onlyInfo.code).toBe(1);
	}, 240_000);

	it('fails the job with exit 2 and says why when the review cannot run: a path that does not exist, a bad option', () => {
		const workspace = checkout();
		const missing = runAction(workspace, { paths: 'policies\nno-such-folder' });
		expect(missing.code).toBe(2);
		expect(missing.outputs['exit-code']).toBe('2');
		expect(missing.summary).toContain('**The review could not be completed** (exit code 2)');
		expect(missing.summary).toContain('accountable: no such file or folder: no-such-folder');
		const bad = runAction(workspace, { 'fail-on': 'sometimes' });
		expect([bad.code, bad.outputs['sarif-file']]).toEqual([2, '']);
		// Without a SARIF log there is nothing to upload.
		expect(bad.steps.find((s) => s.name === 'Upload SARIF to code scanning')!.ran).toBe('skipped');
		expect(bad.summary).toContain('--fail-on must be one of');
	}, 240_000);

	it('shards: each job of a matrix reviews its share and uploads under its own category; a merge job combines the SARIF logs', () => {
		const workspace = checkout();
		fs.mkdirSync(path.join(workspace, 'shards'));
		const results: number[] = [];
		for (const k of [1, 2]) {
			const run = runAction(workspace, { paths: 'policies', shard: `${k}/2`, 'sarif-file': `shards/accountable-${k}.sarif`, 'fail-on': 'never' });
			expect(run.code).toBe(0);
			expect(run.uses[1]!.with).toEqual({ sarif_file: `shards/accountable-${k}.sarif`, category: `accountable-shard-${k}-of-2` });
			expect(run.summary).toMatch(new RegExp(`^## Accountable \\(shard ${k}/2\\)`));
			results.push(Number(run.outputs.findings));
		}
		const merged = runAction(workspace, { merge: 'shards', 'sarif-file': 'merged.sarif' });
		expect(merged.code).toBe(1);
		expect(merged.uses[1]!.with).toEqual({ sarif_file: 'merged.sarif', category: 'accountable' });
		expect(fs.readFileSync(path.join(workspace, 'merged.sarif'), 'utf8')).toBe(runCli(['policies', '--format', 'sarif'], { cwd: workspace }).stdout);
		expect(Number(merged.outputs.findings)).toBe(results[0]! + results[1]!);
		expect(merged.summary).toMatch(/^## Accountable \(merged shards\)/);
		// A shard given to the merge job is refused by the CLI, loudly.
		const confused = runAction(workspace, { merge: 'shards', shard: '1/2', 'sarif-file': 'merged.sarif' });
		expect(confused.code).toBe(2);
		expect(confused.summary).toContain('--shard does not apply to merge');
	}, 300_000);
});
