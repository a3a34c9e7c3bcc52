#!/usr/bin/env node
// The action's review step (action.yml): runs Accountable on the paths given (or merges the SARIF outputs of a
// matrix's shard jobs), writes the SARIF log, and tells the runner what was found: step outputs (GITHUB_OUTPUT)
// and a table in the job summary (GITHUB_STEP_SUMMARY). It does not fail the job itself: the SARIF is
// uploaded first, then the last step fails as the exit code says (scripts/action/verdict.sh).
// Inputs come as INPUT_* variables (action.yml passes them; a composite action's run steps get none otherwise).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const env = process.env;
const workspace = env.GITHUB_WORKSPACE || process.cwd();
const bin = path.join(env.GITHUB_ACTION_PATH || path.resolve(import.meta.dirname, '..', '..'), 'bin', 'accountable.js');
const lines = (text) => (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
/** The most findings listed in the job summary; the SARIF log and code scanning hold them all. */
const SUMMARY_ROWS = 100;

const failOn = (env.INPUT_FAIL_ON || 'warning').trim();
const minSeverity = (env.INPUT_MIN_SEVERITY || '').trim();
const shard = (env.INPUT_SHARD || '').trim();
const config = (env.INPUT_CONFIG || '').trim();
const merging = lines(env.INPUT_MERGE);
const sarifFile = (env.INPUT_SARIF_FILE || 'accountable.sarif').trim();

const args = merging.length > 0 ? ['merge', ...merging.flatMap(sarifFilesIn)] : lines(env.INPUT_PATHS || '.');
args.push('--format', 'sarif');
// `never` is the action's own word: the CLI still says 1 for findings at or above its default, and the verdict passes them.
if (failOn !== 'never') args.push('--fail-on', failOn);
if (minSeverity) args.push('--min-severity', minSeverity);
// Options that do not apply to merge (a shard, a configuration) are refused by the CLI, as given.
if (shard) args.push('--shard', shard);
if (config) args.push('--config', config);

console.log(`accountable ${args.map((a) => (/^[\w./:=@-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}`);
const run = spawnSync(process.execPath, [bin, ...args], { cwd: workspace, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
process.stderr.write(run.stderr ?? '');
const code = run.status ?? 2;
if (run.error) console.error(`accountable did not run: ${run.error.message}`);

const log = sarifLog(run.stdout);
const findings = log ? log.runs[0].results.filter((r) => !(r.suppressions?.length > 0)) : [];
const count = (severity) => findings.filter((r) => severityOf(r) === severity).length;
const outputs = {
	'exit-code': code,
	'sarif-file': '',
	findings: findings.length,
	errors: count('error'),
	warnings: count('warning'),
	category: shard ? `accountable-shard-${shard.replace('/', '-of-')}` : 'accountable',
};
if (log) {
	fs.mkdirSync(path.dirname(path.resolve(workspace, sarifFile)), { recursive: true });
	fs.writeFileSync(path.resolve(workspace, sarifFile), run.stdout);
	outputs['sarif-file'] = sarifFile;
}
if (env.GITHUB_OUTPUT) fs.appendFileSync(env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`).join(''));
if (env.GITHUB_STEP_SUMMARY) fs.appendFileSync(env.GITHUB_STEP_SUMMARY, jobSummary());

/** A folder given to merge stands for the SARIF logs in it (what actions/download-artifact leaves). */
function sarifFilesIn(entry) {
	const full = path.resolve(workspace, entry);
	if (!fs.existsSync(full) || !fs.statSync(full).isDirectory()) return [entry];
	const found = fs.readdirSync(full, { recursive: true }).filter((f) => f.endsWith('.sarif')).sort();
	return found.length > 0 ? found.map((f) => path.join(entry, f)) : [entry];
}

function sarifLog(text) {
	try {
		const log = JSON.parse(text);
		return Array.isArray(log?.runs?.[0]?.results) ? log : undefined;
	} catch {
		return undefined;
	}
}

function severityOf(result) {
	return result.properties?.severity ?? (result.level === 'error' ? 'error' : result.level === 'warning' ? 'warning' : 'information');
}

function jobSummary() {
	const title = `## Accountable${shard ? ` (shard ${shard})` : ''}${merging.length > 0 ? ' (merged shards)' : ''}\n\n`;
	const said = lines(run.stderr);
	const counted = said.findLast((l) => /^\d+ findings?\b.* in \d+ files?$/.test(l));
	if (!log || code === 2) {
		const problems = said.filter((l) => l !== counted);
		return `${title}**The review could not be completed** (exit code ${code}).\n\n${problems.length > 0 ? `\`\`\`\n${problems.join('\n')}\n\`\`\`\n` : ''}\n`;
	}
	const verdict = code === 1 ? (failOn === 'never' ? 'findings (fail-on: never)' : `findings at or above ${failOn}: the job fails`) : 'nothing at or above fail-on';
	const head = `${title}**${counted ?? `${findings.length} findings`}** — ${verdict}.\n\n`;
	if (findings.length === 0) return `${head}No findings.\n\n`;
	const rules = log.runs[0].tool.driver.rules ?? [];
	const rows = findings.slice(0, SUMMARY_ROWS).map((r) => {
		const location = r.locations?.[0];
		const physical = location?.physicalLocation;
		const word = location?.logicalLocations?.[0]?.fullyQualifiedName;
		const where = `${physical?.artifactLocation?.uri ?? ''}${word ? ` ${word}` : physical?.region ? `:${physical.region.startLine}` : ''}`;
		const help = rules.find((rule) => rule.id === r.ruleId)?.helpUri;
		const rule = help?.startsWith('http') ? `[${cell(r.ruleId)}](${help})` : `\`${cell(r.ruleId)}\``;
		return `| ${severityOf(r)} | ${cell(where)} | ${rule} | ${cell(r.message?.text ?? '')} |`;
	});
	const more = findings.length > SUMMARY_ROWS ? `\n…and ${findings.length - SUMMARY_ROWS} more in the SARIF log (${sarifFile}) and code scanning.\n` : '';
	return `${head}| Severity | Where | Rule | Finding |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n${more}\n`;
}

/** Text from a draft in a Markdown table cell: one line, no cell breaks, no HTML. */
function cell(text) {
	return String(text).replace(/\s+/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
