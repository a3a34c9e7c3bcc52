import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'accountable.js');

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs the built CLI (npm test builds it first) as a user would, in `cwd`. */
export function runCli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliRun {
	// A batch's JSON passes Node's default 1 MB output buffer, past which the child is killed (status null).
	const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, input: options.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...options.env }, maxBuffer: 256 * 1024 * 1024 });
	return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder with the given files (paths relative to it). */
/** A `tempFolder` for a test file whose folders are all removed after its tests. */
export function tempFoldersRemovedAfterAll(): (files: Record<string, string>) => string {
	const dirs: string[] = [];
	afterAll(() => {
		for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
	});
	return (files) => {
		const dir = tempFolder(files);
		dirs.push(dir);
		return dir;
	};
}

export function tempFolder(files: Record<string, string>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-test-'));
	for (const [name, text] of Object.entries(files)) {
		const file = path.join(dir, name);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, text);
	}
	return dir;
}
