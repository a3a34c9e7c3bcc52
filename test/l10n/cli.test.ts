/**
 * `accountable report --locale es`: the report a reviewer hands on, in the reader's language, from the same
 * translation bundle VS Code uses. The CLI's findings and messages stay English (they feed scripts and CI logs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../server/src/engine/report';
import { availableLocales, reportLabelsFor } from '../../server/src/node/reportLocale';
import { runCli } from '../helpers/cli';
import { ROOT, runReport } from '../report/helpers';

const EXAMPLE = 'examples/draft-state-bill.md';

describe('accountable report --locale', () => {
	it('writes the Markdown report in Spanish, the same as the JSON report rendered with the Spanish labels', () => {
		const spanish = runReport([EXAMPLE, '--locale', 'es']);
		expect(spanish.code, spanish.stderr).toBe(0);
		expect(spanish.stdout).toMatch(/^# Informe de rendición de cuentas: /);
		expect(spanish.stdout).toContain('## Resumen');
		expect(spanish.stdout).toContain('| Área de recomendación | Estado | Evidencia |');
		expect(spanish.stdout).not.toContain('## Summary');
		const json = runReport([EXAMPLE, '--format', 'json']);
		expect(spanish.stdout).toBe(renderMarkdown(JSON.parse(json.stdout), reportLabelsFor('es')));
	});

	it('writes an HTML page marked as Spanish; a region falls back to its language; en is the default', () => {
		const html = runReport([EXAMPLE, '--format', 'html', '--locale', 'es-MX']);
		expect(html.code, html.stderr).toBe(0);
		expect(html.stdout).toContain('<html lang="es">');
		expect(html.stdout).toContain('<h2 id="scorecard-heading">Tabla de evaluación</h2>');
		expect(runReport([EXAMPLE, '--locale', 'en']).stdout).toBe(runReport([EXAMPLE]).stdout);
	});

	it('exits 2 naming the languages there are for one with no translation, and for --locale outside report', () => {
		const unknown = runReport([EXAMPLE, '--locale', 'xx']);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain(`no translation for locale "xx"; one of: ${availableLocales(path.join(ROOT, 'l10n')).join(', ')}`);
		expect(unknown.stdout).toBe('');
		const review = runCli([EXAMPLE, '--locale', 'es']);
		expect(review.code).toBe(2);
		expect(review.stderr).toContain('--locale applies to accountable report only');
	});

	it('lists English and every translation in the repository', () => {
		const translations = fs.readdirSync(path.join(ROOT, 'l10n')).filter((f) => /^bundle\.l10n\.[^.]+\.json$/.test(f)).length;
		expect(availableLocales(path.join(ROOT, 'l10n'))).toHaveLength(translations + 1);
		expect(availableLocales(path.join(ROOT, 'l10n'))).toContain('es');
	});
});
