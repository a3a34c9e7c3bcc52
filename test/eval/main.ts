import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRules } from '../../server/src/node/ruleFiles';
import { execFileSync } from 'node:child_process';
import { Reviewer } from '../../server/src/engine';
import { DEFAULT_CORPUS, DEFAULT_REAL_DOCUMENTS, ROOT, evaluate } from './evaluate';
import { firstSight, firstSightDocuments, formatDocumentFirstSight, formatFirstSight } from './firstSight';
import { formatReport, toJson } from './report';

const USAGE = `usage: npm run eval -- [--corpus <dir>] [--documents <dir> | --no-documents] [--json <file>]
       npm run eval -- --first-sight <dir> --batch <name>
  --corpus <dir>     labelled excerpts (*.yaml, format of test/eval/LABELLING.md); default test/eval/corpus,
                     whose dev/ part is reported item by item and whose sealed/ part only in aggregate
  --first-sight <dir> score a new batch with the committed rules, append the score to
                     test/eval/first-sight.jsonl, then file its sources into corpus/dev or corpus/sealed
                     (refused while rules/ or server/ have uncommitted changes)
  --documents <dir>  whole documents with labels.yaml; default test/fixtures/documents
  --no-documents     measure the excerpts only
  --json <file>      also write the scores, predictions and findings as JSON`;

/** `npm run eval`: measures the built-in rules on a labelled corpus. Returns the exit code. */
export function main(argv: string[]): number {
	let corpus: string | undefined;
	let documents: string | false | undefined;
	let json: string | undefined;
	let batchDir: string | undefined;
	let batch: string | undefined;
	let allowUncommitted = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const value = (): string => {
			const v = argv[++i];
			if (v === undefined) throw new UsageError(`${arg} needs a value`);
			return v;
		};
		if (arg === '--corpus') corpus = path.resolve(value());
		else if (arg === '--documents') documents = path.resolve(value());
		else if (arg === '--no-documents') documents = false;
		else if (arg === '--json') json = path.resolve(value());
		else if (arg === '--first-sight') batchDir = path.resolve(value());
		else if (arg === '--batch') batch = value();
		else if (arg === '--allow-uncommitted') allowUncommitted = true;
		else if (arg === '--help' || arg === '-h') {
			process.stdout.write(`${USAGE}\n`);
			return 0;
		} else throw new UsageError(`unknown option ${arg}`);
	}
	// A rule that fails to load is left out of the rule set; measuring without it would report numbers for
	// rules that are not the ones in the repository.
	const rules = loadRules();
	if (rules.errors.length > 0) throw new Error(`rules that do not load:\n${rules.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n')}`);
	if (batchDir) {
		if (!batch || !/^[a-z0-9][a-z0-9-]*$/.test(batch)) throw new UsageError('--first-sight needs --batch <name> (lower-case, digits and -)');
		const commit = committedRules(allowUncommitted);
		const date = new Date().toISOString().slice(0, 10);
		const corpusRoot = corpus ?? DEFAULT_CORPUS;
		// A folder of whole documents (<stem>.md with <stem>.yaml) or of excerpt files.
		if (fs.readdirSync(batchDir).some((f) => f.endsWith('.md'))) {
			const documentsRoot = documents || DEFAULT_REAL_DOCUMENTS;
			const record = firstSightDocuments({ batchDir, batch, documentsRoot, reviewer: new Reviewer(rules), rules: rules.rules, commit, date, historyDir: path.dirname(corpusRoot) });
			process.stdout.write(`${formatDocumentFirstSight(record)}\n`);
			return 0;
		}
		const record = firstSight({ batchDir, batch, corpusRoot, reviewer: new Reviewer(rules), commit, date });
		process.stdout.write(`${formatFirstSight(record)}\n`);
		return 0;
	}
	const evaluation = evaluate({ corpus, documents, rules });
	process.stdout.write(`${formatReport(evaluation)}\n`);
	if (json) fs.writeFileSync(json, `${JSON.stringify(toJson(evaluation), null, '\t')}\n`);
	return 0;
}

class UsageError extends Error {}

/**
 * The commit whose rules score a first-sight batch. Uncommitted changes to the rules or the engine would make
 * the recorded commit a lie, so they are refused.
 */
function committedRules(allowUncommitted: boolean): string {
	const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
	const head = git('rev-parse', 'HEAD');
	const dirty = git('status', '--porcelain', '--', 'rules', 'server');
	if (!dirty) return head;
	// Only the tests of this command may score with uncommitted rules, and the record says so.
	if (allowUncommitted) return `${head}+uncommitted`;
	throw new Error(`first sight scores committed rules only; commit or stash these first:\n${dirty}`);
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (e) {
	process.stderr.write(`eval: ${(e as Error).message}\n${e instanceof UsageError ? `${USAGE}\n` : ''}`);
	process.exitCode = 2;
}
