import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CATEGORIES } from '../../server/src/engine';

/** One labelled excerpt of real policy text (format: test/eval/LABELLING.md). */
export interface Excerpt {
	id: string;
	text: string;
	labels: string[];
	note?: string;
	/** The stance of the text the excerpt comes from (newer sources record it). */
	stance?: 'prescriptive' | 'descriptive';
	source: { title: string; kind: string; url?: string; file: string; jurisdiction?: string };
}

/** Reads every `*.yaml` file of a corpus folder. Problems (unknown category, duplicate id) throw, naming the file. */
export function readCorpus(dir: string, options: { allowEmpty?: boolean } = {}): Excerpt[] {
	const out: Excerpt[] = [];
	const seen = new Map<string, string>();
	const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort() : [];
	if (files.length === 0 && !options.allowEmpty) throw new Error(`no corpus files (*.yaml) in ${dir}`);
	for (const name of files) {
		const file = path.join(dir, name);
		const doc = parse(fs.readFileSync(file, 'utf8')) as {
			source?: { title?: string; kind?: string; url?: string; jurisdiction?: string };
			excerpts?: Array<{ id?: string; text?: string; labels?: string[]; note?: string; stance?: string }>;
		};
		if (!doc || !Array.isArray(doc.excerpts)) throw new Error(`${file}: no "excerpts" list`);
		for (const [i, e] of doc.excerpts.entries()) {
			if (typeof e.id !== 'string' || typeof e.text !== 'string' || !Array.isArray(e.labels)) {
				throw new Error(`${file}: excerpt ${i + 1} needs id, text and labels`);
			}
			for (const label of e.labels) {
				if (!(CATEGORIES as readonly string[]).includes(label)) throw new Error(`${file}: ${e.id}: unknown category "${label}"`);
			}
			const previous = seen.get(e.id);
			if (previous) throw new Error(`${file}: duplicate excerpt id ${e.id} (also in ${previous})`);
			seen.set(e.id, name);
			out.push({
				id: e.id,
				text: e.text,
				labels: [...new Set(e.labels)],
				note: e.note,
				stance: e.stance === 'prescriptive' || e.stance === 'descriptive' ? e.stance : undefined,
				source: { title: doc.source?.title ?? name, kind: doc.source?.kind ?? 'unknown', url: doc.source?.url, file: name, jurisdiction: doc.source?.jurisdiction },
			});
		}
	}
	return out;
}
