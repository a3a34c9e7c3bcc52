import Ajv, { type ValidateFunction } from 'ajv';
import ruleSchema from '../../../../rules/schema/rule.schema.json';
import vocabularySchema from '../../../../rules/schema/vocabulary.schema.json';
import { compileMatcher, type Matcher } from '../matching/matcher';
import { parseYamlSource, schemaProblems, type YamlSource } from './yamlSource';
import { parseRuleBody, splitRuleFile } from './ruleFile';
import { CATEGORIES, type FrameRole, type FrameSpec, type LoadError, type Rule, type RuleSet, type RuleSpec, type SourceFile, type TermList, type Vocabulary } from './types';
import { checkPattern } from './patternSafety';
import { checkLinearPattern } from '../matching/linear';

let validators: { rule: ValidateFunction; vocabulary: ValidateFunction } | undefined;

function getValidators(): { rule: ValidateFunction; vocabulary: ValidateFunction } {
	if (!validators) {
		const ajv = new Ajv({ allErrors: true, strict: false });
		validators = { rule: ajv.compile(ruleSchema), vocabulary: ajv.compile(vocabularySchema) };
	}
	return validators;
}

/** Documentation sections every rule file must have (the catalogue test checks them). */
export const REQUIRED_DOC_SECTIONS = ['What it flags', 'Why', 'What to write instead', 'Not flagged'];

/**
 * Loads vocabularies and rule files, validating each against its schema. Every problem is reported as
 * `file:line: problem`, and loading goes on: one broken rule never takes the others down.
 * Later files may not redefine an id already loaded (rule packs cannot shadow built-in rules).
 */
export function loadRuleSet(input: { rules: readonly SourceFile[]; vocabularies: readonly SourceFile[] }): RuleSet {
	const errors: LoadError[] = [];
	const vocabularies = new Map<string, Vocabulary>();
	for (const file of input.vocabularies) {
		const vocabulary = loadVocabulary(file, errors);
		if (!vocabulary) continue;
		if (vocabularies.has(vocabulary.name)) {
			errors.push({ file: file.path, line: 1, message: `duplicate vocabulary "${vocabulary.name}" (also in ${vocabularies.get(vocabulary.name)!.path})` });
			continue;
		}
		vocabularies.set(vocabulary.name, vocabulary);
	}
	const compiler = new TermCompiler(vocabularies);
	const rules: Rule[] = [];
	const byId = new Map<string, Rule>();
	for (const file of input.rules) {
		const rule = loadRule(file, compiler, errors);
		if (!rule) continue;
		const existing = byId.get(rule.id);
		if (existing) {
			errors.push({ file: file.path, line: 2, message: `duplicate rule id "${rule.id}" (already defined in ${existing.path})` });
			continue;
		}
		byId.set(rule.id, rule);
		rules.push(rule);
	}
	return { rules, vocabularies, errors };
}

function loadVocabulary(file: SourceFile, errors: LoadError[]): Vocabulary | undefined {
	const source = parseYamlSource(file.text);
	if (source.syntaxErrors.length > 0) {
		for (const e of source.syntaxErrors) errors.push({ file: file.path, line: e.line, message: `invalid YAML: ${e.message}` });
		return undefined;
	}
	const validate = getValidators().vocabulary;
	if (!validate(source.value)) {
		for (const p of schemaProblems(source, validate.errors ?? [])) errors.push({ file: file.path, ...p });
		return undefined;
	}
	const value = source.value as { name: string; description: string; terms: string[] };
	const expected = baseName(file.path).replace(/\.ya?ml$/i, '');
	if (value.name !== expected) {
		errors.push({ file: file.path, line: source.lineOf(['name']), message: `vocabulary name "${value.name}" must equal the file name "${expected}"` });
	}
	const patterns: string[] = [];
	const terms: string[] = [];
	value.terms.forEach((t, i) => {
		if (isPattern(t)) {
			const problem = file.trusted ? checkPattern(patternSource(t)) : checkLinearPattern(patternSource(t));
			if (problem) errors.push({ file: file.path, line: source.lineOf(['terms', i]), message: `bad pattern ${t}: ${problem}` });
			else patterns.push(t);
		} else terms.push(t);
	});
	return { name: value.name, description: value.description, terms, patterns, path: file.path, trusted: file.trusted === true };
}

function loadRule(file: SourceFile, compiler: TermCompiler, errors: LoadError[]): Rule | undefined {
	const parts = splitRuleFile(file.text);
	if (!parts) {
		errors.push({ file: file.path, line: 1, message: 'a rule file starts with YAML front matter between "---" lines' });
		return undefined;
	}
	const source = parseYamlSource(parts.frontMatter, parts.frontMatterLine - 1);
	if (source.syntaxErrors.length > 0) {
		for (const e of source.syntaxErrors) errors.push({ file: file.path, line: e.line, message: `invalid YAML: ${e.message}` });
		return undefined;
	}
	const validate = getValidators().rule;
	if (!validate(source.value)) {
		for (const p of schemaProblems(source, validate.errors ?? [])) errors.push({ file: file.path, ...p });
		return undefined;
	}
	const spec = source.value as RuleSpec;
	const before = errors.length;
	const normalised = file.path.replace(/\\/g, '/');
	if (!normalised.endsWith(`/${spec.id}.md`) && normalised !== `${spec.id}.md`) {
		errors.push({ file: file.path, line: source.lineOf(['id']), message: `rule id "${spec.id}" must match its path (rules/${spec.id}.md)` });
	}
	const category = spec.id.split('/')[0]!;
	if (!(CATEGORIES as readonly string[]).includes(category)) {
		errors.push({ file: file.path, line: source.lineOf(['id']), message: `unknown category "${category}"; one of: ${CATEGORIES.join(', ')}` });
	}
	if (spec.kind === 'co-occurrence' && spec.anchor !== undefined && spec.anchor >= (spec.all?.length ?? 0)) {
		errors.push({ file: file.path, line: source.lineOf(['anchor']), message: `"anchor" must name one of the ${spec.all?.length ?? 0} groups of "all" (0-based)` });
	}
	const compile = (list: TermList | undefined, path: Array<string | number>): Matcher | undefined =>
		list ? compiler.compile(list, file.trusted === true, (i, message) => errors.push({ file: file.path, line: source.lineOf([...path, i]), message })) : undefined;
	const compileGroups = (groups: TermList[] | undefined, path: string[]): Matcher[] | undefined =>
		groups?.map((g, i) => compile(g, [...path, i])!);
	const compiled: Rule['compiled'] = {
		match: compile(spec.match, ['match']),
		all: compileGroups(spec.all, ['all']),
		unless: compile(spec.unless, ['unless']),
		topicHeading: compile(spec.topic?.heading, ['topic', 'heading']),
		topicText: compileGroups(spec.topic?.text, ['topic', 'text']),
		requires: compileGroups(spec.requires, ['requires']),
		term: compile(spec.term, ['term']),
		forbids: compileGroups(spec.forbids, ['forbids']),
		frame: spec.frame && compileFrame(spec.frame, (list, role) => compile(list, ['frame', role])),
	};
	if (errors.length > before) return undefined;
	const { doc, examples } = parseRuleBody(parts.body, parts.bodyLine);
	return { id: spec.id, category, spec, doc, examples, path: file.path, docUrl: file.url ?? file.path, compiled };
}

const FRAME_ROLES: readonly FrameRole[] = ['act', 'person', 'agent', 'to', 'means', 'condition', 'absent'];

function compileFrame(frame: FrameSpec, compile: (list: TermList, role: FrameRole) => Matcher | undefined): Partial<Record<FrameRole, Matcher>> {
	const out: Partial<Record<FrameRole, Matcher>> = {};
	for (const role of FRAME_ROLES) {
		const list = frame[role];
		if (list) out[role] = compile(list, role);
	}
	return out;
}

/** Resolves `@vocabulary` references and compiles term lists, caching shared vocabularies. */
class TermCompiler {
	private readonly cache = new Map<string, Matcher>();

	constructor(private readonly vocabularies: Map<string, Vocabulary>) {}

	/** `trusted`: the list is in a built-in rule, so its own patterns may use JavaScript's engine. */
	compile(list: TermList, trusted: boolean, report: (index: number, message: string) => void): Matcher | undefined {
		const terms: string[] = [];
		const patterns: string[] = [];
		const untrusted: string[] = [];
		let ok = true;
		list.forEach((entry, i) => {
			if (entry.startsWith('@')) {
				const resolved = this.expand(entry.slice(1), new Set());
				if (typeof resolved === 'string') {
					report(i, resolved);
					ok = false;
				} else {
					terms.push(...resolved.terms);
					patterns.push(...resolved.patterns);
					untrusted.push(...resolved.untrusted);
				}
			} else if (isPattern(entry)) {
				const problem = trusted ? checkPattern(patternSource(entry)) : checkLinearPattern(patternSource(entry));
				if (problem) {
					report(i, `bad pattern ${entry}: ${problem}`);
					ok = false;
				} else (trusted ? patterns : untrusted).push(patternSource(entry));
			} else terms.push(entry);
		});
		if (!ok) return undefined;
		const key = JSON.stringify([terms, patterns, untrusted]);
		let matcher = this.cache.get(key);
		if (!matcher) {
			matcher = compileMatcher(terms, patterns, untrusted);
			this.cache.set(key, matcher);
		}
		return matcher;
	}

	private expand(name: string, seen: Set<string>): { terms: string[]; patterns: string[]; untrusted: string[] } | string {
		const vocabulary = this.vocabularies.get(name);
		if (!vocabulary) {
			const known = [...this.vocabularies.keys()].sort().join(', ');
			return `unknown vocabulary "@${name}"${known ? `; known: ${known}` : ''}`;
		}
		if (seen.has(name)) return `vocabulary "@${name}" refers to itself`;
		seen.add(name);
		const terms: string[] = [];
		const own = vocabulary.patterns.map(patternSource);
		const patterns = vocabulary.trusted ? own : [];
		const untrusted = vocabulary.trusted ? [] : own;
		for (const term of vocabulary.terms) {
			if (term.startsWith('@')) {
				const inner = this.expand(term.slice(1), seen);
				if (typeof inner === 'string') return inner;
				terms.push(...inner.terms);
				patterns.push(...inner.patterns);
				untrusted.push(...inner.untrusted);
			} else terms.push(term);
		}
		return { terms, patterns, untrusted };
	}
}

function isPattern(entry: string): boolean {
	return entry.length >= 2 && entry.startsWith('/') && entry.endsWith('/');
}

function patternSource(entry: string): string {
	return entry.slice(1, -1);
}

function baseName(path: string): string {
	return path.replace(/\\/g, '/').split('/').pop() ?? path;
}

export type { YamlSource };

/** Every matcher a compiled rule holds (its lists, groups and frame roles). */
export function compiledMatchers(rule: Rule): Matcher[] {
	const out: Matcher[] = [];
	for (const value of Object.values(rule.compiled)) {
		if (!value) continue;
		if (Array.isArray(value)) out.push(...value);
		else if ('regex' in value) out.push(value as Matcher);
		else out.push(...(Object.values(value).filter(Boolean) as Matcher[]));
	}
	return out;
}
