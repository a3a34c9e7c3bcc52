// Findings snapshot: reviews every fixture, example, rule example, corpus excerpt and generated benchmark
// document, cold and as a series of edits, and writes one JSON line per review (its findings, suppressed
// findings, provisions and profile) to the file given. Run it on two checkouts and compare the files with
// compare.mjs to show that a change of the engine's structure left every finding as it was.
//   node scripts/findings/capture.mjs /tmp/findings-before.jsonl   (in the old checkout)
//   node scripts/findings/capture.mjs /tmp/findings-after.jsonl    (in the new one)
//   node scripts/findings/compare.mjs /tmp/findings-before.jsonl /tmp/findings-after.jsonl
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildForNode } from '../esbuild-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outFile = process.argv[2];
if (!outFile) {
	console.error('usage: node scripts/findings/capture.mjs OUT.jsonl');
	process.exit(2);
}
const bundle = path.join(root, 'out', 'findings-engine.cjs');
await buildForNode({ entryPoints: [path.join(root, 'scripts', 'findings', 'entry.ts')], outfile: bundle });
const engine = createRequire(import.meta.url)(bundle);

const ruleSet = engine.loadRules();
const reviewer = new engine.Reviewer(ruleSet);
const corpus = engine.loadCorpus(root);

/** Every document to review: [name, text]. */
const documents = [];
for (const dir of ['test/fixtures/documents', 'examples', 'test/e2e/fixtures']) {
	const abs = path.join(root, dir);
	if (!fs.existsSync(abs)) continue;
	for (const name of fs.readdirSync(abs).sort()) if (/\.(md|txt)$/.test(name)) documents.push([`${dir}/${name}`, fs.readFileSync(path.join(abs, name), 'utf8')]);
}
for (const rule of ruleSet.rules) rule.examples.forEach((e, i) => documents.push([`rule ${rule.id} example ${i}`, e.text]));
// The corpus's development split only (test/eval/corpus/dev, or the whole corpus where it is not split): the sealed split is for the eval alone.
const corpusDir = fs.existsSync(path.join(root, 'test', 'eval', 'corpus', 'dev')) ? path.join(root, 'test', 'eval', 'corpus', 'dev') : path.join(root, 'test', 'eval', 'corpus');
for (const e of engine.readCorpus(corpusDir)) documents.push([`corpus ${e.id}`, e.text]);
for (const [name, size] of Object.entries({ '10k': 10_000, '100k': 100_000, '1m': 1_000_000, '5m': 5_000_000 })) {
	documents.push([`bench policy-${name}`, engine.generatePolicy(size, corpus, { seed: 1 })]);
}
for (let i = 0; i < 200; i++) documents.push([`bench cli ${i}`, engine.generatePolicy(5_000 + ((i * 7919) % 40_000), corpus, { seed: 1000 + i })]);
for (let i = 0; i < 20; i++) documents.push([`tricky ${i}`, engine.generatePolicy(4_000, corpus, { seed: 5000 + i, tricky: true })]);

/** Settings a review is made with besides the defaults: a profile each, and a rule turned off and one raised. */
const SETTINGS = [{}, { profile: 'bill' }, { profile: 'grant-proposal', minSeverity: 'warning' }, { rules: { 'framing/*': 'off', 'raids/raid-as-identification': 'error' } }];

const out = fs.openSync(outFile, 'w');
let reviews = 0;
let findings = 0;
const write = (name, result) => {
	reviews++;
	findings += result.findings.length + result.suppressed.length + result.provisions.length;
	fs.writeSync(out, JSON.stringify({ name, profile: result.profile, findings: result.findings, suppressed: result.suppressed, provisions: result.provisions }) + '\n');
};
for (const [name, text] of documents) {
	const big = text.length > 200_000;
	for (const format of ['markdown', 'plaintext']) {
		const settingsList = big ? [SETTINGS[0]] : SETTINGS;
		settingsList.forEach((settings, s) => write(`${name} | ${format} | settings ${s} | cold`, reviewer.review({ text, format }, settings)));
		if (big && format === 'plaintext') continue;
		// A series of edits through one incremental reviewer: insert, delete, retype, as an editor sends them.
		const incremental = new engine.IncrementalReviewer(reviewer);
		let current = text;
		const edits = big ? 3 : 6;
		for (let e = 0; e <= edits; e++) {
			if (e > 0) current = edit(current, e, name.length);
			write(`${name} | ${format} | edit ${e}`, incremental.review({ text: current, format }, SETTINGS[e % SETTINGS.length]));
		}
	}
}
fs.closeSync(out);
console.log(`${reviews} reviews of ${documents.length} documents, ${findings} findings (shown, suppressed and provisions) -> ${outFile}`);

/** A deterministic edit: where and what depend only on the text's length and the edit's number. */
function edit(text, n, salt) {
	const at = Math.floor(((n * 7919 + salt * 104729) % 1000) / 1000 * text.length);
	switch (n % 4) {
		case 0: return text.slice(0, at) + '\n\n## Inserted section\n\nVictims shall be detained until they testify.\n\n' + text.slice(at);
		case 1: return text.slice(0, at) + ' raids ' + text.slice(at);
		case 2: return text.slice(0, at) + text.slice(Math.min(text.length, at + 40));
		default: return text.slice(0, at) + '\n' + text.slice(at);
	}
}
