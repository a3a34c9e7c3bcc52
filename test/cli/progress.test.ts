import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../server/src/cli/main';
import { tempFolder } from '../helpers/cli';

function fakeIO(cwd: string, isTTY: boolean): CliIO & { out: string; err: string } {
	const io = {
		out: '',
		err: '',
		cwd,
		isTTY,
		stdout: (s: string) => {
			io.out += s;
		},
		stderr: (s: string) => {
			io.err += s;
		},
		readStdin: async () => '',
	};
	return io;
}

const files = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`d${String(i).padStart(2, '0')}.md`, 'Services are provided to everyone.\n']));

describe('progress on stderr', () => {
	it('shows a progress line while many files are reviewed in a terminal', async () => {
		const io = fakeIO(tempFolder(files), true);
		expect(await main(['.'], io)).toBe(0);
		expect(io.err).toMatch(/Reviewing \d+\/25 /);
		// The line is redrawn in place: its own control sequences are not escaped (only file names are).
		expect(io.err).toContain('\r\x1b[2KReviewing');
		expect(io.out).toBe('');
	});

	it('stays silent when stderr is not a terminal, and with --quiet', async () => {
		const piped = fakeIO(tempFolder(files), false);
		await main(['.'], piped);
		expect(piped.err).not.toMatch(/Reviewing/);
		const quiet = fakeIO(tempFolder(files), true);
		await main(['.', '--quiet'], quiet);
		expect(quiet.err).toBe('');
	});
});
