import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import packageModel from 'wink-eng-lite-web-model';
import { parse } from 'yaml';
import lazyModel, { coreModel, lexemeIndex, lexemeSlots, writeEnglishModel } from '../../server/src/node/englishModel';

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

type Model = { features: { lexeme: { list: string[]; hash: Record<string, number> } } };

/** Equal models: the lexeme index (a table behind a Proxy in ours) compared word by word, the rest as data. */
function expectSameModel(ours: Model, theirs: Model): void {
	const strip = (m: Model): unknown => ({ ...m, features: { ...m.features, lexeme: { ...m.features.lexeme, hash: undefined } } });
	expect(isDeepStrictEqual(strip(ours), strip(theirs))).toBe(true);
	const words = Object.keys(theirs.features.lexeme.hash);
	expect(words.length).toBeGreaterThan(80_000);
	expect(words.filter((w) => ours.features.lexeme.hash[w] !== theirs.features.lexeme.hash[w])).toEqual([]);
	expect(ours.features.lexeme.hash['not-a-word-of-the-lexicon']).toBeUndefined();
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
		const theirs = (packageModel as unknown as { core: () => Model }).core();
		expectSameModel(ours as unknown as Model, theirs);
		// Each call makes a model of its own, and leaves the package's data as it was for the next.
		expect(coreModel()).not.toBe(ours);
		expectSameModel(coreModel() as unknown as Model, theirs);
	});

	it('is the same core model read from the files the build step writes (out/english-model.json and .bin)', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-model-'));
		try {
			const json = path.join(dir, 'english-model.json');
			const binary = path.join(dir, 'english-model.bin');
			writeEnglishModel(json, binary);
			// The large parts are in the binary file, not in the JSON to parse.
			expect(fs.statSync(json).size).toBeLessThan(200_000);
			const theirs = (packageModel as unknown as { core: () => Model }).core();
			const ours = coreModel(json, binary) as unknown as Model;
			expectSameModel(ours, theirs);
			// The index the build worked out answers as the package's (above, word by word) and is the one a process makes.
			expect(Buffer.from(fs.readFileSync(binary)).includes(Buffer.from(lexemeSlots(theirs.features.lexeme.list).buffer))).toBe(true);
			// A binary file that is not the one the JSON describes (cut short, missing): the package's data instead.
			fs.truncateSync(binary, 1000);
			expectSameModel(coreModel(json, binary) as unknown as Model, theirs);
			fs.rmSync(binary);
			expectSameModel(coreModel(json, binary) as unknown as Model, theirs);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('answers for every word of its lexicon as an index object would, and keeps the words wink-nlp adds', () => {
		const list = ['victim', 'raid', 'victim', 'constructor', '__proto__', 'é', ''];
		const index = lexemeIndex(list);
		expect(list.map((w) => index[w])).toEqual([2, 1, 2, 3, 4, 5, 6]);
		expect(index.unheard).toBeUndefined();
		expect(index.toString).toBeUndefined();
		index.unheard = 7;
		expect(index.unheard).toBe(7);
		expect(index.raid).toBe(1);
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
