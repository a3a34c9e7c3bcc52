import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportItem } from '../../server/src/engine/report';
import { convertWordDocument } from '../../server/src/node/docx';
import { ROOT, tempFolder } from '../helpers/cli';
import { runReport as report } from '../report/helpers';
import { encryptedDocx, grantProposal, truncatedDocx, writeFiles } from './fixtures';

/** `accountable report proposal.docx`: the scorecard of a Word document, its evidence located as Word users find it. */

let proposal: Buffer;
let dir: string;

beforeAll(async () => {
	proposal = await grantProposal();
	dir = tempFolder({});
	writeFiles(dir, { 'proposal.docx': proposal, 'cut.docx': await truncatedDocx(), 'locked.docx': encryptedDocx(), 'notes.docx': 'Meeting notes, saved as text and renamed.\n' });
});

const where = (items: ReportItem[]): Array<string | undefined> => items.map((i) => i.location);

describe('accountable report proposal.docx --format json', () => {
	it('scores the converted document and places every evidence item by Word paragraph and heading path', () => {
		const run = report(['proposal.docx', '--format', 'json'], dir);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		const data = JSON.parse(run.stdout) as Report;
		expect(data.document).toMatchObject({ file: 'proposal.docx', title: 'Safe Harbor Grant Proposal' });
		const area = (id: string) => data.areas.find((a) => a.id === id)!;
		// The finding in bold-split runs, the one in a table cell, and the section-level one on a Word heading.
		expect(area('unconditional-services').status).toBe('contradicted');
		expect(where(area('unconditional-services').findings)).toEqual(['¶7 (SEC. 5 › Services)', '¶14 (SEC. 5 › Budget)']);
		expect(area('consent').status).toBe('contradicted');
		expect(where(area('consent').findings)).toEqual(['¶15 (SEC. 5 › Referral and data sharing)', '¶16 (SEC. 5 › Referral and data sharing)']);
		// Provisions are located the same way (the two numbered list items).
		expect(area('prevention-training').status).toBe('addressed');
		expect(where(area('prevention-training').provisions)).toEqual(['¶5 (SEC. 5 › Services)', '¶6 (SEC. 5 › Services)']);
		// The same places as data, for tools.
		expect(area('unconditional-services').findings.map((i) => i.word)).toEqual([
			{ paragraph: 7, headingPath: ['SEC. 5', 'Services'] },
			{ paragraph: 14, headingPath: ['SEC. 5', 'Budget'] },
		]);
		expect(area('unconditional-services').findings[1]!.quote).toBe('Benefits are available only to victims who cooperate with the prosecution.');
	});

	it('keeps line and range pointing into the converted text, and validates against the report schema', async () => {
		const data = JSON.parse(report(['proposal.docx', '--format', 'json'], dir).stdout) as Report;
		const { markdown } = await convertWordDocument(proposal);
		const lines = markdown.split('\n');
		const items = data.areas.flatMap((a) => [...a.findings, ...a.provisions]);
		expect(items).toHaveLength(7);
		for (const item of items) expect(lines[item.line - 1]).toContain(item.quote.slice(0, 20));
		const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules/schema/report.schema.json'), 'utf8'));
		const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
		expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
		(data.areas[0]!.findings[0]!.word as { paragraph: number }).paragraph = 0;
		expect(validate(data)).toBe(false);
	});
});

describe('accountable report proposal.docx (Markdown and HTML)', () => {
	it('shows ¶N and the heading path instead of line numbers in the scorecard and the evidence', () => {
		const run = report(['proposal.docx'], dir);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^# Accountability report: Safe Harbor Grant Proposal\n/);
		expect(run.stdout).toContain('| Unconditional access to services | ✗ Contradicted | 2 findings (¶7 (SEC. 5 › Services), ¶14 (SEC. 5 › Budget)) |');
		expect(run.stdout).toContain('- ¶7 (SEC. 5 › Services): “Victims who agree to testify shall be eligible for emergency shelter.” — ');
		expect(run.stdout).toContain('- ¶15 (SEC. 5 › Referral and data sharing): “Referral and data sharing” — ');
		expect(run.stdout).toContain('- ¶5 (SEC. 5 › Services): “Open two drop-in centres run with community organisations.” — ');
		// Line numbers of the converted text mean nothing to a Word user.
		expect(run.stdout).not.toMatch(/\bline \d+|Line \d+/);
	});

	it('writes the self-contained HTML with the Word locations', () => {
		const run = report(['proposal.docx', '--format', 'html', '--output', 'proposal-report.html'], dir);
		expect(run.code).toBe(0);
		expect(run.stderr).toBe('Accountability report of proposal.docx written to proposal-report.html\n');
		const html = fs.readFileSync(path.join(dir, 'proposal-report.html'), 'utf8');
		expect(html).toContain('<span class="where">¶14 (SEC. 5 › Budget)</span>');
		expect(html).not.toMatch(/<span class="where">Line \d+/);
	});
});

describe('accountable report on a file that is not a readable Word document', () => {
	it.each([
		['cut.docx', /^accountable: cut\.docx is damaged and cannot be read/m],
		['locked.docx', /^accountable: locked\.docx is password-protected \(encrypted\)/m],
		['notes.docx', /^accountable: notes\.docx is not a Word document \(\.docx\): it is not a ZIP package/m],
	])('%s: exit code 2, a clear message, no report and no stack trace', (file, message) => {
		for (const format of ['md', 'json']) {
			const run = report([file, '--format', format], dir);
			expect(run.code).toBe(2);
			expect(run.stderr).toMatch(message);
			expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
			expect(run.stdout).toBe('');
		}
		const written = report([file, '--output', 'never.md'], dir);
		expect(written.code).toBe(2);
		expect(fs.existsSync(path.join(dir, 'never.md'))).toBe(false);
	});
});
