import * as fs from 'node:fs';
import * as path from 'node:path';
import { AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, FootnoteReferenceRun, Header, HeadingLevel, InsertedTextRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/**
 * Word documents built the way Word writes them (the `docx` package emits real OOXML with numbering and
 * table parts), so no binary fixture is committed. Paragraph numbers in the comments are the ones Word users
 * see in the findings: non-empty paragraphs counted from the top, headings, list items and cells included.
 */
export async function grantProposal(): Promise<Buffer> {
	const doc = new Document({
		numbering: {
			config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }],
		},
		sections: [
			{
				children: [
					new Paragraph({ text: 'Safe Harbor Grant Proposal', heading: HeadingLevel.TITLE }), // ¶1
					new Paragraph({ text: 'SEC. 5', heading: HeadingLevel.HEADING_1 }), // ¶2
					new Paragraph({ text: 'Services', heading: HeadingLevel.HEADING_2 }), // ¶3
					new Paragraph({ text: 'The program will carry out these steps:' }), // ¶4
					new Paragraph({ text: 'Open two drop-in centres run with community organisations.', numbering: { reference: 'steps', level: 0 } }), // ¶5
					new Paragraph({ text: 'Hire outreach workers who speak the languages of the people served.', numbering: { reference: 'steps', level: 0 } }), // ¶6
					new Paragraph({
						// ¶7: a conditional-services finding split across runs with different formatting, as Word writes it.
						children: [new TextRun('Victims who agree to testify '), new TextRun({ text: 'shall be eligible', bold: true }), new TextRun(' for emergency shelter.')],
					}),
					new Paragraph({ text: '' }), // empty: not counted
					new Paragraph({ text: 'Budget', heading: HeadingLevel.HEADING_2 }), // ¶8
					new Table({
						rows: [
							new TableRow({ children: [cell('Item'), cell('Condition')] }), // ¶9, ¶10
							new TableRow({ children: [cell('Counselling'), cell('Available to all participants.')] }), // ¶11, ¶12
							new TableRow({ children: [cell('Transitional housing'), cell('Benefits are available only to victims who cooperate with the prosecution.')] }), // ¶13, ¶14
						],
					}),
					new Paragraph({ text: 'Referral and data sharing', heading: HeadingLevel.HEADING_2 }), // ¶15
					new Paragraph({ text: 'Service providers shall transmit the names and addresses of identified victims to the task force within 48 hours.' }), // ¶16
				],
			},
		],
	});
	return Packer.toBuffer(doc);
}

/** A short document with nothing to flag. */
export async function cleanProposal(): Promise<Buffer> {
	const doc = new Document({
		sections: [
			{
				children: [
					new Paragraph({ text: 'Services', heading: HeadingLevel.HEADING_1 }),
					new Paragraph({ text: 'Services shall be provided regardless of whether the person cooperates with law enforcement.' }),
				],
			},
		],
	});
	return Packer.toBuffer(doc);
}

function cell(text: string): TableCell {
	return new TableCell({ children: [new Paragraph(text)] });
}

/** An OLE compound file as Office writes for a password-protected .docx: the OLE signature, then a directory naming the EncryptedPackage stream. */
export function encryptedDocx(): Buffer {
	const header = Buffer.alloc(512);
	Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
	const directory = Buffer.alloc(512);
	Buffer.from('EncryptedPackage\0', 'utf16le').copy(directory);
	Buffer.from('EncryptionInfo\0', 'utf16le').copy(directory, 128);
	return Buffer.concat([header, directory]);
}

/** A Word 97–2003 .doc renamed .docx: an OLE file without an encrypted package. */
export function legacyDocRenamed(): Buffer {
	const bytes = Buffer.alloc(1024);
	Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
	Buffer.from('WordDocument\0', 'utf16le').copy(bytes, 512);
	return bytes;
}

/** A real .docx cut off half-way, as after an interrupted download or copy. */
export async function truncatedDocx(): Promise<Buffer> {
	const whole = await grantProposal();
	return whole.subarray(0, Math.floor(whole.length / 2));
}

export function writeFiles(dir: string, files: Record<string, Buffer | string>): void {
	for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
}

/** A ZIP archive with uncompressed entries, written by hand so tests can make packages Word never would. */
export function storedZip(entries: Record<string, string>): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [name, text] of Object.entries(entries)) {
		const data = Buffer.from(text, 'utf8');
		const nameBytes = Buffer.from(name, 'utf8');
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(nameBytes.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, nameBytes, data);
		centrals.push(central, nameBytes);
		offset += local.length + nameBytes.length + data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(Object.keys(entries).length, 8);
	end.writeUInt16LE(Object.keys(entries).length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

function crc32(data: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of data) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
	}
	return (crc ^ 0xffffffff) >>> 0;
}

/** A finding of `accountable --format json` in a Word document, as the tests of the commented copy read it. */
export interface JsonFinding {
	ruleId: string;
	message: string;
	location: { paragraph: number; quote: string; note?: string };
}

const EDITOR = { author: 'Maria Lopez', date: '2026-11-02T09:00:00Z' };

/**
 * A grant proposal as colleagues exchange it in Word: a header, a table, a footnote, tracked changes (an
 * insertion inside a flagged sentence, a deletion beside it) and an existing reviewer's comment. The first
 * line opens as proposals do ("Grant proposal to the State Office of …"), which alone makes the profile.
 */
export async function proposalAsExchanged(): Promise<Buffer> {
	const doc = new Document({
		comments: { children: [{ id: 0, author: EDITOR.author, initials: 'ML', date: new Date(EDITOR.date), children: [new Paragraph('Can we name the drop-in centres?')] }] },
		footnotes: { 1: { children: [new Paragraph('Victims who agree to testify shall be eligible for relocation assistance.')] } },
		sections: [
			{
				headers: { default: new Header({ children: [new Paragraph('DRAFT for the coalition: not for circulation')] }) },
				children: [
					new Paragraph({ text: 'Grant proposal to the State Office of Victim Services', heading: HeadingLevel.TITLE }),
					new Paragraph({ text: 'Services', heading: HeadingLevel.HEADING_1 }),
					new Paragraph({
						children: [new CommentRangeStart(0), new TextRun('The program will open two drop-in centres.'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })],
					}),
					new Paragraph({
						// A tracked insertion inside the flagged words, and a tracked deletion after them.
						children: [
							new TextRun('Victims who agree to '),
							new InsertedTextRun({ text: 'testify ', id: 1, ...EDITOR }),
							new TextRun('shall be eligible for emergency shelter'),
							new DeletedTextRun({ text: ' and food', id: 2, ...EDITOR }),
							new TextRun('.'),
							new FootnoteReferenceRun(1),
						],
					}),
					new Paragraph({ text: 'Budget', heading: HeadingLevel.HEADING_1 }),
					new Table({
						// Widths, as Word writes them: without a grid LibreOffice draws the columns zero wide.
						width: { size: 9000, type: WidthType.DXA },
						columnWidths: [3000, 6000],
						rows: [
							new TableRow({ children: [cell('Item'), cell('Condition')] }),
							new TableRow({ children: [cell('Transitional housing'), cell('Benefits are available only to victims who cooperate with the prosecution.')] }),
						],
					}),
					new Paragraph({ text: 'Referral and data sharing', heading: HeadingLevel.HEADING_1 }),
					new Paragraph({ text: 'Service providers shall transmit the names and addresses of identified victims to the task force within 48 hours.' }),
				],
			},
		],
	});
	return Packer.toBuffer(doc);
}
