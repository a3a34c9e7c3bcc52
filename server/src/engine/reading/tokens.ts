import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A token of a sentence: offsets are relative to the sentence's text. */
export interface Token {
	/** The text as written. */
	text: string;
	/** Lower case. */
	lower: string;
	/** The dictionary form ("required" → "require", "victims" → "victim"). */
	lemma: string;
	/** Universal part of speech (wink-nlp's tag set: NOUN, VERB, AUX, ADP, PART, SCONJ, CCONJ, PRON, DET …). */
	pos: string;
	start: number;
	end: number;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/**
 * wink-nlp with its English model, created on the first sentence that needs reading. Creating it costs about
 * half a second, so it is made only when a rule asks about a sentence's structure, never at start-up. The
 * model is immutable: sharing it between reviews and rule reloads keeps no document or rule state.
 */
function tagger(): Nlp {
	// Only sentence boundaries and parts of speech (lemmas follow from them): the default pipeline also runs
	// negation, sentiment and entity recognition, which we do not use, at three times the cost.
	nlp ??= winkNLP(model, ['sbd', 'pos']);
	return nlp;
}

/**
 * Lower case that keeps every offset: a character whose lower case is longer (İ) stays as it is. The tagger
 * reads lower-cased text because it takes a capitalised word at a sentence's start, in a heading or in capitals
 * for a proper noun ("Victims/PROPN", lemma "victims"); policy text has few proper nouns that matter here.
 */
/**
 * Whether a token has the form of a past participle ("rescued", "identified", "taken"): inflected, ending in
 * -ed or -en. The tagger may call it a verb, a noun or an adjective after a noun ("the persons RESCUED are …").
 */
export function hasParticipleForm(t: Token | undefined): boolean {
	return t !== undefined && ['VERB', 'NOUN', 'ADJ'].includes(t.pos) && t.lower !== t.lemma && /(?:ed|en)$/.test(t.lower);
}

export function lowerKeepingOffsets(text: string): string {
	const lower = text.toLowerCase();
	if (lower.length === text.length) return lower;
	let out = '';
	for (const ch of text) {
		const l = ch.toLowerCase();
		out += l.length === ch.length ? l : ch;
	}
	return out;
}

/** Tokens of one sentence, with parts of speech and lemmas; whitespace is not a token. */
export function tagSentence(text: string): Token[] {
	const { its } = tagger();
	const lowered = lowerKeepingOffsets(text);
	const doc = tagger().readDoc(lowered);
	const tokens = doc.tokens();
	const values = tokens.out(its.value) as string[];
	const spaces = tokens.out(its.precedingSpaces) as string[];
	const pos = tokens.out(its.pos) as string[];
	const lemmas = tokens.out(its.lemma as never) as string[];
	const types = tokens.out(its.type) as string[];
	const out: Token[] = [];
	let at = 0;
	for (let i = 0; i < values.length; i++) {
		const value = values[i]!;
		// The tagger leaves some separators out of its preceding spaces (U+2028, U+2029): a token is found where
		// its text is, so offsets never drift (nor split a surrogate pair) after one.
		let start = at + spaces[i]!.length;
		if (!lowered.startsWith(value, start)) {
			const found = lowered.indexOf(value, at);
			if (found >= 0) start = found;
		}
		at = start + value.length;
		if (types[i] === 'tabCRLF' || value.trim() === '') continue;
		const written = text.slice(start, at);
		const hyphenated = HYPHENATED_VERB.exec(value);
		if (hyphenated) {
			// The model does not know the British spelling of these verbs and tags "co-operate" a noun.
			out.push({ text: written, lower: value, lemma: `co${hyphenated[1]}e`, pos: 'VERB', start, end: at });
			continue;
		}
		out.push({ text: written, lower: value, lemma: lemmaOf(value, lemmas[i]!, pos[i]!), pos: pos[i]!, start, end: at });
	}
	// The month, not the modal: "on MAY 19", "in May 2020" (the text is read lower-cased, so the tagger cannot tell).
	for (let k = 0; k + 1 < out.length; k++) if (out[k]!.lower === 'may' && out[k + 1]!.pos === 'NUM') out[k]!.pos = 'PROPN';
	return joinHyphenatedAdjectives(text, out);
}

/**
 * A compound adjective written with hyphens is one modifier: "a 15-YEAR-OLD victim", "SO-CALLED clients". The
 * tagger splits it into words and hyphens (15/NUM -/PUNCT year/NOUN -/PUNCT old/ADJ), which reads as a noun
 * phrase ending before the person it describes.
 */
function joinHyphenatedAdjectives(text: string, tokens: Token[]): Token[] {
	const out: Token[] = [];
	for (let i = 0; i < tokens.length; i++) {
		let j = i;
		while (j + 2 < tokens.length && tokens[j + 1]!.text === '-' && tokens[j + 1]!.start === tokens[j]!.end && tokens[j + 2]!.start === tokens[j + 1]!.end) j += 2;
		if (j > i && tokens[j]!.pos === 'ADJ') {
			const start = tokens[i]!.start, end = tokens[j]!.end;
			const written = text.slice(start, end);
			const lower = lowerKeepingOffsets(written);
			out.push({ text: written, lower, lemma: lower, pos: 'ADJ', start, end });
			i = j;
			continue;
		}
		out.push(tokens[i]!);
	}
	return out;
}

/** Verbs written with a hyphen in British and Commonwealth usage: "co-operate", "co-ordinated". */
const HYPHENATED_VERB = /^co-(operat|ordinat)(?:e|es|ed|ing)$/;

/**
 * wink-nlp's lemma, mended where it leaves an inflected form (it lemmatises by part of speech, so a participle
 * tagged NOUN or ADJ keeps its ending: "rescued", "trafficked").
 */
function lemmaOf(value: string, lemma: string, pos: string): string {
	// The model leaves "being" as it is: "shows signs of BEING trafficked" is a passive like "was trafficked".
	if (value === 'being' && (pos === 'AUX' || pos === 'VERB')) return 'be';
	if (lemma !== value || value.length < 5) return lemma;
	if ((pos === 'NOUN' || pos === 'ADJ' || pos === 'PROPN') && /[^e]ed$/.test(value)) {
		const base = value.slice(0, -2);
		return /(?:[^aeiou][aeiou][^aeiouwxy]|[cguvz])$/.test(base) && !/(?:ss|ll)$/.test(base) ? `${base}e` : base;
	}
	return lemma;
}
