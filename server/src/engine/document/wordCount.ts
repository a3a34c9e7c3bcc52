/**
 * How many words a text holds: the matches of `[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*` (letters and digits, an
 * apostrophe or hyphen between two runs of them joining them into one word), counted in one pass over the
 * characters. Running that RegExp match by match cost a 1 MB document over a hundred milliseconds of every
 * review (each call's set-up, once per word); a run of letters or digits starts a word unless an apostrophe
 * or hyphen right after another run joins it to that one, which is what the RegExp's leftmost, greedy
 * matches come to.
 */
export function countWords(text: string): number {
	let n = 0;
	/** Whether the character before was a letter or digit; whether it was a joiner right after one. */
	let afterWord = false;
	let joined = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		let word: boolean;
		if (c < 0x80) word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
		else {
			LETTER_OR_DIGIT.lastIndex = i;
			word = LETTER_OR_DIGIT.test(text);
			// A letter beyond the Basic Multilingual Plane is two UTF-16 units.
			if (word && LETTER_OR_DIGIT.lastIndex === i + 2) i++;
		}
		if (word) {
			if (!afterWord && !joined) n++;
			joined = false;
		} else joined = afterWord && (c === 0x27 || c === 0x2019 || c === 0x2d);
		afterWord = word;
	}
	return n;
}

/** One code point at lastIndex (a surrogate pair read as one, as the RegExp above reads it). */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;
