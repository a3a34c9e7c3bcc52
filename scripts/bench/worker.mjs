// One measurement in its own process (run by scripts/bench/run.mjs; prints one JSON line).
//   node --expose-gc worker.mjs compare <file> <rounds> <tool,tool,…>   interleaved timings of the tools
//   node worker.mjs rss <tool> <file>                                    peak RSS of one cold run (after one warm-up)
// Tools run in turn within each round (the order rotates), so the machine's noise falls on all of them alike.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const engine = require(path.join(root, 'out', 'bench-engine.cjs'));

const [mode, ...args] = process.argv.slice(2);

async function setUp(name, text, prhFile) {
	switch (name) {
		case 'accountable': {
			const reviewer = new engine.Reviewer(engine.loadRules());
			return () => reviewer.review({ text, format: 'markdown' });
		}
		case 'accountable-edit': {
			// A one-character edit in the middle of the document, typed and then deleted, re-reviewed incrementally.
			const reviewer = new engine.Reviewer(engine.loadRules());
			const incremental = new engine.IncrementalReviewer(reviewer);
			incremental.review({ text, format: 'markdown' });
			const middle = text.indexOf(' ', text.length >> 1) + 1;
			const edited = `${text.slice(0, middle)}x${text.slice(middle)}`;
			let flip = false;
			return () => {
				flip = !flip;
				return incremental.review({ text: flip ? edited : text, format: 'markdown' });
			};
		}
		case 'remark-parse': {
			const { unified } = await import('unified');
			const remarkParse = (await import('remark-parse')).default;
			const processor = unified().use(remarkParse);
			return () => processor.parse(text);
		}
		case 'markdownlint': {
			const { lint } = await import('markdownlint/sync');
			return () => lint({ strings: { doc: text } });
		}
		case 'textlint': {
			const { TextlintKernel } = await import('@textlint/kernel');
			const markdown = (await import('@textlint/textlint-plugin-markdown')).default;
			const prh = (await import('textlint-rule-prh')).default;
			const kernel = new TextlintKernel();
			const options = {
				ext: '.md',
				filePath: path.join(root, 'bench-results', 'doc.md'),
				plugins: [{ pluginId: 'markdown', plugin: markdown.default ?? markdown }],
				rules: [{ ruleId: 'prh', rule: prh.default ?? prh, options: { rulePaths: [prhFile] } }],
			};
			return () => kernel.lintText(text, options);
		}
		case 'alex': {
			const { markdown } = await import('alex');
			return () => markdown(text);
		}
		default:
			throw new Error(`unknown tool ${name}`);
	}
}

/**
 * Collects garbage first, so one tool's garbage is not charged to the next — except before edits: a full
 * collection also throws away warm code and caches, which an editor session typing into a document never does.
 */
async function timeOnce(run, collect = true) {
	if (collect) globalThis.gc?.();
	const start = performance.now();
	await run();
	return performance.now() - start;
}

if (mode === 'compare') {
	const [file, roundsArg, toolsArg, prhFile] = args;
	const text = readFileSync(file, 'utf8');
	const tools = toolsArg.split(',');
	const runs = {};
	for (const t of tools) runs[t] = await setUp(t, text, prhFile);
	const times = Object.fromEntries(tools.map((t) => [t, []]));
	const rounds = Number(roundsArg);
	// Edits are cheap: several per round, so their median rests on many samples.
	const editsPerRound = 10;
	for (let r = -1; r < rounds; r++) {
		for (let k = 0; k < tools.length; k++) {
			const t = tools[(k + Math.max(r, 0)) % tools.length];
			const n = t === 'accountable-edit' ? editsPerRound : 1;
			for (let i = 0; i < n; i++) {
				const ms = await timeOnce(runs[t], t !== 'accountable-edit');
				if (r >= 0) times[t].push({ round: r, ms });
			}
		}
	}
	process.stdout.write(`${JSON.stringify({ size: text.length, times })}\n`);
} else if (mode === 'rss') {
	const [tool, file, prhFile] = args;
	const text = readFileSync(file, 'utf8');
	const run = await setUp(tool, text, prhFile);
	await run();
	const ms = await timeOnce(run);
	process.stdout.write(`${JSON.stringify({ tool, size: text.length, ms, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
} else {
	throw new Error('usage: worker.mjs compare|rss …');
}
