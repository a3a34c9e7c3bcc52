// The packaged extension and the screenshots, for the workbench checks (run-ui.mjs, run-web-extension.mjs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// What `npm run package` needs, copied so the production build does not rewrite out/ under other test runs.
const PACKAGE_SOURCES = ['package.json', 'package.nls.json', 'package.nls.es.json', 'l10n', 'tsconfig.json', 'tsconfig.web.json', 'scripts', 'server/src', 'client/src', 'rules', 'bin', 'images', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'extension', 'examples', 'media'];

/** Builds the .vsix with `npm run package` in `work` (a copy of the sources) and returns its path. */
export function buildVsix(work) {
	for (const source of PACKAGE_SOURCES) {
		if (fs.existsSync(path.join(root, source))) fs.cpSync(path.join(root, source), path.join(work, source), { recursive: true });
	}
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'), 'dir');
	execFileSync('npm', ['run', 'package', '--silent'], { cwd: work, stdio: 'pipe', timeout: 180000 });
	const built = fs.readdirSync(path.join(work, 'dist')).filter((f) => f.endsWith('.vsix'));
	assert.equal(built.length, 1, `one .vsix in dist/: ${built}`);
	return path.join(work, 'dist', built[0]);
}

/** Checks the bytes are a PNG of the viewport's size and of a size a real screenshot has. */
export function checkPng(file, { width, height }) {
	const bytes = fs.readFileSync(file);
	assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
	assert.equal(bytes.subarray(12, 16).toString('ascii'), 'IHDR');
	assert.equal(bytes.readUInt32BE(16), width, 'width');
	assert.equal(bytes.readUInt32BE(20), height, 'height');
	assert.ok(bytes.length > 40000 && bytes.length < 20000000, `a plausible size for a workbench screenshot: ${bytes.length} bytes`);
	assert.equal(bytes.subarray(bytes.length - 8, bytes.length - 4).toString('ascii'), 'IEND', 'the PNG is complete');
	return bytes.length;
}

