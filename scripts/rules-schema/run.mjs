// npm run rules:schema: writes the rule schema and the rule-file types from their one source (generate.ts
// says which). With --check, writes nothing and exits 1 when either file is stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildForNode } from '../esbuild-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = path.join(root, 'out', 'rules-schema.cjs');
await buildForNode({ entryPoints: [path.join(root, 'scripts', 'rules-schema', 'generate.ts')], outfile: bundle });
const { generatedFiles } = createRequire(import.meta.url)(bundle);
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, text] of Object.entries(generatedFiles())) {
	const abs = path.join(root, file);
	const current = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined;
	if (current === text) continue;
	stale++;
	if (check) console.error(`${file} is stale: run npm run rules:schema`);
	else {
		fs.writeFileSync(abs, text);
		console.log(`wrote ${file}`);
	}
}
process.exit(check && stale > 0 ? 1 : 0);
