// Compares two findings snapshots (capture.mjs): exits 0 when every review has the same findings, 1 otherwise,
// naming the first reviews that differ.
import * as fs from 'node:fs';

const [a, b] = process.argv.slice(2);
if (!a || !b) {
	console.error('usage: node scripts/findings/compare.mjs BEFORE.jsonl AFTER.jsonl');
	process.exit(2);
}
// Rule documentation links name the checkout's folder: compare them from rules/ on.
const unrooted = (line) => line.replace(/"docUrl":"[^"]*?\/rules\//g, '"docUrl":"rules/');
const before = fs.readFileSync(a, 'utf8').trimEnd().split('\n').map(unrooted);
const after = fs.readFileSync(b, 'utf8').trimEnd().split('\n').map(unrooted);
let differ = 0;
let findings = 0;
for (let i = 0; i < Math.max(before.length, after.length); i++) {
	const x = before[i];
	const y = after[i];
	if (x !== undefined) {
		const r = JSON.parse(x);
		findings += r.findings.length + r.suppressed.length + r.provisions.length;
	}
	if (x === y) continue;
	differ++;
	if (differ <= 10) console.log(`differs: ${x ? JSON.parse(x).name : '(missing before)'} / ${y ? JSON.parse(y).name : '(missing after)'}`);
}
console.log(`${before.length} reviews before, ${after.length} after, ${findings} findings before; ${differ} reviews differ`);
process.exit(differ === 0 && before.length === after.length ? 0 : 1);
