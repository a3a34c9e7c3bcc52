import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { convertWordDocument, DocxError } from '../../server/src/node/docx';
import { PACKAGE_LIMITS } from '../../server/src/node/docx/package';
import { tempFolder } from '../helpers/cli';
import { expectWithin, runMeasured } from '../helpers/measured';
import { BODY_CLOSE, BODY_OPEN, deflatedRepeat, plainWordPackage, wordPackage, zip } from '../helpers/zip';

/**
 * Word packages made to exhaust memory: a 5 MB zip bomb that unpacks to 5 GB, a small document holding one
 * 200 MB paragraph, a package of 20,000 parts, and forged part names carrying escape sequences. Each is
 * generated here, reviewed by the built CLI as a whole process with bounds on time and memory, and must be
 * refused with a message while the unpacking is under way (before the fix, 5 GB of memory and 50 s).
 */

const MB = 1024 * 1024;
const FLAGGED = 'Shelter shall be provided to a victim only if the victim is willing to testify against the trafficker.';
const BOUNDS = { seconds: 20, rssMb: 400 };
const TIMEOUT = { timeoutSeconds: 40 };

const dirs: string[] = [];
afterAll(() => {
	for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
function folderWith(files: Record<string, Buffer | string>): string {
	const dir = tempFolder({});
	dirs.push(dir);
	for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), data);
	return dir;
}

describe('Word packages that unpack without bound', () => {
	it('a 5 MB zip bomb (5 GB of text in the body) is refused while unpacking; the other file is still reviewed, exit 2', async () => {
		const bomb = wordPackage(deflatedRepeat(BODY_OPEN, Buffer.alloc(MB, 0x61), 5000, BODY_CLOSE));
		expect(bomb.length).toBeLessThan(6 * MB);
		const dir = folderWith({ 'bomb.docx': bomb, 'draft.md': `${FLAGGED}\n` });
		const m = await runMeasured(['bomb.docx', 'draft.md'], dir, TIMEOUT);
		expectWithin(m, BOUNDS, '5 MB zip bomb (5 GB body)');
		expect(m.stderr).toMatch(/bomb\.docx is not reviewed: its text is over the limit of 10000000 characters/);
		expect(m.stdout).toMatch(/^draft\.md:1:1 error conditional-services\/cooperation-required/m);
		expect(m.code).toBe(2);
	}, 60_000);

	it('a bomb outside the text (5 GB of zeros in a styles part) is refused at the unpacked-size or ratio limit', async () => {
		const styles = deflatedRepeat('<w:styles>', Buffer.alloc(MB, 0), 5000, '</w:styles>');
		const bomb = wordPackage(zlib.deflateRawSync(Buffer.from(`${BODY_OPEN}${FLAGGED}${BODY_CLOSE}`)), [{ name: 'word/styles.xml', data: styles, deflated: true, claimedSize: 1000 }]);
		const dir = folderWith({ 'styles-bomb.docx': bomb });
		const m = await runMeasured(['styles-bomb.docx'], dir, TIMEOUT);
		expectWithin(m, BOUNDS, '5 MB zip bomb (5 GB styles part)');
		expect(m.stderr).toMatch(/styles-bomb\.docx is refused: it (unpacks to more than 64 MB|has a part \("word\/styles\.xml"\) that unpacks \d+ times its packed size)/);
		expect(m.code).toBe(2);
	}, 60_000);

	it('a 600 KB document with one 200 MB paragraph is refused as it unpacks, in bounded time and memory', async () => {
		// One paragraph of 200 MB: a sentence repeated, which packs to about 600 KB.
		const unit = Buffer.from(`${FLAGGED} `.repeat(10_000));
		const doc = wordPackage(deflatedRepeat(BODY_OPEN, unit, Math.ceil((200 * MB) / unit.length), BODY_CLOSE));
		expect(doc.length).toBeLessThan(2 * MB);
		const dir = folderWith({ 'paragraph.docx': doc });
		const m = await runMeasured(['paragraph.docx'], dir, TIMEOUT);
		expectWithin(m, BOUNDS, `${Math.round(doc.length / 1024)} KB .docx with a 200 MB paragraph`);
		expect(m.stderr).toMatch(/paragraph\.docx is (not reviewed: its text is over the limit|refused: it (unpacks to more than|has a part))/);
		expect(m.code).toBe(2);
	}, 60_000);

	it('the document-size limit of the configuration applies to a Word document’s text as it is unpacked', async () => {
		const doc = plainWordPackage([FLAGGED, 'More text. '.repeat(200)]);
		const dir = folderWith({ 'small.docx': doc, '.accountable.yaml': 'maxDocumentSize: 500\n' });
		const m = await runMeasured(['small.docx'], dir, TIMEOUT);
		expect(m.stderr).toMatch(/small\.docx is not reviewed: its text is over the limit of 500 characters \(maxDocumentSize\)/);
		expect(m.code).toBe(2);
		await expect(convertWordDocument(doc, 10_000)).resolves.toMatchObject({ markdown: expect.stringContaining('Shelter shall be provided') });
	}, 60_000);

	it(`a package of 20,000 parts is refused from its directory (limit ${PACKAGE_LIMITS.maxParts})`, async () => {
		const parts = Array.from({ length: 20_000 }, (_, i) => ({ name: `word/media/p${i}.xml`, data: Buffer.from('x'), deflated: false }));
		const error = await convertWordDocument(wordPackage(zlib.deflateRawSync(Buffer.from(`${BODY_OPEN}x${BODY_CLOSE}`)), parts)).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DocxError);
		expect((error as DocxError).message).toMatch(/has 20003 parts, over the limit of 10000/);
	});

	it('forged part names with escape sequences and newlines never reach the terminal raw', async () => {
		const forged = 'word/\u001b]0;pwned\u0007\n::error::x.xml';
		const broken = zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>'), deflated: false }, { name: forged, data: Buffer.from('not deflate data at all'), deflated: true }, { name: 'word/document.xml', data: Buffer.from('garbage'), deflated: true }]);
		const dir = folderWith({ 'forged.docx': broken });
		const m = await runMeasured(['--format', 'github', 'forged.docx'], dir, TIMEOUT);
		expect(m.code).toBe(2);
		expect(m.stderr).toMatch(/forged\.docx is damaged/);
		expect(/[\u0000-\u0008\u000b-\u001f\u007f]/.test(m.stderr)).toBe(false);
		expect(m.stderr.split('\n').filter((l) => l.startsWith('::'))).toEqual([]);
	}, 60_000);
});
