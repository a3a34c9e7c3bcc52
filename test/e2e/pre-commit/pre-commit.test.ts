/**
 * The hook definition (.pre-commit-hooks.yaml) as a user consumes it: a repository whose .pre-commit-config.yaml
 * names this repository (a clone of it, by path, at a commit) and the hook `accountable`, `pre-commit install`,
 * then `git commit`. pre-commit clones the repository itself and runs the hook on the staged files; the first
 * run builds Accountable in that clone with npm ci (the npm registry is the only download). What is tested is
 * the repository's last commit: the hook files in the working tree must be committed (checked first).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempFolder } from '../../helpers/cli';
import { grantProposal } from '../../docx/fixtures';

const HARMFUL = 'Victims who agree to testify shall be eligible for shelter.\n';
const CLEAN = 'Services shall be provided regardless of whether the person cooperates with law enforcement.\n';

let work: string;
let repo: string;
let env: NodeJS.ProcessEnv;

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
	return spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function ok(command: string, args: string[], cwd: string): string {
	const result = run(command, args, cwd);
	expect(result.status, `${command} ${args.join(' ')}\n${result.stdout}${result.stderr}`).toBe(0);
	return result.stdout;
}

beforeAll(() => {
	const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
	if (version.status !== 0) throw new Error('pre-commit is not installed: scripts/e2e/install.sh installs it (apt-get install pre-commit)');
	for (const file of ['.pre-commit-hooks.yaml', 'scripts/pre-commit/accountable.sh', 'scripts/build-checkout.sh']) {
		const committed = spawnSync('git', ['show', `HEAD:${file}`], { cwd: ROOT, encoding: 'utf8' });
		expect(committed.stdout, `${file} differs from the last commit, which is what pre-commit clones: commit it first`).toBe(fs.readFileSync(path.join(ROOT, file), 'utf8'));
	}
	work = tempFolder({});
	// pre-commit's cache (its clones and their builds) in the temporary folder: every run starts as a new user's.
	env = { ...process.env, PRE_COMMIT_HOME: path.join(work, 'pre-commit-home'), GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid', GIT_CONFIG_NOSYSTEM: '1' };
	delete env.GIT_DIR;
	delete env.GIT_WORK_TREE;
	// The "remote": a bare clone of this repository, as a user's hosting would serve it.
	const remote = path.join(work, 'accountable.git');
	ok('git', ['clone', '--quiet', '--bare', '--no-local', ROOT, remote], work);
	const rev = ok('git', ['rev-parse', 'HEAD'], ROOT).trim();
	repo = path.join(work, 'policies');
	fs.mkdirSync(repo);
	ok('git', ['init', '--quiet', '--initial-branch=main'], repo);
	fs.writeFileSync(path.join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${remote}\n    rev: ${rev}\n    hooks:\n      - id: accountable\n`);
	ok('git', ['add', '.pre-commit-config.yaml'], repo);
	ok('git', ['commit', '--quiet', '-m', 'pre-commit configuration'], repo);
	ok('pre-commit', ['install'], repo);
});

afterAll(() => {
	if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the pre-commit hook (.pre-commit-hooks.yaml) through pre-commit', () => {
	it('refuses a commit of a harmful draft with the finding printed, reviews .txt and .docx too, and skips other files', async () => {
		fs.mkdirSync(path.join(repo, 'bills'));
		fs.writeFileSync(path.join(repo, 'bills', 'services.md'), HARMFUL);
		fs.writeFileSync(path.join(repo, 'bills', 'AMENDMENT.TXT'), CLEAN);
		fs.writeFileSync(path.join(repo, 'proposal.docx'), await grantProposal());
		fs.writeFileSync(path.join(repo, 'app.js'), `// ${HARMFUL}`);
		ok('git', ['add', '.'], repo);
		const started = Date.now();
		const commit = run('git', ['commit', '-m', 'draft'], repo);
		const output = `${commit.stdout}${commit.stderr}`;
		console.log(`first commit (pre-commit clones the repository and builds Accountable in it): ${((Date.now() - started) / 1000).toFixed(0)} s`);
		expect(commit.status, output).not.toBe(0);
		expect(output).toMatch(/Accountable \(anti-trafficking policy review\)\.+Failed/);
		expect(output).toMatch(/^bills\/services\.md:1:\d+ error conditional-services\/cooperation-required /m);
		expect(output).toMatch(/^proposal\.docx: ¶7 \(SEC\. 5 › Services\) error conditional-services\/cooperation-required /m);
		// Every staged draft was given to the review (the summary counts them), and nothing else.
		expect(output).toMatch(/findings? .* in 3 files/);
		expect(output).not.toContain('app.js');
		expect(run('git', ['rev-parse', '--verify', '--quiet', 'HEAD~1'], repo).status, 'the commit was refused').not.toBe(0);
	});

	it('lets the commit through once the drafts are clean (the build is reused)', () => {
		fs.writeFileSync(path.join(repo, 'bills', 'services.md'), CLEAN);
		fs.rmSync(path.join(repo, 'proposal.docx'));
		ok('git', ['add', '-A'], repo);
		const started = Date.now();
		const commit = run('git', ['commit', '-m', 'clean drafts'], repo);
		const output = `${commit.stdout}${commit.stderr}`;
		expect(commit.status, output).toBe(0);
		expect(output).toMatch(/Accountable \(anti-trafficking policy review\)\.+Passed/);
		expect(output).not.toContain('npm ci');
		console.log(`second commit: ${((Date.now() - started) / 1000).toFixed(1)} s`);
		expect(ok('git', ['log', '--format=%s'], repo).split('\n')[0]).toBe('clean drafts');
	});

	it('refuses a commit with a draft the CLI cannot review (exit 2), with the reason', () => {
		fs.writeFileSync(path.join(repo, 'broken.md'), 'text\u0000with a NUL, as a binary file has\n');
		ok('git', ['add', 'broken.md'], repo);
		const commit = run('git', ['commit', '-m', 'broken'], repo);
		const output = `${commit.stdout}${commit.stderr}`;
		expect(commit.status, output).not.toBe(0);
		expect(output).toMatch(/- exit code: 2/);
		expect(output).toContain('broken.md');
	});
});
