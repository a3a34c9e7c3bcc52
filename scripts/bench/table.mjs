// The benchmark's summary: Markdown tables (medians with min–max, ratios to the peers) and one PASS/MISS
// line per target of the performance issue. run.mjs prints it after a run; on its own it re-renders a run:
//   node scripts/bench/table.mjs [bench-results/latest.json]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const PEERS = ['remark-parse', 'markdownlint', 'textlint', 'alex'];
const NAMES = { 'remark-parse': 'remark-parse (parse only)', markdownlint: 'markdownlint', textlint: 'textlint + prh', alex: 'alex' };

export function formatMs(ms) {
	return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

/** Median, min, max and count of a list of numbers. */
export function summary(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const median = sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)];
	return { median, p90, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/** "median (min–max)". */
export function spread(s) {
	return s ? `${formatMs(s.median)} (${formatMs(s.min)}–${formatMs(s.max)})` : '—';
}

const label = (name) => name.replace('k', ' KB').replace('m', ' MB');
const times = (r) => (r === undefined ? '—' : `${r.toFixed(2)}×`);

/** The targets of the performance issue, each with its measured value and whether it is met. */
export function targets(results) {
	const out = [];
	const r100 = results.sizes['100k']?.ratios;
	if (r100?.['accountable/remark-parse'] !== undefined) {
		const v = r100['accountable/remark-parse'];
		out.push({ target: 'cold review of 100 KB ≤ 1.3× remark-parse (parse only)', value: v, shown: times(v), met: v <= 1.3 });
	}
	if (r100?.['markdownlint/accountable'] !== undefined) {
		const v = r100['markdownlint/accountable'];
		out.push({ target: 'cold review of 100 KB ≥ 2× faster than markdownlint', value: v, shown: `${times(v)} faster`, met: v >= 2 });
	}
	if (results.lsp?.['1m']) {
		const v = results.lsp['1m'].edits.median;
		out.push({ target: 'edit in 1 MB → publishDiagnostics ≤ 50 ms median (stdio)', value: v, shown: formatMs(v), met: v <= 50 });
		const open = results.lsp['1m'].openMs;
		out.push({ target: 'open 1 MB → first diagnostics ≤ 1 s (stdio, a new server)', value: open, shown: formatMs(open), met: open <= 1000 });
	}
	if (results.lsp?.dense) {
		const { edits, findings, openMs } = results.lsp.dense;
		out.push({ target: `edit in 1 MB with ${findings} findings → publishDiagnostics ≤ 50 ms median (stdio)`, value: edits.median, shown: `${formatMs(edits.median)} (p90 ${edits.p90 === undefined ? '—' : formatMs(edits.p90)})`, met: edits.median <= 50 });
		out.push({ target: `open 1 MB with ${findings} findings → first diagnostics ≤ 1 s (stdio, a new server)`, value: openMs, shown: formatMs(openMs), met: openMs <= 1000 });
	}
	const p = results.process ?? {};
	if (p.bill) out.push({ target: 'CLI on the example bill no slower than markdownlint (whole processes)', value: p.bill.ratio, shown: `markdownlint ÷ Accountable ${times(p.bill.ratio)}`, met: p.bill.ratio >= 1 });
	for (const key of ['100k', '1m']) {
		if (p[key]) out.push({ target: `CLI on ${label(key)} ≥ 2× faster than markdownlint (whole processes)`, value: p[key].ratio, shown: `${times(p[key].ratio)} faster`, met: p[key].ratio >= 2 });
	}
	const d = p.dense20m;
	if (d) {
		const size = `${(d.characters / 1e6).toFixed(0)} MB with ${d.findings} findings`;
		out.push({ target: `CLI --format json peak RSS < 1 GB on ${size}`, value: d.peakRssMB, shown: `${d.peakRssMB} MB`, met: d.peakRssMB < 1024 });
		if (d.textPeakRssMB !== undefined) out.push({ target: `CLI text output peak RSS < 1 GB on ${size}`, value: d.textPeakRssMB, shown: `${d.textPeakRssMB} MB`, met: d.textPeakRssMB < 1024 });
		if (d.serverPeakRssMB !== undefined) out.push({ target: `language server peak RSS < 1 GB with ${size} open (and edited)`, value: d.serverPeakRssMB, shown: `${d.serverPeakRssMB} MB`, met: d.serverPeakRssMB < 1024 });
	}
	if (results.sizes['1m'] && results.sizes['5m']) {
		const growth = results.sizes['5m'].tools.accountable.median / results.sizes['1m'].tools.accountable.median;
		out.push({ target: '5 MB cold review ≤ 6× the 1 MB time', value: growth, shown: times(growth), met: growth <= 6 });
		const rss = results.sizes['5m'].tools.accountable.peakRssMB;
		out.push({ target: '5 MB peak RSS ≤ 500 MB', value: rss, shown: `${rss} MB`, met: rss <= 500 });
	}
	if (results.cli?.wall) {
		const { workers, cores, coresBusy, speedup } = results.cli;
		// Every core: one reviewer per core (the main thread and workers), and the work spread over them (CPU time over wall time well above one core).
		const met = workers === cores && (cores === 1 || (coresBusy ?? speedup) >= 1 + 0.5 * (cores - 1));
		const shown = `${workers} reviewers on ${cores} cores (main thread and ${workers - 1} worker${workers === 2 ? '' : 's'}), ${times(speedup)} the speed of one${coresBusy !== undefined ? `, ${coresBusy.toFixed(2)} cores busy` : ''}`;
		out.push({ target: 'batch CLI uses every core', value: speedup, shown, met });
	}
	return out;
}

/** The whole summary as Markdown lines. */
export function summaryLines(results) {
	const lines = [];
	const m = results.machine;
	lines.push(`${results.date.slice(0, 16).replace('T', ' ')} UTC — ${m.cores} cores (nproc), ${m.cpu ?? 'unknown CPU'}, Node ${m.node}, load average ${m.loadAverage.map((l) => l.toFixed(1)).join(' ')} at the start`);
	lines.push('');
	const sizes = Object.keys(results.sizes);
	if (sizes.length > 0) {
		lines.push('In-process review time, median (min–max) of interleaved rounds; ratios are medians of per-round ratios.');
		lines.push('');
		lines.push(`| | ${sizes.map(label).join(' | ')} |`);
		lines.push(`|---|${sizes.map(() => '---').join('|')}|`);
		const row = (title, cell) => lines.push(`| ${title} | ${sizes.map((s) => cell(results.sizes[s])).join(' | ')} |`);
		row('Accountable, cold review', (e) => spread(e.tools.accountable));
		row('Accountable, re-review after a 1-character edit', (e) => spread(e.tools['accountable-edit']));
		for (const peer of PEERS) row(NAMES[peer], (e) => (e.tools[peer] ? spread(e.tools[peer]) : 'skipped (too slow)'));
		row('Accountable ÷ remark-parse', (e) => times(e.ratios['accountable/remark-parse']));
		row('markdownlint ÷ Accountable', (e) => times(e.ratios['markdownlint/accountable']));
		row('textlint + prh ÷ Accountable', (e) => times(e.ratios['textlint/accountable']));
		row('alex ÷ Accountable', (e) => times(e.ratios['alex/accountable']));
		row('peak RSS, Accountable / remark-parse', (e) => `${e.tools.accountable.peakRssMB ?? '—'} / ${e.tools['remark-parse']?.peakRssMB ?? '—'} MB`);
		row('findings', (e) => String(e.findings));
		lines.push('');
	}
	const lsp = Object.keys(results.lsp ?? {});
	if (lsp.length > 0) {
		lines.push('| language server over stdio | open → diagnostics | one-character edit → publishDiagnostics | the server’s review of each edit |');
		lines.push('|---|---|---|---|');
		for (const s of lsp) {
			const l = results.lsp[s];
			const title = l.findings === undefined ? label(s) : `${(l.characters / 1e6).toFixed(1)} MB, ${l.findings} findings, ${s === 'dense' ? `${l.published} published (default maxNumberOfProblems)` : 'all published'}`;
			lines.push(`| ${title} | ${formatMs(l.openMs)} | ${spread(l.edits)}${l.edits.p90 === undefined ? '' : `, p90 ${formatMs(l.edits.p90)}`} | ${spread(l.serverReviewMs)} |`);
		}
		lines.push('');
	}
	const processes = Object.entries(results.process ?? {}).filter(([k]) => k !== 'dense20m');
	if (processes.length > 0) {
		lines.push('| whole process, start to exit | Accountable CLI | peer | peer ÷ Accountable (median of paired runs) | CPU time, Accountable / peer |');
		lines.push('|---|---|---|---|---|');
		for (const [, e] of processes) lines.push(`| ${e.title} | ${spread(e.accountable)} | ${e.peer}: ${spread(e.peerWall)} | ${times(e.ratio)} | ${formatMs(e.accountableCpu.median)} / ${formatMs(e.peerCpu.median)} |`);
		const d = results.process.dense20m;
		if (d) {
			lines.push(`| ${(d.characters / 1e6).toFixed(1)} MB policy with ${d.findings} findings, --format json | ${formatMs(d.wall)}, peak RSS ${d.peakRssMB} MB | | | |`);
			if (d.textPeakRssMB !== undefined) lines.push(`| the same, text output | ${formatMs(d.textWall)}, peak RSS ${d.textPeakRssMB} MB | | | |`);
			if (d.serverPeakRssMB !== undefined) lines.push(`| the same, opened in the language server and edited twice | open → diagnostics ${formatMs(d.serverOpenMs)}, edit → diagnostics ${formatMs(d.serverEditMs)}, peak RSS ${d.serverPeakRssMB} MB | | | |`);
		}
		lines.push('');
	}
	const cli = results.cli;
	if (cli?.wall) {
		lines.push(`| CLI, ${cli.documents} documents (${cli.megabytes.toFixed(1)} MB), --format json | wall time | documents/s | MB/s | cores busy |`);
		lines.push('|---|---|---|---|---|');
		const rate = (s) => `${(cli.documents / (s.median / 1000)).toFixed(0)} | ${(cli.megabytes / (s.median / 1000)).toFixed(2)}`;
		const busy = (v) => (v === undefined ? '—' : v.toFixed(2));
		lines.push(`| ACCOUNTABLE_JOBS=1 (main thread only) | ${spread(cli.singleThreadWall)} | ${rate(cli.singleThreadWall)} | ${busy(cli.singleCoresBusy)} |`);
		lines.push(`| default: ${cli.workers} reviewers (main thread and ${cli.workers - 1} worker${cli.workers === 2 ? '' : 's'}) | ${spread(cli.wall)} | ${rate(cli.wall)} | ${busy(cli.coresBusy)} |`);
		lines.push('');
	}
	for (const t of targets(results)) lines.push(`${t.met ? 'PASS' : 'MISS'}  ${t.target}: ${t.shown}`);
	return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const file = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench-results', 'latest.json');
	process.stdout.write(`${summaryLines(JSON.parse(fs.readFileSync(file, 'utf8'))).join('\n')}\n`);
}
