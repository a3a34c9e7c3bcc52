// npm run l10n:export: writes l10n/bundle.l10n.json, the list of the interface's messages a translation gives
// (messages.mjs finds them). With --check, writes nothing and exits 1 when the file is stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { englishBundle, projectMessages } from './messages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { messages, unlisted } = projectMessages(root);
if (unlisted.length > 0) {
	console.error(`translator calls whose message is not a literal (no bundle can list them):\n${unlisted.join('\n')}`);
	process.exit(1);
}
const file = path.join(root, 'l10n', 'bundle.l10n.json');
const text = englishBundle(messages);
if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) process.exit(0);
if (process.argv.includes('--check')) {
	console.error('l10n/bundle.l10n.json lists other messages than the sources have: run npm run l10n:export');
	process.exit(1);
}
fs.writeFileSync(file, text);
console.log(`wrote ${messages.length} messages to l10n/bundle.l10n.json`);
