import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CATEGORIES, Reviewer, formatForPath, type Finding, type Profile, type RuleSet } from '../../server/src/engine';
import { builtinRulesDir, loadRules } from '../../server/src/node/ruleFiles';
import { readCorpus, type Excerpt } from './corpus';
import { score, type Scored, type Scores } from './metrics';
import { isSplitCorpus } from './split';
import { evaluateDocumentExpectations, expectationScores, type DocumentResult } from './documents';

// The repository root is the rules folder's parent, found the same way from sources and from the bundle.
export const ROOT = path.dirname(builtinRulesDir());
export const DEFAULT_CORPUS = path.join(ROOT, 'test', 'eval', 'corpus');
export const DEFAULT_DOCUMENTS = path.join(ROOT, 'test', 'fixtures', 'documents');
/** Whole real documents with expectations, split like the corpus into dev/ and sealed/. */
export const DEFAULT_REAL_DOCUMENTS = path.join(ROOT, 'test', 'eval', 'documents');

/** A finding reduced to what the evaluation reports. */
export interface Hit {
	ruleId: string;
	category: string;
	scope: string;
	matchedText: string;
	quoted: boolean;
}

export interface ItemResult extends Scored {
	hits: Hit[];
	excerpt?: Excerpt;
	file?: string;
}

export interface Evaluation {
	/** The development part (or a flat corpus given with --corpus): every item, every error listed. */
	corpus: { dir: string; items: ItemResult[]; scores: Scores };
	/** The sealed test part: aggregate figures only; its items never leave `evaluate`. */
	sealed?: SealedResult;
	documents?: { dir: string; items: ItemResult[]; scores: Scores };
	/** Whole real documents: every expectation of the development part, aggregate figures of the sealed part. */
	realDocuments?: { dev: DocumentResult[]; sealed?: ReturnType<typeof expectationScores> & { documents: number } };
}

/** What may be known of the sealed part: counts and scores, no item, id or text. */
export interface SealedResult {
	dir: string;
	excerpts: number;
	sources: number;
	scores: Omit<Scores, 'falsePositives' | 'falseNegatives'>;
}

/**
 * How excerpts are reviewed. An excerpt is a sentence or a clause, not a document: the absence of a consent
 * clause or of labour sectors says nothing about one sentence, so only span-scope rules count on excerpts.
 * Section- and document-scope rules are measured on whole fixture documents instead (`evaluateDocuments`).
 * Every span finding counts, at any severity, including findings marked "in quoted or reported text": a user
 * sees those too. Excerpts are plain text; the profile follows the kind of source (a grant solicitation is
 * reviewed as a grant proposal, a statute or regulation as a bill), as a user's document type would be.
 */
export function evaluateCorpus(excerpts: readonly Excerpt[], reviewer: Reviewer): ItemResult[] {
	return excerpts.map((excerpt) => {
		const result = reviewer.review({ text: excerpt.text, format: 'plaintext' }, { profile: profileForKind(excerpt.source.kind) });
		const hits = result.findings.filter((f) => f.scope === 'span').map(toHit);
		return { id: excerpt.id, gold: new Set(excerpt.labels), predicted: new Set(hits.map((h) => h.category)), hits, excerpt };
	});
}

export function profileForKind(kind: string): Profile {
	if (kind === 'statute' || kind === 'regulation') return 'bill';
	if (kind === 'grant-solicitation') return 'grant-proposal';
	return 'general';
}

/**
 * Whole documents: `labels.yaml` in the fixtures folder lists, per document, the categories a careful
 * reviewer expects a section- or document-scope finding for. Only those scopes are scored here; the span
 * findings of the same documents are pinned by their golden files instead.
 */
export function evaluateDocuments(dir: string, reviewer: Reviewer): ItemResult[] {
	const labelsFile = path.join(dir, 'labels.yaml');
	if (!fs.existsSync(labelsFile)) return [];
	const labels = parse(fs.readFileSync(labelsFile, 'utf8')) as Record<string, string[]>;
	return Object.entries(labels ?? {}).map(([name, gold]) => {
		const file = path.join(dir, name);
		const text = fs.readFileSync(file, 'utf8');
		const result = reviewer.review({ text, format: formatForPath(file) });
		const hits = result.findings.filter((f) => f.scope !== 'span').map(toHit);
		return { id: name, gold: new Set(gold ?? []), predicted: new Set(hits.map((h) => h.category)), hits, file: name };
	});
}

function toHit(f: Finding): Hit {
	return { ruleId: f.ruleId, category: f.category, scope: f.scope, matchedText: f.matchedText.replace(/\s+/g, ' ').slice(0, 160), quoted: f.quoted === true };
}

/** Scores a part that must stay sealed: only the aggregate survives. */
export function sealedScores(dir: string, excerpts: readonly Excerpt[], reviewer: Reviewer): SealedResult {
	const { falsePositives: _fp, falseNegatives: _fn, ...scores } = score(evaluateCorpus(excerpts, reviewer), CATEGORIES);
	return { dir, excerpts: excerpts.length, sources: new Set(excerpts.map((e) => e.source.file)).size, scores };
}

export function evaluate(options: { corpus?: string; documents?: string | false; realDocuments?: string | false; rules?: RuleSet } = {}): Evaluation {
	const ruleSet = options.rules ?? loadRules();
	const reviewer = new Reviewer(ruleSet);
	const root = options.corpus ?? DEFAULT_CORPUS;
	// A split corpus (dev/ and sealed/) is measured part by part; any other folder is one flat corpus.
	const split = isSplitCorpus(root);
	const corpusDir = split ? path.join(root, 'dev') : root;
	const items = evaluateCorpus(readCorpus(corpusDir), reviewer);
	const evaluation: Evaluation = { corpus: { dir: corpusDir, items, scores: score(items, CATEGORIES) } };
	if (split) {
		const sealedDir = path.join(root, 'sealed');
		const sealed = readCorpus(sealedDir, { allowEmpty: true });
		if (sealed.length > 0) evaluation.sealed = sealedScores(sealedDir, sealed, reviewer);
	}
	const realDir = options.realDocuments === undefined ? DEFAULT_REAL_DOCUMENTS : options.realDocuments;
	if (realDir && fs.existsSync(path.join(realDir, 'dev'))) {
		const dev = evaluateDocumentExpectations(path.join(realDir, 'dev'), reviewer, ruleSet.rules);
		const sealedDocs = evaluateDocumentExpectations(path.join(realDir, 'sealed'), reviewer, ruleSet.rules);
		evaluation.realDocuments = { dev, sealed: sealedDocs.length > 0 ? { ...expectationScores(sealedDocs), documents: sealedDocs.length } : undefined };
	}
	const documentsDir = options.documents === undefined ? DEFAULT_DOCUMENTS : options.documents;
	if (documentsDir) {
		const docs = evaluateDocuments(documentsDir, reviewer);
		if (docs.length > 0) evaluation.documents = { dir: documentsDir, items: docs, scores: score(docs, CATEGORIES) };
	}
	return evaluation;
}
