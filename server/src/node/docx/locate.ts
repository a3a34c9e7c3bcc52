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
