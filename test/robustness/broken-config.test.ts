import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../server/src/node/config';
import { MAX_ALIAS_EXPANSION } from '../../server/src/engine/rules/yamlSource';
import { tempFolder } from '../helpers/cli';
import { expectWithin, runMeasured } from '../helpers/measured';
import { TestClient, uriOf, waitUntil } from '../server/lspClient';

/**
 * A review that fails must look like a failure, and the rest must keep working: a configuration or rule pack
 * that cannot be read or parsed is an error on that file at its line (exit 2 in the CLI, a diagnostic on the
 * file in the editor) while the draft is still reviewed with the built-in rules. Misspelt rule ids,
 * categories and globs are errors with the nearest name. Before: a stack trace and no review, or nothing.
 */

const FLAGGED = 'Shelter shall be provided to a victim only if the victim is willing to testify against the trafficker.';
const RULE = 'conditional-services/cooperation-required';
const BOUNDS = { seconds: 20, rssMb: 400 };
const TIMEOUT = { timeoutSeconds: 30 };
const AS_USER = process.getuid?.() === 0 ? { uid: 65534 } : {};

/** A configuration that reuses one setting through 120 aliases: ordinary YAML, over the yaml library's default of 100. */
function aliasedConfig(): string {
	const lines = ['rules:', '  framing: &quiet information'];
	for (let i = 0; i < 120; i++) lines.push(`  consent/rule-${i}: *quiet`);
	return `${lines.join('\n')}\n`;
}

/** "Billion laughs": nine levels of ten aliases each, 10^9 values if expanded. */
function aliasBomb(): string {
	const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
	const names = 'bcdefghij';
	for (let i = 0; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(10).fill(`*${i === 0 ? 'a' : names[i - 1]}`).join(', ')}]`);
	lines.push('rules:', '  framing: off');
	return `${lines.join('\n')}\n`;
}

const dirs: string[] = [];
afterAll(() => {
	for (const dir of dirs) {
		execFileSync('chmod', ['-R', 'u+rwx', dir]);
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
function folder(files: Record<string, string>): string {
	const dir = tempFolder(files);
	fs.chmodSync(dir, 0o755);
	dirs.push(dir);
	return dir;
}

describe('configuration and rule packs that cannot be used (CLI)', () => {
	it('a configuration that reuses a setting through 120 aliases is read as written', () => {
		const parsed = parseConfigText('/ws/.accountable.yaml', aliasedConfig());
		expect(parsed.errors).toEqual([]);
		expect(Object.keys(parsed.config!.settings.rules!)).toHaveLength(121);
		expect(parsed.config!.settings.rules!['consent/rule-119']).toBe('information');
	});

	it(`an alias bomb is an error on the line of its first alias (limit ${MAX_ALIAS_EXPANSION} values), in bounded time and memory; the draft is still reviewed, exit 2`, async () => {
		const dir = folder({ '.accountable.yaml': aliasBomb(), 'draft.md': `${FLAGGED}\n` });
		const m = await runMeasured(['draft.md'], dir, TIMEOUT);
		expectWithin(m, BOUNDS, 'YAML alias bomb as .accountable.yaml');
		expect(m.stderr).toMatch(/^\.accountable\.yaml:2: invalid YAML: aliases \(\*name\) here expand to more than 10000 values/m);
		expect(m.stderr).not.toMatch(/\n\s+at /); // no stack trace
		expect(m.stdout).toMatch(new RegExp(`^draft\\.md:1:1 error ${RULE}`, 'm'));
		expect(m.code).toBe(2);
	}, 40_000);

	it('every YAML error is listed with its line, not only the first', () => {
		const { errors } = parseConfigText('/ws/.accountable.yaml', 'rules:\n  framing: off\n  framing: on\nprofile: [bill\nminSeverity: "warning\n');
		expect(errors.length).toBeGreaterThanOrEqual(2);
		expect(new Set(errors.map((e) => e.line)).size).toBeGreaterThanOrEqual(2);
		for (const e of errors) expect(e.message).toMatch(/^invalid YAML: /);
	});

	it('an unreadable rule-pack folder is an error naming it; the built-in rules still review the draft, exit 2', async () => {
		const dir = folder({ '.accountable.yaml': 'packs: [./pack]\n', 'pack/raids/x.md': 'never read', 'draft.md': `${FLAGGED}\n` });
		fs.chmodSync(path.join(dir, 'pack', 'raids'), 0o000);
		const m = await runMeasured(['draft.md'], dir, { ...TIMEOUT, ...AS_USER });
		expectWithin(m, BOUNDS, 'unreadable rule-pack folder');
		expect(m.stderr).toMatch(/^pack\/raids:1: cannot read rule folder: permission denied; its rules are not loaded$/m);
		expect(m.stderr).not.toMatch(/\n\s+at /);
		expect(m.stdout).toMatch(new RegExp(`^draft\\.md:1:1 error ${RULE}`, 'm'));
		expect(m.code).toBe(2);
	}, 40_000);

	it('misspelt rule ids, categories and globs are errors at their lines with the nearest name; the rules still fire, exit 2', async () => {
		const dir = folder({ '.accountable.yaml': 'rules:\n  framng: off\n  raids/vice-raid: off\n  conditonal-services/*: warning\n  consent: warning\n', 'draft.md': `${FLAGGED}\n` });
		const m = await runMeasured(['draft.md'], dir, TIMEOUT);
		expect(m.stderr).toContain('.accountable.yaml:2: rule or category "framng" matches no rule; did you mean "framing"?');
		expect(m.stderr).toContain('.accountable.yaml:3: rule "raids/vice-raid" matches no rule; did you mean "raids/vice-raids"?');
		expect(m.stderr).toContain('.accountable.yaml:4: the glob "conditonal-services/*" matches no rule; did you mean "conditional-services/*"?');
		expect(m.stderr).not.toMatch(/"consent"/);
		expect(m.code).toBe(2);
	}, 40_000);
});

describe('configuration that cannot be used (language server): an error on the file, and the draft still reviewed', () => {
	let client: TestClient | undefined;
	afterEach(async () => {
		await client?.dispose();
		client = undefined;
	});

	for (const trusted of [true, false]) {
		it(`alias bomb and misspelt ids in .accountable.yaml, ${trusted ? 'trusted' : 'untrusted'} workspace`, async () => {
			const dir = folder({ '.accountable.yaml': aliasBomb(), 'draft.md': `${FLAGGED}\n` });
			client = new TestClient({ workspaceFolder: dir, initializationOptions: { trusted } });
			await client.initialize();
			const draft = client.open(path.join(dir, 'draft.md'), `${FLAGGED}\n`);
			const findings = await client.waitForDiagnostics(draft, (d) => d.some((x) => x.code === RULE), 'the draft reviewed with the built-in rules');
			expect(findings.length).toBeGreaterThan(0);
			const config = await client.waitForDiagnostics(uriOf(path.join(dir, '.accountable.yaml')), (d) => d.length > 0, 'the alias error on the configuration');
			expect(config[0]).toMatchObject({ severity: 1, range: { start: { line: 1 } }, message: expect.stringMatching(/aliases \(\*name\) here expand/) });
			await client.dispose();

			const misspelt = folder({ '.accountable.yaml': 'rules:\n  framng: off\n', 'draft.md': `${FLAGGED}\n` });
			client = new TestClient({ workspaceFolder: misspelt, initializationOptions: { trusted } });
			await client.initialize();
			client.open(path.join(misspelt, 'draft.md'), `${FLAGGED}\n`);
			const problems = await client.waitForDiagnostics(uriOf(path.join(misspelt, '.accountable.yaml')), (d) => d.length > 0, 'the misspelt category reported');
			expect(problems[0]).toMatchObject({ severity: 1, range: { start: { line: 1 } }, message: 'rule or category "framng" matches no rule; did you mean "framing"?' });
		}, 60_000);
	}
});

describe('misspelt ids in the editor setting accountable.rules', () => {
	it('are said once, with the nearest name, and the review goes on', async () => {
		const dir = folder({ 'draft.md': `${FLAGGED}\n` });
		const client = new TestClient({ workspaceFolder: dir, settings: { rules: { 'conditonal-services': 'off' } } });
		try {
			await client.initialize();
			const uri = client.open(path.join(dir, 'draft.md'), `${FLAGGED}\n`);
			await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === RULE), 'the rule still firing');
			await waitUntil('the warning', () => client.logs.some((l) => l.type === 2 && l.message === 'Accountable: in the setting accountable.rules, rule or category "conditonal-services" matches no rule; did you mean "conditional-services"?'));
		} finally {
			await client.dispose();
		}
	}, 40_000);
});
