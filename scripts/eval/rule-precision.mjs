#!/usr/bin/env node
// Per-rule precision on development excerpts no rule was written against, beside the rest of the development part.
//
//   node scripts/eval/rule-precision.mjs <eval.json> <batch dir or stem list>... [--min <hits>] [--rule <id>] [--show fp|tp]
//
// <eval.json> is written by `npm run eval -- --json <file>`. Each further argument is a first-sight batch folder
// (its *.yaml file names are the source stems) or a text file of stems, one a line. Excerpts of those sources
// found in the development part form the out-of-sample set ("oos"); every other development excerpt is "rest".
// A rule's hit is an excerpt it fires on (span scope, any severity, as `npm run eval` counts); a true hit is one
// whose labels include the rule's category; the rest are false alarms. The sealed part is never read.
// --show fp|tp prints the out-of-sample false alarms (or true hits) of the rules listed with their text.
// --at <dir> adds the rules as they were when each batch was first seen: <dir> holds eval JSONs of the batches' dev
// excerpts, each scored in a worktree checked out at the commit first-sight.jsonl records for the batch, e.g.
//   git -C <worktree> checkout --detach <commit> && node test/eval/run.mjs --corpus <batch's dev files> --no-documents --json <dir>/<batch>.json
// (the column "first" counts their hits; the labels are today's).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
let min = 1;
let only;
let show;
let at;
const rest = [];
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--min') min = Number(args[++i]);
	else if (args[i] === '--rule') only = args[++i];
	else if (args[i] === '--show') show = args[++i];
	else if (args[i] === '--at') at = args[++i];
	else rest.push(args[i]);
}
const [jsonFile, ...sets] = rest;
if (!jsonFile || sets.length === 0) {
	process.stderr.write('usage: node scripts/eval/rule-precision.mjs <eval.json> <batch dir or stem list>... [--min <hits>] [--rule <id>] [--show fp|tp]\n');
	process.exit(2);
}
const stems = new Set();
for (const s of sets) {
	if (!fs.existsSync(s)) throw new Error(`${s}: no such batch folder or stem list`);
	const names = fs.statSync(s).isDirectory() ? fs.readdirSync(s).filter((f) => /\.ya?ml$/.test(f)) : fs.readFileSync(s, 'utf8').split(/\s+/).filter(Boolean);
	for (const n of names) stems.add(path.basename(n).replace(/\.ya?ml$/, ''));
}
const evaluation = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
if (!evaluation.corpus?.items) throw new Error(`${jsonFile}: not an eval JSON (no corpus.items)`);

const rules = new Map();
const part = { oos: { excerpts: 0, sources: new Set() }, rest: { excerpts: 0 } };
const examples = [];
for (const item of evaluation.corpus.items) {
	const stem = item.source.file.replace(/\.ya?ml$/, '');
	const side = stems.has(stem) ? 'oos' : 'rest';
	part[side].excerpts++;
	if (side === 'oos') part.oos.sources.add(stem);
	const byRule = new Map();
	for (const h of item.hits) if (!byRule.has(h.ruleId)) byRule.set(h.ruleId, h);
	for (const [ruleId, h] of byRule) {
		const r = rules.get(ruleId) ?? { category: h.category, oos: { hits: 0, fp: 0 }, rest: { hits: 0, fp: 0 } };
		rules.set(ruleId, r);
		const ok = item.gold.includes(h.category);
		r[side].hits++;
		if (!ok) r[side].fp++;
		if (side === 'oos' && show && (only ? ruleId === only : true) && (show === 'fp') !== ok) {
			examples.push({ ruleId, id: item.id, kind: item.source.kind, gold: item.gold, matched: item.hits.filter((x) => x.ruleId === ruleId).map((x) => x.matchedText) });
		}
	}
}
if (part.oos.excerpts === 0) throw new Error('none of the listed sources is in the development part');
if (at) {
	const files = fs.readdirSync(at).filter((f) => f.endsWith('.json'));
	if (files.length === 0) throw new Error(`${at}: no eval JSON files`);
	for (const f of files) {
		for (const item of JSON.parse(fs.readFileSync(path.join(at, f), 'utf8')).corpus.items) {
			const seen = new Set();
			for (const h of item.hits) {
				if (seen.has(h.ruleId)) continue;
				seen.add(h.ruleId);
				const r = rules.get(h.ruleId) ?? { category: h.category, oos: { hits: 0, fp: 0 }, rest: { hits: 0, fp: 0 } };
				rules.set(h.ruleId, r);
				r.first ??= { hits: 0, fp: 0 };
				r.first.hits++;
				if (!item.gold.includes(h.category)) r.first.fp++;
			}
		}
	}
}

const prec = (s) => (s.hits ? ((s.hits - s.fp) / s.hits).toFixed(2) : '   —');
const rows = [...rules].filter(([id, r]) => (only ? id === only : r.oos.hits >= min || (r.first?.hits ?? 0) >= min)).sort((a, b) => b[1].oos.fp - a[1].oos.fp || b[1].oos.hits - a[1].oos.hits);
process.stdout.write(`out-of-sample: ${part.oos.excerpts} dev excerpts from ${part.oos.sources.size} sources; rest of dev: ${part.rest.excerpts} excerpts\n`);
const firstCol = (r) => (at ? `   ${String(r.first?.hits ?? 0).padStart(11)} ${String(r.first?.fp ?? 0).padStart(4)} ${prec(r.first ?? { hits: 0 }).padStart(5)}` : '');
process.stdout.write(`${'rule'.padEnd(62)} ${'oos hits'.padStart(8)} ${'FP'.padStart(4)} ${'P'.padStart(5)}   ${'rest hits'.padStart(9)} ${'FP'.padStart(4)} ${'P'.padStart(5)}${at ? `   ${'first hits'.padStart(11)} ${'FP'.padStart(4)} ${'P'.padStart(5)}` : ''}\n`);
let tot = { oos: { hits: 0, fp: 0 }, rest: { hits: 0, fp: 0 } };
for (const [id, r] of rows) {
	for (const s of ['oos', 'rest']) (tot[s].hits += r[s].hits), (tot[s].fp += r[s].fp);
	process.stdout.write(`${id.padEnd(62)} ${String(r.oos.hits).padStart(8)} ${String(r.oos.fp).padStart(4)} ${prec(r.oos).padStart(5)}   ${String(r.rest.hits).padStart(9)} ${String(r.rest.fp).padStart(4)} ${prec(r.rest).padStart(5)}${firstCol(r)}\n`);
}
process.stdout.write(`${'(rules listed)'.padEnd(62)} ${String(tot.oos.hits).padStart(8)} ${String(tot.oos.fp).padStart(4)} ${prec(tot.oos).padStart(5)}   ${String(tot.rest.hits).padStart(9)} ${String(tot.rest.fp).padStart(4)} ${prec(tot.rest).padStart(5)}\n`);
if (show && examples.length > 0) {
	const { parse } = createRequire(import.meta.url)('yaml');
	const texts = new Map();
	const dev = evaluation.corpus.dir;
	for (const f of fs.existsSync(dev) ? fs.readdirSync(dev) : []) {
		if (!f.endsWith('.yaml') || !stems.has(f.replace(/\.yaml$/, ''))) continue;
		for (const e of parse(fs.readFileSync(path.join(dev, f), 'utf8')).excerpts) texts.set(e.id, `${e.text.replace(/\s+/g, ' ').slice(0, 500)}\n   note: ${(e.note ?? '').slice(0, 240)}`);
	}
	for (const e of examples) {
		process.stdout.write(`\n${show.toUpperCase()} ${e.ruleId} ${e.id} [${e.kind}] gold=${e.gold.join(',') || '-'} «${e.matched.join(' | ')}»\n   ${texts.get(e.id) ?? ''}\n`);
	}
}
