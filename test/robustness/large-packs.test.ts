import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACK_LIMITS } from '../../server/src/node/ruleFiles';
import { ROOT, tempFolder } from '../helpers/cli';
import { expectWithin, runMeasured } from '../helpers/measured';

/**
 * Rule packs of thousands of rules: review time grows with the number of rules (each is matched against
 * every sentence), and a 10,000-rule pack took 22 s to load and 69 s to review 150 KB. A pack up to the
 * documented limit loads and reviews in bounded time and memory; a larger one is refused with a message on
 * its folder before any of it is read, and the draft is still reviewed with the built-in rules.
 */

const words = ['victim', 'shelter', 'police', 'testify', 'raid', 'service', 'law', 'shall', 'only', 'provide', 'women', 'rescue'];

function packRule(i: number): string {
	// Half plain phrases, half patterns (packs get the linear-time engine); every hundredth matches the draft.
	const match = i % 100 === 0 ? '"task force"' : i % 2 === 0 ? `"${words[i % 12]} ${words[(i * 7) % 12]}"` : `"/${words[i % 12]}s?\\\\s+\\\\w+\\\\s+${words[(i * 5) % 12]}/"`;
	return `---\nid: raids/pack-rule-${i}\nkind: phrase\nscope: span\nseverity: warning\nsummary: Pack rule ${i}\nmessage: "Pack rule ${i}: {match}"\nmatch: [${match}]\nevidence:\n  - paragraph: 5\n    quote: "raids should be used only as a last resort"\n---\n# Pack rule\n\n## What it flags\nx\n\n## Why\ny\n\n## What to write instead\nz\n\n## Not flagged\nw\n`;
}

let dir: string;
beforeAll(() => {
	dir = tempFolder({});
	for (const [name, count] of [['at-limit', PACK_LIMITS.maxRules], ['huge', 10_000]] as const) {
		fs.mkdirSync(path.join(dir, name, 'raids'), { recursive: true });
		for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, name, 'raids', `pack-rule-${i}.md`), packRule(i));
		fs.writeFileSync(path.join(dir, `${name}.yaml`), `packs: [./${name}]\n`);
	}
	const example = fs.readFileSync(path.join(ROOT, 'examples/draft-state-bill.md'), 'utf8');
	fs.writeFileSync(path.join(dir, 'draft.md'), example.repeat(Math.ceil(150_000 / example.length)));
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('large rule packs', () => {
	it(`a pack of ${PACK_LIMITS.maxRules} rules (the limit) loads and reviews 150 KB in bounded time and memory`, async () => {
		const m = await runMeasured(['--config', 'at-limit.yaml', 'draft.md'], dir, { timeoutSeconds: 120 });
		expectWithin(m, { seconds: 90, rssMb: 800 }, `${PACK_LIMITS.maxRules}-rule pack, 150 KB draft`);
		expect(m.stdout).toMatch(/ warning raids\/pack-rule-\d+ Pack rule/);
		expect(m.code).toBe(1);
	}, 150_000);

	it('a pack of 10,000 rules is refused with a message on its folder; the draft is reviewed with the built-in rules, exit 2', async () => {
		const m = await runMeasured(['--config', 'huge.yaml', 'draft.md'], dir, { timeoutSeconds: 120 });
		expectWithin(m, { seconds: 60, rssMb: 600 }, '10,000-rule pack refused');
		expect(m.stderr).toMatch(/^huge:1: rule pack has 10000 rules, over the limit of 2000; the pack is not loaded/m);
		expect(m.stdout).not.toMatch(/pack-rule/);
		expect(m.stdout).toMatch(/ error conditional-services\//);
		expect(m.code).toBe(2);
	}, 150_000);
});
