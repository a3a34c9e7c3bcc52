// npm run rules:settings: writes the `accountable.rules` setting's list of rule ids and categories into
// package.json (generate.ts makes it from the built-in rules). With --check, writes nothing and exits 1 when
// package.json is stale. `npm run package` runs it first, so a .vsix always offers the rules it ships.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildForNode } from '../esbuild-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = path.join(root, 'out', 'rule-settings.cjs');
await buildForNode({ entryPoints: [path.join(root, 'scripts', 'rule-settings', 'generate.ts')], outfile: bundle });
const { builtinRuleSettingProperties, withRuleSettingProperties } = createRequire(import.meta.url)(bundle);
const file = path.join(root, 'package.json');
const current = fs.readFileSync(file, 'utf8');
const updated = withRuleSettingProperties(current, builtinRuleSettingProperties());
if (updated === current) process.exit(0);
if (process.argv.includes('--check')) {
	console.error('package.json: the accountable.rules setting lists other rules than rules/ has: run npm run rules:settings');
	process.exit(1);
}
fs.writeFileSync(file, updated);
console.log('wrote the accountable.rules setting\'s rule list into package.json');
