import type { Offsets } from '../../finding';
import type { Section } from '../../document';
import type { Matcher } from '../../matching/matcher';
import type { Rule } from '../types';
import { keepInSection, placeInSection } from '../../incremental/sectionMemos';
import type { RelativeHit } from '../../incremental/relativeHits';
import { describeGroup, type Hit, type ReviewContext } from './context';
import { defineKind } from './kind';
import { TERM_GROUPS, TERM_LIST } from './schema';

interface MissingTerms {
	topicHeading?: Matcher;
	topicText?: Matcher[];
	requires?: Matcher[];
}

type MissingRule = Rule<MissingTerms>;

/**
 * Kind 3: a topic is present but a required element is absent. At section scope, every section whose
 * heading (and text) shows the topic must mention each required group somewhere in it; at document scope,
 * the whole document. Anchored on the section's heading or the document's title.
 */
export const missingKind = defineKind<MissingTerms>({
	name: 'missing',
	description: 'A topic is present but a required element is absent from its section or the document.',
	schema: {
		properties: {
			topic: {
				type: 'object',
				additionalProperties: false,
				properties: {
					heading: TERM_LIST,
					text: TERM_GROUPS,
					minMentions: { type: 'integer', minimum: 1 },
					minWords: {
						type: 'integer',
						minimum: 1,
						description: 'The section or document must have at least this many words: a one-paragraph excerpt is not a strategy, and the absence of an element says nothing about it.',
					},
				},
			},
			requires: TERM_GROUPS,
		},
		required: ['topic', 'requires'],
	},
	compile: (spec, terms) => ({
		topicHeading: terms.list(spec.topic?.heading, ['topic', 'heading']),
		topicText: terms.groups(spec.topic?.text, ['topic', 'text']),
		requires: terms.groups(spec.requires, ['requires']),
	}),
	locality: 'document',
	run(rule, ctx) {
		const hits: Hit[] = [];
		for (const section of missingScopes(rule, ctx)) {
			const hit = missingHit(rule, ctx, section);
			if (hit) hits.push(hit);
		}
		return hits;
	},
	/**
	 * A rule's hit on a section depends on the section's own content and, at section scope, on whether it is
	 * the document's title: kept per section with that status, judged again when the status changes.
	 */
	sectionHits(rule, ctx, memos) {
		const hits: Hit[] = [];
		for (const section of missingScopes(rule, ctx)) {
			// The whole document changes with every edit: judged again each time.
			if (section.index === 0) {
				const hit = missingHit(rule, ctx, section);
				if (hit) hits.push(hit);
				continue;
			}
			const title = isDocumentTitle(ctx, section);
			let known = memos.get<{ hit?: RelativeHit; title: boolean }>(section);
			if (!known || known.title !== title) {
				const hit = missingHit(rule, ctx, section);
				known = { hit: hit && keepInSection(hit, section), title };
				memos.set(section, known);
			}
			if (known.hit) hits.push(placeInSection(known.hit, section, ctx.doc));
		}
		return hits;
	},
});

/** The sections a missing-element rule judges: the whole document, or every section under it. */
function missingScopes(rule: MissingRule, ctx: ReviewContext): Section[] {
	if (!rule.compiled.requires) return [];
	return rule.spec.scope === 'document' ? [ctx.doc.sections[0]!] : ctx.doc.sections.slice(1);
}

/**
 * The rule's hit on one section, if any. It depends on the section's own heading and blocks (subsections
 * included) and, for section rules, on whether the section is the document's title (isDocumentTitle), nothing else.
 */
function missingHit(rule: MissingRule, ctx: ReviewContext, section: Section): Hit | undefined {
	const { topicHeading, topicText, requires, unless } = rule.compiled;
	if (!requires) return undefined;
	if (rule.spec.scope === 'section' && isDocumentTitle(ctx, section)) return undefined;
	if (topicHeading && !headingMatches(ctx, section, topicHeading)) return undefined;
	const mentions = topicText ? topicMentions(ctx, section, topicText, Math.max(3, rule.spec.topic?.minMentions ?? 1)) : [];
	if (topicText && mentions.length < Math.max(1, rule.spec.topic?.minMentions ?? 1)) return undefined;
	if (rule.spec.topic?.minWords && wordCount(ctx, section) < rule.spec.topic.minWords) return undefined;
	if (unless && anyIn(ctx, section, unless)) return undefined;
	const missing = requires.findIndex((g) => !anyIn(ctx, section, g));
	if (missing === -1) return undefined;
	const related = mentions.slice(0, 3).map((offsets) => ({ offsets, message: `mentions ${ctx.quote(offsets)}` }));
	return {
		offsets: section.heading,
		section,
		vars: { heading: section.title, missing: describeGroup(rule.spec.requires![missing]!), match: ctx.quote(section.heading) },
		related,
		checkQuoted: false,
	};
}

/**
 * The one top-level heading that wraps every other section ("# House Bill 1142: … Victim Services Act") is
 * the document's title: its section is the whole document, which document-scope rules review, so
 * section rules skip it rather than judge the title's words ("Services") against the whole text.
 */
function isDocumentTitle(ctx: ReviewContext, section: Section): boolean {
	const root = ctx.doc.sections[0]!;
	return section.parent === 0 && root.children.length === 1 && section.children.length > 0;
}

function headingMatches(ctx: ReviewContext, section: Section, matcher: Matcher): boolean {
	if (section.headingBlock === undefined) return false;
	return ctx.has(matcher, ctx.doc.blocks[section.headingBlock]!);
}

function anyIn(ctx: ReviewContext, section: Section, matcher: Matcher): boolean {
	return ctx.sectionHas(matcher, section);
}

/**
 * Mentions of the topic: every group must occur; the mentions returned are the first `wanted` of the first
 * group, in document order (all a rule uses: the minimum count and three related locations). Collecting every
 * mention of a whole document's topic on each review was most of a re-review's time.
 */
function topicMentions(ctx: ReviewContext, section: Section, groups: Matcher[], wanted: number): Offsets[] {
	if (!groups.every((g) => ctx.sectionHas(g, section))) return [];
	const first = groups[0]!;
	const out: Offsets[] = [];
	const blocks = ctx.doc.blocks;
	const collect = (i: number): boolean => {
		const block = blocks[i]!;
		if (!ctx.has(first, block)) return false;
		for (const m of ctx.matches(first, block)) {
			out.push(m);
			if (out.length >= wanted) return true;
		}
		return false;
	};
	// The heading, then the section's blocks (subsections' included) in document order, as sectionMatches gives them.
	if (section.headingBlock !== undefined && collect(section.headingBlock)) return out;
	for (const i of section.blocks) if (collect(i)) return out;
	return out;
}

/** Words in a section (heading included), counted in its prose. */
function wordCount(ctx: ReviewContext, section: Section): number {
	return ctx.sectionWords(section);
}
