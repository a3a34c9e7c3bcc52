import type { Offsets } from '../finding';
import type { BlockKind } from './model';

/**
 * What a parser found in one stretch of text, in order, with offsets relative to the stretch's start.
 * Parsers emit these instead of building the document directly, so that a stretch (a chunk of a long
 * document) parsed once can be replayed at any position: the incremental reviewer re-parses only the
 * chunks an edit touched and replays the others.
 */
export type ParseEvent = HeadingEvent | BlockEvent | CodeEvent;

export interface HeadingEvent {
	type: 'heading';
	level: number;
	start: number;
	end: number;
	prose: string;
	/** Sentences of `prose`, relative to the stretch. */
	sentences: Offsets[];
}

export interface BlockEvent {
	type: 'block';
	kind: BlockKind;
	start: number;
	end: number;
	prose: string;
	quoted: boolean;
	listDepth: number;
	sentences: Offsets[];
}

export interface CodeEvent {
	type: 'code';
	start: number;
	end: number;
}
