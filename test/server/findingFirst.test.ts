/**
 * The finding first (issue #18): the Problems entry reads summary first and the words found after; the fix-all
 * source action applies every safe fix of a document in one edit, as markdownlint's does; rule documentation
 * is rendered for reading; Accountable's own files are never reviewed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { builtinRulesDir } from '../../server/src/node/ruleFiles';
import { tempFoldersRemovedAfterAll } from '../helpers/cli';
import { ROOT, TestClient, withRule, withoutRule } from './lspClient';

const COOPERATION = 'conditional-services/cooperation-required';
const SLAVERY = 'framing/sensational-slavery-language';
const REFERRAL = 'consent/mandatory-referral';
const DRAFT = `# Victim services

## Housing

Victims who assist in the investigation and prosecution of traffickers will receive housing assistance.

## Awareness

The campaign will warn the public about sex slaves.

Officers shall refer all identified victims to the state shelter.

As the old act put it:

> The campaign will warn the public about sex slaves.
`;

const tempFolder = tempFoldersRemovedAfterAll();
let dir: string;
let client: TestClient;

beforeEach(() => {
	dir = tempFolder({});
});

afterEach(async () => {
	await client?.dispose();
	expect(client.stderr).toBe('');
});

async function start(options: ConstructorParameters<typeof TestClient>[0] = {}): Promise<TestClient> {
	client = new TestClient({ workspaceFolder: dir, transport: 'in-process', ...options });
	await client.initialize();
	return client;
}

function textAt(uri: string, d: Diagnostic): string {
	const doc = client.documents.get(uri)!;
	return doc.getText(d.range);
}

describe('the Problems entry', () => {
	it('says the summary first and quotes the words found after it, notes before the quote', async () => {
		await start();
		const example = fs.readFileSync(path.join(ROOT, 'examples', 'draft-state-bill.md'), 'utf8');
		const uri = client.open(path.join(dir, 'draft-state-bill.md'), example);
		const diagnostics = (await client.waitForDiagnostics(uri, withRule(COOPERATION))).filter((d) => typeof d.code === 'string' && d.code.includes('/') && !(d.data as { scope?: string } | undefined)?.scope);
		expect(diagnostics.length).toBeGreaterThan(10);
		for (const d of diagnostics) {
			// Summary first: a capital letter, never an opening quotation mark.
			const message = String(d.message);
			expect(message, d.code as string).toMatch(/^[A-Z]/);
			const quoted = /: “([^]*)”$/.exec(message);
			expect(quoted, `${d.code}: ${message}`).not.toBeNull();
			expect(example).toContain(quoted![1]!.split('\n')[0]);
		}
		const cooperation = diagnostics.find((d) => d.code === COOPERATION)!;
		expect(cooperation.message).toBe(`Services made conditional on cooperating with law enforcement: “${textAt(uri, cooperation)}”`);
	});

	it('puts the note on quoted text before the quote', async () => {
		await start();
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		const slavery = (await client.waitForDiagnostics(uri, withRule(SLAVERY))).filter((d) => d.code === SLAVERY);
		expect(slavery.map((d) => d.message)).toEqual([
			'Sensational wording; describe people and what happened to them: “sex slaves”',
			'Sensational wording; describe people and what happened to them (in quoted or reported text): “sex slaves”',
		]);
	});
});

describe('Fix all Accountable problems (source.fixAll.accountable)', () => {
	const fixAll = (uri: string, only: string[] | undefined): Promise<CodeAction[]> =>
		client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
			textDocument: { uri },
			range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
			context: { diagnostics: [], ...(only ? { only } : {}) },
		});

	it('applies the preferred fix of every finding at once, never in quoted text, and the findings are gone', async () => {
		await start();
		const uri = client.open(path.join(dir, 'draft.md'), DRAFT);
		await client.waitForDiagnostics(uri, (d) => withRule(COOPERATION)(d) && withRule(SLAVERY)(d) && withRule(REFERRAL)(d));
		for (const only of [['source.fixAll'], ['source'], ['source.fixAll.accountable']]) {
			const actions = await fixAll(uri, only);
			expect(actions.map((a) => [a.title, a.kind]), only.join()).toEqual([['Fix all Accountable problems', 'source.fixAll.accountable']]);
		}
		// Not in the light bulb's list, nor in a request for quick fixes only.
		expect((await fixAll(uri, undefined)).some((a) => a.kind?.startsWith('source'))).toBe(false);
		expect((await fixAll(uri, ['quickfix'])).some((a) => a.kind?.startsWith('source'))).toBe(false);
		const [action] = await fixAll(uri, ['source.fixAll']);
		const edits = action!.edit!.changes![uri]!;
		expect(edits).toHaveLength(3);
		const before = client.publishCount(uri);
		const version = client.applyEdits(uri, edits);
		const text = client.text(uri);
		expect(text).toContain('Victims, regardless of whether the person cooperates with law enforcement, will receive housing assistance.');
		expect(text).toContain('The campaign will warn the public about human trafficking.\n');
		expect(text).toContain('Officers shall refer all identified victims to the state shelter. A referral is made only with the informed, voluntary consent of the person');
		// The quotation stays as it was quoted.
		expect(text).toContain('> The campaign will warn the public about sex slaves.\n');
		const after = await client.waitForDiagnostics(uri, () => client.diagnostics.get(uri)!.slice(before).some((p) => p.version === version), 'the review of the fixed text', before);
		const latest = client.diagnostics.get(uri)!.slice(before).find((p) => p.version === version)!.diagnostics;
		expect(after).toBeDefined();
		expect(latest.filter((d) => d.code === COOPERATION || d.code === REFERRAL)).toEqual([]);
		expect(latest.filter((d) => d.code === SLAVERY).map((d) => d.message)).toEqual([expect.stringContaining('(in quoted or reported text)')]);
		// Fixed once, not again: a second run offers none of the fixes already applied.
		const again = (await fixAll(uri, ['source.fixAll'])).flatMap((a) => a.edit!.changes![uri]!.map((e) => e.newText));
		expect(again.filter((t) => /regardless of whether|A referral is made only|^human trafficking$/.test(t))).toEqual([]);
	});

	it('offers nothing in a read-only Word review view, nor for a document without fixes', async () => {
		await start();
		const uri = client.open(path.join(dir, 'clean.md'), '# Services\n\nServices are provided to every person, whatever they decide about the investigation.\n');
		await client.waitForDiagnostics(uri, () => true);
		expect(await fixAll(uri, ['source.fixAll'])).toEqual([]);
		expect(await fixAll('accountable-docx:/tmp/proposal.docx', ['source.fixAll'])).toEqual([]);
	});
});

describe('rule documentation, rendered', () => {
	it('gives what a rule flags, why with ¶, what to write instead and its examples, never its patterns', async () => {
		await start();
		const doc = await client.connection.sendRequest<{ ruleId: string; title: string; markdown: string } | null>('accountable/ruleDocumentation', { ruleId: REFERRAL });
		expect(doc!.ruleId).toBe(REFERRAL);
		expect(doc!.title).toBe('People referred by the authorities without their consent');
		const md = doc!.markdown;
		const headings = md.split('\n').filter((l) => l.startsWith('## '));
		expect(headings).toEqual(['## What it flags', '## Why', '## What to write instead', '## Not flagged', '## Examples']);
		expect(md).toMatch(/> “prioritise the needs, agency, and self-determination of trafficking survivors” \(¶2\)/);
		expect(md).toContain('> A referral is made only with the informed, voluntary consent of the person');
		expect(md).toContain('**Flagged:**\n\n> Officers shall refer all identified victims to the state shelter.');
		expect(md).toContain('**Not flagged:**\n\n> Survivors are referred to community organisations at their request.');
		// Nothing of the front matter's machinery: no patterns, vocabularies or field names.
		const file = fs.readFileSync(path.join(builtinRulesDir(), 'consent', 'mandatory-referral.md'), 'utf8');
		expect(file).toContain('@affected-persons');
		for (const machinery of ['@affected-persons', '\\b', 'unless:', 'anchor:', 'kind: co-occurrence', '```flag']) expect(md).not.toContain(machinery);
		expect(await client.connection.sendRequest('accountable/ruleDocumentation', { ruleId: 'consent/no-such-rule' })).toBeNull();
	});

	it('renders every built-in rule with its title and the paper\'s evidence', async () => {
		await start();
		const rules = await client.connection.sendRequest<Array<{ id: string }>>('accountable/rules', {});
		expect(rules.length).toBeGreaterThan(50);
		for (const { id } of rules) {
			const doc = await client.connection.sendRequest<{ markdown: string } | null>('accountable/ruleDocumentation', { ruleId: id });
			expect(doc!.markdown, id).toMatch(/^# \S/);
			expect(doc!.markdown, id).toMatch(/\(¶\d+\)/);
			expect(doc!.markdown, id).not.toMatch(/^(?:all|any|anchor|unless|frame|terms):/m);
		}
	});
});

describe('Accountable never reviews its own files', () => {
	it('publishes no findings for a built-in rule file, whose examples quote the wording it flags', async () => {
		await start();
		const ruleFile = path.join(builtinRulesDir(), 'framing', 'sensational-slavery-language.md');
		const ruleUri = client.open(ruleFile, fs.readFileSync(ruleFile, 'utf8'));
		// The same text elsewhere is reviewed (and flagged): the rule file is skipped because it is ours.
		const copy = client.open(path.join(dir, 'copy.md'), fs.readFileSync(ruleFile, 'utf8'));
		await client.waitForDiagnostics(copy, withRule(SLAVERY));
		await client.waitForDiagnostics(ruleUri, (d) => d.length === 0, 'an empty publication for the rule file');
	});

	it('publishes no findings inside the folder the editor installed Accountable in', async () => {
		const installed = tempFolder({});
		await start({ initializationOptions: { extensionFolder: installed } });
		const uri = client.open(path.join(installed, 'examples', 'draft.md'), DRAFT);
		const elsewhere = client.open(path.join(dir, 'draft.md'), DRAFT);
		await client.waitForDiagnostics(elsewhere, withRule(COOPERATION));
		await client.waitForDiagnostics(uri, withoutRule(COOPERATION), 'no findings in the installed folder');
		expect(client.latest(uri)).toEqual([]);
	});
});
