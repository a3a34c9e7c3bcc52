// Bundles the editor tests for the extension host: the mocha suite (out/e2e/suite/*.js, `vscode` and
// `mocha` left to the host and node_modules), the @vscode/test-electron entry (out/e2e/runTest.js) and the
// .docx fixtures for the workbench check (out/e2e/docxFixtures.js).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning' };
const suite = readdirSync('test/e2e/suite').filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => `test/e2e/suite/${f}`);

await Promise.all([
	build({ ...common, entryPoints: suite, outdir: 'out/e2e/suite', external: ['vscode', 'mocha'] }),
	build({ ...common, entryPoints: ['test/e2e/runTest.ts'], outfile: 'out/e2e/runTest.js', external: ['@vscode/test-electron'] }),
	// The .docx fixtures (built with the `docx` package) for the workbench check of Review Word Document.
	build({ ...common, entryPoints: ['test/docx/fixtures.ts'], outfile: 'out/e2e/docxFixtures.js' }),
]);
