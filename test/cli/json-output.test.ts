import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempFolder } from '../helpers/cli';
import { grantProposal } from '../docx/fixtures';

/**
 * The CLI writes its JSON a finding at a time (so a document with tens of thousands of findings never makes
 * one 80 MB string): what reaches the user must still be exactly the documented JSON, laid out as
 * `JSON.stringify(…, null, 2)` lays it out, whatever the files hold.
 */

const BAD = 'Victims who agree to testify shall be eligible for shelter.\n';

/** The output parses, and is byte for byte the standard two-space layout of what it parses to. */
function expectStandardJson(stdout: string): unknown {
	const parsed = JSON.parse(stdout);
	expect(stdout).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
	return parsed;
}

describe('accountable --format json, written a finding at a time', () => {
	it('is the standard layout of the whole result for a batch: findings, none, suppressed, a Word document', async () => {
		const dir = tempFolder({
			'bill.md': fs.readFileSync(path.join(ROOT, 'examples', 'draft-state-bill.md'), 'utf8'),
			'clean.md': 'Services shall be provided regardless of whether the person cooperates with law enforcement.\n',
			'empty.txt': '',
			'suppressed.md': `<!-- accountable-disable-next-line conditional-services -- quoted from current law -->\n${BAD}${BAD}`,
			'quotes "and" \\ names.md': BAD,
		});
		fs.writeFileSync(path.join(dir, 'proposal.docx'), await grantProposal());
		const run = runCli(['--format', 'json', '.'], { cwd: dir });
		expect(run.code).toBe(1);
		const out = expectStandardJson(run.stdout) as Array<{ file: string; profile?: unknown; findings: Array<{ ruleId: string; location?: unknown; related?: unknown }>; suppressed: unknown[] }>;
		const byFile = new Map(out.map((r) => [r.file, r]));
		expect([...byFile.keys()].sort()).toEqual(['bill.md', 'clean.md', 'empty.txt', 'proposal.docx', 'quotes "and" \\ names.md', 'suppressed.md']);
		expect(byFile.get('bill.md')!.findings.length).toBeGreaterThan(10);
		expect(byFile.get('bill.md')!.findings.some((f) => f.related)).toBe(true);
		expect(byFile.get('bill.md')!.profile).toBeDefined();
		expect(byFile.get('clean.md')!.findings).toEqual([]);
		expect(byFile.get('suppressed.md')!.findings).toHaveLength(1);
		expect(byFile.get('suppressed.md')!.suppressed).toHaveLength(1);
		expect(byFile.get('proposal.docx')!.findings.every((f) => f.location !== undefined)).toBe(true);
		expect(byFile.get('quotes "and" \\ names.md')!.findings[0]!.ruleId).toBe('conditional-services/cooperation-required');
	});

	it('is an empty array when nothing was reviewed, and one result for standard input', () => {
		const dir = tempFolder({});
		const none = runCli(['--format', 'json', '*.md'], { cwd: dir });
		expect(none.stdout).toBe('[]\n');
		const stdin = runCli(['--format', 'json', '--stdin'], { cwd: dir, input: BAD });
		const out = expectStandardJson(stdin.stdout) as Array<{ file: string; findings: unknown[] }>;
		expect(out).toHaveLength(1);
		expect(out[0]!.file).toBe('stdin.md');
		expect(out[0]!.findings.length).toBeGreaterThan(0);
	});
});
