import { shiftOffsets, type Offsets } from '../finding';
import type { Block, BlockKind, DocumentFormat, ReviewDocument, Section } from './model';
import type { ParseEvent } from './events';
import { splitSentences } from './sentences';

/**
 * Accumulates blocks and sections in document order. Both parsers (Markdown and plain text) feed it, so
 * the section tree and sentence splitting are built one way.
 */
export class DocumentBuilder {
	readonly blocks: Block[] = [];
	readonly sections: Section[] = [];
	readonly codeRanges: Offsets[] = [];
	private readonly open: number[] = [];

	constructor(
		private readonly text: string,
		private readonly format: DocumentFormat,
	) {
		const firstLine = firstLineOffsets(text);
		this.sections.push({
			index: 0, level: 0, title: text.slice(firstLine.start, firstLine.end).trim(), heading: firstLine,
			start: 0, end: text.length, children: [], blocks: [],
		});
		this.open.push(0);
	}

	/**
	 * Replays a parser's events for a stretch of text that starts at `base`; returns the blocks they made.
	 * `kept` are the blocks the same events made in an earlier document (the incremental reviewer's unchanged
	 * chunks): one that lands at the same index, start and section is equal to the block it would make, and
	 * is reused instead of made again with its sentences shifted, and one elsewhere is moved there (so the
	 * earlier document must no longer be used: its blocks now describe this one).
	 */
	replay(events: readonly ParseEvent[], base: number, kept?: Block[]): Block[] {
		// While every block made is the kept one in its place, `kept` itself is the answer: no new list for each
		// unchanged chunk of a long document on each keystroke (lists that would outlive the review, so cost a copy
		// in every collection until they are old).
		let made: Block[] | undefined = kept ? undefined : [];
		let k = 0;
		for (let i = 0; i < events.length; i++) {
			const e = events[i]!;
			if (e.type === 'code') {
				this.code(base + e.start, base + e.end);
				continue;
			}
			const reuse = kept?.[k];
			// A kept block made from this prose had prose (the kept blocks are those of these same events).
			if (e.type === 'block' && reuse?.prose !== e.prose && !hasProse(e.prose)) continue;
			k++;
			const start = base + e.start;
			const block =
				e.type === 'heading'
					? this.openSection(e.level, start, base + e.end, e.prose, reuse, e.sentences, base)
					: this.addProse(e.kind, start, base + e.end, e.prose, e.quoted, e.listDepth, reuse, e.sentences, base);
			if (made) made.push(block);
			else if (block !== reuse) {
				made = kept!.slice(0, k - 1);
				made.push(block);
			}
		}
		if (made) return made;
		return k === kept!.length ? kept! : kept!.slice(0, k);
	}

	/** Opens a section for a heading; `prose` is the heading's blanked text. */
	heading(level: number, start: number, end: number, prose: string, sentences?: Offsets[]): void {
		this.openSection(level, start, end, prose, undefined, sentences ?? splitSentences(prose, start));
	}

	block(kind: BlockKind, start: number, end: number, prose: string, quoted: boolean, listDepth: number, sentences?: Offsets[]): void {
		if (!hasProse(prose)) return;
		this.addProse(kind, start, end, prose, quoted, listDepth, undefined, sentences ?? splitSentences(prose, start));
	}

	code(start: number, end: number): void {
		this.codeRanges.push({ start, end });
	}

	build(): ReviewDocument {
		return { text: this.text, format: this.format, blocks: this.blocks, sections: this.sections, codeRanges: this.codeRanges };
	}

	private openSection(level: number, start: number, end: number, prose: string, reuse: Block | undefined, sentences: readonly Offsets[], shiftBy?: number): Block {
		while (this.open.length > 1 && this.sections[this.open[this.open.length - 1]!]!.level >= level) {
			this.sections[this.open.pop()!]!.end = start;
		}
		const parent = this.open[this.open.length - 1]!;
		const index = this.sections.length;
		const known = reuse && titles.get(reuse);
		const title = known ?? (reuse ? titleOf(reuse) : prose.replace(/\s+/g, ' ').trim());
		const section: Section = { index, level, title, heading: { start, end }, start, end: this.text.length, parent, children: [], blocks: [] };
		this.sections.push(section);
		this.sections[parent]!.children.push(index);
		// A document that opens with its title heading is anchored on it.
		if (this.blocks.length === 0 && this.sections.length === 2) {
			this.sections[0]!.heading = { start, end };
			this.sections[0]!.title = title;
		}
		// Every open section lists the heading of a subsection among its blocks.
		for (const s of this.open) this.sections[s]!.blocks.push(this.blocks.length);
		const block = this.place('heading', start, end, prose, false, 0, index, reuse, sentences, shiftBy);
		if (block !== reuse || known === undefined) titles.set(block, title);
		section.headingBlock = block.index;
		this.open.push(index);
		return block;
	}

	private addProse(kind: BlockKind, start: number, end: number, prose: string, quoted: boolean, listDepth: number, reuse: Block | undefined, sentences: readonly Offsets[], shiftBy?: number): Block {
		for (const s of this.open) this.sections[s]!.blocks.push(this.blocks.length);
		return this.place(kind, start, end, prose, quoted, listDepth, this.open[this.open.length - 1]!, reuse, sentences, shiftBy);
	}

	/**
	 * `sentences`: the block's own (the block takes them), or with `shiftBy` those of a parse event relative to
	 * its chunk (copied, moved by `shiftBy`, when the block is made rather than reused).
	 */
	private place(kind: BlockKind, start: number, end: number, prose: string, quoted: boolean, listDepth: number, section: number, reuse: Block | undefined, sentences: readonly Offsets[], shiftBy?: number): Block {
		const index = this.blocks.length;
		let block: Block;
		if (reuse && reuse.index === index && reuse.start === start && reuse.section === section) block = reuse;
		else if (reuse && !(reuse.index < index && this.blocks[reuse.index] === reuse)) {
			// A block of an earlier document that this one has not placed yet (a chunk may occur twice): moved
			// where it now is, rather than made again with all its sentences. The earlier document is stale.
			moveBlock(reuse, index, start, section);
			block = reuse;
		} else block = { index, kind, start, end, prose, quoted, listDepth, section, sentences: shiftBy === undefined ? (sentences as Offsets[]) : shift(sentences, shiftBy) };
		this.blocks.push(block);
		return block;
	}
}

function moveBlock(block: Block, index: number, start: number, section: number): void {
	const by = start - block.start;
	block.index = index;
	block.section = section;
	if (by === 0) return;
	block.start = start;
	block.end += by;
	for (const s of block.sentences) {
		s.start += by;
		s.end += by;
	}
}

/** Section titles of heading blocks, so a reused heading block does not collapse its prose's spaces again. */
const titles = new WeakMap<Block, string>();

function titleOf(block: Block): string {
	return titles.get(block) ?? block.prose.replace(/\s+/g, ' ').trim();
}

/** Blocks whose prose is all blank (markup only) are not blocks. */
export function hasProse(prose: string): boolean {
	// /\S/ is exactly what trim() removes, without copying the prose.
	return /\S/.test(prose);
}

function shift(list: readonly Offsets[], by: number): Offsets[] {
	return list.map((o) => shiftOffsets(o, by));
}

function firstLineOffsets(text: string): Offsets {
	const match = /\S[^\r\n]*/.exec(text);
	if (!match) return { start: 0, end: 0 };
	return { start: match.index, end: match.index + match[0].trimEnd().length };
}

/**
 * Blanks everything in `source[start, end)` except the characters of `pieces` (text-node ranges with their
 * decoded values). Markup, escapes and container prefixes ("> ", list indentation) become spaces; line
 * breaks are kept. Entities that decode to other characters are blanked.
 */
export function blankExcept(source: string, start: number, end: number, pieces: Array<{ start: number; end: number; value: string }>): string {
	const out: string[] = [];
	let cursor = start;
	for (const piece of pieces) {
		if (piece.start < cursor || piece.end > end) continue;
		out.push(blankOut(source, cursor, piece.start));
		out.push(align(source, piece.start, piece.end, piece.value));
		cursor = piece.end;
	}
	out.push(blankOut(source, cursor, end));
	return out.join('');
}

/** `source[start, end)` as spaces, its line breaks kept: how every reader blanks what is not prose. */
export function blankOut(source: string, start: number, end: number): string {
	const piece = source.slice(start, end);
	return piece.includes('\n') || piece.includes('\r') ? piece.replace(/[^\r\n]/g, ' ') : ' '.repeat(end - start);
}

/** Keeps source characters that line up with the decoded value, blanking the rest. */
function align(source: string, start: number, end: number, value: string): string {
	const out: string[] = [];
	let j = 0;
	for (let i = start; i < end; i++) {
		const c = source[i]!;
		if (j < value.length && c === value[j]) {
			out.push(c);
			j++;
			continue;
		}
		if (j < value.length && value[j] !== '\n' && !lookahead(source, i + 1, Math.min(end, i + 12), value[j]!)) j++;
		out.push(c === '\n' || c === '\r' ? c : ' ');
	}
	return out.join('');
}

function lookahead(source: string, from: number, to: number, ch: string): boolean {
	for (let k = from; k < to; k++) if (source[k] === ch) return true;
	return false;
}
