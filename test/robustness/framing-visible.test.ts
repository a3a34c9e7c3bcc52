import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRules } from '../../server/src/node/ruleFiles';
import { runCli, tempFolder } from '../helpers/cli';
import { TestClient } from '../server/lspClient';

/**
 * Stigmatising and sensational language (the framing category) must be seen: as hints it was a faint mark
 * that the Problems panel does not list, so the status bar (22) and the Problems panel (20) disagreed. Its
 * findings are information, listed and counted alike by the editor and the CLI.
 */

const TEXT = 'Police rescued 40 women from sex slaves rings.\n\nShelter shall be provided to a victim only if the victim is willing to testify against the trafficker.\n';

describe('framing findings are visible', () => {
	let client: TestClient | undefined;
	afterEach(async () => {
		await client?.dispose();
		client = undefined;
	});

	it('every built-in rule is at least information: none is a hint the Problems panel would hide', () => {
		const hints = loadRules().rules.filter((r) => r.spec.severity === 'hint').map((r) => r.id);
		expect(hints).toEqual([]);
	});

	it('the editor publishes framing findings as Information, and the CLI counts the same findings', async () => {
		const dir = tempFolder({ 'draft.md': TEXT });
		client = new TestClient({ workspaceFolder: dir });
		await client.initialize();
		const uri = client.open(path.join(dir, 'draft.md'), TEXT);
		const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => String(x.code).startsWith('framing/')));
		const framing = diagnostics.filter((d) => String(d.code).startsWith('framing/'));
		expect(framing.length).toBeGreaterThan(0);
		for (const d of framing) expect(d.severity).toBe(3); // DiagnosticSeverity.Information
		const shownInProblems = diagnostics.filter((d) => d.severity !== 4).length;
		expect(shownInProblems).toBe(diagnostics.length);
		const cli = runCli(['draft.md'], { cwd: dir });
		expect(cli.stderr).toMatch(new RegExp(`^${diagnostics.length} findings .* in 1 file$`, 'm'));
		expect(cli.stdout).toMatch(/ information framing\//);
	});
});
