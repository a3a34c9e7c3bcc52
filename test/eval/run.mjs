// `npm run eval`: bundles test/eval/main.ts with esbuild (as scripts/build.mjs bundles the CLI) and runs it,
// so the evaluation needs nothing beyond `npm ci`.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outfile = path.join(root, 'out', 'eval', 'main.js');
await build({
	entryPoints: [path.join(root, 'test', 'eval', 'main.ts')],
	outfile,
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	logLevel: 'warning',
	define: { 'import.meta.url': '__importMetaUrl' },
	banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
});
createRequire(import.meta.url)(outfile);
