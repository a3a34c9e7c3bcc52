import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompiledRules, Finding } from '../../server/src/engine';
import { builtinReviewer, type ReviewEnvironment } from '../../server/src/web/draft';
import { inflateRawBrowser } from '../../server/src/web/inflateBrowser';
import { ROOT } from '../helpers/cli';

/** Fixed so reports compare across runs. */
export const GENERATED = '2024-05-01T12:00:00.000Z';

/**
 * What the web page reviews with: the compiled rules it embeds (out/builtin-rules.json, written by the build
 * that npm test runs first) and the browser's inflater (DecompressionStream, which Node.js has too).
 */
export function webEnvironment(): ReviewEnvironment {
	const file = path.join(ROOT, 'out', 'builtin-rules.json');
	if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first (npm test does)`);
	const compiled = JSON.parse(fs.readFileSync(file, 'utf8')) as CompiledRules;
	return { reviewer: builtinReviewer(compiled), inflateRaw: inflateRawBrowser, version: '0.0.0-test', now: () => GENERATED };
}

/** What identifies a finding across the CLI and the page (the page's rules have no documentation file to link). */
export function findingKeys(findings: readonly Finding[]): string[] {
	return findings.map((f) => `${f.ruleId} ${f.severity} ${f.offsets.start}-${f.offsets.end} ${f.message}`);
}
