import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CATEGORIES, formatForPath, type Finding, type Reviewer, type Rule } from '../../server/src/engine';
import { AREA_IDS } from '../../server/src/engine/report/areas';
import { buildReport } from '../../server/src/engine/report/build';

/**
 * Whole real documents with a careful reviewer's expectations (test/eval/documents/README.md): what the
 * document as a whole and its sections should and should not be reported for, the report's scorecard areas,
 * and key sentences that must or must not be flagged. Stance, section structure and "provides vs mentions"
 * show only on whole documents, which is why excerpts alone cannot measure them.
 */
export interface DocumentExpectations {
	source: { title: string; kind: string; jurisdiction?: string; url?: string };
	stance?: 'prescriptive' | 'descriptive';
	character?: 'harmful' | 'rights-respecting' | 'mixed';
	expect: {
		document?: { flag?: string[]; clean?: string[] };
		sections?: Array<{ heading: string; flag?: string[]; clean?: string[] }>;
		areas?: Record<string, 'contradicted' | 'addressed' | 'not-addressed'>;
		spans?: Array<{ text: string; labels: string[]; note?: string }>;
	};
}

export type ExpectationKind = 'document-flag' | 'document-clean' | 'section-flag' | 'section-clean' | 'area' | 'span-flag' | 'span-clean';

export interface ExpectationResult {
	kind: ExpectationKind;
	/** What was expected, in words ("document flags conditional-services", "area consent is addressed"). */
	what: string;
	holds: boolean;
	/** What was found instead, when it does not hold. */
	found?: string;
}

export interface DocumentResult {
	file: string;
	character?: string;
	stance?: string;
	results: ExpectationResult[];
}

/** Reads `<stem>.yaml` + `<stem>.md` pairs of a folder; a problem throws, naming the file. */
export function readDocuments(dir: string): Array<{ file: string; text: string; expectations: DocumentExpectations }> {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.map((f) => {
			const file = path.join(dir, f);
			const expectations = parse(fs.readFileSync(file, 'utf8')) as DocumentExpectations;
			const md = file.replace(/\.yaml$/, '.md');
			if (!fs.existsSync(md)) throw new Error(`${file}: no ${path.basename(md)} beside it`);
			if (!expectations?.expect) throw new Error(`${file}: no "expect"`);
			const text = fs.readFileSync(md, 'utf8');
			const check = (c: string, where: string): void => {
				if (!(CATEGORIES as readonly string[]).includes(c)) throw new Error(`${file}: ${where}: unknown category "${c}"`);
			};
			const e = expectations.expect;
			for (const c of [...(e.document?.flag ?? []), ...(e.document?.clean ?? [])]) check(c, 'document');
			for (const s of e.sections ?? []) {
				for (const c of [...(s.flag ?? []), ...(s.clean ?? [])]) check(c, `section "${s.heading}"`);
				if (!text.includes(s.heading)) throw new Error(`${file}: section heading not in the document: "${s.heading}"`);
			}
			for (const [area, status] of Object.entries(e.areas ?? {})) {
				if (!(AREA_IDS as readonly string[]).includes(area)) throw new Error(`${file}: unknown area "${area}"`);
				if (!['contradicted', 'addressed', 'not-addressed'].includes(status)) throw new Error(`${file}: area ${area}: unknown status "${status}"`);
			}
			for (const s of e.spans ?? []) {
				for (const c of s.labels) check(c, 'span');
				if (!text.includes(s.text)) throw new Error(`${file}: span not in the document: "${s.text.slice(0, 60)}…"`);
			}
			return { file: path.basename(md), text, expectations };
		});
}

/** Reviews each document as a user would (format from its name, profile detected) and checks every expectation. */
export function evaluateDocumentExpectations(dir: string, reviewer: Reviewer, rules: readonly Rule[]): DocumentResult[] {
	return readDocuments(dir).map(({ file, text, expectations }) => {
		const review = reviewer.review({ text, format: formatForPath(file) });
		const report = buildReport(review, rules, { file, version: 'eval' });
		const results: ExpectationResult[] = [];
		const e = expectations.expect;
		const categoriesIn = (findings: readonly Finding[]): Set<string> => new Set(findings.map((f) => f.category));
		const all = categoriesIn(review.findings);
		for (const c of e.document?.flag ?? []) results.push({ kind: 'document-flag', what: `document is flagged for ${c}`, holds: all.has(c) });
		for (const c of e.document?.clean ?? []) {
			const hits = review.findings.filter((f) => f.category === c);
			results.push({ kind: 'document-clean', what: `document has no ${c} finding`, holds: hits.length === 0, found: hits.map(describe).join('; ') });
		}
		for (const s of e.sections ?? []) {
			const section = review.document.sections.find((x) => x.index > 0 && x.title.trim() === s.heading.trim()) ?? sectionAt(review.document.sections, text.indexOf(s.heading));
			const inside = review.findings.filter((f) => section && f.offsets.start >= section.start && f.offsets.start < section.end);
			const cats = categoriesIn(inside);
			for (const c of s.flag ?? []) results.push({ kind: 'section-flag', what: `section "${s.heading}" is flagged for ${c}`, holds: cats.has(c) });
			for (const c of s.clean ?? []) {
				const hits = inside.filter((f) => f.category === c);
				results.push({ kind: 'section-clean', what: `section "${s.heading}" has no ${c} finding`, holds: hits.length === 0, found: hits.map(describe).join('; ') });
			}
		}
		for (const [area, status] of Object.entries(e.areas ?? {})) {
			const got = report.areas.find((a) => a.id === area)?.status;
			results.push({ kind: 'area', what: `area ${area} is ${status}`, holds: got === status, found: got });
		}
		for (const s of e.spans ?? []) {
			const start = text.indexOf(s.text);
			const end = start + s.text.length;
			const over = review.findings.filter((f) => f.scope === 'span' && f.offsets.start < end && f.offsets.end > start);
			if (s.labels.length === 0) results.push({ kind: 'span-clean', what: `“${short(s.text)}” is not flagged`, holds: over.length === 0, found: over.map(describe).join('; ') });
			for (const c of s.labels) results.push({ kind: 'span-flag', what: `“${short(s.text)}” is flagged for ${c}`, holds: over.some((f) => f.category === c), found: over.map(describe).join('; ') });
		}
		return { file, character: expectations.character, stance: expectations.stance, results };
	});
}

function sectionAt(sections: ReadonlyArray<{ index: number; start: number; end: number; level: number }>, offset: number): { start: number; end: number } | undefined {
	let best: { start: number; end: number; level: number } | undefined;
	for (const s of sections) if (s.index > 0 && offset >= s.start && offset < s.end && (!best || s.level > best.level)) best = s;
	return best;
}

function describe(f: Finding): string {
	return `${f.ruleId} “${short(f.matchedText)}”`;
}

function short(s: string): string {
	const t = s.replace(/\s+/g, ' ').trim();
	return t.length > 70 ? `${t.slice(0, 67)}…` : t;
}

/** Share of expectations that hold, overall and by kind. */
export function expectationScores(results: readonly DocumentResult[]): { held: number; total: number; byKind: Record<string, { held: number; total: number }> } {
	const byKind: Record<string, { held: number; total: number }> = {};
	let held = 0;
	let total = 0;
	for (const d of results) {
		for (const r of d.results) {
			const k = (byKind[r.kind] ??= { held: 0, total: 0 });
			k.total++;
			total++;
			if (r.holds) {
				k.held++;
				held++;
			}
		}
	}
	return { held, total, byKind };
}
