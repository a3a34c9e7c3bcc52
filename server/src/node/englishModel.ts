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
 * Where the build step (scripts/build.mjs, writeEnglishModel) puts the model's core data: beside the bundle, as
 * files of their own, so the bundle and its code cache do not carry 3 MB that most processes never read. Its
 * large parts are in a binary file (CORE_BINARY_FILE), read as they are used, instead of 3 MB of JSON to parse:
 * the packed lexicon and the expansions as 32-bit words (the package has them in base64), the lexeme list as
 * its words in UTF-8 separated by NUL (no word has one), and the list's index (lexemeSlots) worked out. The
 * JSON keeps the rest and says where each part is (`binary`). Run from the sources (the tests), or bundled
 * elsewhere (the eval), the package's own file is read.
 */
export const CORE_DATA_FILE = path.join(__dirname, 'english-model.json');
export const CORE_BINARY_FILE = path.join(__dirname, 'english-model.bin');
const PACKAGE_CORE_DATA = 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json';

/** The model's core data as stored (JSON). */
interface CoreData {
	lexicon: string | Uint32Array;
	xpansions: string | Uint32Array;
	packing: { layout: Record<string, number[]>; efList?: string[] };
	features: Record<string, { list: unknown[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number }>;
	pos: { hash: Record<string, number> };
}

/** Where each part of the binary file is: [byte offset, byte length]; `size` is the file's. */
interface BinaryLayout {
	size: number;
	lexicon: [number, number];
	xpansions: [number, number];
	lexemeSlots: [number, number];
	lexemeWords: [number, number];
}

/** The build step: the package's core data as CORE_DATA_FILE and CORE_BINARY_FILE (or the files given). */
export function writeEnglishModel(jsonFile: string = CORE_DATA_FILE, binaryFile: string = CORE_BINARY_FILE): void {
	const model = JSON.parse(fs.readFileSync(require.resolve(PACKAGE_CORE_DATA), 'utf8')) as CoreData & { binary?: BinaryLayout };
	const list = model.features.lexeme!.list as string[];
	if (list.some((w) => typeof w !== 'string' || w.includes('\0'))) throw new Error('the English model has a lexeme with NUL in it: it cannot be stored as NUL-separated words');
	const parts = {
		lexicon: Buffer.from(model.lexicon as string, 'base64'),
		xpansions: Buffer.from(model.xpansions as string, 'base64'),
		lexemeSlots: Buffer.from(lexemeSlots(list).buffer),
		lexemeWords: Buffer.from(list.join('\0'), 'utf8'),
	};
	const chunks: Buffer[] = [];
	let size = 0;
	const layout = {} as Omit<BinaryLayout, 'size'>;
	for (const [name, bytes] of Object.entries(parts) as Array<[keyof typeof parts, Buffer]>) {
		layout[name] = [size, bytes.length];
		// Each part starts at a multiple of 4 bytes, where 32-bit words can be read in place.
		const padded = Math.ceil(bytes.length / 4) * 4;
		chunks.push(bytes, Buffer.alloc(padded - bytes.length));
		size += padded;
	}
	model.lexicon = '';
	model.xpansions = '';
	model.features.lexeme!.list = [];
	model.binary = { size, ...layout };
	fs.writeFileSync(binaryFile, Buffer.concat(chunks));
	// Characters beyond ASCII as JSON escapes: the text is then read into a string of one byte a character.
	fs.writeFileSync(jsonFile, JSON.stringify(model).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** The core data as the package stores it, with the lexeme list's index when the build worked it out. */
function coreData(jsonFile: string, binaryFile: string): { model: CoreData; slots?: Int32Array } {
	if (fs.existsSync(jsonFile)) {
		// Written in ASCII (characters beyond as JSON escapes): read as Latin-1, a copy of its bytes.
		const bytes = fs.readFileSync(jsonFile);
		const model = JSON.parse(isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')) as CoreData & { binary?: BinaryLayout };
		const layout = model.binary;
		if (!layout) return { model };
		delete model.binary;
		let binary: Buffer | undefined;
		try {
			binary = fs.readFileSync(binaryFile);
		} catch {
			// Missing: the package's data, below.
		}
		if (binary && binary.length === layout.size) {
			// A buffer of its own (not a view into a shared pool), so that 32-bit words can be read in place.
			const buffer = binary.byteOffset === 0 && binary.byteLength === binary.buffer.byteLength ? binary.buffer : new Uint8Array(binary).buffer;
			const part = ([at, length]: [number, number]): Uint8Array => new Uint8Array(buffer, at, length);
			const words32 = ([at, length]: [number, number]): Uint32Array => new Uint32Array(buffer, at, length / 4);
			model.lexicon = words32(layout.lexicon);
			model.xpansions = words32(layout.xpansions);
			const words = part(layout.lexemeWords);
			model.features.lexeme!.list = (isAscii(words) ? Buffer.from(words.buffer, words.byteOffset, words.length).toString('latin1') : Buffer.from(words.buffer, words.byteOffset, words.length).toString('utf8')).split('\0');
			return { model, slots: new Int32Array(buffer, layout.lexemeSlots[0], layout.lexemeSlots[1] / 4) };
		}
	}
	return { model: JSON.parse(fs.readFileSync(require.resolve(PACKAGE_CORE_DATA), 'utf8')) as CoreData };
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
export function lexemeIndex(list: readonly string[], slots: Int32Array = lexemeSlots(list)): Record<string, number> {
	const slotOf = slotFinder(list, slots);
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

/**
 * The open-addressing table of lexemeIndex: a power of two of slots, at least twice the list's length, each a
 * list position plus one (0: empty), a word at the slot of its hash or the next free one after it. A function
 * of the list alone: the build step works it out (writeEnglishModel) and a process reads it.
 */
export function lexemeSlots(list: readonly string[]): Int32Array {
	let size = 1;
	while (size < list.length * 2) size *= 2;
	const slots = new Int32Array(size);
	const slotOf = slotFinder(list, slots);
	for (let k = 0; k < list.length; k++) slots[slotOf(list[k]!)] = k + 1;
	return slots;
}

/** The slot of a word in the table: where it is, or the empty slot where it would go. */
function slotFinder(list: readonly string[], slots: Int32Array): (word: string) => number {
	const mask = slots.length - 1;
	return (word) => {
		let slot = wordHash(word) & mask;
		for (let at = slots[slot]!; at !== 0 && list[at - 1] !== word; at = slots[slot]!) slot = (slot + 1) & mask;
		return slot;
	};
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
export function coreModel(jsonFile: string = CORE_DATA_FILE, binaryFile: string = CORE_BINARY_FILE): CoreData {
	const { model, slots } = coreData(jsonFile, binaryFile);
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
	lexeme.hash = lexemeIndex(lexeme.list as string[], slots);
	lexeme.intrinsicSize = lexeme.list.length;
	lexeme.index = lexeme.list.length;
	const clusters = features.posClusters!;
	clusters.list = clusters.list.map((c) => new Set((c as string).split('_').map((tag) => model.pos.hash[tag] || 0)));
	if (typeof model.lexicon === 'string') model.lexicon = words(model.lexicon);
	if (typeof model.xpansions === 'string') model.xpansions = words(model.xpansions);
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
