/**
 * The report's scorecard rows: the recommendation areas of Ditmore and Thukral, *Accountability in
 * anti-trafficking efforts*. The ids are a public contract (rule front matter `recommendation:`, the rule
 * schema's enum, the report's JSON). Each area states the paper's recommendation in its own words, with the
 * paragraph (¶N = line N of the paper) every quote comes from; a test checks the quotes against the paper.
 */

export const AREA_IDS = [
	'unconditional-services',
	'consent',
	'raids-last-resort',
	'non-punishment',
	'rights-counsel',
	'labour-sectors',
	'prostitution-distinguished',
	'community-funding',
	'prevention-training',
	'oversight-data',
] as const;

export type AreaId = (typeof AREA_IDS)[number];

export interface PaperQuote {
	paragraph: number;
	quote: string;
}

export interface AreaDefinition {
	id: AreaId;
	title: string;
	/** One sentence: what the paper recommends, quoting it (with ¶N). */
	recommendation: string;
	/** The quotes the sentence uses, so they can be checked against the paper. */
	quotes: PaperQuote[];
}

export const AREAS: readonly AreaDefinition[] = [
	{
		id: 'unconditional-services',
		title: 'Unconditional access to services',
		recommendation:
			'The paper recommends “unconditional access to services and assistance to trafficked persons, rescinding the present requirement that trafficked persons be willing to cooperate with law enforcement” (¶56).',
		quotes: [{ paragraph: 56, quote: 'unconditional access to services and assistance to trafficked persons, rescinding the present requirement that trafficked persons be willing to cooperate with law enforcement' }],
	},
	{
		id: 'consent',
		title: 'Consent and self-determination',
		recommendation:
			'The paper calls for approaches that “prioritise the needs, agency, and self-determination of trafficking survivors” (¶2), in which “the cooperation of trafficked persons is voluntary and their rights are fully protected” (¶58).',
		quotes: [
			{ paragraph: 2, quote: 'prioritise the needs, agency, and self-determination of trafficking survivors' },
			{ paragraph: 58, quote: 'the cooperation of trafficked persons is voluntary and their rights are fully protected' },
		],
	},
	{
		id: 'raids-last-resort',
		title: 'Raids only as a last resort; no vice or private raids',
		recommendation:
			'The paper finds that “raids should be used only as a last resort” (¶5), that “vice raids are not effective anti-trafficking measures and should not be used” (¶58), and that raids by private actors are “extremely dangerous for trafficked persons” (¶6).',
		quotes: [
			{ paragraph: 5, quote: 'raids should be used only as a last resort' },
			{ paragraph: 58, quote: 'vice raids are not effective anti-trafficking measures and should not be used' },
			{ paragraph: 6, quote: 'extremely dangerous for trafficked persons' },
		],
	},
	{
		id: 'non-punishment',
		title: 'No detention, prosecution or deportation of trafficked persons',
		recommendation:
			'The paper asks that people “are able to come forward without fear of arrest or removal from the country” (¶58), having found raids lead “to the deportation of many people before they can be properly screened for trafficking” (¶48).',
		quotes: [
			{ paragraph: 58, quote: 'are able to come forward without fear of arrest or removal from the country' },
			{ paragraph: 48, quote: 'to the deportation of many people before they can be properly screened for trafficking' },
		],
	},
	{
		id: 'rights-counsel',
		title: 'Rights, counsel and interpreters',
		recommendation:
			'The paper found that people “aren’t informed about their rights in a way that a reasonable person would believe” (¶45) and recommends “working with attorneys, advocates, and service providers to ensure the best outcome for trafficked persons” (¶58).',
		quotes: [
			{ paragraph: 45, quote: 'aren’t informed about their rights in a way that a reasonable person would believe' },
			{ paragraph: 58, quote: 'working with attorneys, advocates, and service providers to ensure the best outcome for trafficked persons' },
		],
	},
	{
		id: 'labour-sectors',
		title: 'Labour trafficking in every sector in scope',
		recommendation:
			'The paper says solutions “must address the problem of force, fraud, or coercion in different labour sectors” (¶3) and recommends “more vigorous enforcement of labour laws” (¶56).',
		quotes: [
			{ paragraph: 3, quote: 'must address the problem of force, fraud, or coercion in different labour sectors' },
			{ paragraph: 56, quote: 'More vigorous enforcement of labour laws' },
		],
	},
	{
		id: 'prostitution-distinguished',
		title: 'Prostitution distinguished from trafficking',
		recommendation:
			'The paper warns against “making no distinction between prostitution and sex trafficking”, since “prioritising the policing of prostitution distorts the goal of anti-trafficking interventions meant to identify and respond to coercion and abuse” (¶7).',
		quotes: [
			{ paragraph: 7, quote: 'making no distinction between prostitution and sex trafficking' },
			{ paragraph: 7, quote: 'prioritising the policing of prostitution distorts the goal of anti-trafficking interventions meant to identify and respond to coercion and abuse' },
		],
	},
	{
		id: 'community-funding',
		title: 'Funding for community and worker organisations',
		recommendation:
			'The paper recommends “allocating funds to organisations involved in empowering immigrant communities and workers in informal economies” (¶56) rather than funding that “focuses on grants to state and local law enforcement” (¶7).',
		quotes: [
			{ paragraph: 56, quote: 'Allocating funds to organisations involved in empowering immigrant communities and workers in informal economies' },
			{ paragraph: 7, quote: 'focuses on grants to state and local law enforcement' },
		],
	},
	{
		id: 'prevention-training',
		title: 'Prevention and training',
		recommendation:
			'The paper says “preventative approaches, which address the circumstances that facilitate trafficking in persons, should be pursued over law enforcement based responses” (¶2), and that “the training of immigration officials, judges, defense attorneys, and prosecutors” is crucial (¶57).',
		quotes: [
			{ paragraph: 2, quote: 'preventative approaches, which address the circumstances that facilitate trafficking in persons, should be pursued over law enforcement based responses' },
			{ paragraph: 57, quote: 'The training of immigration officials, judges, defense attorneys, and prosecutors' },
		],
	},
	{
		id: 'oversight-data',
		title: 'Oversight and outcome data',
		recommendation:
			'The paper asks for an approach that “holds government and well-meaning private actors accountable when they engage in prevention and interventions” (¶3), noting that raids by private actors leave “even less opportunity for oversight and accountability” (¶6).',
		quotes: [
			{ paragraph: 3, quote: 'holds government and well-meaning private actors accountable when they engage in prevention and interventions' },
			{ paragraph: 6, quote: 'even less opportunity for oversight and accountability' },
		],
	},
];

/**
 * The area a rule counts towards when its front matter names none. `framing` has no area: wording is not a
 * recommendation of the paper, so framing findings are listed in the report's separate "Language" part.
 * `funding-accountability` covers two areas; its rules about oversight set `recommendation: oversight-data`.
 */
export const CATEGORY_AREAS: Readonly<Record<string, AreaId | undefined>> = {
	conflation: 'prostitution-distinguished',
	'labour-blindness': 'labour-sectors',
	'conditional-services': 'unconditional-services',
	consent: 'consent',
	raids: 'raids-last-resort',
	'detention-punishment': 'non-punishment',
	'rights-process': 'rights-counsel',
	'funding-accountability': 'community-funding',
	prevention: 'prevention-training',
	framing: undefined,
};

export function isAreaId(value: unknown): value is AreaId {
	return typeof value === 'string' && (AREA_IDS as readonly string[]).includes(value);
}

/** The area a rule's findings or provisions count towards: its `recommendation:`, else its category's. */
export function areaFor(recommendation: string | undefined, category: string): AreaId | undefined {
	if (isAreaId(recommendation)) return recommendation;
	return CATEGORY_AREAS[category];
}
