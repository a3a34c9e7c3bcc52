import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENGLISH_REPORT_LABELS, reportLabels, type ReportLabels } from '../engine/report';
import { fill } from '../engine/translate';
import { builtinRulesDir } from './ruleFiles';

/**
 * The report's words in a language for the CLI (`accountable report --locale es`), from the same translation
 * bundle VS Code uses (l10n/bundle.l10n.<locale>.json beside rules/). English needs no bundle. A region falls
 * back to its language (es-MX → es); a language with no bundle is an error naming those there are.
 */
export function reportLabelsFor(locale: string, l10nDir: string = path.join(path.dirname(builtinRulesDir()), 'l10n')): ReportLabels {
	const wanted = locale.toLowerCase();
	if (wanted === 'en' || wanted.startsWith('en-')) return ENGLISH_REPORT_LABELS;
	for (const candidate of [wanted, wanted.split('-')[0]!]) {
		const file = path.join(l10nDir, `bundle.l10n.${candidate}.json`);
		if (!fs.existsSync(file)) continue;
		const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
		return reportLabels((message, ...args) => fill(typeof bundle[message] === 'string' ? bundle[message] : message, ...args));
	}
	throw new Error(`no translation for locale "${locale}"; one of: ${availableLocales(l10nDir).join(', ')}`);
}

export function availableLocales(l10nDir: string): string[] {
	const translated = fs.existsSync(l10nDir) ? fs.readdirSync(l10nDir).flatMap((f) => /^bundle\.l10n\.(.+)\.json$/.exec(f)?.[1] ?? []) : [];
	return ['en', ...translated.sort()];
}
