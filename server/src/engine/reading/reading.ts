import { splitIntoClauses, type Clause, type ClauseKind } from './clauses';
import { clauseModalities, type Modality } from './modality';
import { findNegations, type Negation, type NegationKind } from './negation';
import { tagSentence, type Token } from './tokens';

/** A span of the sentence, in offsets relative to the sentence's text. */
export interface Span {
	start: number;
	end: number;
}

/**
 * The structural reading of one sentence: tokens with lemmas and parts of speech, clauses and how they nest,
 * negation cues with their scopes, and each clause's modality. Rules ask it questions about spans they found
 * with their vocabularies: is this span negated, and by what; what clause is it in; does it sit in a condition
 * of that other span; is its clause a requirement, a permission or a prohibition.
 */
export class Reading {
	readonly tokens: Token[];
	readonly clauses: Clause[];
	/** The innermost clause of each token. */
	readonly clauseOf: number[];
	readonly negations: Negation[];
	readonly modalities: Modality[];

	constructor(readonly text: string) {
		this.tokens = tagSentence(text);
		const { clauses, clauseOf } = splitIntoClauses(this.tokens);
		this.clauses = clauses;
		this.clauseOf = clauseOf;
		this.negations = findNegations(this.tokens, clauses, clauseOf);
		this.modalities = clauseModalities(this.tokens, clauses, clauseOf, this.negations);
	}

	/** The index of the first token that overlaps `span` (or the nearest after it); -1 in an empty sentence. */
	tokenAt(span: Span): number {
		const { tokens } = this;
		let lo = 0;
		let hi = tokens.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (tokens[mid]!.end <= span.start) lo = mid + 1;
			else hi = mid;
		}
		return lo < tokens.length ? lo : tokens.length - 1;
	}

	/** Token indices that overlap `span`. */
	tokensIn(span: Span): number[] {
		const out: number[] = [];
		for (let k = this.tokenAt(span); k >= 0 && k < this.tokens.length && this.tokens[k]!.start < span.end; k++) out.push(k);
		return out;
	}

	/** The clause a span starts in. */
	clauseAt(span: Span): Clause {
		const k = this.tokenAt(span);
		return this.clauses[k >= 0 ? this.clauseOf[k]! : 0]!;
	}

	/** The clause and its ancestors, innermost first. */
	ancestry(clause: Clause): Clause[] {
		const out: Clause[] = [];
		for (let c: Clause | undefined = clause; c; c = c.parent === -1 ? undefined : this.clauses[c.parent]) out.push(c);
		return out;
	}

	/** The nearest clause of one of `kinds` around a span, if any. */
	enclosing(span: Span, kinds: readonly ClauseKind[]): Clause | undefined {
		return this.ancestry(this.clauseAt(span)).find((c) => kinds.includes(c.kind));
	}

	/**
	 * The negations that govern a span: their scope covers the span's first content token. `kinds` limits them;
	 * `outside` keeps only cues that are not inside the given clause (a negation in the condition itself, "if the
	 * victim does not cooperate", describes the condition rather than lifting it).
	 */
	negationsOver(span: Span, kinds?: readonly NegationKind[], outside?: Clause): Negation[] {
		const indices = this.tokensIn(span).filter((k) => /[\p{L}\p{N}]/u.test(this.tokens[k]!.text));
		if (indices.length === 0) return [];
		const k = indices[0]!;
		return this.negations.filter((n) => {
			if (kinds && !kinds.includes(n.kind)) return false;
			if (outside && this.isWithin(n.cue[0], outside)) return false;
			// A negation inside the span governs it too ("should not be detained" matched as a whole); a phrase cue
			// that is the span itself ("immunity from") is what the rule matched, not a negation of it.
			// A prohibiting verb that opens the span is the act the rule matched ("END THE DEMAND", "ban the purchase of
			// sex"), not a negation of it.
			if (n.kind === 'prohibit' && n.cue[0] === indices[0]! && indices.length > 1) return false;
			if (n.cue[0] >= indices[0]! && n.cue[0] <= indices[indices.length - 1]!) return n.kind === 'not' || n.kind === 'prohibit';
			return n.scope.some(([s, e]) => k >= s && k < e);
		});
	}

	/** Whether token `k` lies in `clause` or a clause nested in it. */
	isWithin(k: number, clause: Clause): boolean {
		for (let c = this.clauseOf[k]!; c !== -1; c = this.clauses[c]!.parent) if (c === clause.index) return true;
		return false;
	}

	/** Whether a span lies in `clause` or a clause nested in it. */
	spanWithin(span: Span, clause: Clause): boolean {
		const k = this.tokenAt(span);
		return k >= 0 && this.isWithin(k, clause);
	}

	/** The modality of the clause a span is in, or of the nearest clause with a verb above it. */
	modalityAt(span: Span): Modality {
		return this.modalities[this.clauseAt(span).index]!;
	}

	/** A plain-text picture of the reading, for tests and debugging. */
	describe(withTokens = false): string {
		const tokens = withTokens ? [this.tokens.map((t) => `${t.text}/${t.pos}${t.lemma !== t.lower ? `/${t.lemma}` : ''}`).join(' ')] : [];
		return tokens.concat(this.clauses
			.map((c) => {
				const words = this.tokens
					.slice(c.start, c.end)
					.map((t, i) => (this.clauseOf[c.start + i] === c.index ? t.text : '…'))
					.join(' ')
					.replace(/(?:… )+…/g, '…');
				return `${c.index}:${c.kind}${c.marker ? `(${c.marker})` : ''}<${c.parent}> ${this.modalities[c.index]} [${words}]`;
			})
			.concat(this.negations.map((n) => `neg ${n.kind} "${this.tokens.slice(n.cue[0], n.cue[1]).map((t) => t.text).join(' ')}" → ${n.scope.map(([s, e]) => `[${this.tokens.slice(s, e).map((t) => t.text).join(' ')}]`).join(' ')}`)))
			.join('\n');
	}
}

/** Reads a sentence. */
export function readSentence(text: string): Reading {
	return new Reading(text);
}
