#!/usr/bin/env node
// The standalone HTML report and its webview page in a real browser (test/e2e/report/html.chromium.test.ts, vitest
// driving Debian's Chromium through playwright-core): colours and contrast, dark mode, print and PDF, screenshots,
// the requests the page makes and the CSP as Chromium enforces it. Writes vitest's JSON report to the file named
// as the first argument (default test-results/e2e-report.json). Needs Chromium (CHROMIUM, from install.sh).
// E2E_VITEST_CONFIG names another vitest suite run the same way (the Word round trip through LibreOffice:
// test/e2e/word/vitest.config.mts).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsFile = process.argv[2] ?? path.join(root, 'test-results', 'e2e-report.json');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--config', process.env.E2E_VITEST_CONFIG ?? 'test/e2e/report/vitest.config.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
