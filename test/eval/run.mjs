// `npm run eval`: bundles test/eval/main.ts with esbuild (as scripts/build.mjs bundles the CLI) and runs it,
// so the evaluation needs nothing beyond `npm ci`.
import { buildForNode } from '../../scripts/esbuild-node.mjs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outfile = path.join(root, 'out', 'eval', 'main.js');
await buildForNode({ entryPoints: [path.join(root, 'test', 'eval', 'main.ts')], outfile });
createRequire(import.meta.url)(outfile);
