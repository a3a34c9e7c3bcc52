import type { Offsets } from '../../engine';
import { unescapeMarkdown, type WordParagraph } from './markdown';

/** Where a finding is in the Word document, in terms a Word user can find. */
export interface WordLocation {
	/** 1-based paragraph number (non-empty paragraphs, headings, list items and table cells included). */
	paragraph: number;
	/** The headings above the finding, outermost first. */
	headingPath: string[];
	/** The matched text as it reads in Word (within the paragraph). */
	quote: string;
	/** For a footnote or endnote: e.g. "footnote 2". */
	note?: string;
}

/** Maps offsets into the converted Markdown back to Word paragraphs. */
export class WordLocator {
	constructor(
		private readonly markdown: string,
		private readonly paragraphs: readonly WordParagraph[],
	) {}

	/** The paragraph holding `offsets.start` (or the next one, for offsets on markup such as a heading's `#`). */
	locate(offsets: Offsets): WordLocation | undefined {
		const paragraph = this.paragraphAt(offsets.start);
		if (!paragraph) return undefined;
		const start = Math.max(offsets.start, paragraph.start);
		const end = Math.min(offsets.end, paragraph.end);
		const quote = end > start ? unescapeMarkdown(this.markdown.slice(start, end)).trim() : paragraph.text;
		return { paragraph: paragraph.number, headingPath: paragraph.headingPath, quote: quote || paragraph.text, ...(paragraph.note ? { note: paragraph.note } : {}) };
	}

	/**
	 * The finding's words within its Word paragraph: character offsets into `paragraph.text` (end exclusive).
	 * A finding that runs past its paragraph (a section's) is cut at the paragraph's end; one with no words of
	 * its own (a missing provision, anchored on a heading) covers the whole paragraph.
	 */
	span(offsets: Offsets): { paragraph: WordParagraph; start: number; end: number } | undefined {
		const paragraph = this.paragraphAt(offsets.start);
		if (!paragraph) return undefined;
		const from = Math.min(Math.max(offsets.start, paragraph.start), paragraph.end);
		const to = Math.min(offsets.end, paragraph.end);
		const before = unescapeMarkdown(this.markdown.slice(paragraph.start, from));
		const words = to > from ? unescapeMarkdown(this.markdown.slice(from, to)) : '';
		let start = before.length;
		// Escapes and joins make the converted text longer than Word's; find the words if they moved.
		if (words && paragraph.text.slice(start, start + words.length) !== words) start = paragraph.text.indexOf(words, Math.max(0, start - 8));
		if (!words.trim() || start < 0) return { paragraph, start: 0, end: paragraph.text.length };
		const leading = words.length - words.trimStart().length;
		return { paragraph, start: start + leading, end: start + words.trimEnd().length };
	}

	private paragraphAt(offset: number): WordParagraph | undefined {
		let low = 0;
		let high = this.paragraphs.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (this.paragraphs[mid]!.end <= offset) low = mid + 1;
			else high = mid;
		}
		return this.paragraphs[low] ?? this.paragraphs[this.paragraphs.length - 1];
	}
}

/** `¶12 (SEC. 5 › Services)` or `footnote 2`: how text output names a place in a Word document. */
export function describeLocation(location: WordLocation): string {
	if (location.note) return location.note;
	return location.headingPath.length > 0 ? `¶${location.paragraph} (${location.headingPath.join(' › ')})` : `¶${location.paragraph}`;
}
