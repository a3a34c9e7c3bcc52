import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './cli';

const BIN = path.join(ROOT, 'bin/accountable.js');
const PEAK_RSS = path.join(ROOT, 'test/helpers/peak-rss.cjs');

export interface Measured {
	code: number | null;
	stdout: string;
	stderr: string;
	seconds: number;
	peakRssMb: number;
	/** Set when the run was stopped at its time bound. */
	killed: boolean;
}

export interface MeasureOptions {
	/** Past this the process is killed, so a hang fails the test instead of the whole run. */
	timeoutSeconds: number;
	/** Run as this user (a test running as root uses it so that file permissions apply). */
	uid?: number;
	/** A file opened as the process's standard input (e.g. /dev/zero). */
	stdin?: string;
}

/** Runs the built CLI in `cwd` as a whole process, measuring its wall time and peak resident memory (getrusage, via a preload). */
export function runMeasured(args: string[], cwd: string, options: MeasureOptions): Promise<Measured> {
	if (options.uid !== undefined) assertReachable(BIN);
	const rssFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-rss-')), 'peak');
	if (options.uid !== undefined) fs.chmodSync(path.dirname(rssFile), 0o777);
	const started = process.hrtime.bigint();
	const stdin = options.stdin === undefined ? 'pipe' : fs.openSync(options.stdin, 'r');
	const child = spawn(process.execPath, ['--require', PEAK_RSS, BIN, ...args], {
		cwd,
		stdio: [stdin, 'pipe', 'pipe'],
		env: { ...process.env, NO_COLOR: '1', ACCOUNTABLE_PEAK_RSS_FILE: rssFile },
		...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
	});
	let stdout = '';
	let stderr = '';
	let killed = false;
	if (typeof stdin === 'number') fs.closeSync(stdin);
	else child.stdin?.end();
	child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
	const guard = setTimeout(() => {
		killed = true;
		child.kill('SIGKILL');
	}, options.timeoutSeconds * 1000);
	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(guard);
			const seconds = Number(process.hrtime.bigint() - started) / 1e9;
			const peakRssMb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN;
			fs.rmSync(path.dirname(rssFile), { recursive: true, force: true });
			resolve({ code, stdout, stderr, seconds, peakRssMb, killed });
		});
	});
}

/**
 * A run as another user needs every folder above the CLI searchable by others: say so plainly instead of
 * failing later with no measurement (a checkout in a private folder, such as mktemp's 0700).
 */
function assertReachable(file: string): void {
	for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
		if ((fs.statSync(dir).mode & 0o001) === 0) throw new Error(`${dir} is not searchable by other users (mode ${(fs.statSync(dir).mode & 0o777).toString(8)}): these tests run the CLI as an unprivileged user, because file permissions do not apply to root; make the folders above the checkout searchable (chmod o+x) or run the tests as a normal user`);
	}
}

/** Fails when a run passed its bounds (a kill at the time bound, or peak memory over `maxRssMb`). */
export function expectWithin(m: Measured, bounds: { seconds: number; rssMb: number }, what: string): void {
	console.log(`[hostile] ${what}: ${m.seconds.toFixed(2)} s, peak RSS ${Math.round(m.peakRssMb)} MB, exit ${m.code}`);
	if (m.killed || !(m.seconds < bounds.seconds)) throw new Error(`${what}: took ${m.seconds.toFixed(1)} s, over the bound of ${bounds.seconds} s`);
	if (!(m.peakRssMb < bounds.rssMb)) throw new Error(`${what}: peak memory ${Math.round(m.peakRssMb)} MB, over the bound of ${bounds.rssMb} MB`);
}
