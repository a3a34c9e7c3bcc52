import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { ROOT, tempFolder } from '../helpers/cli';
import { ruleFile } from '../helpers/rules';
import { TestClient } from '../server/lspClient';
import { grantProposal } from '../docx/fixtures';

/**
 * Drafts may describe survivors: nothing may leave the machine. The CLI and the language server run with a
 * preload that makes every network API throw and records each attempt; every feature is exercised and the
 * record must hold nothing but the preload's own "loaded" lines (one per process, proving it was active).
 */

const PRELOAD = path.join(ROOT, 'test/helpers/no-network.cjs');
const SERVER_WITH_PRELOAD = path.join(ROOT, 'test/helpers/no-network-server.cjs');
const BIN = path.join(ROOT, 'bin/accountable.js');
const FLAGGED = 'Shelter shall be provided to a victim only if the victim is willing to testify against the trafficker.\n';

interface Attempt {
	what: string;
	target?: string;
	pid: number;
}

function readLog(file: string): Attempt[] {
	if (!fs.existsSync(file)) return [];
	return fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Attempt);
}

function runGuarded(args: string[], options: { cwd: string; input?: string; log: string }): { code: number; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, ['--require', PRELOAD, ...args], {
		cwd: options.cwd,
		input: options.input,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1', ACCOUNTABLE_NETWORK_LOG: options.log },
		timeout: 60_000,
	});
	return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('the no-network preload', () => {
	it('records and refuses every way out: net, tls, dns, http, https, dgram and fetch', () => {
		const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-net-')), 'log.jsonl');
		const script = `
			const attempts = [
				() => require('net').connect(80, 'example.org'),
				() => require('net').createConnection({ host: '127.0.0.1', port: 9 }),
				() => new (require('net').Socket)().connect(443, '10.0.0.1'),
				() => require('net').createServer().listen(0),
				() => require('tls').connect(443, 'example.org'),
				() => require('dns').lookup('example.org', () => {}),
				() => require('dns').resolve4('example.org', () => {}),
				() => require('dns').promises.resolveTxt('example.org'),
				() => require('http').get('http://example.org/'),
				() => require('https').request({ host: 'example.org', path: '/' }),
				() => require('dgram').createSocket('udp4'),
				() => fetch('https://example.org/telemetry'),
			];
			let thrown = 0;
			for (const attempt of attempts) { try { attempt(); } catch { thrown++; } }
			process.stdout.write(String(thrown));
		`;
		const run = runGuarded(['-e', script], { cwd: ROOT, log });
		expect(run.stdout).toBe('12');
		const attempts = readLog(log).filter((a) => a.what !== 'preload');
		expect(attempts.map((a) => a.what)).toEqual([
			'net.connect', 'net.createConnection', 'net.Socket#connect', 'net.Server#listen', 'tls.connect', 'dns.lookup', 'dns.resolve4',
			'dns.promises.resolveTxt', 'http.get', 'https.request', 'dgram.createSocket', 'fetch',
		]);
	});
});

describe('the CLI through every feature, with networking made to throw', () => {
	let dir: string;
	let log: string;

	beforeAll(async () => {
		const packRule = ruleFile('raids/local-sweeps', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["street sweep"]');
		dir = tempFolder({
			'drafts/bill.md': `# Services\n\n${FLAGGED}\nThe county will run a street sweep.\n`,
			'drafts/notes.txt': `SEC. 1. SERVICES.\n\n${FLAGGED}`,
			'drafts/.accountable.yaml': 'packs:\n  - ../pack\nrules:\n  framing: warning\n',
			[`pack/raids/local-sweeps.md`]: packRule.text,
			'other.accountable.yaml': 'minSeverity: warning\n',
		});
		fs.writeFileSync(path.join(dir, 'drafts/proposal.docx'), await grantProposal());
		log = path.join(dir, 'network.jsonl');
	});

	it('review (all formats, options, stdin, config, packs, Word), rules, explain, report, help and version', () => {
		const help = runGuarded([BIN, '--help'], { cwd: dir, log });
		expect(help.code).toBe(0);
		const runs: Array<{ args: string[]; input?: string; codes: number[] }> = [
			{ args: ['--version'], codes: [0] },
			...['text', 'json', 'sarif', 'github'].map((format) => ({ args: ['--format', format, 'drafts'], codes: [1] })),
			{ args: ['--min-severity', 'error', '--fail-on', 'error', '--profile', 'bill', 'drafts/bill.md'], codes: [1] },
			{ args: ['--config', 'other.accountable.yaml', 'drafts/notes.txt'], codes: [1] },
			{ args: ['--no-config', '--quiet', 'drafts/*.md'], codes: [1] },
			{ args: ['--stdin', '--stdin-filename', 'drafts/from-stdin.md'], input: FLAGGED, codes: [1] },
			{ args: ['drafts/proposal.docx'], codes: [1] },
			{ args: ['rules'], codes: [0] },
			{ args: ['rules', '--format', 'json'], codes: [0] },
			{ args: ['rules', '--format', 'markdown'], codes: [0] },
			{ args: ['explain', 'conditional-services/cooperation-required'], codes: [0] },
			{ args: ['explain', 'no-such/rule'], codes: [2] },
			{ args: ['missing-file.md'], codes: [2] },
		];
		if (help.stdout.includes('accountable report')) {
			for (const format of ['md', 'html', 'json']) runs.push({ args: ['report', 'drafts/bill.md', '--format', format, '--output', `report.${format}`], codes: [0, 1] });
		}
		for (const run of runs) {
			const result = runGuarded([BIN, ...run.args], { cwd: dir, log, ...(run.input !== undefined ? { input: run.input } : {}) });
			expect(run.codes, `accountable ${run.args.join(' ')}: ${result.stderr}`).toContain(result.code);
			expect(result.stderr).not.toContain('no-network');
		}
		const entries = readLog(log);
		expect(entries.filter((e) => e.what === 'preload')).toHaveLength(runs.length + 1);
		expect(entries.filter((e) => e.what !== 'preload')).toEqual([]);
	}, 180_000);
});

describe('the language server through every feature, with networking made to throw', () => {
	let client: TestClient;
	let dir: string;
	let log: string;
	const previousLog = process.env.ACCOUNTABLE_NETWORK_LOG;

	beforeAll(async () => {
		dir = tempFolder({ 'bill.md': `# Services\n\n${FLAGGED}`, '.accountable.yaml': 'rules:\n  framing: warning\n' });
		log = path.join(dir, 'network.jsonl');
		// The server inherits this process's environment: that is how the preload learns where to write.
		process.env.ACCOUNTABLE_NETWORK_LOG = log;
		client = new TestClient({ server: SERVER_WITH_PRELOAD, workspaceFolder: dir });
		await client.initialize();
	});

	afterAll(async () => {
		await client?.dispose();
		if (previousLog === undefined) delete process.env.ACCOUNTABLE_NETWORK_LOG;
		else process.env.ACCOUNTABLE_NETWORK_LOG = previousLog;
	});

	it('initialize, open, change, hover, code actions, commands and custom requests', async () => {
		const file = path.join(dir, 'bill.md');
		const uri = client.open(file, fs.readFileSync(file, 'utf8'));
		const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'conditional-services/cooperation-required'));
		const d = diagnostics.find((x) => x.code === 'conditional-services/cooperation-required') as Diagnostic;
		const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: d.range.start });
		expect(hover).not.toBeNull();
		const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
		expect(actions.length).toBeGreaterThan(0);
		for (const action of actions.filter((a) => a.command?.command === 'accountable.applySuggestion')) {
			await client.connection.sendRequest('workspace/executeCommand', action.command);
		}
		const before = client.publishCount(uri);
		client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'The raid will proceed. ' }]);
		await client.waitForDiagnostics(uri, () => true, 'diagnostics after a change', before);
		await client.connection.sendRequest('workspace/executeCommand', { command: 'accountable.showRuleDocumentation', arguments: ['conditional-services/cooperation-required'] });
		await client.connection.sendRequest('workspace/executeCommand', { command: 'accountable.reviewWorkspace', arguments: [] });
		await client.connection.sendRequest('workspace/executeCommand', { command: 'accountable.disableRuleForLine', arguments: [{ uri, ruleId: 'conditional-services/cooperation-required', line: 2 }] });
		await client.connection.sendRequest('accountable/rules', {});
		client.close(uri);

		const entries = readLog(log);
		expect(entries.filter((e) => e.what === 'preload')).toHaveLength(1);
		expect(entries.filter((e) => e.what !== 'preload')).toEqual([]);
		expect(client.stderr).not.toContain('no-network');
	}, 60_000);
});

describe('the sources', () => {
	it('contain no telemetry and no HTTP client', () => {
		const files = ['server/src', 'client/src', 'bin']
			.map((d) => path.join(ROOT, d))
			.filter((d) => fs.existsSync(d))
			.flatMap((d) => fs.readdirSync(d, { recursive: true, encoding: 'utf8' }).map((f) => path.join(d, f)))
			.filter((f) => /\.(?:[cm]?[jt]s)$/.test(f));
		expect(files.length).toBeGreaterThan(20);
		const forbidden = [
			/from\s+['"](?:node:)?(?:http|https|http2|net|tls|dns|dgram)['"]/,
			/require\(\s*['"](?:node:)?(?:http|https|http2|net|tls|dns|dgram)['"]\s*\)/,
			/from\s+['"](?:axios|node-fetch|got|undici|superagent|request|ky|cross-fetch|isomorphic-fetch)['"]/,
			/\bfetch\s*\(/,
			/\bXMLHttpRequest\b|\bWebSocket\b|\bnavigator\.sendBeacon\b/,
			/telemetry|applicationinsights|@vscode\/extension-telemetry|createTelemetryReporter|sentry|posthog|mixpanel|segment\.io|google-analytics/i,
		];
		const offenders = files.flatMap((f) => {
			const text = fs.readFileSync(f, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
			return forbidden.filter((p) => p.test(text)).map((p) => `${path.relative(ROOT, f)}: ${p}`);
		});
		expect(offenders).toEqual([]);
	});

	it('ship no dependency that phones home', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
		const names = Object.keys(pkg.dependencies);
		expect(names.filter((n) => /telemetry|analytics|sentry|posthog|mixpanel|axios|node-fetch|undici|got$/i.test(n))).toEqual([]);
	});
});
