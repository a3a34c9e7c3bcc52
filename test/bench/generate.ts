import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A deterministic generator of policy-like Markdown for benchmarks and property tests: a title, a preamble,
 * numbered sections with subsections, definitions, ordered and nested lists, funding tables, block quotes
 * and code blocks. The words come from the bundled example draft, the rules' own ```flag and ```pass
 * examples, and policy clauses below written in positive and negated forms, so rules have realistic work
 * (matches, negations, quoted text) at every size.
 */

export interface Corpus {
	/** Sentences and clauses, each one line. */
	sentences: string[];
	/** Short phrases for headings. */
	headings: string[];
}

/** Clauses that policy drafts use, in harmful and rights-respecting forms (negations on purpose). */
const CLAUSES = [
	'Services shall be provided to every person identified as a victim of trafficking.',
	'Services shall not be conditioned on cooperation with law enforcement.',
	'Shelter shall be provided regardless of immigration status or cooperation with any investigation.',
	'Assistance will be made available only to victims who cooperate with the prosecution.',
	'No victim shall be detained, prosecuted or deported for acts committed as a direct result of being trafficked.',
	'Persons found during an operation may be held in protective custody until they agree to testify.',
	'The agency shall publish annual data on the outcomes of services, disaggregated by sector and gender.',
	'Funding under this section shall support community organisations and worker-led groups.',
	'Every person shall be informed of the right to counsel and to a qualified interpreter before any interview.',
	'Law enforcement shall conduct raids on massage parlours and brothels to identify victims.',
	'Raids shall be used only as a last resort and never as the primary means of identification.',
	'Information shall not be shared with immigration authorities without the informed consent of the person.',
	'The task force shall screen every person for trafficking before any removal proceeding.',
	'Labour inspectors shall visit agriculture, construction, domestic work and fishing.',
	'Sex workers shall not be treated as victims of trafficking unless force, fraud or coercion is present.',
	'The program will train health workers, teachers and labour inspectors in prevention.',
	'An independent monitor shall review the use of funds and report to the legislature every year.',
	'Victims of trafficking shall have access to housing, health care and legal aid whether or not they testify.',
	'Applicants must describe how survivors and community groups will shape the program.',
	'Under the current law, benefits are conditioned on assistance to investigators, which we recommend repealing.',
	'Officers may question a person before the person has consulted an attorney.',
	'Medical examinations shall be conducted only with the free and informed consent of the person examined.',
	'The department is prohibited from detaining trafficked persons in immigration facilities.',
	'Grant funds may be used for outreach by organisations led by sex workers and migrant workers.',
	'Compliance with this subsection shall be reported to the Attorney General within 90 days.',
	'For purposes of this section, the term "coercion" has the meaning given in 22 U.S.C. 7102.',
	'The Secretary may waive the requirement in paragraph (2) for good cause shown.',
	'Each county shall establish a referral protocol with service providers, e.g. shelters and clinics.',
];

/**
 * Most of a bill is procedure: who reports to whom, by when, with which money. Neutral sentences are built
 * from these parts, so that flagged passages are as rare as in a real draft (a few per page at most).
 */
const SUBJECTS = ['The Secretary', 'The Attorney General', 'Each State agency', 'The Office', 'The Commission', 'The task force', 'A recipient of a grant under this section', 'The Director', 'The Board', 'Each county', 'The department', 'The Comptroller General'];
const PREDICATES = [
	'shall submit to the appropriate committees a report describing',
	'shall publish on a public website a summary of',
	'may enter into agreements with public and private entities for',
	'shall consult with survivors, service providers and labour organisations on',
	'shall establish procedures for',
	'shall coordinate with other agencies on',
	'may issue regulations necessary for',
	'shall review and update, at least every two years,',
	'shall make available to the public data on',
	'may not use more than 5 percent of the amounts made available for',
	'shall ensure that interpreters are available for',
	'shall provide technical assistance to grantees on',
];
const OBJECTS = [
	'the implementation of this section', 'the administration of the program', 'the use of funds awarded under this Act',
	'the training of staff', 'the outcomes of services provided', 'the evaluation required by subsection (c)',
	'the collection of data disaggregated by age, gender and sector', 'the protection of personal information',
	'housing, health care and legal services', 'outreach to workers in agriculture, construction and domestic work',
];
const QUALIFIERS = ['', '', ' not later than 180 days after the date of enactment of this Act', ' for each fiscal year', ' in consultation with the Advisory Council', ' as appropriate', ' subject to the availability of appropriations', ' in accordance with section 7'];

function neutralSentence(random: () => number): string {
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	return `${pick(SUBJECTS)} ${pick(PREDICATES)} ${pick(OBJECTS)}${pick(QUALIFIERS)}.`;
}

/** Share of sentences drawn from the corpus (rule examples, the example draft, clauses); the rest are procedure. */
const CORPUS_SHARE = 0.12;

const HEADINGS = [
	'Short title', 'Definitions', 'Findings and purposes', 'Identification of victims', 'Services for victims',
	'Immigration relief', 'Task force', 'Funding', 'Reporting and oversight', 'Training and prevention',
	'Non-punishment', 'Confidentiality', 'Labour inspection', 'Interpreters and counsel', 'Evaluation',
	'Authorization of appropriations', 'Effective date', 'Severability', 'Budget narrative', 'Program goals and objectives',
];

const TERMS = ['Human trafficking', 'Victim', 'Coercion', 'Commercial sex act', 'Forced labour', 'Service provider', 'Task force', 'Survivor'];

/** Reads the example draft and the rules' examples under `root` (the repository). */
export function loadCorpus(root: string): Corpus {
	const sentences = [...CLAUSES];
	const examples = path.join(root, 'examples');
	for (const name of safeList(examples).filter((n) => n.endsWith('.md')).sort()) {
		for (const line of fs.readFileSync(path.join(examples, name), 'utf8').split('\n')) {
			const t = line.replace(/^\s*(?:\([a-z0-9]+\)|\d+\.|[-*>])\s*/, '').trim();
			if (t.length > 40 && /^[A-Z"]/.test(t) && !/[|`#*]/.test(t)) sentences.push(t);
		}
	}
	const rules = path.join(root, 'rules');
	for (const category of safeList(rules).sort()) {
		const dir = path.join(rules, category);
		if (!fs.statSync(dir).isDirectory()) continue;
		for (const name of safeList(dir).filter((n) => n.endsWith('.md')).sort()) {
			const text = fs.readFileSync(path.join(dir, name), 'utf8');
			for (const m of text.matchAll(/```(?:flag|pass)\n([\s\S]*?)```/g)) {
				for (const line of m[1]!.split('\n')) if (line.trim().length > 20 && !/^[#|>`-]/.test(line.trim())) sentences.push(line.trim());
			}
		}
	}
	return { sentences, headings: HEADINGS };
}

function safeList(dir: string): string[] {
	try {
		return fs.readdirSync(dir);
	} catch {
		return [];
	}
}

/** A small, fast, seeded PRNG (mulberry32), so documents are the same on every run and machine. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface GenerateOptions {
	seed?: number;
	/** Also emit constructs that make chunking hard: front matter, HTML comments and fences with blank lines, setext headings, thematic breaks, loose lists, suppression comments. */
	tricky?: boolean;
}

/** Policy Markdown of about `bytes` UTF-16 code units (the result is cut at a section boundary past it). */
export function generatePolicy(bytes: number, corpus: Corpus, options: GenerateOptions = {}): string {
	const random = prng(options.seed ?? 1);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const sentence = (): string => decorate(random() < CORPUS_SHARE ? pick(corpus.sentences) : neutralSentence(random), random);
	const paragraph = (min: number, max: number): string => {
		const n = min + Math.floor(random() * (max - min + 1));
		return Array.from({ length: n }, sentence).join(' ');
	};
	const out: string[] = [];
	if (options.tricky && random() < 0.5) out.push('---\ntitle: Draft\n\nstatus: review\n---\n');
	out.push(`# ${pick(['Safe Communities', 'Survivor Support', 'Worker Protection', 'Community Safety'])} Anti-Trafficking Act\n`);
	out.push(`*${paragraph(1, 2)}*\n`);
	let length = out.join('\n').length;
	let section = 0;
	while (length < bytes) {
		section++;
		const parts: string[] = [];
		const title = pick(corpus.headings);
		if (options.tricky && random() < 0.1) parts.push(`SEC. ${section}. ${title.toUpperCase()}\n${'-'.repeat(12)}\n`);
		else parts.push(`## SEC. ${section}. ${title.toUpperCase()}\n`);
		if (title === 'Definitions' || random() < 0.08) {
			parts.push('In this Act:\n');
			TERMS.forEach((term, i) => parts.push(`${i + 1}. "${term}" means ${sentence().replace(/^\w/, (c) => c.toLowerCase())}`));
			parts.push('');
		}
		const subsections = 1 + Math.floor(random() * 4);
		for (let s = 0; s < subsections; s++) {
			const letter = String.fromCharCode(97 + s);
			if (random() < 0.4) parts.push(`### (${letter}) ${pick(corpus.headings)}\n`);
			parts.push(`(${letter}) ${paragraph(2, 5)}\n`);
			const r = random();
			if (r < 0.3) {
				const items = 2 + Math.floor(random() * 4);
				for (let i = 1; i <= items; i++) {
					parts.push(`${i}. ${sentence()}`);
					if (random() < 0.3) parts.push(`   - ${sentence()}\n   - ${sentence()}`);
					if (options.tricky && random() < 0.2) parts.push('');
				}
				parts.push('');
			} else if (r < 0.45) {
				for (let i = 0; i < 3; i++) parts.push(`- ${sentence()}`);
				parts.push('');
			} else if (r < 0.55) {
				parts.push('| Program area | Amount | Purpose |\n|---|---:|---|');
				for (let i = 0; i < 4; i++) parts.push(`| ${pick(corpus.headings)} | $${(1 + Math.floor(random() * 90)) * 10000} | ${sentence()} |`);
				parts.push('');
			} else if (r < 0.65) {
				parts.push(`> ${paragraph(1, 3)}\n>\n> ${sentence()}\n`);
			} else if (r < 0.72) {
				parts.push(`\`\`\`text\n${sentence()}\n${options.tricky ? '\n' : ''}# not a heading\n\`\`\`\n`);
			}
		}
		if (options.tricky) {
			const t = random();
			if (t < 0.1) parts.push(`<!--\n${sentence()}\n\n${sentence()}\n-->\n`);
			else if (t < 0.2) parts.push('* * *\n');
			else if (t < 0.27) parts.push('<!-- accountable-disable-next-line -->');
			else if (t < 0.32) parts.push('    indented code\n\n    more code\n');
			else if (t < 0.37) parts.push('~~~\nfence\n\n~~~~\n');
			else if (t < 0.42) parts.push(`Setext heading ${section}\n===\n`);
		}
		const text = parts.join('\n');
		out.push(text);
		length += text.length + 1;
	}
	return `${out.join('\n')}\n`;
}

/** Occasional inline markup, so the parser has emphasis, links and code spans to handle. */
function decorate(s: string, random: () => number): string {
	const r = random();
	if (r < 0.05) return s.replace(/\b(shall)\b/, '**$1**');
	if (r < 0.08) return s.replace(/\b(victims?)\b/i, '*$1*');
	if (r < 0.1) return `${s} See [the guidance](https://example.org/guidance).`;
	if (r < 0.12) return `${s} (\`Sec. 7\`)`;
	return s;
}

/**
 * A generated policy of about `bytes` characters (as generatePolicy makes) with the example bill's provisions
 * (about 25 findings) after every 8,000 characters: about 3,000 findings in a megabyte, six times the density
 * of the plain generated policy. The benchmark's and the tests' document dense with findings.
 */
export function densePolicy(bytes: number, corpus: Corpus, root: string): string {
	const base = generatePolicy(bytes, corpus, { seed: 1 });
	const bill = fs.readFileSync(path.join(root, 'examples', 'draft-state-bill.md'), 'utf8').replace(/^# .*\n/, '');
	const parts: string[] = [];
	for (let i = 0; i < base.length; ) {
		let j = base.indexOf('\n\n', i + 8000);
		if (j < 0) j = base.length;
		parts.push(`${base.slice(i, j)}\n\n${bill}\n`);
		i = j + 2;
	}
	return parts.join('');
}
