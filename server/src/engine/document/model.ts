import type { Offsets } from '../finding';

export type DocumentFormat = 'markdown' | 'plaintext';

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'tableCell';

/**
 * A unit of prose: a paragraph, a list item's paragraph, a table cell or a heading.
 * `prose` has exactly the length of the block's source slice; what is not prose (markup, code, URLs,
 * comments) is blanked with spaces, so an index into `prose` plus `start` is an offset into the text.
 */
export interface Block {
	index: number;
	kind: BlockKind;
	start: number;
	end: number;
	prose: string;
	/** Inside a block quote. */
	quoted: boolean;
	/** Nesting depth of list items around the block (0 outside lists). */
	listDepth: number;
	/** Index of the innermost section that holds the block. */
	section: number;
	/** Sentence ranges (absolute offsets), in order. */
	sentences: Offsets[];
}

/** A heading and everything under it until the next heading of the same or a higher level. */
export interface Section {
	index: number;
	/** 0 for the document root; 1–6 for headings. */
	level: number;
	title: string;
	/** The heading's offsets; for the root, the first line of the document. */
	heading: Offsets;
	/** Index of the heading block, if any. */
	headingBlock?: number;
	start: number;
	end: number;
	parent?: number;
	children: number[];
	/** Indices of the blocks directly or indirectly inside the section (the heading block excluded). */
	blocks: number[];
}

export interface ReviewDocument {
	text: string;
	format: DocumentFormat;
	blocks: Block[];
	/** sections[0] is the whole document. */
	sections: Section[];
	/** Ranges that are not prose at all (code, front matter, comments), used to ignore directives inside code. */
	codeRanges: Offsets[];
}
