/**
 * The reviewed copy of a Word document: the same .docx with one Word comment, authored "Accountable", on the
 * exact words of each finding, and a cover comment with the report's scorecard on the first paragraph.
 * Comments are inserted into the original package (jszip + xmldom), not written into a new document, so
 * everything else in it (tracked changes, existing comments, headers, footnotes, styles) stays as it was.
 */
import type { Finding, Rule } from '../../../engine';
import type { ReviewResult } from '../../../engine/review';
import type { Report } from '../../../engine/report';
import type { WordDocument } from '../wordDocument';
import type { WordParagraph } from '../markdown';
import { WordPackage, W } from './wordPackage';
import { bodyParagraphs, markCommentRange, noteNumbers, paragraphText, wElement, type NoteNumbers } from './paragraphText';
import { CommentsPart } from './commentsPart';
import { coverComment, findingComment } from './wording';

export const COMMENT_AUTHOR = 'Accountable';

export interface AnnotateInput {
	/** The original .docx. */
	bytes: Uint8Array;
	/** Its conversion, whose text was reviewed. */
	word: WordDocument;
	review: Pick<ReviewResult, 'findings' | 'profile'>;
	rules: readonly Rule[];
	report: Report;
	/** Why the review used its profile ("grant proposal: 'Grant proposal to' in the first lines"). */
	profileReason?: string;
	/** ISO 8601 date written on the comments. */
	date: string;
}

export interface AnnotatedCopy {
	bytes: Uint8Array;
	/** Findings with a comment on their words. */
	anchored: Finding[];
	/** Findings whose words could not be found in the .docx: listed in the cover comment instead. */
	unanchored: Finding[];
}

export async function annotateWordDocument(input: AnnotateInput): Promise<AnnotatedCopy> {
	const pkg = await WordPackage.open(input.bytes);
	const body = await pkg.part('word/document.xml');
	const comments = await CommentsPart.open(pkg, { name: COMMENT_AUTHOR, initials: 'AC', date: input.date });
	const byId = new Map(input.rules.map((r) => [r.id, r] as [string, Rule]));
	const notes = noteNumbers(body);
	const elements = matchParagraphs(input.word.paragraphs, bodyParagraphs(body), notes);
	const noteReferences = Array.from(body.getElementsByTagNameNS(W, 'footnoteReference')).concat(Array.from(body.getElementsByTagNameNS(W, 'endnoteReference')));

	const anchored: Finding[] = [];
	const unanchored: Finding[] = [];
	for (const finding of input.review.findings) {
		const span = input.word.locator.span(finding.offsets);
		const element = span && elements.get(span.paragraph.number);
		if (span && element) {
			// The words must read the same in the .docx as in the conversion, or the comment would sit on other words.
			const words = span.paragraph.text.slice(span.start, span.end);
			if (words && paragraphText(element, notes).text.slice(span.start, span.end) === words) {
				markCommentRange(element, span.start, span.end, comments.add(findingComment(finding, byId.get(finding.ruleId))), notes);
				anchored.push(finding);
				continue;
			}
		}
		// A finding in a footnote or endnote is anchored on the note's reference mark in the body.
		const reference = span?.paragraph.note ? noteReference(noteReferences, span.paragraph.note) : undefined;
		if (span && reference) {
			const quote = span.paragraph.text.slice(span.start, span.end);
			markReference(reference, comments.add(findingComment(finding, byId.get(finding.ruleId), `In ${span.paragraph.note}: “${quote}”`)));
			anchored.push(finding);
			continue;
		}
		unanchored.push(finding);
	}

	const first = bodyParagraphs(body).find((p) => paragraphText(p, notes).text.length > 0);
	if (first) {
		const cover = coverComment(input.report, input.profileReason, unanchored, (f) => input.word.locator.locate(f.offsets));
		markCommentRange(first, 0, paragraphText(first, notes).text.length, comments.add(cover), notes);
	}
	return { bytes: await pkg.save(), anchored, unanchored };
}

/**
 * Pairs each converted paragraph with its `w:p` by text, in order: the converter keeps the body's order, so
 * a forward search finds each one; a paragraph the converter read differently is skipped, not guessed.
 */
function matchParagraphs(paragraphs: readonly WordParagraph[], elements: readonly Element[], notes: NoteNumbers): Map<number, Element> {
	const texts = elements.map((e) => paragraphText(e, notes).text);
	const matched = new Map<number, Element>();
	let next = 0;
	for (const paragraph of paragraphs) {
		if (paragraph.note) continue;
		const at = texts.indexOf(paragraph.text, next);
		if (at < 0) continue;
		matched.set(paragraph.number, elements[at]!);
		next = at + 1;
	}
	return matched;
}

/** The body's reference mark of "footnote 2" / "endnote 1". */
function noteReference(references: readonly Element[], note: string): Element | undefined {
	const [kind, id] = note.split(' ');
	return references.find((r) => r.localName === `${kind}Reference` && (r.getAttributeNS(W, 'id') ?? r.getAttribute('w:id')) === id);
}

/** Puts comment `id`'s range around the run holding a note reference. */
function markReference(reference: Element, id: number): void {
	const run = reference.parentNode as Element;
	const document = run.ownerDocument;
	const end = wElement(document, 'commentRangeEnd', { id: String(id) });
	const referenceRun = wElement(document, 'r');
	referenceRun.appendChild(wElement(document, 'commentReference', { id: String(id) }));
	run.parentNode!.insertBefore(wElement(document, 'commentRangeStart', { id: String(id) }), run);
	run.parentNode!.insertBefore(end, run.nextSibling);
	end.parentNode!.insertBefore(referenceRun, end.nextSibling);
}
