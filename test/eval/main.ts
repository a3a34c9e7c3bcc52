import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRules } from '../../server/src/node/ruleFiles';
import { evaluate } from './evaluate';
import { formatReport, toJson } from './report';

const USAGE = `usage: npm run eval -- [--corpus <dir>] [--documents <dir> | --no-documents] [--json <file>]
  --corpus <dir>     labelled excerpts (*.yaml, format of test/eval/LABELLING.md); default test/eval/corpus
  --documents <dir>  whole documents with labels.yaml; default test/fixtures/documents
  --no-documents     measure the excerpts only
  --json <file>      also write the scores, predictions and findings as JSON`;

/** `npm run eval`: measures the built-in rules on a labelled corpus. Returns the exit code. */
export function main(argv: string[]): number {
	let corpus: string | undefined;
	let documents: string | false | undefined;
	let json: string | undefined;
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
		else if (arg === '--help' || arg === '-h') {
			process.stdout.write(`${USAGE}\n`);
			return 0;
		} else throw new UsageError(`unknown option ${arg}`);
	}
	// A rule that fails to load is left out of the rule set; measuring without it would report numbers for
	// rules that are not the ones in the repository.
	const rules = loadRules();
	if (rules.errors.length > 0) throw new Error(`rules that do not load:\n${rules.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n')}`);
	const evaluation = evaluate({ corpus, documents, rules });
	process.stdout.write(`${formatReport(evaluation)}\n`);
	if (json) fs.writeFileSync(json, `${JSON.stringify(toJson(evaluation), null, '\t')}\n`);
	return 0;
}

class UsageError extends Error {}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (e) {
	process.stderr.write(`eval: ${(e as Error).message}\n${e instanceof UsageError ? `${USAGE}\n` : ''}`);
	process.exitCode = 2;
}
