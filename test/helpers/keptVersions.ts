// Run as a process of its own (test/engine/incremental-memory.test.ts bundles it): reviews a long policy, edits
// it in several places, each edit reviewed incrementally, and counts the whole versions of the text still in
// memory (a heap snapshot's strings that start with the document's title), with only the reviewer kept.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { IncrementalReviewer, Reviewer } from '../../server/src/engine';
import { loadRules } from '../../server/src/node/ruleFiles';
import { generatePolicy, loadCorpus } from '../bench/generate';

const [root, editsArg] = process.argv.slice(2);
const TITLE = '# Kept versions probe';
const edits = Number(editsArg);
const incremental = new IncrementalReviewer(new Reviewer(loadRules()));
let text = `${TITLE}\n\n${generatePolicy(300_000, loadCorpus(root!), { seed: 3 })}`;
incremental.review({ text, format: 'markdown' });
for (let i = 1; i <= edits; i++) {
	const at = text.indexOf(' ', Math.floor((text.length * i) / (edits + 1))) + 1;
	text = `${text.slice(0, at)}x${text.slice(at)}`;
	incremental.review({ text, format: 'markdown' });
}
const length = text.length;
text = ''; // the last version too: only what the reviewer keeps is left
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kept-versions-')), 'heap.heapsnapshot');
v8.writeHeapSnapshot(file);
const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
fs.rmSync(path.dirname(file), { recursive: true, force: true });
const fields = snapshot.snapshot.meta.node_fields;
const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
let versions = 0;
for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
	const isString = snapshot.snapshot.meta.node_types[0][snapshot.nodes[i + type]!] === 'string';
	if (isString && snapshot.nodes[i + size]! >= length && snapshot.strings[snapshot.nodes[i + name]!]!.startsWith(TITLE)) versions++;
}
process.stdout.write(`${JSON.stringify({ versions, kept: incremental !== undefined })}\n`);
