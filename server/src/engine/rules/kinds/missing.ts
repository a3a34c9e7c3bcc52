import type { Offsets } from '../../finding';
import type { Section } from '../../document';
import type { Matcher } from '../../matching/matcher';
import { describeGroup, type Hit, type ReviewContext, type RuleKindRunner } from './context';

/**
 * Kind 3: a topic is present but a required element is absent. At section scope, every section whose
 * heading (and text) shows the topic must mention each required group somewhere in it; at document scope,
 * the whole document. Anchored on the section's heading or the document's title.
 */
export const runMissing: RuleKindRunner = (rule, ctx) => {
	const hits: Hit[] = [];
	const { topicHeading, topicText, requires, unless } = rule.compiled;
	if (!requires) return hits;
	const sections = rule.spec.scope === 'document' ? [ctx.doc.sections[0]!] : ctx.doc.sections.slice(1);
	for (const section of sections) {
		if (rule.spec.scope === 'section' && isDocumentTitle(ctx, section)) continue;
		if (topicHeading && !headingMatches(ctx, section, topicHeading)) continue;
		const mentions = topicText ? topicMentions(ctx, section, topicText) : [];
		if (topicText && mentions.length < Math.max(1, rule.spec.topic?.minMentions ?? 1)) continue;
		if (rule.spec.topic?.minWords && wordCount(ctx, section) < rule.spec.topic.minWords) continue;
		if (unless && anyIn(ctx, section, unless)) continue;
		const missing = requires.findIndex((g) => !anyIn(ctx, section, g));
		if (missing === -1) continue;
		const related = mentions.slice(0, 3).map((offsets) => ({ offsets, message: `mentions ${ctx.quote(offsets)}` }));
		hits.push({
			offsets: section.heading,
			section,
			vars: { heading: section.title, missing: describeGroup(rule.spec.requires![missing]!), match: ctx.quote(section.heading) },
			related,
			checkQuoted: false,
		});
	}
	return hits;
};

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

/** Mentions of the topic: every group must occur; the mentions returned are those of the first group. */
function topicMentions(ctx: ReviewContext, section: Section, groups: Matcher[]): Offsets[] {
	if (!groups.every((g) => ctx.sectionHas(g, section))) return [];
	return ctx.sectionMatches(groups[0]!, section);
}

/** Words in a section (heading included), counted in its prose. */
function wordCount(ctx: ReviewContext, section: Section): number {
	return ctx.sectionWords(section);
}
