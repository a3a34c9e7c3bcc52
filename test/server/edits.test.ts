import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseConfigText } from '../../server/src/node/config';
import { normalizeSettings, reviewOverrides } from '../../server/src/lsp/settings';
import { cleanReason, disableForFileEdit, disableForLineEdit } from '../../server/src/lsp/suppressionEdits';
import { CONFIG_TEMPLATE, disableRuleInConfig } from '../../server/src/lsp/workspaceConfig';
import { builtinReviewer } from '../helpers/rules';

const RULE = 'conditional-services/cooperation-required';
const CONDITIONAL = 'Victims who assist in the investigation and prosecution of traffickers will receive housing assistance.';

function apply(text: string, edit: ReturnType<typeof disableForLineEdit>): string {
	return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), [edit]);
}

function findings(text: string): string[] {
	return builtinReviewer().review({ text, format: 'markdown' }).findings.map((f) => f.ruleId);
}

describe('suppression comments inserted by the quick fixes', () => {
	it('suppress the finding they were made for and nothing else, wherever it is', () => {
		const cases = [
			`${CONDITIONAL}\n`,
			`# Services\n\n${CONDITIONAL}\n\nAbout sex slaves.\n`,
			`Shelter is provided.\n${CONDITIONAL}\nAbout sex slaves.\n`,
			`> The statute says:\n> ${CONDITIONAL}\n`,
			`1. Housing.\n2. ${CONDITIONAL}\n`,
			`# Services\r\n\r\n${CONDITIONAL}\r\n`,
		];
		for (const text of cases) {
			const review = builtinReviewer().review({ text, format: 'markdown' });
			const target = review.findings.find((f) => f.ruleId === RULE)!;
			expect(target, text).toBeDefined();
			const others = review.findings.filter((f) => f !== target).map((f) => f.ruleId);
			const edited = apply(text, disableForLineEdit(text, target.range.start.line, RULE, 'quoted'));
			expect(findings(edited), edited).toEqual(others);
			const suppressed = builtinReviewer().review({ text: edited, format: 'markdown' }).suppressed;
			expect(suppressed.map((f) => [f.ruleId, f.suppression?.reason])).toEqual([[RULE, 'quoted']]);
		}
	});

	it('go above a line that starts a block, keeping block-quote markers, and at the end of a line inside a paragraph', () => {
		const quoted = `> ${CONDITIONAL}\n`;
		expect(apply(quoted, disableForLineEdit(quoted, 0, RULE))).toBe(`> <!-- accountable-disable-next-line ${RULE} -->\n> ${CONDITIONAL}\n`);
		const paragraph = `First line.\n${CONDITIONAL}\r\n`;
		expect(apply(paragraph, disableForLineEdit(paragraph, 1, RULE))).toBe(`First line.\n${CONDITIONAL} <!-- accountable-disable-line ${RULE} -->\r\n`);
	});

	it('disable a rule for the file after any front matter', () => {
		const text = `---\ntitle: Draft\n---\n# Bill\n\n${CONDITIONAL}\n`;
		const edited = apply(text, disableForFileEdit(text, RULE, 'historical'));
		expect(edited).toBe(`---\ntitle: Draft\n---\n<!-- accountable-disable ${RULE} -- historical -->\n\n# Bill\n\n${CONDITIONAL}\n`);
		expect(findings(edited)).not.toContain(RULE);
		const onlyFrontMatter = '---\ntitle: x\n---';
		expect(apply(onlyFrontMatter, disableForFileEdit(onlyFrontMatter, RULE))).toBe(`---\ntitle: x\n---\n<!-- accountable-disable ${RULE} -->\n`);
	});

	it('never let a reason end the comment early or add a second separator', () => {
		expect(cleanReason('see -- memo --> and\nmore')).toBe('see – memo – and more');
		expect(cleanReason('   ')).toBeUndefined();
	});
});

describe('disabling a rule in the workspace configuration', () => {
	it('creates a valid .accountable.yaml from the template', () => {
		const result = disableRuleInConfig(undefined, '/ws', RULE);
		expect(result.file).toBe(path.join('/ws', '.accountable.yaml'));
		expect(result.created).toBe(true);
		const parsed = parseConfigText(result.file, result.text);
		expect(parsed.errors).toEqual([]);
		expect(parsed.config!.settings.rules).toEqual({ [RULE]: 'off' });
		expect(parseConfigText('/ws/.accountable.yaml', CONFIG_TEMPLATE).errors).toEqual([]);
	});

	it('edits an existing YAML file keeping its comments, and a JSON file keeping its indentation', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-cfg-'));
		try {
			const yaml = path.join(dir, '.accountable.yaml');
			fs.writeFileSync(yaml, '# our team settings\nrules:\n  framing: off # too noisy for us\nprofile: bill\n');
			const y = disableRuleInConfig(yaml, dir, RULE);
			expect(y.text).toBe(`# our team settings\nrules:\n  framing: off # too noisy for us\n  ${RULE}: off\nprofile: bill\n`);
			const json = path.join(dir, '.accountable.json');
			fs.writeFileSync(json, '{\n\t"minSeverity": "warning"\n}\n');
			const j = disableRuleInConfig(json, dir, RULE);
			expect(JSON.parse(j.text)).toEqual({ minSeverity: 'warning', rules: { [RULE]: 'off' } });
			expect(j.text).toContain('\n\t"rules"');
			fs.writeFileSync(yaml, 'rules: [unclosed\n');
			expect(() => disableRuleInConfig(yaml, dir, RULE)).toThrow(/not a valid Accountable configuration.*invalid YAML.*fix it first/);
			fs.writeFileSync(yaml, '');
			expect(parseConfigText(yaml, disableRuleInConfig(yaml, dir, RULE).text).config!.settings.rules).toEqual({ [RULE]: 'off' });
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('editor settings', () => {
	it('keep valid values, drop wrong ones without failing, and override only what is set', () => {
		const s = normalizeSettings({ enable: 'yes', rules: { framing: 'off', consent: 'loud', 'raids/*': 'warning' }, minSeverity: 'severe', run: 'onSave', packs: ['./p', 3], profile: null, maxDocumentSize: -1 });
		expect(s).toEqual({ enable: true, rules: { framing: 'off', 'raids/*': 'warning' }, run: 'onSave', packs: ['./p'], maxDocumentSize: 2_000_000, maxNumberOfProblems: 1000 });
		expect(reviewOverrides(s)).toEqual({ rules: { framing: 'off', 'raids/*': 'warning' } });
		expect(reviewOverrides(normalizeSettings(null))).toEqual({});
		expect(reviewOverrides(normalizeSettings({ minSeverity: 'warning', profile: 'bill' }))).toEqual({ minSeverity: 'warning', profile: 'bill' });
	});
});
