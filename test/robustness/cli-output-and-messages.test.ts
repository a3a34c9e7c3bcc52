import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFoldersRemovedAfterAll } from '../helpers/cli';

/**
 * The CLI writes only what it was asked to, where it was asked, never over an input; and it speaks to
 * people who are not programmers: an unknown option names the one meant, a missing file says so in words,
 * an old .doc says to save as .docx, a wrong --profile lists the right ones, and counts agree in number.
 */

const FLAGGED = 'Shelter shall be provided to a victim only if the victim is willing to testify against the trafficker.';
const DRAFT = `# Draft\n\n${FLAGGED}\n`;

const folder = tempFoldersRemovedAfterAll();

describe('report --output never writes over an input, nor over a file without --force', () => {
	it('report draft.md --output draft.md is refused and the draft is untouched', () => {
		const dir = folder({ 'draft.md': DRAFT });
		const run = runCli(['report', 'draft.md', '--output', 'draft.md'], { cwd: dir });
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('draft.md is the draft being reported on; the report cannot be written over it');
		expect(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8')).toBe(DRAFT);
		// Not by another name either, nor with --force.
		fs.symlinkSync('draft.md', path.join(dir, 'alias.md'));
		fs.linkSync(path.join(dir, 'draft.md'), path.join(dir, 'hard.md'));
		for (const target of ['alias.md', 'hard.md', './draft.md']) {
			const other = runCli(['report', 'draft.md', '--force', '--output', target], { cwd: dir });
			expect(other.code).toBe(2);
			expect(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8')).toBe(DRAFT);
		}
	});

	it('an existing output file is replaced only with --force', () => {
		const dir = folder({ 'draft.md': DRAFT, 'report.md': 'keep me' });
		const refused = runCli(['report', 'draft.md', '--output', 'report.md'], { cwd: dir });
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('report.md already exists; --force replaces it');
		expect(fs.readFileSync(path.join(dir, 'report.md'), 'utf8')).toBe('keep me');
		const forced = runCli(['report', 'draft.md', '--output', 'report.md', '--force'], { cwd: dir });
		expect(forced.code).toBe(0);
		expect(fs.readFileSync(path.join(dir, 'report.md'), 'utf8')).toMatch(/^# /);
	});

	it('--output r.html writes HTML and r.json JSON (by extension); a --format that contradicts the extension is refused', () => {
		const dir = folder({ 'draft.md': DRAFT });
		expect(runCli(['report', 'draft.md', '--output', 'r.html'], { cwd: dir }).code).toBe(0);
		expect(fs.readFileSync(path.join(dir, 'r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
		expect(runCli(['report', 'draft.md', '--output', 'R.JSON'], { cwd: dir }).code).toBe(0);
		expect(() => JSON.parse(fs.readFileSync(path.join(dir, 'R.JSON'), 'utf8'))).not.toThrow();
		const mismatch = runCli(['report', 'draft.md', '--format', 'md', '--output', 'x.html'], { cwd: dir });
		expect(mismatch.code).toBe(2);
		expect(mismatch.stderr).toContain('--format md does not match the output file x.html (a .html file)');
		expect(fs.existsSync(path.join(dir, 'x.html'))).toBe(false);
	});
});

describe('messages in plain words', () => {
	it('an unknown option names itself and the nearest one, without a parser’s advice about positionals', () => {
		const run = runCli(['--formt', 'json', 'x.md']);
		expect(run.code).toBe(2);
		expect(run.stderr).toBe('accountable: unknown option --formt; did you mean --format?\nRun accountable --help for the list of options.\n');
		expect(runCli(['--follow-link', 'x']).stderr).toContain('did you mean --follow-links?');
	});

	it('a missing file, a missing path in a report of many documents, and a .doc say what is wrong in words (no ENOENT, EISDIR)', () => {
		const dir = folder({ 'docs/a.md': 'x', 'old.doc': 'ÐÏ\u0011à' });
		const missing = runCli(['nothere.md'], { cwd: dir });
		expect(missing.stderr).toContain('accountable: no such file or folder: nothere.md');
		const folderReport = runCli(['report', 'docs', 'gone/'], { cwd: dir });
		expect(folderReport.stderr).toBe('accountable: no such file or folder: gone/\naccountable: no report written: not every document named could be reviewed (see above)\n');
		const doc = runCli(['old.doc'], { cwd: dir });
		expect(doc.stderr).toContain('old.doc is a Word 97–2003 document (.doc), which Accountable cannot read; open it in Word and save it as .docx');
		for (const run of [missing, folderReport, doc]) {
			expect(run.code).toBe(2);
			expect(run.stderr).not.toMatch(/E[A-Z]{3,}/);
		}
	});

	it('an invalid --profile lists the valid ones (and the nearest)', () => {
		const run = runCli(['--profile', 'bil', 'x.md']);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('unknown profile "bil"; did you mean "bill"?; --profile is one of: auto, general, bill, grant-proposal');
	});

	it('counts agree in number: 1 error, 2 errors, 1 file, 2 files', () => {
		const dir = folder({ 'one.md': DRAFT, 'two.md': `${DRAFT}\nBenefits are available only to victims who cooperate with the prosecution.\n` });
		expect(runCli(['one.md'], { cwd: dir }).stderr).toMatch(/^1 finding \(1 error\) in 1 file$/m);
		const both = runCli(['one.md', 'two.md'], { cwd: dir }).stderr;
		expect(both).toMatch(/^\d+ findings \((\d+) errors\b.*\) in 2 files$/m);
		expect(both).not.toMatch(/\b(?:[02-9]|\d\d+) (?:error|warning|hint|finding|file)\b(?!s)/);
	});
});
