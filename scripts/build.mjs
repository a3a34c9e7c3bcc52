// Bundles the CLI, the language server and the VS Code extension with esbuild. Rules stay as data files
// beside the bundles (loaded at run time from rules/), so users and packs edit them without a rebuild.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	sourcemap: !production,
	minify: production,
	logLevel: 'warning',
	// Some dependencies ship only ESM and read import.meta.url, which a CommonJS bundle must provide.
	define: { 'import.meta.url': '__importMetaUrl' },
	banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const entries = [
	{ entryPoints: ['server/src/cli/main.ts'], outfile: 'out/cli.js' },
	{ entryPoints: ['server/src/lsp/server.ts'], outfile: 'out/server.js' },
	{ entryPoints: ['client/src/extension.ts'], outfile: 'out/extension.js', external: ['vscode'] },
];

await Promise.all(entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => build({ ...common, ...e })));
