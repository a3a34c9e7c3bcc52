// Bundles the CLI, the language server and the VS Code extension with esbuild. Rules stay as data files
// beside the bundles (loaded at run time from rules/), so users and packs edit them without a rebuild.
import { existsSync } from 'node:fs';
import { buildForNode } from './esbuild-node.mjs';

const production = process.argv.includes('--production');

const entries = [
	{ entryPoints: ['server/src/cli/main.ts'], outfile: 'out/cli.js' },
	{ entryPoints: ['server/src/lsp/server.ts'], outfile: 'out/server.js' },
	{ entryPoints: ['client/src/extension.ts'], outfile: 'out/extension.js', external: ['vscode'] },
];

await Promise.all(entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => buildForNode({ sourcemap: !production, minify: production, ...e })));
