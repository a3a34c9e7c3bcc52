/**
 * Words the user reads (issue #18): every interface message goes through a translator and is listed in the
 * English bundle (l10n/bundle.l10n.json), every package.json contribution a user reads is a package.nls key,
 * and each translation (l10n/bundle.l10n.<locale>.json, package.nls.<locale>.json) gives every key, no stale
 * one, and keeps what must not be translated: `{0}` placeholders, setting names, command links, code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishBundle, messagesInSource, placeholders, projectMessages } from '../../scripts/l10n/messages.mjs';
import { ENGLISH_REPORT_LABELS, esc, renderHtml, renderMarkdown, reportLabels } from '../../server/src/engine/report';
import { fill } from '../../server/src/engine/translate';
import { ROOT } from '../helpers/cli';
import { reportOf } from '../report/helpers';
import { withNls } from '../helpers/nls';
import { convertWordDocument } from '../../server/src/node/docx';
import { renderWordView } from '../../server/src/node/docx/view';
import { builtinReviewer, builtinRules } from '../helpers/rules';
import { grantProposal } from '../docx/fixtures';

type Bundle = Record<string, string>;
const read = (relative: string): Bundle => JSON.parse(fs.readFileSync(path.join(ROOT, relative), 'utf8')) as Bundle;
const ENGLISH = read('l10n/bundle.l10n.json');
const NLS = read('package.nls.json');
const PACKAGE_JSON = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');

/** The translations in the repository: l10n/bundle.l10n.<locale>.json with package.nls.<locale>.json. */
const LOCALES = fs
	.readdirSync(path.join(ROOT, 'l10n'))
	.map((f) => /^bundle\.l10n\.([a-z]{2}(?:-[a-z]+)?)\.json$/i.exec(f)?.[1])
	.filter((l): l is string => l !== undefined);

/** What a translation keeps as it is: placeholders, setting and file names, command links, code spans. */
function untranslatable(text: string): string[] {
	const kept = [
		...placeholders(text),
		...(text.match(/\baccountable\.[\w.]+\b/g) ?? []),
		...(text.match(/\.accountable\.yaml|\.docx\b|¶/g) ?? []),
		...(text.match(/\]\(command:[^)]*\)/g) ?? []),
		...(text.match(/`[^`]+`/g) ?? []),
	];
	return kept.sort();
}

/** Messages that read the same in a language (checked by a person, not left untranslated by mistake). */
const SAME_IN = { es: new Set(['1 error', 'Error']) } as Record<string, Set<string>>;

describe('the English bundle', () => {
	it('lists exactly the messages of the sources (npm run l10n:export writes it)', () => {
		const { messages, unlisted } = projectMessages(ROOT);
		expect(unlisted, 'translator calls whose message is not a literal').toEqual([]);
		expect(messages.length).toBeGreaterThan(100);
		expect(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')).toBe(englishBundle(messages));
	});

	it('finds messages as the compiler reads them, and flags a translator call no bundle could list', () => {
		const found = messagesInSource('x.ts', "vscode.l10n.t('Open {0}', f);\nl10n.t(`two\\nlines`);\nt(\"it's\");\nl10n.t(message);\nfoo.t('not a translator');\n");
		expect(found.messages).toEqual(['Open {0}', 'two\nlines', "it's"]);
		expect(found.unlisted).toEqual(['x.ts:4']);
	});

	it('holds every report label, so a translation of the bundle translates the report', () => {
		for (const label of Object.values(ENGLISH_REPORT_LABELS)) expect(ENGLISH[label], label).toBe(label);
	});
});

describe('package.nls.json', () => {
	const used = [...PACKAGE_JSON.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]!);

	it('defines every %key% of package.json, and no key package.json does not use', () => {
		expect(used.length).toBeGreaterThan(60);
		expect(used.filter((k) => !(k in NLS))).toEqual([]);
		expect(Object.keys(NLS).filter((k) => !used.includes(k))).toEqual([]);
	});

	it('leaves no text a user reads in package.json itself, besides the product name and the rules’ own summaries', () => {
		const manifest = JSON.parse(PACKAGE_JSON);
		const c = manifest.contributes;
		const texts: string[] = [
			manifest.description,
			...c.commands.map((x: { title: string }) => x.title),
			...c.walkthroughs.flatMap((w: { title: string; description: string; steps: Array<{ title: string; description: string }> }) => [w.title, w.description, ...w.steps.flatMap((s) => [s.title, s.description])]),
			...c.customEditors.map((e: { displayName: string }) => e.displayName),
		];
		for (const [name, p] of Object.entries(c.configuration.properties) as Array<[string, Record<string, unknown>]>) {
			texts.push(...(['description', 'markdownDescription'] as const).map((f) => p[f] as string).filter(Boolean));
			texts.push(...((p.enumDescriptions as string[]) ?? []), ...((p.enumItemLabels as string[]) ?? []));
			if (name === 'accountable.rules') {
				for (const [key, rule] of Object.entries(p.properties as Record<string, { enumDescriptions: string[]; description: string }>)) {
					texts.push(...rule.enumDescriptions);
					if (!key.includes('/')) texts.push(rule.description); // a category's; a rule's summary is its documentation
				}
			}
		}
		expect(texts.filter((t) => !/^%[^%]+%$/.test(t))).toEqual([]);
	});
});

describe.each(LOCALES)('the %s translation', (locale) => {
	const bundle = read(`l10n/bundle.l10n.${locale}.json`);
	const nls = read(`package.nls.${locale}.json`);

	it('exists for both files', () => {
		expect(fs.existsSync(path.join(ROOT, `package.nls.${locale}.json`))).toBe(true);
	});

	for (const [file, translated, english] of [
		[`l10n/bundle.l10n.${locale}.json`, bundle, ENGLISH],
		[`package.nls.${locale}.json`, nls, NLS],
	] as const) {
		it(`${file} gives every key of the English, and no stale key`, () => {
			expect(Object.keys(english).filter((k) => !(k in translated)), 'missing').toEqual([]);
			expect(Object.keys(translated).filter((k) => !(k in english)), 'stale').toEqual([]);
		});

		it(`${file} keeps every placeholder, setting name, command link and code span, and translates the rest`, () => {
			for (const [key, text] of Object.entries(translated)) {
				expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true);
				expect(untranslatable(text), key).toEqual(untranslatable(english[key]!));
				if (text === english[key]) expect(SAME_IN[locale]?.has(key), `"${key}" is not translated`).toBe(true);
			}
		});
	}

	it('resolves every %key% of package.json, as VS Code does when it shows the extension in this language', () => {
		const resolved = withNls(PACKAGE_JSON, nls);
		const manifest = JSON.parse(resolved);
		expect(resolved).not.toMatch(/"%[^"%]+%"/);
		expect(manifest.contributes.commands.find((c: { command: string }) => c.command === 'accountable.showReport').title).toBe(nls['command.showReport.title']);
		expect(manifest.contributes.configuration.properties['accountable.rules'].properties.consent.enumDescriptions).toEqual(['off', 'on', 'error', 'warning', 'information', 'hint'].map((v) => nls[`config.rules.value.${v}`]));
	});

	it('shows the walkthrough’s pages in the language: each step’s media is a file of its own that exists', () => {
		const media = Object.entries(nls).filter(([key]) => key.endsWith('.media'));
		expect(media).toHaveLength(Object.keys(NLS).filter((key) => key.endsWith('.media')).length);
		for (const [key, file] of media) {
			expect(file, key).not.toBe(NLS[key]);
			expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
			// The same page: as many headings, table rows and code blocks as the English one.
			const shape = (text: string): string => text.split('\n').map((l) => (/^#/.test(l) ? '#' : /^\|/.test(l) ? '|' : /^```/.test(l) ? '`' : '')).join('');
			expect(shape(fs.readFileSync(path.join(ROOT, file), 'utf8')), file).toBe(shape(fs.readFileSync(path.join(ROOT, NLS[key]!), 'utf8')));
		}
	});

	it('gives the accountability report in the language: headings, status words, table headers, counts', () => {
		const t = (message: string, ...args: Array<string | number>): string => fill(bundle[message] ?? message, ...args);
		const labels = reportLabels(t);
		const { report } = reportOf('examples/draft-state-bill.md');
		const markdown = renderMarkdown(report, labels);
		const html = renderHtml(report, undefined, labels);
		expect(markdown).toContain(`## ${labels.summary}`);
		expect(markdown).toContain(`| ${labels.areaColumn} | ${labels.statusColumn} | ${labels.evidenceColumn} |`);
		expect(markdown).toContain(fill(labels.summarySentence, report.summary.areas, report.summary.contradicted, report.summary.addressed, report.summary.notAddressed));
		expect(html).toContain(`<html lang="${locale}">`);
		expect(html).toContain(`<span class="badge-text">${labels.contradicted}</span>`);
		// No English label is left in either rendering (the draft's words, the areas and the rules' messages are not labels).
		for (const key of ['summary', 'scorecard', 'areaColumn', 'evidenceColumn', 'contradicted', 'notAddressed', 'kicker', 'languageIntro'] as const) {
			expect(labels[key]).not.toBe(ENGLISH_REPORT_LABELS[key]);
			for (const rendered of [markdown, html]) expect(rendered).not.toContain(ENGLISH_REPORT_LABELS[key]);
		}
	});

	it('gives the Word review editor’s page in the language: the count, severities, card headings and links', async () => {
		const t = (message: string, ...args: Array<string | number>): string => fill(bundle[message] ?? message, ...args);
		const word = await convertWordDocument(await grantProposal());
		const rules = new Map(builtinRules().rules.map((r) => [r.id, r]));
		const result = builtinReviewer().review({ text: word.markdown, format: 'markdown' });
		const html = renderWordView({ word, findings: result.findings, rule: (id) => rules.get(id), profile: { profile: result.profile, reason: result.profileReason }, t });
		expect(html).toContain(`<strong>${fill(bundle['{0} findings']!, result.findings.length)}</strong> · ${esc(fill(bundle['Profile: {0} ({1})']!, result.profile, result.profileReason))}`);
		expect(html).toContain(`aria-label="${bundle['Document']}"`);
		expect(html).toContain(`>${bundle['Rule documentation']}</a>`);
		expect(html).toContain(`<strong>${bundle['What to write instead.']}</strong>`);
		for (const english of ['>Rule documentation<', 'What to write instead.', '>Warning<', 'findings</strong>']) expect(html).not.toContain(english);
	});
});

it('has a Spanish translation', () => {
	expect(LOCALES).toContain('es');
});
