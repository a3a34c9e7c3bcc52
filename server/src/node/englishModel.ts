import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * wink-eng-lite-web-model as the bundles (CLI, language server, bench, eval) see it: scripts/esbuild-node.mjs
 * resolves the package's name to this module. The engine's tagger (engine/reading/tokens.ts) makes its
 * wink-nlp instance when a rule first asks to read a sentence, and only then does wink-nlp ask for the model's
 * parts, so a process that reads no sentence (`--version`, a document with nothing to read, the language
 * server before its first review) never loads the model's 3 MB.
 *
 * When it is loaded, it costs less than the package's own loader:
 * - its data is read from a file of its own and parsed once: the package's loader has it parsed as part of the
 *   bundle's code, then copies the whole model (stringified and parsed again as JSON) for each wink-nlp instance;
 * - the parts of wink-nlp's pipeline that the tagger never runs (named entities, negation, sentiment: it runs
 *   sentence boundaries and parts of speech only) are empty machines, not 600 KB of data to parse.
 * test/engine/english-model.test.ts checks that the core model made here equals the package's, and that
 * sentences read with either are tagged the same.
 */

/**
 * Where the build step (scripts/build.mjs) puts the model's core data: beside the bundle, as a file of its own,
 * so the bundle and its code cache do not carry 3 MB that most processes never read. Run from the sources (the
 * tests), or bundled elsewhere (the eval), the package's own file is read.
 */
export const CORE_DATA_FILE = path.join(__dirname, 'english-model.json');
const PACKAGE_CORE_DATA = 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json';

/** The model's core data as stored (JSON). */
interface CoreData {
	lexicon: string | Uint32Array;
	xpansions: string | Uint32Array;
	packing: { layout: Record<string, number[]>; efList?: string[] };
	features: Record<string, { list: unknown[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number }>;
	pos: { hash: Record<string, number> };
}

function coreDataText(): string {
	if (!fs.existsSync(CORE_DATA_FILE)) return fs.readFileSync(require.resolve(PACKAGE_CORE_DATA), 'utf8');
	// The build writes it in ASCII (characters beyond as JSON escapes): read as Latin-1, a copy of its bytes,
	// instead of decoding 3 MB of UTF-8 (tens of milliseconds).
	const bytes = fs.readFileSync(CORE_DATA_FILE);
	return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** A list's index: each entry's position (the last one, for an entry listed twice). */
function indexOf(list: readonly unknown[]): Record<string, number> {
	const hash = Object.create(null) as Record<string, number>;
	for (let k = 0; k < list.length; k++) hash[list[k] as string] = k;
	return hash;
}

/**
 * The lexeme list's index (87,000 words) as wink-nlp reads and writes it: `hash[word]`, `hash[word] = index`
 * (wink-nlp's cache.js, the only two uses). An object with a key for each word costs a new process about a
 * tenth of a second to build before its first sentence is read; this open-addressing table of list positions
 * is built in a few milliseconds, and words wink-nlp adds later go in a Map beside it. Same answers as
 * indexOf: a word listed twice gives its last position.
 */
export function lexemeIndex(list: readonly string[]): Record<string, number> {
	let size = 1;
	while (size < list.length * 2) size *= 2;
	const mask = size - 1;
	// A list position plus one; 0 is an empty slot.
	const slots = new Int32Array(size);
	const slotOf = (word: string): number => {
		let slot = wordHash(word) & mask;
		for (let at = slots[slot]!; at !== 0 && list[at - 1] !== word; at = slots[slot]!) slot = (slot + 1) & mask;
		return slot;
	};
	for (let k = 0; k < list.length; k++) slots[slotOf(list[k]!)] = k + 1;
	const added = new Map<string, number>();
	return new Proxy(Object.create(null) as Record<string, number>, {
		get(_target, word) {
			if (typeof word !== 'string') return undefined;
			const later = added.get(word);
			if (later !== undefined) return later;
			const at = slots[slotOf(word)]!;
			return at === 0 ? undefined : at - 1;
		},
		set(_target, word, index: number) {
			if (typeof word !== 'string') return false;
			added.set(word, index);
			return true;
		},
	});
}

/** FNV-1a over a word's UTF-16 code units. */
function wordHash(word: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/** Base64 data as 32-bit words (in the platform's byte order, as the package reads them). */
function words(base64: string): Uint32Array {
	const bytes = Buffer.from(base64, 'base64');
	// A copy of its own: a Buffer may be a view into a shared pool, at an offset words cannot start at.
	const copy = new Uint8Array(bytes.length);
	copy.set(bytes);
	return new Uint32Array(copy.buffer);
}

/**
 * The core model as wink-nlp uses it, parsed afresh (wink-nlp adds the words it meets to its model's lists):
 * what the package's loader makes (its packed lexicon as words, an index of each feature list, the clusters of
 * parts of speech as sets), without the copy of the whole model that the package's loader makes.
 */
export function coreModel(): CoreData {
	const model = JSON.parse(coreDataText()) as CoreData;
	const { packing, features } = model;
	packing.efList = [];
	for (const name in packing.layout) {
		const layout = packing.layout[name]!;
		if (layout[3] === 0) {
			const feature = features[name]!;
			feature.hash = indexOf(feature.list);
			feature.intrinsicSize = feature.list.length;
			feature.index = feature.list.length;
			feature.maxIndex = layout[1]! >>> layout[2]!;
		}
		if (layout[4] === 1) packing.efList.push(name);
	}
	const lexeme = features.lexeme!;
	lexeme.hash = lexemeIndex(lexeme.list as string[]);
	lexeme.intrinsicSize = lexeme.list.length;
	lexeme.index = lexeme.list.length;
	const clusters = features.posClusters!;
	clusters.list = clusters.list.map((c) => new Set((c as string).split('_').map((tag) => model.pos.hash[tag] || 0)));
	model.lexicon = words(model.lexicon as string);
	model.xpansions = words(model.xpansions as string);
	return model;
}

/** A machine that recognises nothing, in wink-nlp's format: for the parts of the pipeline the tagger never runs. */
const NO_MACHINE = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);

const lazyModel = {
	core: coreModel,
	sbd: () => require('wink-eng-lite-web-model/dist/load-sbd-model.js')(),
	pos: () => require('wink-eng-lite-web-model/dist/load-pos-model.js')(),
	metaCER: () => require('wink-eng-lite-web-model/dist/load-cer-meta-model.js')(),
	ner: () => ({ machines: [], transformers: [] }),
	negation: () => ({ machines: [NO_MACHINE], setter: () => undefined }),
	sa: () => ({ machines: [NO_MACHINE], setter: () => undefined }),
	get featureFn(): unknown {
		return require('wink-eng-lite-web-model/dist/feature.js');
	},
	/** The lemmatiser is the only add-on the tagger uses (its.lemma). */
	addons: {
		get lemmatize(): unknown {
			return require('wink-eng-lite-web-model/dist/lemmatize.js');
		},
	},
};

export default lazyModel;
