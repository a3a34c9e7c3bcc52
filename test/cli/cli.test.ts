import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempFolder } from '../helpers/cli';

const BAD = 'Victims who agree to testify shall be eligible for shelter.\n';
const CLEAN = 'Services shall be provided regardless of whether the person cooperates with law enforcement.\n';

describe('accountable (review)', () => {
	it('prints file:line:col severity rule-id message for the bundled example (golden)', async () => {
		const run = runCli(['examples/']);
		expect(run.code).toBe(1);
		const [header, ...lines] = run.stdout.trim().split('\n');
		// The file's findings start with the profile the review used and why (a `#` line no problem matcher reads).
		expect(header).toBe('# examples/draft-state-bill.md: profile bill (bill: “SHORT TITLE” on line 6)');
		for (const line of lines) expect(line).toMatch(/^examples\/draft-state-bill\.md:\d+:\d+ (error|warning|information|hint) [a-z-]+\/[a-z0-9-]+ .+/);
		await expect(run.stdout).toMatchFileSnapshot('golden/draft-state-bill.txt');
		expect(run.stderr).toMatch(/\d+ findings? .* in 1 file/);
	});

	it('exits 0 when nothing reaches --fail-on, 1 when something does', () => {
		const dir = tempFolder({ 'clean.md': CLEAN, 'bad.md': BAD, 'hint.md': 'Sex slaves are a myth.\n' });
		expect(runCli(['clean.md'], { cwd: dir }).code).toBe(0);
		expect(runCli(['bad.md'], { cwd: dir }).code).toBe(1);
		expect(runCli(['hint.md'], { cwd: dir }).code).toBe(0);
		expect(runCli(['hint.md', '--fail-on', 'hint'], { cwd: dir }).code).toBe(1);
		expect(runCli(['bad.md', '--min-severity', 'error'], { cwd: dir }).stdout).toMatch(/cooperation-required/);
	});

	it('exits 2 with a message for usage and I/O errors', () => {
		const missing = runCli(['no-such-file.md']);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/no such file or folder: no-such-file\.md/);
		const option = runCli(['--format', 'xml', 'examples/']);
		expect(option.code).toBe(2);
		expect(option.stderr).toMatch(/unknown format "xml"/);
		expect(runCli(['--min-severity', 'loud', 'examples/']).code).toBe(2);
		expect(runCli([]).code).toBe(2);
		expect(runCli(['--bogus']).code).toBe(2);
	});

	it('reviews folders recursively (.md, .markdown, .txt), honouring the configuration\'s ignore globs', () => {
		const dir = tempFolder({
			'.accountable.yaml': 'ignore:\n  - drafts/old/**\n',
			'a.md': BAD,
			'sub/b.txt': BAD,
			'sub/c.markdown': BAD,
			'sub/skip.html': BAD,
			'drafts/old/d.md': BAD,
			'node_modules/x/e.md': BAD,
		});
		const files = runCli(['.', '--format', 'json'], { cwd: dir });
		expect(JSON.parse(files.stdout).map((r: { file: string }) => r.file).sort()).toEqual(['a.md', 'sub/b.txt', 'sub/c.markdown']);
	});

	it('reviews standard input under the given file name', () => {
		const run = runCli(['--stdin', '--stdin-filename', 'proposal.md'], { input: BAD });
		expect(run.code).toBe(1);
		expect(run.stdout).toMatch(/^# proposal\.md: profile general \(general: .*\)\nproposal\.md:1:\d+ error conditional-services\/cooperation-required /);
	});

	it('prints GitHub workflow annotations', () => {
		const dir = tempFolder({ 'bill.md': BAD });
		const run = runCli(['--format', 'github', 'bill.md'], { cwd: dir });
		expect(run.stdout).toMatch(/^::error file=bill\.md,line=1,col=\d+,endLine=1,endColumn=\d+,title=Accountable conditional-services\/cooperation-required::Services made conditional/);
	});
});

describe('the JSON contract', () => {
	it('is an array of { file, findings } with 0-based UTF-16 ranges like LSP', () => {
		const dir = tempFolder({ 'bill.md': `# Bill 🚀\n\n${BAD}` });
		const run = runCli(['--format', 'json', 'bill.md'], { cwd: dir });
		const out = JSON.parse(run.stdout);
		expect(out).toHaveLength(1);
		expect(out[0].file).toBe('bill.md');
		const f = out[0].findings.find((x: { ruleId: string }) => x.ruleId === 'conditional-services/cooperation-required');
		expect(f).toMatchObject({ category: 'conditional-services', severity: 'error', scope: 'span', range: { start: { line: 2 }, end: { line: 2 } } });
		expect(typeof f.message).toBe('string');
		expect(f.range.start.character).toBe(BAD.indexOf('who'));
		for (const finding of out[0].findings) {
			for (const key of ['ruleId', 'category', 'severity', 'scope', 'message', 'range']) expect(finding).toHaveProperty(key);
		}
	});

	it('anchors document-scope findings on the first line', () => {
		const dir = tempFolder({ 'plan.md': '# Plan\n\nWe target prostitution and commercial sex to end sex trafficking.\n' });
		const out = JSON.parse(runCli(['--format', 'json', 'plan.md'], { cwd: dir }).stdout);
		const doc = out[0].findings.find((f: { scope: string }) => f.scope === 'document');
		expect(doc.range.start).toEqual({ line: 0, character: 0 });
	});

	it('lists suppressed findings with their reasons', () => {
		const dir = tempFolder({ 'bill.md': `<!-- accountable-disable-next-line conditional-services -- quoted from current law -->\n${BAD}` });
		const out = JSON.parse(runCli(['--format', 'json', 'bill.md'], { cwd: dir }).stdout);
		expect(out[0].findings).toEqual([]);
		expect(out[0].suppressed[0].suppression.reason).toBe('quoted from current law');
	});
});

describe('SARIF output', () => {
	it('validates against the SARIF 2.1.0 schema and carries rule metadata', () => {
		const run = runCli(['--format', 'sarif', 'examples/']);
		const log = JSON.parse(run.stdout);
		const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
		const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
		expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
		const run0 = log.runs[0];
		expect(run0.results.length).toBeGreaterThan(0);
		const rule = run0.tool.driver.rules.find((r: { id: string }) => r.id === 'conditional-services/cooperation-required');
		expect(rule.helpUri).toMatch(/cooperation-required\.md$/);
		expect(rule.fullDescription.text).toMatch(/¶4/);
		const result = run0.results.find((r: { ruleId: string }) => r.ruleId === rule.id);
		expect(result.level).toBe('error');
		expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'examples/draft-state-bill.md', uriBaseId: '%SRCROOT%' });
		expect(run0.tool.driver.rules[result.ruleIndex].id).toBe(rule.id);
	});
});

describe('configuration and rule packs', () => {
	it('turns rules off and changes severities from .accountable.yaml found upward', () => {
		const dir = tempFolder({ '.accountable.yaml': 'rules:\n  conditional-services: warning\n  framing: off\n', 'docs/bill.md': `${BAD}Sex slaves.\n` });
		const out = JSON.parse(runCli(['--format', 'json', 'docs/bill.md'], { cwd: dir }).stdout);
		expect(out[0].findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`)).toEqual(['conditional-services/cooperation-required:warning']);
	});

	it('reads .accountable.json, and --no-config ignores it', () => {
		const dir = tempFolder({ '.accountable.json': '{ "rules": { "conditional-services/*": "off" } }', 'bill.md': BAD });
		expect(runCli(['bill.md'], { cwd: dir }).code).toBe(0);
		expect(runCli(['bill.md', '--no-config'], { cwd: dir }).code).toBe(1);
	});

	it('reports a broken configuration file with file:line and exits 2, still reviewing with defaults', () => {
		const dir = tempFolder({ '.accountable.yaml': 'rules:\n  framing: off\nsevrity: high\n', 'bill.md': BAD });
		const run = runCli(['bill.md'], { cwd: dir });
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^\.accountable\.yaml:3: unknown key "sevrity"$/m);
		expect(run.stdout).toMatch(/cooperation-required/);
		const yaml = tempFolder({ '.accountable.yaml': 'rules:\n  framing: [off\n', 'bill.md': BAD });
		expect(runCli(['bill.md'], { cwd: yaml }).stderr).toMatch(/^\.accountable\.yaml:\d+: invalid YAML/m);
		const value = tempFolder({ '.accountable.yaml': 'rules:\n  framing: loud\n', 'bill.md': BAD });
		expect(runCli(['bill.md'], { cwd: value }).stderr).toMatch(/^\.accountable\.yaml:2: "rules\.framing" must be one of: "off", "on"/m);
	});

	it('loads rule packs, reporting a broken pack rule with file:line while the valid ones run', () => {
		const good = '---\nid: raids/local-sweeps\nkind: phrase\nscope: span\nseverity: error\nsummary: Local sweeps\nmessage: "Sweep: {match}"\nmatch: ["street sweep"]\nevidence:\n  - paragraph: 5\n    quote: "raids should be used only as a last resort"\n---\n# Local sweeps\n';
		const bad = good.replace('raids/local-sweeps', 'raids/broken').replace('kind: phrase', 'kind: phrase\ncolour: red');
		const dir = tempFolder({ '.accountable.yaml': 'packs:\n  - my-rules\n', 'my-rules/raids/local-sweeps.md': good, 'my-rules/raids/broken.md': bad, 'plan.md': 'The county will run a street sweep.\n' });
		const run = runCli(['plan.md'], { cwd: dir });
		expect(run.stdout).toMatch(/plan\.md:1:\d+ error raids\/local-sweeps Sweep: street sweep/);
		expect(run.stderr).toMatch(/my-rules\/raids\/broken\.md:4: unknown key "colour"/);
		expect(run.code).toBe(2);
	});

	it('reports a missing --config file', () => {
		const run = runCli(['--config', 'nope.yaml', 'examples/']);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/configuration file not found: nope\.yaml/);
	});
});

describe('accountable rules / explain', () => {
	it('lists id, category, severity and summary', () => {
		const run = runCli(['rules']);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^conditional-services\/cooperation-required\s+conditional-services\s+error\s+Services conditioned on cooperation/m);
		expect(JSON.parse(runCli(['rules', '--format', 'json']).stdout)[0]).toHaveProperty('summary');
	});

	it('prints a rule\'s documentation with its evidence', () => {
		const run = runCli(['explain', 'conditional-services/cooperation-required']);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/## Why/);
		expect(run.stdout).toMatch(/¶56: “ensuring that the government provides unconditional access/);
		expect(runCli(['explain', 'nope/nothing']).code).toBe(2);
	});
});
