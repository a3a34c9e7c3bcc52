import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJson, renderMarkdown } from '../../server/src/engine/report';
import { DOCUMENTS, portable, reportOf } from './helpers';

// Golden reports. The rule set changes often: after reading the diff, regenerate with
//   npx vitest run test/report/golden.test.ts -u
// The behaviour that must hold whatever the rules find is checked in structure.test.ts, not here.
describe('golden reports', () => {
	for (const doc of DOCUMENTS) {
		it(`${doc.name}: JSON`, async () => {
			await expect(portable(renderJson(reportOf(doc.file).report))).toMatchFileSnapshot(path.join(__dirname, 'golden', `${doc.name}.json`));
		});
		it(`${doc.name}: Markdown`, async () => {
			await expect(portable(renderMarkdown(reportOf(doc.file).report))).toMatchFileSnapshot(path.join(__dirname, 'golden', `${doc.name}.md`));
		});
	}
});
