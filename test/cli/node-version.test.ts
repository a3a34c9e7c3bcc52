/**
 * The Node.js versions Accountable supports: package.json's "engines", every installed dependency accepting each
 * of them (so `npm ci` prints no EBADENGINE warning on any), and the CLI and the language server refusing any other
 * Node.js with one clear sentence rather than a syntax error or a crash half-way through.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempFolder } from '../helpers/cli';

const { satisfies, supportedRange } = require('../../bin/check-node.js') as { satisfies: (version: string, range: string) => boolean; supportedRange: () => string };
const semver = require('semver') as { satisfies: (version: string, range: string) => boolean };
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };

/** The oldest release of each declared line, the Node the e2e installer gives code-server, and the newest tried. */
const DECLARED = ['20.19.0', '20.20.2', '22.13.0', '24.0.0', '24.22.3', '26.1.0'];
const REFUSED = ['14.21.3', '16.20.2', '18.20.4', '20.18.3', '21.7.3', '22.12.0', '23.11.0'];

describe('the Node.js versions Accountable supports', () => {
	it('are declared in package.json: 20.19 and later 20s, 22.13 and later 22s, 24 and later', () => {
		expect(pkg.engines.node).toBe('^20.19.0 || ^22.13.0 || >=24');
		expect(supportedRange()).toBe(pkg.engines.node);
		for (const version of DECLARED) expect(satisfies(version, pkg.engines.node), version).toBe(true);
		for (const version of REFUSED) expect(satisfies(version, pkg.engines.node), version).toBe(false);
		expect(satisfies(process.versions.node, pkg.engines.node), `this Node.js, ${process.versions.node}, which runs npm test`).toBe(true);
	});

	it('are told apart by the CLI exactly as npm tells them apart', () => {
		const part = fc.nat({ max: 30 });
		fc.assert(
			fc.property(part, part, part, (major, minor, patch) => {
				const version = `${major}.${minor}.${patch}`;
				expect(satisfies(version, pkg.engines.node), version).toBe(semver.satisfies(version, pkg.engines.node));
			}),
			{ numRuns: 2000 },
		);
	});

	it('are supported by every package npm ci installs, so it warns of no engine on any of them', () => {
		const unsupported: string[] = [];
		for (const [where, entry] of Object.entries(lock.packages)) {
			const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
			if (!where || !range) continue;
			const refusing = DECLARED.filter((version) => !semver.satisfies(version, range));
			if (refusing.length > 0) unsupported.push(`${where.replace(/^.*node_modules\//, '')}@${entry.version} wants ${range}, not ${refusing.join(', ')}`);
		}
		expect(unsupported).toEqual([]);
	});
});

describe('on a Node.js it does not support', () => {
	// Node.js itself cannot be swapped here: a preloaded module makes this one report another version.
	const dir = tempFolder({});
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
	function runAs(version: string, bin: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
		const preload = path.join(dir, `node-${version}.cjs`);
		fs.writeFileSync(preload, `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} });\n`);
		const result = spawnSync(process.execPath, ['--require', preload, path.join(ROOT, 'bin', bin), ...args], { cwd: ROOT, encoding: 'utf8', input: '', timeout: 20000 });
		return { code: result.status, stdout: result.stdout, stderr: result.stderr };
	}

	it('the CLI says which versions it needs and exits 2 without reviewing anything', () => {
		const run = runAs('18.20.4', 'accountable.js', ['examples/']);
		expect(run).toEqual({
			code: 2,
			stdout: '',
			stderr: 'accountable: Node.js 18.20.4 is not supported. Accountable needs Node.js ^20.19.0 || ^22.13.0 || >=24 (package.json "engines"): install one of those (nodejs.org) and run accountable with it.\n',
		});
		expect(runAs('21.7.3', 'accountable.js', ['--version'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Node.js 21.7.3 is not supported') });
	});

	it('the language server says so on stderr (where editors log it) and does not start', () => {
		const run = runAs('20.18.3', 'accountable-lsp.js', ['--stdio']);
		expect(run).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^accountable-lsp: Node\.js 20\.18\.3 is not supported\. Accountable needs Node\.js \^20\.19\.0/) });
	});

	it('while a supported version runs as usual', () => {
		expect(runAs('24.0.0', 'accountable.js', ['--version'])).toEqual({ code: 0, stdout: `${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`, stderr: '' });
	});
});
