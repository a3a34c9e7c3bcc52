/**
 * Runs the extension-host suite (test/e2e/suite) in VS Code with @vscode/test-electron's runTests, on a fresh
 * copy of test/e2e/fixtures/workspace plus .docx files built from test/docx/fixtures.ts. On a machine that
 * can download VS Code this needs nothing else. Where VS Code cannot be downloaded, VSCODE_EXECUTABLE names
 * a stand-in executable: scripts/e2e/code-shim.mjs
 * runs the same suite in code-server's extension host (scripts/e2e/run-all.mjs sets this up).
 * Build first: `npm run build && node scripts/e2e/build.mjs`, then `node out/e2e/runTest.js`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { cleanProposal, grantProposal, truncatedDocx } from '../docx/fixtures';

const root = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
	const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-e2e-ws-'));
	fs.cpSync(path.join(root, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
	// Word documents for the .docx tests, built here with the `docx` package (the extension host cannot load
	// the repository's devDependencies): the fixture with known findings, a clean one and a damaged one.
	fs.writeFileSync(path.join(workspace, 'proposal.docx'), await grantProposal());
	fs.writeFileSync(path.join(workspace, 'clean-proposal.docx'), await cleanProposal());
	fs.writeFileSync(path.join(workspace, 'cut.docx'), await truncatedDocx());
	const results = process.env.ACCOUNTABLE_E2E_RESULTS ?? path.join(root, 'test-results', 'e2e-vscode.json');
	fs.rmSync(results, { force: true });
	try {
		await runTests({
			...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
			extensionDevelopmentPath: root,
			extensionTestsPath: path.join(root, 'out', 'e2e', 'suite', 'index.js'),
			extensionTestsEnv: { ACCOUNTABLE_E2E_RESULTS: results, ...(process.env.ACCOUNTABLE_E2E_GREP ? { ACCOUNTABLE_E2E_GREP: process.env.ACCOUNTABLE_E2E_GREP } : {}) },
			launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
		});
	} finally {
		fs.rmSync(workspace, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(`The extension tests failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
