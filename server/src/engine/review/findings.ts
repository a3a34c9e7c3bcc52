import type { ReviewDocument } from '../document';
import { isAtLeast, milder, type Finding, type Offsets, type Severity, type Suggestion } from '../finding';
import type { LineIndex } from '../lineIndex';
import { isQuotedOrReported } from '../negation';
import { documentStance, inScareQuotes, sentenceStance, type DocumentStance, type SentenceStance } from '../reading/stance';
import { applySuppressions, parseDirectives } from '../suppress';
import { settingFor, type DetectedProfile, type Profile, type ProfileDetector, type ReviewSettings } from '../config';
import type { Hit } from '../rules/kinds/context';
import type { InsertAt, Rule } from '../rules/types';
import type { ReviewResult } from './types';

// From a rule's hits to the findings a review reports: severity under the settings and profile, message,
// suggestions, quoting, suppression and the minimum severity. The one assembly of findings (pipeline.ts).

/** The profile a review applies: the setting's, or the one the text makes obvious. */
export function profileFor(text: string, settings: ReviewSettings, detector: ProfileDetector): DetectedProfile {
	if (!settings.profile || settings.profile === 'auto') return detector.detect(text);
	return { profile: settings.profile, reason: `${settings.profile}: chosen in the settings` };
}

/** Each rule's severity under the settings and profile, by the rule's index; undefined for rules that do not run. */
export function baseSeverities(rules: readonly Rule[], settings: ReviewSettings, profile: Profile): Array<Severity | undefined> {
	return rules.map((rule) => {
		if (rule.spec.profiles && !rule.spec.profiles.includes(profile)) return undefined;
		const setting = settingFor(rule.id, rule.category, settings.rules);
		if (setting === 'off') return undefined;
		return setting && setting !== 'on' ? setting : rule.spec.severity;
	});
}

/** The order findings are reported in: by position, then rule id. */
export function byPosition(a: Finding, b: Finding): number {
	return a.offsets.start - b.offsets.start || a.offsets.end - b.offsets.end || compareRuleIds(a.ruleId, b.ruleId);
}

/** Rule ids of lower-case letters, digits, hyphens and slashes: every built-in rule's, and most packs'. */
const PLAIN_RULE_ID = /^[a-z0-9/-]*$/;

/**
 * Rule ids in localeCompare's order. For plain ids that is the order of their code units (the Unicode root
 * collation puts '-' before '/', both before digits, digits before letters, and a prefix first), compared
 * without a collator: localeCompare makes one the first time it is called, about 8 ms of a new process
 * reviewing a short document (CPU profile of the example bill). Other ids are compared by localeCompare.
 * (A locale that tailors these letters, as Danish does "aa", no longer reorders plain ids: the order is the
 * root collation's wherever the review runs.)
 */
export function compareRuleIds(a: string, b: string): number {
	if (a === b) return 0;
	if (PLAIN_RULE_ID.test(a) && PLAIN_RULE_ID.test(b)) return a < b ? -1 : 1;
	return a.localeCompare(b);
}

/**
 * Applies inline suppressions and the minimum severity to findings in document order. `mayHaveDirectives`
 * false says the text holds no "accountable-" at all (known without searching it).
 */
export function settle(findings: Finding[], provisions: Finding[], { profile, reason: profileReason }: DetectedProfile, document: ReviewDocument, lines: LineIndex, settings: ReviewSettings, mayHaveDirectives = true): ReviewResult {
	const directives = mayHaveDirectives ? parseDirectives(document.text, lines, document.codeRanges) : [];
	const { shown, suppressed } = applySuppressions(findings, directives, lines);
	const threshold = settings.minSeverity;
	return {
		findings: threshold ? shown.filter((f) => isAtLeast(f.severity, threshold)) : shown,
		suppressed,
		provisions,
		profile,
		profileReason,
		document,
	};
}

/** Whether a hit sits in quoted or reported text (block quote, long quotation, criticised law, attributed text). */
export function hitIsQuoted(hit: Hit, stanceOf: (sentence: string) => SentenceStance | undefined = sentenceStance): boolean {
	if (hit.quoted !== undefined) return hit.quoted;
	if (!hit.checkQuoted || !hit.block || !hit.sentence) return false;
	const sentenceText = hit.block.prose.slice(hit.sentence.start - hit.block.start, hit.sentence.end - hit.block.start);
	return hit.block.quoted || isQuotedOrReported(sentenceText, hit.sentence.start, hit.offsets) || stanceOf(sentenceText) === 'reported';
}

/** Whether a hit's sentence criticises the practice it describes: no span finding is made there. */
export function hitIsCritique(hit: Hit, stanceOf: (sentence: string) => SentenceStance | undefined = sentenceStance): boolean {
	if (hit.critique !== undefined) return hit.critique;
	if (!hit.checkQuoted || !hit.block || !hit.sentence) return false;
	const { block, sentence } = hit;
	const text = (range: Offsets): string => block.prose.slice(range.start - block.start, range.end - block.start);
	if (stanceOf(text(sentence)) === 'critique' || inScareQuotes(text(sentence), hit.offsets.start - sentence.start, hit.offsets.end - sentence.start)) return true;
	// A judgement may follow what it judges: "Sex workers are forcibly tested for HIV. THIS IS CONTRARY TO
	// national policy." A next sentence that opens by pointing back ("This", "Such treatment") and criticises
	// makes the sentence before it a critique too.
	const next = block.sentences[block.sentences.findIndex((s) => s.start === sentence.start) + 1];
	if (!next) return false;
	const following = text(next);
	return POINTS_BACK.test(following) && stanceOf(following) === 'critique';
}

/** A sentence that opens by pointing back at the one before: "This is …", "Such practices …", "These raids …". */
const POINTS_BACK = /^\W*(?:this|that|these|those|such)\b/iu;

/**
 * What making findings needs of one review: its document and lines, the document's stance
 * (reading/stance.ts), and what is worked out once per review.
 */
export class FindingContext {
	readonly applied: AppliedClauses;
	private lineBreak?: string;

	constructor(
		readonly doc: ReviewDocument,
		readonly lines: LineIndex,
		readonly stance: DocumentStance = documentStance(doc.text),
	) {
		this.applied = new AppliedClauses(doc.text);
	}

	/** The document's line break, looked up once per review (a search of the whole text per finding is quadratic). */
	get eol(): string {
		this.lineBreak ??= this.doc.text.includes('\r\n') ? '\r\n' : '\n';
		return this.lineBreak;
	}
}

/**
 * The finding of a rule's hit at severity `base`, or undefined when the hit is resolved or ignored. In a
 * descriptive document (research, reporting, testimony: the context's stance) every finding is reported
 * text, milder, and does not make the report's areas "Contradicted"; a sentence that criticises what it
 * reports gets no span finding at all.
 */
export function toFinding(rule: Rule, hit: Hit, base: Severity, context: FindingContext): Finding | undefined {
	const { doc, lines, stance, applied } = context;
	// A model clause added beside a condition does not cure it: "services for survivors who cooperate" stays
	// conditional however often "services shall be provided regardless …" is appended. The finding stays, and says
	// the text now contradicts itself; other findings are resolved by their model clause.
	const contradicted = fixApplied(rule, hit, applied);
	if (contradicted && !hit.condition) return undefined;
	const stanceOf = (text: string): SentenceStance | undefined => applied.stanceOf(text);
	if (rule.spec.quoted !== 'keep' && !rule.spec.provision && hitIsCritique(hit, stanceOf)) return undefined;
	// A heading marked up as one (Markdown, Word) names what its section is about ("Enforcement operations",
	// "Repatriation"); the provision, if there is one, is in the section, where a span rule finds it. Section and
	// document findings are anchored on headings. A line of plain text is a heading only by guess, and may be all
	// there is of a provision ("20. Removal of prostitute from any place").
	if (rule.spec.scope === 'span' && hit.block?.kind === 'heading' && doc.format !== 'plaintext') return undefined;
	// What a document leaves out is a finding about a policy, not about a study or a report: research on sex
	// trafficking is not a policy that forgets labour trafficking.
	if (stance === 'descriptive' && rule.spec.kind === 'missing' && !rule.spec.provision) return undefined;
	let severity = base;
	const quoted = hitIsQuoted(hit, stanceOf) || (stance === 'descriptive' && !rule.spec.provision);
	const policy = rule.spec.quoted ?? 'lower';
	if (quoted && policy === 'ignore') return undefined;
	if (quoted && policy === 'lower') severity = milder(severity);
	const notes = [quoted ? 'in quoted or reported text' : '', contradicted ? 'the text also states the opposite, so it contradicts itself; remove the condition' : ''].filter(Boolean);
	const message = findingMessage(rule.spec.message, hit.vars, notes);
	const finding: Finding = {
		ruleId: rule.id,
		category: rule.category,
		severity,
		scope: rule.spec.scope,
		message,
		range: lines.range(hit.offsets),
		offsets: hit.offsets,
		matchedText: doc.text.slice(hit.offsets.start, hit.offsets.end),
		suggestions: suggestions(rule, hit, context),
		docUrl: rule.docUrl,
	};
	if (quoted) finding.quoted = true;
	if (hit.related && hit.related.length > 0) {
		finding.related = hit.related.map((r) => ({ message: r.message, offsets: r.offsets, range: lines.range(r.offsets) }));
	}
	return finding;
}

/**
 * True when the block already holds one of the rule's own model clauses for a sentence or block: the user
 * applied the quick fix (or wrote the same safeguard), so the finding is resolved. Without this, a clause
 * added after the flagged sentence would leave the diagnostic in place however often the fix was applied.
 */
function fixApplied(rule: Rule, hit: Hit, applied: AppliedClauses): boolean {
	if (!hit.block || (!rule.spec.suggest && !rule.yieldedSuggest)) return false;
	// A rule that yields to others is resolved by their model clauses too: once the user has applied the fix of the
	// finding that spoke for these words, this one must not come back in its place.
	for (const s of [...(rule.spec.suggest ?? []), ...(rule.yieldedSuggest ?? [])]) {
		if (s.insert === undefined) continue;
		const where = s.at ?? defaultInsertAt(rule);
		if (where !== 'sentence-end' && where !== 'block-end') continue;
		if (applied.has(hit.block, s.insert)) return true;
	}
	return false;
}

/**
 * Whether a block holds a model clause, answered once per block and clause in a review. Asking per hit
 * normalised and searched the whole block for every hit in it: quadratic in a long block (a 400 KB
 * single-line file took 30 s, a 5 MB one did not finish).
 */
export class AppliedClauses {
	private readonly answers = new Map<string, Map<string, boolean>>();
	private normalized?: { key: string; text: string };
	private readonly stances = new Map<string, SentenceStance | null>();

	constructor(private readonly text: string) {}

	/** A sentence's stance, judged once per review and sentence text (many hits share a sentence). */
	stanceOf(sentence: string): SentenceStance | undefined {
		let stance = this.stances.get(sentence);
		if (stance === undefined) {
			stance = sentenceStance(sentence) ?? null;
			this.stances.set(sentence, stance);
		}
		return stance ?? undefined;
	}

	has(block: { start: number; end: number }, clause: string): boolean {
		const key = `${block.start}:${block.end}`;
		let byClause = this.answers.get(key);
		if (!byClause) {
			byClause = new Map();
			this.answers.set(key, byClause);
		}
		let answer = byClause.get(clause);
		if (answer === undefined) {
			// Hits come rule by rule, so one block's normalised text is kept at a time (bounded memory).
			if (this.normalized?.key !== key) this.normalized = { key, text: normalizeClause(this.text.slice(block.start, block.end)) };
			answer = this.normalized.text.includes(normalizedClause(clause));
			byClause.set(clause, answer);
		}
		return answer;
	}
}

function normalizeClause(text: string): string {
	return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Model clauses normalised once: they are the rules' own texts, asked about for every block with a hit in each review. */
const normalizedClauses = new Map<string, string>();

function normalizedClause(clause: string): string {
	let normalized = normalizedClauses.get(clause);
	if (normalized === undefined) {
		normalized = normalizeClause(clause);
		normalizedClauses.set(clause, normalized);
	}
	return normalized;
}

/** How a rule's message ends when it quotes the words found: a Problems entry reads summary first, then the words. */
export const QUOTED_MATCH = ': “{match}”';

/** A finding's message: the rule's, filled in, with notes in parentheses after the summary and before the quoted words. */
function findingMessage(template: string, vars: Hit['vars'], notes: readonly string[]): string {
	const noted = notes.map((n) => ` (${n})`).join('');
	if (!template.endsWith(QUOTED_MATCH)) return fill(template, vars) + noted;
	return fill(template.slice(0, -QUOTED_MATCH.length), vars) + noted + fill(QUOTED_MATCH, vars);
}

function fill(template: string, vars: Hit['vars']): string {
	return template.replace(/\{(match|heading|missing)\}/g, (_, name: keyof Hit['vars']) => vars[name] ?? '');
}

function suggestions(rule: Rule, hit: Hit, context: FindingContext): Suggestion[] {
	const { doc, lines } = context;
	const out: Suggestion[] = [];
	for (const s of rule.spec.suggest ?? []) {
		if (s.replace !== undefined) {
			if (rule.spec.scope !== 'span') continue;
			const target = s.target === 'condition' ? hit.condition : hit.offsets;
			// "services will NOT be provided UNTIL …": a new condition would sit beside the negation that withholds.
			if (!target || (s.target === 'condition' && hit.withheld)) continue;
			if (s.target === 'condition') {
				const { offsets, text } = conditionReplacement(doc.text, target, hit.sentence?.end ?? target.end, s.replace);
				out.push({ kind: 'replace', title: s.title, text, offsets, range: lines.range(offsets) });
				continue;
			}
			out.push({ kind: 'replace', title: s.title, text: matchCase(s.replace, doc.text.slice(target.start, target.end)), offsets: target, range: lines.range(target) });
			continue;
		}
		if (s.insert === undefined) continue;
		// Beside a condition, an added sentence would only contradict it: the fix is the replacement above.
		if (hit.condition && rule.spec.suggest?.some((x) => x.target === 'condition')) continue;
		const where = s.at ?? defaultInsertAt(rule);
		const { at, text } = insertion(where, s.insert, hit, doc.text, context.eol);
		const offsets = { start: at, end: at };
		out.push({ kind: 'insert', title: s.title, text, offsets, range: lines.range(offsets), where });
	}
	return out;
}

/**
 * The replacement of a condition in its sentence. At the sentence's end it takes the condition's place
 * ("available to survivors regardless of whether …."); in mid-sentence it is set off by commas, so "Victims who
 * assist in the investigation will receive …" reads "Victims, regardless of whether …, will receive …".
 */
function conditionReplacement(text: string, condition: Offsets, sentenceEnd: number, replacement: string): { offsets: Offsets; text: string } {
	// Only the rest of the condition's own sentence decides: text after a line break or a blank line does not.
	const rest = text.slice(condition.end, Math.max(condition.end, sentenceEnd));
	if (!/^[ \t,]*\p{L}/u.test(rest)) return { offsets: condition, text: replacement };
	let start = condition.start;
	while (start > 0 && text[start - 1] === ' ') start--;
	let end = condition.end;
	if (text[end] === ',') end++;
	return { offsets: { start, end }, text: `, ${replacement},` };
}

/**
 * A replacement for a capitalised match (usually a sentence's first word: "Rescued women will …") starts with
 * a capital too; a lower-case start would also join the sentence to the one before it.
 */
function matchCase(replacement: string, matched: string): string {
	if (/^\p{Lu}/u.test(matched) && /^\p{Ll}/u.test(replacement)) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
	return replacement;
}

/**
 * Whether the finding of a hit depends only on the hit's block: its suggestions go into the block (a
 * replacement, or an insertion at its sentence's or block's end), not at its section's or the document's end.
 */
export function suggestionsStayInBlock(rule: Rule, hit: Hit): boolean {
	for (const s of rule.spec.suggest ?? []) {
		if (s.insert === undefined) continue;
		const where = s.at ?? defaultInsertAt(rule);
		if (where === 'sentence-end' && hit.sentence) continue;
		if (where === 'block-end' && hit.block) continue;
		return false;
	}
	return true;
}

function defaultInsertAt(rule: Rule): 'sentence-end' | 'section-end' | 'document-end' {
	return rule.spec.scope === 'span' ? 'sentence-end' : rule.spec.scope === 'section' ? 'section-end' : 'document-end';
}

/** Where a model clause goes and how it is joined to the text around it. */
function insertion(where: InsertAt, clause: string, hit: Hit, text: string, eol: string): { at: number; text: string } {
	switch (where) {
		case 'sentence-end':
			if (hit.sentence) return { at: hit.sentence.end, text: ` ${clause}` };
			break;
		case 'block-end':
			if (hit.block) return { at: trimBack(text, hit.block.end), text: ` ${clause}` };
			break;
		case 'section-end':
			if (hit.section) return { at: trimBack(text, hit.section.end), text: `${eol}${eol}${clause}` };
			break;
	}
	const at = trimBack(text, text.length);
	return { at, text: `${at > 0 ? eol + eol : ''}${clause}` };
}

function trimBack(text: string, end: number): number {
	let i = end;
	while (i > 0 && /\s/.test(text[i - 1]!)) i--;
	return i;
}
