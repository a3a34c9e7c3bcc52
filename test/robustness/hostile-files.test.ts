import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/cli';
import { expectWithin, runMeasured } from '../helpers/measured';

/**
 * What a folder or file given to the CLI may be, as an attacker (or an unlucky repository) makes it: links to
 * /dev/zero, to / and out of the tree, FIFOs, a 3 GB sparse file, an unreadable folder, names that carry
 * newlines and escape sequences. Every case runs the built CLI as a whole process with bounds on time and
 * memory that fail the test when passed: before these fixes several hung, or grew until the process died.
 */

const FLAGGED = 'Shelter shall be provided to a victim only if the victim is willing to testify against the trafficker.';
const RULE = 'conditional-services/cooperation-required';
const BOUNDS = { seconds: 20, rssMb: 400 };
const TIMEOUT = { timeoutSeconds: 30 };
/** A test running as root passes every permission check; the CLI then runs as `nobody` so permissions apply. */
const AS_USER = process.getuid?.() === 0 ? { uid: 65534 } : {};

const folders: string[] = [];
function folder(files: Record<string, string>): string {
	const dir = tempFolder(files);
	fs.chmodSync(dir, 0o755);
	folders.push(dir);
	return dir;
}
afterAll(() => {
	for (const dir of folders) {
		execFileSync('chmod', ['-R', 'u+rwx', dir]);
		fs.rmSync(dir, { recursive: true, force: true });
	}
});

const findingLines = (stdout: string): string[] => stdout.split('\n').filter((l) => / (error|warning|information|hint) /.test(l));

describe('files that are not what their names say', () => {
	it('a .md that is a link to /dev/zero is refused before it is read (memory stays flat), exit 2', async () => {
		const dir = folder({ 'draft.md': `${FLAGGED}\n` });
		fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
		const m = await runMeasured(['zero.md', 'draft.md'], dir, TIMEOUT);
		expectWithin(m, BOUNDS, 'link to /dev/zero named .md');
		expect(m.stderr).toMatch(/zero\.md is not a regular file \(a device\)/);
		expect(findingLines(m.stdout).some((l) => l.includes(RULE))).toBe(true);
		expect(m.code).toBe(2);
	}, 40_000);

	it('a FIFO named .md, given by name or met in a folder, is refused without waiting for a writer, exit 2', async () => {
		const dir = folder({ 'draft.md': `${FLAGGED}\n` });
		execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
		for (const args of [['pipe.md'], ['.']]) {
			const m = await runMeasured(args, dir, TIMEOUT);
			expectWithin(m, BOUNDS, `FIFO named .md (${args[0]})`);
			expect(m.stderr).toMatch(/pipe\.md is not a regular file \(a named pipe \(FIFO\)\)/);
			expect(m.code).toBe(2);
		}
	}, 80_000);

	it('standard input that never ends (/dev/zero) is cut off at the document limit, exit 2', async () => {
		const dir = folder({});
		const m = await runMeasured(['--stdin'], dir, { ...TIMEOUT, stdin: '/dev/zero' });
		expectWithin(m, BOUNDS, '--stdin from /dev/zero');
		expect(m.stderr).toMatch(/standard input is over the limit of 30000000 bytes for a document \(maxDocumentSize\); not reviewed/);
		expect(m.code).toBe(2);
	}, 40_000);

	it('a 3 GB sparse .md is refused from its size, without reading it, exit 2', async () => {
		const dir = folder({});
		const file = path.join(dir, 'huge.md');
		fs.closeSync(fs.openSync(file, 'w'));
		fs.truncateSync(file, 3 * 1024 * 1024 * 1024);
		const m = await runMeasured(['huge.md'], dir, TIMEOUT);
		expectWithin(m, { seconds: 5, rssMb: 300 }, '3 GB sparse .md');
		expect(m.stderr).toMatch(/huge\.md is not reviewed: it is too large to read: 3\.0 GB/);
		expect(m.code).toBe(2);
	}, 40_000);

	it('a .accountable.yaml that is a FIFO or a link to /dev/zero is an error on that file; the review goes on with the built-in rules, exit 2', async () => {
		for (const make of ['fifo', 'zero'] as const) {
			const dir = folder({ 'draft.md': `${FLAGGED}\n` });
			const config = path.join(dir, '.accountable.yaml');
			if (make === 'fifo') execFileSync('mkfifo', [config]);
			else fs.symlinkSync('/dev/zero', config);
			const m = await runMeasured(['draft.md'], dir, TIMEOUT);
			expectWithin(m, BOUNDS, `.accountable.yaml as ${make}`);
			expect(m.stderr).toMatch(/^\.accountable\.yaml:1: configuration file is not a regular file/m);
			expect(findingLines(m.stdout).some((l) => l.includes(RULE))).toBe(true);
			expect(m.code).toBe(2);
		}
	}, 80_000);
});

describe('folder reviews stay inside the folder', () => {
	it('links to / and to /usr/share are reported and not followed; the review ends quickly with the folder’s own findings', async () => {
		const dir = folder({ 'docs/draft.md': `${FLAGGED}\n` });
		fs.symlinkSync('/', path.join(dir, 'docs', 'root'));
		fs.symlinkSync('/usr/share', path.join(dir, 'docs', 'share'));
		const m = await runMeasured(['docs'], dir, TIMEOUT);
		expectWithin(m, BOUNDS, 'folder with links to / and /usr/share');
		expect(m.stderr).toMatch(/skipped: docs\/root is a symbolic link to \/, outside the folder reviewed; not followed \(--follow-links reviews it\)/);
		expect(m.stderr).toMatch(/skipped: docs\/share is a symbolic link to \/usr\/share/);
		expect(findingLines(m.stdout).every((l) => l.startsWith('docs/draft.md:'))).toBe(true);
		expect(m.stderr).toMatch(/in 1 file\n/);
		expect(m.code).toBe(1);
	}, 40_000);

	it('--follow-links reviews what a link out of the folder points to; a link inside the folder is followed once, loops end', async () => {
		const outside = folder({ 'elsewhere.md': `${FLAGGED}\n` });
		const dir = folder({ 'docs/draft.md': 'Nothing to see.\n' });
		fs.symlinkSync(outside, path.join(dir, 'docs', 'outside'));
		fs.symlinkSync(path.join(dir, 'docs'), path.join(dir, 'docs', 'loop'));
		const plain = await runMeasured(['docs'], dir, TIMEOUT);
		expect(findingLines(plain.stdout)).toEqual([]);
		const followed = await runMeasured(['--follow-links', 'docs'], dir, TIMEOUT);
		expectWithin(followed, BOUNDS, 'folder with --follow-links and a loop');
		expect(findingLines(followed.stdout).map((l) => l.split(':')[0])).toEqual(['docs/outside/elsewhere.md']);
		expect(followed.stderr).toMatch(/in 2 files\n/);
	}, 40_000);

	it('extensions match in any case: BILL.MD and Proposal FINAL.DOCX are reviewed, in a folder and through a glob', async () => {
		const { grantProposal } = await import('../docx/fixtures');
		const dir = folder({ 'up/BILL.MD': `${FLAGGED}\n`, 'up/Notes.Txt': `${FLAGGED}\n` });
		fs.writeFileSync(path.join(dir, 'up', 'Proposal FINAL.DOCX'), await grantProposal());
		for (const args of [['up'], ['up/*']]) {
			const m = await runMeasured(args, dir, TIMEOUT);
			const files = new Set(findingLines(m.stdout).map((l) => l.split(':')[0]));
			expect(files).toEqual(new Set(['up/BILL.MD', 'up/Notes.Txt', 'up/Proposal FINAL.DOCX']));
			expect(m.stderr).toMatch(/ in 3 files\n/);
		}
	}, 60_000);

	it('an unreadable subfolder is named with its reason and fails the run (exit 2); the rest is reviewed', async () => {
		const dir = folder({ 'docs/draft.md': `${FLAGGED}\n`, 'docs/private/secret.md': `${FLAGGED}\n` });
		fs.chmodSync(path.join(dir, 'docs', 'private'), 0o000);
		const m = await runMeasured(['docs'], dir, { ...TIMEOUT, ...AS_USER });
		expectWithin(m, BOUNDS, 'unreadable subfolder');
		expect(m.stderr).toMatch(/accountable: docs\/private is a folder that cannot be read \(permission denied\)/);
		expect(findingLines(m.stdout).map((l) => l.split(':')[0])).toEqual(['docs/draft.md']);
		expect(m.code).toBe(2);
	}, 40_000);

	it('a Word 97–2003 .doc in a folder is named with what to do (save it as .docx); named on the command line it is an error', async () => {
		const dir = folder({ 'docs/draft.md': 'Nothing.\n', 'docs/Old Bill.DOC': '\u00d0\u00cf\u0011\u00e0 not really OLE' });
		const m = await runMeasured(['docs'], dir, TIMEOUT);
		expect(m.stderr).toMatch(/skipped: docs\/Old Bill\.DOC is a Word 97–2003 document \(\.doc\).*save it as \.docx/);
		expect(m.code).toBe(0);
		const named = await runMeasured(['docs/Old Bill.DOC'], dir, TIMEOUT);
		expect(named.stderr).toMatch(/docs\/Old Bill\.DOC is a Word 97–2003 document \(\.doc\).*save it as \.docx/);
		expect(named.code).toBe(2);
	}, 40_000);
});

describe('names and text cannot forge output', () => {
	const forgedName = 'x\n::error file=forged.md,line=1::forged\u001b]0;pwned\u0007.md';
	const ESC = /[\u0000-\u0008\u000b-\u001f\u007f]/;

	it('text output: a file name with a newline and an OSC sequence stays on its own line, escaped', async () => {
		const dir = folder({ [forgedName]: `${FLAGGED} \u001b[2J\n` });
		const m = await runMeasured(['.'], dir, TIMEOUT);
		expect(m.stdout.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
		expect(m.stdout).toContain('x\\n::error file=forged.md');
		expect(ESC.test(m.stdout)).toBe(false);
		expect(ESC.test(m.stderr)).toBe(false);
	}, 40_000);

	it('GitHub output: names and messages are escaped as workflow commands; stderr never starts a line with :: from input', async () => {
		const dir = folder({ [forgedName]: `${FLAGGED}\n`, '::stop-commands::token.md': '\u0000binary' });
		const m = await runMeasured(['--format', 'github', '.', '::stop-commands::token.md', '::stop-commands::missing.md'], dir, TIMEOUT);
		const commands = m.stdout.split('\n').filter(Boolean);
		expect(commands.length).toBeGreaterThan(0);
		for (const line of commands) expect(line).toMatch(/^::(error|warning|notice) file=[^\n,:]*(?:%3A[^\n,:]*)*,/);
		expect(m.stdout).toContain('x%0A%3A%3Aerror file=forged.md');
		expect(m.stderr.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
		expect(m.stderr).toMatch(/^\.\/::stop-commands::token\.md: not reviewed: binary content/m);
		expect(ESC.test(m.stdout) || ESC.test(m.stderr)).toBe(false);
	}, 40_000);
});
