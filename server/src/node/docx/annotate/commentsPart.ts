import { W, type WordPackage } from './wordPackage';
import { elements, wElement } from './paragraphText';

const COMMENTS_PART = 'word/comments.xml';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

/** What a comment says: its paragraphs, the first one in bold (the comment's headline). */
export interface CommentText {
	paragraphs: string[];
}

export interface CommentAuthor {
	name: string;
	initials: string;
	/** ISO 8601 date-time written on every comment. */
	date: string;
}

/**
 * The document's comments part (word/comments.xml), created with its relationship and content type when the
 * document has none. Existing comments are left as they are; new ones take ids after the highest in use.
 */
export class CommentsPart {
	private nextId: number;

	private constructor(
		private readonly document: Document,
		usedIds: number[],
		private readonly author: CommentAuthor,
	) {
		this.nextId = Math.max(-1, ...usedIds) + 1;
	}

	static async open(pkg: WordPackage, author: CommentAuthor): Promise<CommentsPart> {
		if (!pkg.has(COMMENTS_PART)) {
			await pkg.addPart(COMMENTS_PART, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}"/>`, COMMENTS_CONTENT_TYPE, 'word/document.xml', COMMENTS_RELATIONSHIP);
		}
		const document = await pkg.part(COMMENTS_PART);
		// Ids are shared by the comments and the range markers in the body: take both into account.
		const body = await pkg.part('word/document.xml');
		const ids = [
			...Array.from(document.getElementsByTagNameNS(W, 'comment')),
			...Array.from(body.getElementsByTagNameNS(W, 'commentRangeStart')),
			...Array.from(body.getElementsByTagNameNS(W, 'commentReference')),
		].map((e) => Number(e.getAttributeNS(W, 'id') ?? e.getAttribute('w:id'))).filter(Number.isFinite);
		return new CommentsPart(document, ids, author);
	}

	/** Adds a comment and returns its id, for the range markers in the body. */
	add(text: CommentText): number {
		const id = this.nextId++;
		const document = this.document;
		const comment = wElement(document, 'comment', { id: String(id), author: this.author.name, date: this.author.date, initials: this.author.initials });
		text.paragraphs.forEach((line, i) => {
			const paragraph = wElement(document, 'p');
			const run = wElement(document, 'r');
			if (i === 0) {
				const properties = wElement(document, 'rPr');
				properties.appendChild(wElement(document, 'b'));
				run.appendChild(properties);
			}
			const t = wElement(document, 't');
			t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
			t.appendChild(document.createTextNode(line));
			run.appendChild(t);
			paragraph.appendChild(run);
			comment.appendChild(paragraph);
		});
		document.documentElement.appendChild(comment);
		return id;
	}

	/** How many comments the part holds (existing ones included). */
	get count(): number {
		return elements(this.document.documentElement).filter((e) => e.localName === 'comment').length;
	}
}
