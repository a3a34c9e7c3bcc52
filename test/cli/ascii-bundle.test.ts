/**
 * The bundles are written in ASCII only (scripts/esbuild-node.mjs), so bin/load-bundle.js reads them as Latin-1
 * instead of decoding 3 MB of UTF-8 at every start. The characters beyond ASCII that esbuild leaves in regular
 * expression literals, String.raw templates and comments are escaped: the bundle must still mean what the
 * sources say.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempFoldersRemovedAfterAll } from '../helpers/cli';

const tempFolder = tempFoldersRemovedAfterAll();
const { loadBundle } = require('../../bin/load-bundle.js') as { loadBundle: (file: string) => Record<string, unknown> };

/** What the sample module's functions return, in the order they are listed. */
type Sample = { results: () => unknown[] };

const SAMPLE = `
// A comment with a dash – and an emoji 🪦.
const DASHES = /[\\-\\–\\—]/g;
const QUOTES = /[\\p{L}'’-]+/gu;
const ASTRAL = /🪦+/u;
const ASTRAL_CLASS = /^[🪦a]$/u;
const RAW = new RegExp(String.raw\`n['’]t\\b\`, 'iu');
const BACKSLASH_THEN_DASH = /\\\\–/;
export function results(): unknown[] {
	return [
		'a–b—c-d'.replace(DASHES, '+'),
		"don’t can't".match(QUOTES),
		ASTRAL.exec('x🪦🪦y')?.[0],
		ASTRAL_CLASS.test('🪦'),
		RAW.test('DON’T'),
		BACKSLASH_THEN_DASH.test('\\\\–'),
		'é€🪦'.length,
		\`template – \${1}\`,
	];
}
`;

describe('bundles in ASCII', () => {
	it('the CLI and the language server are built in ASCII only', () => {
		for (const bundle of ['cli.js', 'server.js']) {
			const bytes = fs.readFileSync(path.join(ROOT, 'out', bundle));
			expect(bytes.length).toBeGreaterThan(1_000_000);
			expect(bytes.findIndex((b) => b >= 0x80), bundle).toBe(-1);
		}
	});

	it('escapes what esbuild leaves beyond ASCII without changing what the code does', async () => {
		const dir = tempFolder({});
		const entry = path.join(dir, 'sample.ts');
		fs.writeFileSync(entry, SAMPLE);
		const { buildForNode } = (await import(path.join(ROOT, 'scripts', 'esbuild-node.mjs'))) as { buildForNode: (o: object) => Promise<unknown> };
		const outfile = path.join(dir, 'sample.js');
		await buildForNode({ entryPoints: [entry], outfile });
		const bundled = fs.readFileSync(outfile);
		expect(bundled.findIndex((b) => b >= 0x80)).toBe(-1);
		// The same module as the sources say it, evaluated without the build: what the escaped bundle must equal.
		const expected = [
			'a+b+c+d',
			['don’t', "can't"],
			'🪦🪦',
			true,
			true,
			true,
			4,
			'template – 1',
		];
		expect((loadBundle(outfile) as unknown as Sample).results()).toEqual(expected);
	});

	it('loads a bundle that is not ASCII as UTF-8', () => {
		const dir = tempFolder({});
		const file = path.join(dir, 'utf8.js');
		fs.writeFileSync(file, "exports.text = 'café – 🪦';\n");
		expect(loadBundle(file).text).toBe('café – 🪦');
	});
});
