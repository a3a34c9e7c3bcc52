import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) ? [p] : [];
	});
}

describe('the engine boundary', () => {
	it('imports no file system, process, network, editor or protocol module', () => {
		const forbidden = /from\s+['"](?:node:)?(?:fs|fs\/promises|child_process|net|http|https|dns|process|vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]/;
		const offenders = sources(path.join(ROOT, 'server/src/engine')).filter((f) => forbidden.test(fs.readFileSync(f, 'utf8')));
		expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
	});

	it('uses no process globals', () => {
		const offenders = sources(path.join(ROOT, 'server/src/engine')).filter((f) => /\bprocess\.|\brequire\(/.test(fs.readFileSync(f, 'utf8')));
		expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
	});
});
