import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import packageModel from 'wink-eng-lite-web-model';
import { parse } from 'yaml';
import lazyModel, { coreModel } from '../../server/src/node/englishModel';

// The bundles give the tagger server/src/node/englishModel.ts in place of the package (scripts/esbuild-node.mjs):
// it must tag every sentence as the package does, or the bundled CLI and server would find other things than
// the engine's tests.

const ROOT = path.resolve(__dirname, '..', '..');

/** Sentences of the corpus's development part and the examples: the kind of text the tagger reads. */
function sentences(): string[] {
	const dir = path.join(ROOT, 'test', 'eval', 'corpus', 'dev');
	const texts: string[] = [];
	for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
		const data = parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { excerpts?: Array<{ text?: string }> };
		for (const e of data.excerpts ?? []) if (e.text) texts.push(e.text);
	}
	for (const file of fs.readdirSync(path.join(ROOT, 'examples'))) texts.push(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8'));
	return texts.flatMap((t) => t.split(/(?<=[.;:!?])\s+|\n+/)).filter((s) => /\p{L}/u.test(s));
}

/** What the tagger reads of a text (engine/reading/tokens.ts): each token's value, spaces, tag, lemma and type. */
function tagged(nlp: ReturnType<typeof winkNLP>, text: string): string[][] {
	const { its } = nlp;
	const tokens = nlp.readDoc(text.toLowerCase()).tokens();
	return [its.value, its.precedingSpaces, its.pos, its.lemma as never, its.type].map((f) => tokens.out(f) as string[]);
}

describe('the English model the bundles load', () => {
	it('has the same core model as the package makes', () => {
		const ours = coreModel();
		const theirs = (packageModel as unknown as { core: () => unknown }).core();
		expect(isDeepStrictEqual(ours, theirs)).toBe(true);
		// Each call makes a model of its own, and leaves the package's data as it was for the next.
		expect(coreModel()).not.toBe(ours);
		expect(isDeepStrictEqual(coreModel(), theirs)).toBe(true);
	});

	it('tags the corpus and the examples as the package does', () => {
		const ours = winkNLP(lazyModel as never, ['sbd', 'pos']);
		const theirs = winkNLP(packageModel, ['sbd', 'pos']);
		const all = sentences();
		expect(all.length).toBeGreaterThan(1500);
		const differ = all.filter((s) => !isDeepStrictEqual(tagged(ours, s), tagged(theirs, s)));
		expect(differ).toEqual([]);
	});
});
