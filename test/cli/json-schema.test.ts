import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempFolder } from '../helpers/cli';
import { schemaValidator } from '../helpers/schemas';

describe('the JSON output schema', () => {
	const validate = schemaValidator('output.schema.json');

	it('validates the output for the bundled example, including suppressed findings', () => {
		const dir = tempFolder({
			'a.md': '<!-- accountable-disable-next-line -- quoted -->\nVictims who agree to testify shall be eligible for shelter.\n',
			'b.txt': 'SEC. 2. DEFINITIONS.\n\n(1) "Trafficking" means the procurement of a person to engage in prostitution.\n',
		});
		for (const [cwd, args] of [[ROOT, ['examples/']], [dir, ['.']]] as const) {
			const out = JSON.parse(runCli(['--format', 'json', ...args], { cwd }).stdout);
			expect(validate(out), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
			expect(out.flatMap((r: { findings: unknown[]; suppressed: unknown[] }) => [...r.findings, ...r.suppressed]).length).toBeGreaterThan(0);
		}
	});

	it('rejects output that breaks the contract (the schema is not vacuous)', () => {
		expect(validate([{ file: 'x.md', findings: [{ ruleId: 'x/y', category: 'vibes', severity: 'error', scope: 'span', message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] }])).toBe(false);
		expect(validate([{ file: 'x.md', findings: [{ ruleId: 'raids/x', category: 'raids', severity: 'error', scope: 'span', message: 'm' }] }])).toBe(false);
	});
});
