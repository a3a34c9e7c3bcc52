import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The corpus is split BY SOURCE (one YAML file = one source document) into a development part, which rules
 * may be written against, and a sealed test part, which is only ever reported in aggregate. Excerpts of one
 * statute on both sides would measure memory, not judgement (CLAUDETTE's leave-one-document-out lesson).
 *
 * Which side a new source lands on is decided by a hash of its file stem, not by anyone's choice, so nobody
 * can keep a source they have seen on the development side or send a hard one to the test side. The sources
 * the rules were written against before the split (legacy-dev.txt) all stay in development.
 */
export const SPLIT_SALT = 'accountable-split-v1';
/** Share of new sources that go to the sealed part. */
export const SEALED_SHARE = 0.55;

export type Part = 'dev' | 'sealed';

export function partByHash(stem: string): Part {
	const digest = createHash('sha256').update(`${SPLIT_SALT}:${stem}`).digest();
	return digest.readUInt16BE(0) / 65536 < SEALED_SHARE ? 'sealed' : 'dev';
}

/** The stems listed in `legacy-dev.txt` (comments and blank lines ignored). */
export function legacyStems(corpusRoot: string): Set<string> {
	const file = path.join(corpusRoot, 'legacy-dev.txt');
	const lines = fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim());
	return new Set(lines.filter((l) => l && !l.startsWith('#')));
}

/** The part a source belongs in. */
export function partOf(stem: string, legacy: ReadonlySet<string>): Part {
	return legacy.has(stem) ? 'dev' : partByHash(stem);
}

/** Whether a corpus folder is split into dev/ and sealed/ (the repository's is). */
export function isSplitCorpus(root: string): boolean {
	return fs.existsSync(path.join(root, 'dev')) && fs.existsSync(path.join(root, 'legacy-dev.txt'));
}
