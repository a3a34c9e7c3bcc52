import type { Offsets } from '../../finding';
import type { Block } from '../../document';
import type { Matcher } from '../../matching/matcher';
import type { Rule } from '../types';
import { keepInSection, placeInSection } from '../../incremental/sectionMemos';
import type { RelativeHit } from '../../incremental/relativeHits';
import { describeGroup, ownBlockRange, type Hit, type ReviewContext } from './context';
import { defineKind } from './kind';
import { TERM_GROUPS, TERM_LIST } from './schema';

interface DefinitionTerms {
	term?: Matcher;
	requires?: Matcher[];
	forbids?: Matcher[];
}

/**
 * What may follow a defined term before its definition begins ("Trafficking" means…, the term … refers to…).
 * A colon or dash defines only right after the term ("Trafficking: …", "Trafficking — …"); after other
 * words it is an aside ("trafficking victims – some in their teens – are arrested"), not a definition. A
 * coordinator in between gives the verb another subject: in "trafficking is not limited to the SEX INDUSTRY AND
 * INCLUDES forced labour" the sex industry is not what is defined. "Means" after a determiner or an adjective
 * is the noun ("affords victims A LEGAL MEANS to live"), not the verb that defines.
 */
const DEFINES = /^[\s"”’'`)*_]*(?:\([^)]{0,60}\)\s*)?(?:(?:(?!(?:and|or|but)\s)[\p{L}-]+\s+){0,4}?(?:(?<!\b(?:a|an|the|any|no|some|other|legal|lawful|its|their|his|her|by|sufficient|adequate|financial)\s)means|shall\s+mean|has\s+the\s+meaning|is\s+defined\s+as|shall\s+be\s+defined\s+as|(?:is|are)\s+deemed\s+to\s+(?:be|include)|refers?\s+to|shall\s+refer\s+to|includes|shall\s+include|shall\s+be\s+construed\s+(?:as|to\s+mean))|,?\s*i\.\s?e\.|[:—–]|\.\s*[—–-]|-{2}|\s-\s)/u;
/** The punctuation form of DEFINES: a glossary entry, which must open its sentence or list item. */
const DEFINES_BY_PUNCTUATION = /^[\s"”’'`)*_]*(?:\([^)]{0,60}\)\s*)?(?:[:—–]|\.\s*[—–-]|-{2}|\s-\s)/u;
/** What may stand before a glossary entry's term in its sentence: a list number, quotes, "the term". */
const ENTRY_OPENING = /^[\s("“'*_]*(?:\(?[\da-zA-Z]{1,4}[.)]\s*)?(?:the\s+(?:term\s+)?)?["“'*_]*$/iu;

const DEFINITIONS_HEADING = /\bdefinitions?\b|\bterms\b|\bglossary\b/i;

/**
 * Kind 4: a definition of a term that lacks required elements (trafficking defined without force, fraud or
 * coercion) or includes forbidden ones. A definition runs from the defined term to the end of its block,
 * plus the nested items under it (statutes define in lists: "(9) … means— (A) …; (B) …").
 */
export const definitionKind = defineKind<DefinitionTerms>({
	name: 'definition',
	description: 'A definition of a term that lacks required elements or includes forbidden ones.',
	schema: {
		properties: { term: TERM_LIST, requires: TERM_GROUPS, forbids: TERM_GROUPS },
		required: ['term'],
		anyOf: [{ required: ['requires'] }, { required: ['forbids'] }],
	},
	compile: (spec, terms) => ({
		requires: terms.groups(spec.requires, ['requires']),
		term: terms.list(spec.term, ['term']),
		forbids: terms.groups(spec.forbids, ['forbids']),
	}),
	locality: 'document',
	run(rule, ctx) {
		const hits: Hit[] = [];
		if (!rule.compiled.term) return hits;
		for (const block of ctx.doc.blocks) {
			const hit = definitionHit(rule, ctx, block);
			if (hit) hits.push(hit);
		}
		return hits;
	},
	/**
	 * A definition runs from a block over the following blocks of the same innermost section and reads that
	 * section's title: kept per section, for the section's own blocks (subsections have their own memos).
	 * Sections in index order and their own blocks in order are the blocks in document order, as `run` gives them.
	 */
	sectionHits(rule, ctx, memos) {
		const hits: Hit[] = [];
		if (!rule.compiled.term) return hits;
		const doc = ctx.doc;
		for (const section of doc.sections) {
			let known = memos.get<RelativeHit[]>(section);
			if (!known) {
				known = [];
				const [from, to] = ownBlockRange(doc, section);
				for (let i = from; i < to; i++) {
					const hit = definitionHit(rule, ctx, doc.blocks[i]!);
					if (hit) known.push(keepInSection(hit, section));
				}
				memos.set(section, known);
			}
			for (const h of known) hits.push(placeInSection(h, section, doc));
		}
		return hits;
	},
});

/**
 * The rule's hit on a definition in one block, if any (one at most). It depends on the block, the blocks
 * after it in the same section (a definition's nested items) and the title of the block's section, nothing else.
 */
function definitionHit(rule: Rule<DefinitionTerms>, ctx: ReviewContext, block: Block): Hit | undefined {
	const { term, requires, forbids, unless } = rule.compiled;
	if (!term || block.kind === 'heading') return undefined;
	const blocks = ctx.doc.blocks;
	for (const m of ctx.matches(term, block)) {
		if (!isDefinition(ctx, block, m)) continue;
		// The definition runs from its term to the end of its sentence, and on into the items it introduces when
		// that sentence closes its block; a later sentence of the same paragraph is not part of it.
		const ownSentence = ctx.sentenceOf(block, m.start);
		const closesBlock = ownSentence.end >= block.end || /^[\s"”’'.;:)]*$/u.test(block.prose.slice(ownSentence.end - block.start, block.end - block.start));
		const extent = closesBlock ? definitionBlocks(blocks, block) : [block];
		const within = (b: Block): Offsets => (b === block ? { start: m.start, end: closesBlock ? b.end : ownSentence.end } : { start: b.start, end: b.end });
		// What is named only as optional or as an example neither meets a requirement nor limits the definition:
		// "with or without the use of force", "… for the purpose of exploitation, including by use of violence";
		// "any person, including a minor" is not a definition limited to children.
		const any = (g: Matcher): boolean =>
			extent.some((b) => ctx.has(g, b, within(b)) && ctx.matchesIn(g, b, within(b)).some((f) => !namedAsOptional(b, f)));
		if (unless && any(unless)) return undefined;
		const missing = requires?.findIndex((g) => !any(g)) ?? -1;
		let forbidden: Offsets | undefined;
		for (const g of forbids ?? []) {
			for (const b of extent) {
				const found = ctx.matchesIn(g, b, within(b)).find((f) => !ctx.cancelledByNegation(rule.spec.negation, b, ctx.sentenceOf(b, f.start), f));
				if (found) {
					forbidden = found;
					break;
				}
			}
			if (forbidden) break;
		}
		if (missing === -1 && !forbidden) return undefined;
		const sentence = ctx.sentenceOf(block, m.start);
		return {
			offsets: m,
			block,
			sentence,
			vars: {
				match: ctx.quote(m),
				missing: missing === -1 ? undefined : describeGroup(rule.spec.requires![missing]!),
			},
			related: forbidden ? [{ offsets: forbidden, message: `includes ${ctx.quote(forbidden)}` }] : undefined,
			checkQuoted: true,
		};
	}
	return undefined;
}

/**
 * What makes the words after it optional or mere examples in a definition, up to the element: "with or without",
 * "whether or not", "irrespective of", "regardless of", "including (by)", "including such actions by means of". Not across a clause's end or a
 * preposition that opens a new condition: in "with or without the victim's consent, … by means of threat or use of
 * force" the force is required.
 */
const OPTIONAL_BEFORE = /\b(?:with\s+or\s+without|whether\s+or\s+not|irrespective\s+of|regardless\s+of|including(?:\s+(?:such|those|these|any)\s+(?:acts?|actions?|conduct))?|inter\s+alia)(?:\s+(?:by\s+means\s+of|by|through|the\s+use\s+of))?\b(?:(?![.;:]|\b(?:by|means\s+of|through|for|where|when|if|provided)\b)[^])*$/iu;

function namedAsOptional(block: Block, element: Offsets): boolean {
	const before = block.prose.slice(Math.max(0, element.start - block.start - 200), element.start - block.start);
	return OPTIONAL_BEFORE.test(before);
}

/**
 * A definition by copula right after the term: "is (the|any) (act of)" and an action noun or gerund whose "of" names
 * who it is done to ("is the buying and selling of", "is the recruitment, transportation … of"), "is to be
 * understood as", "arises when".
 */
const COPULAR_DEFINES = /^[\s"”’'`)*_]*(?:\([^)]{0,60}\)\s*)?(?:(?:is|are)\s+(?:the\s+|any\s+)?(?:act\s+of\s+|action\s+of\s+|practice\s+of\s+)?\p{L}+(?:ing|tion|sion|ment|al)\b[\p{L}\s,-]{0,60}?\bof\b|(?:is|are|shall\s+be)\s+(?:to\s+be\s+)?understood\s+(?:as|to\s+mean)\b|arises?\s+(?:when|where)\b)/u;

/** Whether the term opens its sentence or list item (only a list number, quotes or "the term" before it). */
function opensItsSentence(ctx: ReviewContext, block: Block, m: Offsets): boolean {
	const sentence = ctx.sentenceOf(block, m.start);
	return ENTRY_OPENING.test(block.prose.slice(sentence.start - block.start, m.start - block.start));
}

/** A verb of defining right before the term: "the Act DEFINES trafficking as", "DEFINING 'victim' as". */
const DEFINED_BEFORE = /\b(?:defines?|defined|defining|redefines?|redefined)\s+(?:the\s+(?:term|offen[cs]e|crime)\s+(?:of\s+)?)?["“'‘*_]*$/iu;

/**
 * An aside that gives the term another name, set off by dashes or brackets: "Human trafficking – ALSO KNOWN AS
 * TRAFFICKING IN PERSONS – is …", "(also called modern slavery)". It names, it does not define: what follows it says
 * what the term is or means, and is read as if the aside were not there.
 */
const ALIAS_ASIDE = /^\s*(?:[—–]|-{1,2})\s*(?:(?:also|additionally|otherwise|sometimes|often|commonly|more\s+commonly|widely)\s+)?(?:known|called|referred\s+to|termed|described)\s+as\b[^—–()\n]{0,80}?(?:[—–]|\s-{1,2}\s)|^\s*\(\s*(?:(?:also|additionally|otherwise|sometimes|often|commonly)\s+)?(?:known|called|referred\s+to|termed)\s+as\b[^()]{0,80}\)/iu;

/**
 * A preposition right before the term makes it the object of a phrase inside another noun's phrase: in "the
 * programme FOR victims includes isolation from …" or "support TO victims of trafficking means …" the programme or the
 * support is what the verb is about, not the victim. Inside a quoted term the preposition is part of what is defined.
 */
const PREPOSITION_BEFORE = /\b(?:for|to|with|against|by|from|among|about|on|towards?|regarding|concerning)\s+(?:(?:the|all|any|such|these|those|potential|possible|suspected|identified|presumed|adult|child|foreign)\s+){0,2}["“'‘*_]*$/iu;

function isDefinition(ctx: ReviewContext, block: Block, m: Offsets): boolean {
	const rest = block.prose.slice(m.end - block.start, m.end - block.start + 200);
	const aside = ALIAS_ASIDE.exec(rest);
	const after = (aside ? rest.slice(aside[0].length) : rest).slice(0, 80);
	const before40 = block.prose.slice(Math.max(0, m.start - block.start - 40), m.start - block.start);
	// Not inside a quoted term, where the preposition is part of what is defined ("“persons subjected TO trafficking” means …").
	if (PREPOSITION_BEFORE.test(before40) && !DEFINED_BEFORE.test(before40) && !/^["”’'`*_]/u.test(after)) return false;
	if (DEFINES.test(after)) {
		// "Trafficking: …" defines; "five people were charged with trafficking — three of them …" does not.
		if (!DEFINES_BY_PUNCTUATION.test(after)) return true;
		return opensItsSentence(ctx, block, m);
	}
	// A copula that says what the term is by naming an act done to people ("Human trafficking IS THE BUYING AND
	// SELLING OF young girls", "Trafficking IS TO BE UNDERSTOOD AS any action …", "trafficking ARISES WHEN a person
	// arranges …") defines it as surely as "means", when the term is what the sentence is about: it opens the
	// sentence or item. "Trafficking is the fastest-growing crime" names no act and defines nothing.
	if (COPULAR_DEFINES.test(after)) return opensItsSentence(ctx, block, m);
	// "The Act DEFINES trafficking AS …", "trafficking is DEFINED AS …" after the verb: the verb before the term.
	const before30 = block.prose.slice(Math.max(0, m.start - block.start - 30), m.start - block.start);
	if (DEFINED_BEFORE.test(before30) && /^["”’'`)*_]*\s+as\b/u.test(after)) return true;
	// A copula that names no act (the defining ones returned above) evaluates or ranks the term, even in a
	// Definitions section: "Human trafficking IS AN AFFRONT to human dignity", "… is a crime against humanity".
	if (/^["”’'`)*_]*\s+(?:is|are|was|were|remains?)\b/u.test(after)) return false;
	// In a Definitions section, an item that opens with the term defines it.
	const section = ctx.doc.sections[block.section]!;
	// A heading is short; the root section of a text without headings takes its first line, which may be the
	// whole document (a 5 MB line): look at its start only, or every term match would scan it again.
	if (!DEFINITIONS_HEADING.test(section.title.slice(0, 200))) return false;
	const before = block.prose.slice(0, m.start - block.start);
	// An item that is the term and nothing else ("(2) Human trafficking") is the label of the definition that follows
	// it, not a definition that lacks every element.
	if (/^["”’'`*_.:;)\s]*$/u.test(block.prose.slice(m.end - block.start))) return false;
	return /^[\s("“'*_]*(?:\(?[\da-zA-Z]{1,4}[.)]\s*)?["“'*_]*$/.test(before);
}

/**
 * The block and the following blocks nested deeper in the same list. A definition that ends by introducing
 * a list ("means—", "includes:") also takes the following items at its own depth, as plain-text statutes
 * rarely indent them. An item that starts a new definition ends it.
 */
function definitionBlocks(blocks: Block[], first: Block): Block[] {
	const out = [first];
	const introduces = /(?:[—:–]|-{1,2}|\bmeans|\binclude[s]?)\s*$/u.test(first.prose);
	for (let i = first.index + 1; i < blocks.length; i++) {
		const b = blocks[i]!;
		if (b.kind === 'heading' || b.section !== first.section) break;
		// An item that defines another term ends this definition, however deep: in a list of definitions a
		// continuation paragraph ("b. 'Trafficking' also means …") is followed by the next item ("5. 'Labor' means …").
		if (STARTS_DEFINITION.test(b.prose)) break;
		const nested = b.listDepth > first.listDepth;
		// Or the quotation it introduces: "… defines Trafficking in Persons as:" followed by "> the recruitment …".
		const listed = introduces && (b.kind === 'listItem' || (b.quoted && !first.quoted));
		if (!nested && !listed) break;
		out.push(b);
	}
	return out;
}

const STARTS_DEFINITION = /^[\s(]*[\da-zA-Z]{0,4}[.)]?\s*["“'*_]*[\p{L}][\p{L}\s'’-]{0,60}["”'*_]*\s*(?:means|shall\s+mean|has\s+the\s+meaning|is\s+defined)/u;
