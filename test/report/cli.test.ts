import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, type Report } from '../../server/src/engine/report';
import { tempFolder } from '../helpers/cli';
import { version } from '../../package.json';
import { runReport as report } from './helpers';

describe('accountable report', () => {
	it('writes Markdown to standard output by default, the same as the JSON rendered as Markdown', () => {
		const md = report(['examples/draft-state-bill.md']);
		expect(md.stderr).toBe('');
		expect(md.code).toBe(0);
		expect(md.stdout).toMatch(/^# Accountability report: Safe Communities Anti-Trafficking Act of 2027\n/);
		expect(md.stdout).toContain('reviewed on 2024-05-01');
		const json = report(['examples/draft-state-bill.md', '--format', 'json']);
		expect(json.code).toBe(0);
		const data = JSON.parse(json.stdout) as Report;
		expect(data.tool.version).toBe(version);
		expect(data.generated).toBe('2024-05-01T12:00:00.000Z');
		expect(md.stdout).toBe(renderMarkdown(data));
	});

	it('writes HTML to --output, says where on standard error, and prints nothing else', () => {
		const dir = tempFolder({ 'draft.md': '# Draft\n\nVictims who agree to testify shall be eligible for shelter.\n' });
		const run = report(['draft.md', '--format', 'html', '--output', 'out/report.html'], dir);
		// A missing folder is an I/O error, reported with exit code 2.
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/cannot write out\/report\.html: its folder does not exist/);
		const ok = report(['draft.md', '--format', 'html', '-o', 'report.html'], dir);
		expect(ok.code).toBe(0);
		expect(ok.stdout).toBe('');
		expect(ok.stderr).toBe('Accountability report of draft.md written to report.html\n');
		const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
		expect(html).toMatch(/^<!DOCTYPE html>/);
		expect(html).toContain('<h1>Draft</h1>');
		// Self-contained: no external resource of any kind.
		expect(html).not.toMatch(/<(?:script|link|iframe|img)\b|@import|url\((?!#)/i);
	});

	it('finds the configuration that applies to the file, as a review does', () => {
		const run = report(['test/report/fixtures/rights-respecting-policy.md', '--format', 'json']);
		expect(run.code).toBe(0);
		const data = JSON.parse(run.stdout) as Report;
		expect(data.areas.find((a) => a.id === 'consent')?.status).toBe('addressed');
	});

	it('exits 2 with a message for a missing file or an unknown format; a folder or several files make one report of them all', () => {
		const missing = report(['no-such-draft.md']);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/no such file: no-such-draft\.md/);
		expect(missing.stdout).toBe('');
		// The report of many documents (test/cli/portfolio-report.test.ts), even of a folder holding one.
		const folder = report(['examples']);
		expect([folder.code, folder.stderr]).toEqual([0, '']);
		expect(folder.stdout).toMatch(/^# Accountability report: 1 document\n[^]*\n\| Safe Communities Anti-Trafficking Act of 2027 \| examples\/draft-state-bill\.md \|/);
		const two = report(['examples/draft-state-bill.md', 'test/report/fixtures/rights-respecting-policy.md', '--format', 'json']);
		expect(two.code).toBe(0);
		expect(JSON.parse(two.stdout).documents.map((d: Report) => d.document.file)).toEqual(['examples/draft-state-bill.md', 'test/report/fixtures/rights-respecting-policy.md']);
		const none = report([]);
		expect(none.code).toBe(2);
		expect(none.stderr).toMatch(/report needs a file, or the folders, files or globs of many documents/);
		const format = report(['examples/draft-state-bill.md', '--format', 'sarif']);
		expect(format.code).toBe(2);
		expect(format.stderr).toMatch(/unknown report format "sarif"; one of: md, html, json/);
	});

	it('explains itself with --help', () => {
		const help = report(['--help']);
		expect(help.code).toBe(0);
		// Its own usage (it used to be the general one, where report has one line).
		expect(help.stdout).toMatch(/^Usage: accountable report <file> \[--format md\|html\|json\] \[--output <file> \[--force\]\]/);
		expect(help.stdout).toContain('--locale es writes the report');
	});
});
