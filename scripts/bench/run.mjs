// npm run bench: Accountable against its peers, in one run, on the same generated documents.
// Prints medians with min–max and ratios, then a summary (Markdown tables and a PASS/MISS line per target,
// see table.mjs); writes bench-results/bench-<time>.json, bench-results/latest.json and latest.md.
// Options: --quick (10 KB and 100 KB only, fewer rounds), --sizes=10k,100k,1m,5m, --only=sizes|lsp|cli|process
// The machine may be shared: timings interleave the tools round by round, so read ratios, not absolutes.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildForNode } from '../esbuild-node.mjs';
import { formatMs, summary, summaryLines, targets } from './table.mjs';
import { lspLatency } from './lsp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'bench-results');
const quick = process.argv.includes('--quick');
const sizesArg = process.argv.find((a) => a.startsWith('--sizes='))?.slice(8);
const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000, '5m': 5_000_000 };
const sizeNames = sizesArg ? sizesArg.split(',') : quick ? ['10k', '100k'] : Object.keys(SIZES);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const part = (name) => !only || only === name;
const label = (name) => name.replace('k', ' KB').replace('m', ' MB');

/** Rounds per size, and the peers too slow to run there (skipped, and said so). */
const PLAN = {
	'10k': { rounds: quick ? 10 : 25, skip: [] },
	'100k': { rounds: quick ? 5 : 12, skip: [] },
	'1m': { rounds: 4, skip: ['alex'] },
	'5m': { rounds: 2, skip: ['alex', 'textlint'] },
};
const TOOLS = ['accountable', 'accountable-edit', 'remark-parse', 'markdownlint', 'textlint', 'alex'];

fs.mkdirSync(path.join(out, 'docs'), { recursive: true });
log(`Accountable benchmark — ${typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
log('Building…');
must(spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' }));
await buildForNode({ entryPoints: [path.join(root, 'scripts', 'bench', 'entry.ts')], outfile: path.join(root, 'out', 'bench-engine.cjs') });
const engine = createRequire(import.meta.url)(path.join(root, 'out', 'bench-engine.cjs'));
const corpus = engine.loadCorpus(root);
const prhFile = writePrhRules();

const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const results = { date: new Date().toISOString(), machine: { cores, cpu: os.cpus()[0]?.model, node: process.version, loadAverage: os.loadavg() }, sizes: {}, lsp: {}, cli: {}, process: {} };

// ---- in-process timings and peak RSS, per size ----------------------------------------------------------
for (const name of sizeNames) fs.writeFileSync(path.join(out, 'docs', `policy-${name}.md`), engine.generatePolicy(SIZES[name], corpus, { seed: 1 }));
for (const name of sizeNames.filter(() => part('sizes'))) {
	const file = path.join(out, 'docs', `policy-${name}.md`);
	const text = fs.readFileSync(file, 'utf8');
	const plan = PLAN[name];
	const tools = TOOLS.filter((t) => !plan.skip.includes(t));
	log(`\n${label(name)} (${text.length} characters, ${text.split('\n').length} lines): ${plan.rounds} rounds of ${tools.join(', ')}${plan.skip.length ? `; skipped as too slow at this size: ${plan.skip.join(', ')}` : ''}`);
	const compare = await worker(['--expose-gc', '--max-old-space-size=4096', path.join(root, 'scripts', 'bench', 'worker.mjs'), 'compare', file, String(plan.rounds), tools.join(','), prhFile]);
	const entry = { characters: text.length, skipped: plan.skip, tools: {} };
	for (const tool of tools) entry.tools[tool] = summary(compare.times[tool].map((t) => t.ms));
	entry.ratios = ratios(compare.times);
	const findings = new engine.Reviewer(engine.loadRules()).review({ text, format: 'markdown' }).findings.length;
	entry.findings = findings;
	for (const tool of ['accountable', 'remark-parse']) {
		// --expose-gc: the warm-up's garbage is collected before the measured run, as worker.mjs intends.
		const rss = await worker(['--expose-gc', path.join(root, 'scripts', 'bench', 'worker.mjs'), 'rss', tool, file, prhFile]);
		entry.tools[tool].peakRssMB = Math.round(rss.peakRssMB);
	}
	results.sizes[name] = entry;
	for (const tool of tools) log(`  ${tool.padEnd(17)} ${fmt(entry.tools[tool])}${entry.tools[tool].peakRssMB ? `  [peak RSS ${entry.tools[tool].peakRssMB} MB]` : ''}`);
	log(`  findings: ${findings}; ratios (median of per-round ratios): ${Object.entries(entry.ratios).map(([k, v]) => `${k} ${v.toFixed(2)}×`).join(', ')}`);
}

// ---- language server: keystroke to publishDiagnostics over stdio ----------------------------------------
for (const name of sizeNames.filter((n) => part('lsp') && (n === '100k' || n === '1m'))) {
	const file = path.join(out, 'docs', `policy-${name}.md`);
	log(`\nLanguage server over stdio, ${label(name)}: one-character edits in the middle, one in flight`);
	const lsp = await lspLatency(root, fs.readFileSync(file, 'utf8'), quick ? 15 : 40);
	results.lsp[name] = lsp;
	log(`  open → diagnostics ${lsp.openMs.toFixed(0)} ms (all of the first review's: ${lsp.completeMs.toFixed(0)} ms); first edit ${lsp.firstEditMs.toFixed(1)} ms (waits for a pause in typing after a slow review)`);
	log(`  edit → diagnostics ${fmt(lsp.edits)}${lsp.serverReviewMs ? `; the server's review of each edit ${fmt(lsp.serverReviewMs)}` : ''}`);
}

// ---- language server on a document dense with findings ----------------------------------------------------
if (part('lsp') && !quick) {
	const dense = densePolicy(1_000_000);
	const findings = new engine.Reviewer(engine.loadRules()).review({ text: dense, format: 'markdown' }).findings.length;
	for (const [key, settings, what] of [['dense', {}, 'default settings'], ['dense-all', { maxNumberOfProblems: 1e9 }, 'maxNumberOfProblems unlimited']]) {
		log(`\nLanguage server over stdio, a 1 MB policy dense with findings (${findings}), ${what}`);
		const lsp = await lspLatency(root, dense, 40, settings);
		results.lsp[key] = { ...lsp, findings, characters: dense.length };
		log(`  open → diagnostics ${lsp.openMs.toFixed(0)} ms (all of the first review's: ${lsp.completeMs.toFixed(0)} ms; ${lsp.published} diagnostics published); edit → diagnostics ${fmt(lsp.edits)}`);
	}
}

// ---- whole processes: start-up, and the CLI on one file against markdownlint in a process of its own ------
if (part('process')) {
	const docs = path.join(out, 'docs');
	const oneLine = path.join(docs, 'one-line.md');
	fs.writeFileSync(oneLine, 'The task force will conduct raids on massage parlours.\n');
	for (const name of ['100k', '1m']) {
		const file = path.join(docs, `policy-${name}.md`);
		if (!fs.existsSync(file)) fs.writeFileSync(file, engine.generatePolicy(SIZES[name], corpus, { seed: 1 }));
	}
	const accountable = (file) => [path.join(root, 'bin', 'accountable.js'), '--quiet', '--no-config', '--format', 'json', file];
	const markdownlint = (file) => [path.join(root, 'scripts', 'bench', 'markdownlint-file.mjs'), file];
	const rows = [
		{ key: 'version', title: 'accountable --version (start-up alone)', a: [path.join(root, 'bin', 'accountable.js'), '--version'], b: ['-e', '0'], peer: 'node -e 0' },
		{ key: 'one-line', title: 'a one-line document', a: accountable(oneLine), b: markdownlint(oneLine), peer: 'markdownlint' },
		{ key: 'bill', title: 'the example bill (2 KB)', a: accountable(path.join(root, 'examples', 'draft-state-bill.md')), b: markdownlint(path.join(root, 'examples', 'draft-state-bill.md')), peer: 'markdownlint' },
		{ key: '100k', title: 'generated policy, 100 KB', a: accountable(path.join(docs, 'policy-100k.md')), b: markdownlint(path.join(docs, 'policy-100k.md')), peer: 'markdownlint' },
		{ key: '1m', title: 'generated policy, 1 MB', a: accountable(path.join(docs, 'policy-1m.md')), b: markdownlint(path.join(docs, 'policy-1m.md')), peer: 'markdownlint' },
	];
	log('\nWhole processes, start to exit, interleaved: the CLI (--format json, one file) against markdownlint (library, default rules) in a process of its own');
	results.process = {};
	for (const row of rows) {
		const rounds = quick ? 3 : row.key === '1m' ? 5 : 9;
		const a = [];
		const b = [];
		const ratiosPerRound = [];
		for (let r = -1; r < rounds; r++) {
			// The order alternates, so neither side always runs on the caches the other warmed.
			const pair = r % 2 === 0 ? [['a', row.a], ['b', row.b]] : [['b', row.b], ['a', row.a]];
			const t = {};
			for (const [side, args] of pair) t[side] = timeProcess(args);
			if (r < 0) continue;
			a.push(t.a);
			b.push(t.b);
			ratiosPerRound.push(t.b.wall / t.a.wall);
		}
		const entry = { title: row.title, peer: row.peer, accountable: summary(a.map((x) => x.wall)), accountableCpu: summary(a.map((x) => x.cpu)), peerWall: summary(b.map((x) => x.wall)), peerCpu: summary(b.map((x) => x.cpu)), ratio: summary(ratiosPerRound).median };
		results.process[row.key] = entry;
		log(`  ${row.title.padEnd(40)} Accountable ${fmt(entry.accountable)}  ${row.peer} ${fmt(entry.peerWall)}  ${row.peer} ÷ Accountable ${entry.ratio.toFixed(2)}×`);
	}
	// Peak memory of the CLI on a 20 MB policy dense with findings (the main thread reviews a single file).
	// maxDocumentSize (10 million characters by default in the CLI) raised in a configuration file of its own.
	const big = path.join(docs, 'dense-20m.md');
	fs.writeFileSync(big, densePolicy(16_000_000));
	const config = path.join(docs, 'large.accountable.yaml');
	fs.writeFileSync(config, 'maxDocumentSize: 30000000\n');
	const rssFile = path.join(out, 'peak-rss.txt');
	const run = timeProcess(['--require', path.join(root, 'scripts', 'bench', 'peak-rss.cjs'), path.join(root, 'bin', 'accountable.js'), '--quiet', '--config', config, '--format', 'json', big], { ACCOUNTABLE_BENCH_RSS_FILE: rssFile }, true);
	const findings = JSON.parse(run.stdout)[0].findings.length;
	const dense20m = { characters: fs.statSync(big).size, findings, wall: run.wall, peakRssMB: Math.round(Number(fs.readFileSync(rssFile, 'utf8'))) };
	results.process.dense20m = dense20m;
	log(`  a ${(dense20m.characters / 1e6).toFixed(1)} MB policy dense with findings (${findings}), --format json: ${formatMs(run.wall)}, peak RSS ${dense20m.peakRssMB} MB`);
	const text = timeProcess(['--require', path.join(root, 'scripts', 'bench', 'peak-rss.cjs'), path.join(root, 'bin', 'accountable.js'), '--quiet', '--config', config, big], { ACCOUNTABLE_BENCH_RSS_FILE: rssFile });
	Object.assign(dense20m, { textWall: text.wall, textPeakRssMB: Math.round(Number(fs.readFileSync(rssFile, 'utf8'))) });
	log(`  the same, text output: ${formatMs(text.wall)}, peak RSS ${dense20m.textPeakRssMB} MB`);
	// The language server with the document open, and two edits (its memos kept for the next review).
	const server = await lspLatency(root, fs.readFileSync(big, 'utf8'), 2, { maxDocumentSize: 30_000_000 }, 'maxDocumentSize: 30000000\n');
	Object.assign(dense20m, { serverOpenMs: server.openMs, serverCompleteMs: server.completeMs, serverEditMs: server.edits.median, serverPeakRssMB: server.peakRssMB });
	log(`  the same, opened in the language server: open → diagnostics ${formatMs(server.openMs)} (all of the first review's: ${formatMs(server.completeMs)}), edit → diagnostics ${formatMs(server.edits.median)}, peak RSS ${server.peakRssMB} MB`);
}

// ---- CLI throughput on a folder of 200 documents -------------------------------------------------------
if (part('cli')) {
	const dir = path.join(out, 'cli-docs');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	let bytes = 0;
	for (let i = 0; i < 200; i++) {
		const text = engine.generatePolicy(5_000 + ((i * 7919) % 40_000), corpus, { seed: 1000 + i });
		bytes += text.length;
		fs.writeFileSync(path.join(dir, `draft-${String(i).padStart(3, '0')}.md`), text);
	}
	log(`\nCLI: accountable --format json on a folder of 200 documents (${(bytes / 1e6).toFixed(1)} MB)`);
	const wall = (jobs) => {
		const times = [];
		let cpuMs = 0;
		for (let i = 0; i < (quick ? 2 : 3); i++) {
			const env = { ...process.env, ACCOUNTABLE_JOBS: jobs ? String(jobs) : '' };
			const cpuBefore = childrenCpuMs();
			const start = performance.now();
			const run = spawnSync(process.execPath, [path.join(root, 'bin', 'accountable.js'), '--format', 'json', '--quiet', dir], { cwd: root, env, maxBuffer: 1 << 30 });
			times.push(performance.now() - start);
			cpuMs += childrenCpuMs() - cpuBefore;
			if (run.status !== 0 && run.status !== 1) throw new Error(`accountable failed: ${run.stderr}`);
		}
		const total = times.reduce((a, b) => a + b, 0);
		// CPU time of the finished CLI processes (all their threads) over wall time: how many cores were busy.
		return { ...summary(times), coresBusy: Number.isNaN(cpuMs) ? undefined : cpuMs / total };
	};
	const single = wall(1);
	const s = wall(undefined);
	results.cli = {
		documents: 200, megabytes: bytes / 1e6, wall: s, singleThreadWall: single, speedup: single.median / s.median,
		documentsPerSecond: 200 / (s.median / 1000), megabytesPerSecond: bytes / 1e6 / (s.median / 1000),
		cores, workers: cores, coresBusy: s.coresBusy, singleCoresBusy: single.coresBusy,
	};
	log(`  main thread only (ACCOUNTABLE_JOBS=1) ${fmt(single)}${single.coresBusy !== undefined ? `, ${single.coresBusy.toFixed(2)} cores busy` : ''}`);
	log(`  every core (${cores} reviewers)     ${fmt(s)}${s.coresBusy !== undefined ? `, ${s.coresBusy.toFixed(2)} cores busy` : ''}: ${results.cli.documentsPerSecond.toFixed(0)} documents/s, ${results.cli.megabytesPerSecond.toFixed(2)} MB/s, ${results.cli.speedup.toFixed(2)}× the speed of one`);
}

// ---- summary ------------------------------------------------------------------------------------------
results.targets = targets(results).map(({ target, value, met }) => ({ target, value, met }));
const summaryText = summaryLines(results).join('\n');
log(`\nSummary\n\n${summaryText}`);
log(`\nLoad average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine inflates absolute times; ratios are per round).`);

const stamp = results.date.replace(/[:.]/g, '-');
fs.writeFileSync(path.join(out, `bench-${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
fs.writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
fs.writeFileSync(path.join(out, 'latest.md'), `${summaryText}\n`);
log(`\nWrote ${path.relative(root, path.join(out, `bench-${stamp}.json`))}, bench-results/latest.json and bench-results/latest.md`);

// ---- helpers ------------------------------------------------------------------------------------------

function log(line) {
	process.stdout.write(`${line}\n`);
}

function must(result) {
	if (result.status !== 0) throw new Error(`failed: ${result.stderr ?? ''}`);
}

function worker(args) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
		let stdout = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout.trim().split('\n').pop())) : reject(new Error(`worker ${args.join(' ')} exited with ${code}`))));
	});
}


function fmt(s) {
	return `${formatMs(s.median).padStart(8)}  (${formatMs(s.min)}–${formatMs(s.max)}, n=${s.n})`;
}

/** User and system CPU time of this process's finished children, in ms (Linux: /proc/self/stat); NaN elsewhere. */
function childrenCpuMs() {
	try {
		const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
		// Fields 16 and 17 of stat (cutime, cstime), counted from the state field (3), in clock ticks of 10 ms.
		return (Number(fields[13]) + Number(fields[14])) * 10;
	} catch {
		return Number.NaN;
	}
}

/** Runs `node args…` to its end: wall time and CPU time (user and system, all threads) in ms, and its output if asked. */
function timeProcess(args, env = {}, keepOutput = false) {
	const cpuBefore = childrenCpuMs();
	const start = performance.now();
	const run = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, maxBuffer: 1 << 30, encoding: keepOutput ? 'utf8' : 'buffer', stdio: ['ignore', keepOutput ? 'pipe' : 'ignore', 'pipe'] });
	const wall = performance.now() - start;
	if (run.status !== 0 && run.status !== 1) throw new Error(`node ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
	return { wall, cpu: childrenCpuMs() - cpuBefore, stdout: run.stdout };
}

/** A generated policy dense with findings (about 3,000 in a megabyte; test/bench/generate.ts). */
function densePolicy(size) {
	return engine.densePolicy(size, corpus, root);
}

/** Per-round ratios (each round ran every tool once, back to back), then their median. */
function ratios(times) {
	const perRound = (tool) => {
		const byRound = new Map();
		for (const t of times[tool] ?? []) byRound.set(t.round, [...(byRound.get(t.round) ?? []), t.ms]);
		return new Map([...byRound].map(([r, list]) => [r, summary(list).median]));
	};
	const ratio = (a, b) => {
		const ra = perRound(a);
		const rb = perRound(b);
		const list = [...ra.keys()].filter((r) => rb.has(r)).map((r) => ra.get(r) / rb.get(r));
		return list.length ? summary(list).median : undefined;
	};
	const out = {};
	const put = (key, value) => value !== undefined && (out[key] = value);
	put('accountable/remark-parse', ratio('accountable', 'remark-parse'));
	put('markdownlint/accountable', ratio('markdownlint', 'accountable'));
	put('textlint/accountable', ratio('textlint', 'accountable'));
	put('alex/accountable', ratio('alex', 'accountable'));
	put('accountable/edit', ratio('accountable', 'accountable-edit'));
	return out;
}

/** 50 phrase rules for textlint-rule-prh: the kind of wording list a policy team would keep. */
function writePrhRules() {
	const words = ['victim', 'prostitute', 'sex slave', 'rescue', 'raid', 'illegal alien', 'trafficking victim', 'sting', 'brothel', 'madam', 'john', 'pimp', 'hooker', 'harlot', 'fallen woman', 'modern slavery', 'slave', 'sweep', 'vice', 'crackdown', 'illegal immigrant', 'alien', 'deport', 'detain', 'custody', 'shelter', 'cooperate', 'testify', 'informant', 'snitch', 'law enforcement', 'police', 'officer', 'task force', 'operation', 'undercover', 'decoy', 'massage parlor', 'commercial sex', 'sex work', 'prostitution', 'solicit', 'buyer', 'demand', 'rescue industry', 'awareness', 'hotline', 'tip line', 'screening', 'interview'];
	const rules = words.map((w) => `  - expected: ${JSON.stringify(`${w} (reviewed)`)}\n    pattern: ${JSON.stringify(`/\\b${w.replace(/ /g, '\\s+')}s?\\b/i`)}`);
	const file = path.join(out, 'prh.yml');
	fs.writeFileSync(file, `version: 1\nrules:\n${rules.join('\n')}\n`);
	return file;
}
