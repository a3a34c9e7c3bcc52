#!/usr/bin/env node
// Writes paper/citations.json, the citation index the tests check the rules' and the report's quotes against,
// from a local copy of the paper (plain text, one paragraph per line: ¶N is line N). See paper/README.md.
//   node scripts/paper/index.mjs <paper.txt>          check every quote against the copy, then write the index
//   node scripts/paper/index.mjs <paper.txt> --check  only compare the committed index with the copy
// Refuses to write when a quote is not in the paragraph it cites, or when a paragraph already indexed has a
// different hash (another copy of the paper, or lines numbered differently: every ¶N would move).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForNode } from '../esbuild-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const indexFile = path.join(root, 'paper', 'citations.json');
const args = process.argv.slice(2);
const check = args.includes('--check');
const paperFile = args.find((a) => !a.startsWith('--'));
if (!paperFile) {
	console.error('usage: node scripts/paper/index.mjs <paper.txt> [--check]   (a plain-text copy of the paper, ¶N on line N)');
	process.exit(2);
}

const bundle = path.join(root, 'out', 'paper-index.cjs');
await buildForNode({ entryPoints: [path.join(root, 'scripts', 'paper', 'entry.ts')], outfile: bundle });
const { indexFrom, indexDifferences } = createRequire(import.meta.url)(bundle);

const lines = fs.readFileSync(paperFile, 'utf8').replace(/\r?\n$/, '').split(/\r?\n/);
let fresh;
try {
	fresh = indexFrom(lines);
} catch (error) {
	console.error(error.message);
	process.exit(1);
}
const committed = fs.existsSync(indexFile) ? JSON.parse(fs.readFileSync(indexFile, 'utf8')) : undefined;
const { moved, changed } = committed ? indexDifferences(committed, fresh) : { moved: [], changed: true };
const summary = `${Object.keys(fresh.cited).length} paragraphs cited, ${Object.values(fresh.cited).reduce((n, e) => n + e.passages.length, 0)} passages`;

if (check) {
	const problems = [...moved, ...(changed ? ['the cited paragraphs or passages differ from what the rules and areas quote now (run without --check to rewrite it)'] : [])];
	if (problems.length === 0) console.log(`paper/citations.json matches ${paperFile} and the rules: ${summary}`);
	else console.error(`paper/citations.json does not match ${paperFile}:\n  ${problems.join('\n  ')}`);
	process.exit(problems.length === 0 ? 0 : 1);
}
if (moved.length > 0) {
	console.error(`Not written: ${paperFile} is not the copy the index was made from:\n  ${moved.join('\n  ')}`);
	process.exit(1);
}
if (changed) fs.writeFileSync(indexFile, `${JSON.stringify(fresh, null, '\t')}\n`);
console.log(`${path.relative(root, indexFile)} ${changed ? 'written' : 'unchanged'}: ${summary}`);
