import Ajv, { type ValidateFunction } from 'ajv';
import vocabularySchema from '../../../../rules/schema/vocabulary.schema.json';
import { compileMatcher, foldedPatternsOf, matcherPatternPrefixes, matcherTermIndex, type Matcher } from '../matching/matcher';
import type { PatternPrefixes } from '../matching/prefilter';
import { TermIndex, type StoredTermWords } from '../matching/termIndex';
import { parseYamlSource, schemaProblems, type YamlSource } from './yamlSource';
import { parseRuleBody, splitRuleFile } from './ruleFile';
import { CATEGORIES, type LoadError, type Rule, type RuleSet, type RuleSpec, type SourceFile, type TermList, type Vocabulary } from './types';
import { ruleSchema } from './schema';
import { ruleKind } from './kinds';
import type { TermCompiler as KindTermCompiler } from './kinds/kind';
import { checkPattern, controlCharacterProblem } from './patternSafety';
import { checkLinearPattern } from '../matching/linear';

let validators: { rule: ValidateFunction; vocabulary: ValidateFunction } | undefined;

function getValidators(): { rule: ValidateFunction; vocabulary: ValidateFunction } {
	if (!validators) {
		const ajv = new Ajv({ allErrors: true, strict: false });
		validators = { rule: ajv.compile(ruleSchema()), vocabulary: ajv.compile(vocabularySchema) };
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
export function loadRuleSet(input: { rules: readonly SourceFile[]; vocabularies: readonly SourceFile[]; compiled?: CompiledRules }): RuleSet {
	const errors: LoadError[] = [];
	const vocabularies = new Map<string, Vocabulary>();
	for (const vocabulary of input.compiled?.vocabularies ?? []) vocabularies.set(vocabulary.name, vocabulary);
	for (const file of input.vocabularies) {
		const vocabulary = loadVocabulary(file, errors);
		if (!vocabulary) continue;
		if (vocabularies.has(vocabulary.name)) {
			errors.push({ file: file.path, line: 1, message: `duplicate vocabulary "${vocabulary.name}" (also in ${vocabularies.get(vocabulary.name)!.path})` });
			continue;
		}
		vocabularies.set(vocabulary.name, vocabulary);
	}
	const compiler = new TermCompiler(vocabularies, input.compiled);
	const rules: Rule[] = [];
	const byId = new Map<string, Rule>();
	for (const compiled of input.compiled?.rules ?? []) {
		const rule = compileRule(compiled, compiler, errors);
		byId.set(rule.id, rule);
		rules.push(rule);
	}
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
	// A rule may yield only to span rules that exist: a misspelt id would silently never yield.
	const texts = new Map(input.rules.map((f) => [f.path, f.text]));
	for (const rule of rules) {
		for (const id of rule.spec.yieldsTo ?? []) {
			const target = byId.get(id);
			const problem = !target ? `yieldsTo names "${id}", which is no rule` : target.spec.scope !== 'span' || rule.spec.scope !== 'span' ? `yieldsTo "${id}": only a span rule may yield, and only to a span rule` : undefined;
			if (problem) errors.push({ file: rule.path, line: lineOfKey(texts.get(rule.path), 'yieldsTo'), message: problem });
			else if (target!.spec.suggest) (rule.yieldedSuggest ??= []).push(...target!.spec.suggest);
		}
	}
	return { rules, vocabularies, errors };
}

/** The 1-based line of a top-level key in a rule file's text (1 when it cannot be found). */
function lineOfKey(text: string | undefined, key: string): number {
	const at = text?.split('\n').findIndex((line) => line.startsWith(`${key}:`)) ?? -1;
	return at >= 0 ? at + 1 : 1;
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
			const problem = patternProblem(file.trusted === true, patternSource(t));
			if (problem) errors.push({ file: file.path, line: source.lineOf(['terms', i]), message: `bad pattern ${t}: ${problem}` });
			else patterns.push(t);
		} else terms.push(t);
	});
	return { name: value.name, description: value.description, terms, patterns, path: file.path, trusted: file.trusted === true };
}

/** What is wrong with a pattern, if anything: built-in rules' patterns run on the backtracking engine, packs' on the linear one. */
function patternProblem(trusted: boolean, source: string): string | undefined {
	return controlCharacterProblem(source) ?? (trusted ? checkPattern(source) : checkLinearPattern(source));
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
	const at = (path: ReadonlyArray<string | number>): number => source.lineOf([...path]);
	const normalised = file.path.replace(/\\/g, '/');
	if (!normalised.endsWith(`/${spec.id}.md`) && normalised !== `${spec.id}.md`) {
		errors.push({ file: file.path, line: at(['id']), message: `rule id "${spec.id}" must match its path (rules/${spec.id}.md)` });
	}
	const category = spec.id.split('/')[0]!;
	if (!(CATEGORIES as readonly string[]).includes(category)) {
		errors.push({ file: file.path, line: at(['id']), message: `unknown category "${category}"; one of: ${CATEGORIES.join(', ')}` });
	}
	const compiled = compileTerms(spec, file.path, file.trusted === true, at, compiler, errors);
	const { doc, examples, problems } = parseRuleBody(parts.body, parts.bodyLine);
	for (const p of problems) errors.push({ file: file.path, ...p });
	if (errors.length > before) return undefined;
	return { id: spec.id, category, spec, doc, examples, path: file.path, docUrl: file.url ?? file.path, compiled };
}

/** A rule's term lists as matchers (its kind's and the common `unless`); problems are reported at `at(path)`. */
function compileTerms(spec: RuleSpec, file: string, trusted: boolean, at: (path: ReadonlyArray<string | number>) => number, compiler: TermCompiler, errors: LoadError[], checked = false): Rule['compiled'] {
	const report = (path: ReadonlyArray<string | number>) => (i: number, message: string) => errors.push({ file, line: at([...path, i]), message });
	const terms: KindTermCompiler = {
		list: (list, path) => (list ? compiler.compile(list, trusted, report(path), checked) : undefined),
		groups: (groups, path) => groups?.map((g, i) => compiler.compile(g, trusted, report([...path, i]), checked)!),
		problem: (path, message) => errors.push({ file, line: at(path), message }),
	};
	return { ...ruleKind(spec.kind).compile(spec, terms), unless: terms.list(spec.unless, ['unless']) };
}

/**
 * The built-in rules as the build step compiled them (scripts/build.mjs writes them beside the bundles):
 * what loading their files gave, already parsed and validated, so a new process neither parses YAML nor
 * runs the schema validator for them. Only term lists are compiled again, into matchers.
 */
export interface CompiledRules {
	rules: Array<Pick<Rule, 'id' | 'category' | 'spec' | 'doc' | 'examples' | 'path' | 'docUrl'>>;
	vocabularies: Vocabulary[];
	/** The prefixes of the rules' regular expressions (prefilter.ts PatternPrefixes), by source. */
	patternPrefixes?: Record<string, string[] | null>;
	/**
	 * The rules' regular expressions folded to lower case (caseFold.ts foldPatternSource of `(?:source)`; null
	 * when one cannot be folded), by source: folding them cost a new process a tenth of its first review.
	 */
	foldedPatterns?: Record<string, string | null>;
	/** The words of the rules' terms as the rule set's TermIndex matches them (termIndex.ts StoredTermWords). */
	termWords?: StoredTermWords;
	/** The keys of the terms' prefixes, by term (prefilter.ts PatternPrefixes.termKey; null: none). */
	termKeys?: Record<string, number | null>;
}

/** What a loaded, error-free rule set of trusted files compiles to (the inverse of loading `compiled`). */
export function compileRuleData(set: RuleSet): CompiledRules {
	const known = new Set<PatternPrefixes>();
	const foldedPatterns: Record<string, string | null> = {};
	let termWords: StoredTermWords | undefined;
	for (const rule of set.rules)
		for (const matcher of compiledMatchers(rule)) {
			// Works the prefixes out (Matcher.prefixes), so the answers are there to keep.
			void matcher.prefixes;
			known.add(matcherPatternPrefixes(matcher));
			Object.assign(foldedPatterns, foldedPatternsOf(matcher));
			// One TermIndex for the whole rule set.
			termWords ??= matcherTermIndex(matcher).storedTermWords();
		}
	return {
		rules: set.rules.map(({ id, category, spec, doc, examples, path, docUrl }) => ({ id, category, spec, doc, examples, path, docUrl })),
		vocabularies: [...set.vocabularies.values()],
		patternPrefixes: Object.assign({}, ...[...known].map((k) => k.toJSON())) as Record<string, string[] | null>,
		termKeys: Object.assign({}, ...[...known].map((k) => k.termKeysJSON())) as Record<string, number | null>,
		foldedPatterns,
		...(termWords ? { termWords } : {}),
	};
}

function compileRule(rule: CompiledRules['rules'][number], compiler: TermCompiler, errors: LoadError[]): Rule {
	// Their patterns passed checkPattern when the build step loaded the files: not checked again at each start.
	return { ...rule, compiled: compileTerms(rule.spec, rule.path, true, () => 1, compiler, errors, true) };
}

/** Resolves `@vocabulary` references and compiles term lists, caching shared vocabularies. */
class TermCompiler {
	private readonly cache = new Map<string, Matcher>();
	/** Matcher ids (matcherId) by matcher key: one numbering per rule set. */
	private readonly ids = new Map<string, number>();
	/** Every term of the rule set, in one index its matchers share (termIndex.ts). */
	private readonly termIndex: TermIndex;

	constructor(
		private readonly vocabularies: Map<string, Vocabulary>,
		compiled?: CompiledRules,
	) {
		this.termIndex = new TermIndex(compiled?.patternPrefixes, compiled?.foldedPatterns, compiled?.termWords, compiled?.termKeys);
	}

	/**
	 * `trusted`: the list is in a built-in rule, so its own patterns may use JavaScript's engine; `checked`: its
	 * patterns were checked already (the build step's compiled rules).
	 */
	compile(list: TermList, trusted: boolean, report: (index: number, message: string) => void, checked = false): Matcher | undefined {
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
				const problem = checked ? undefined : patternProblem(trusted, patternSource(entry));
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
			matcher = compileMatcher(terms, patterns, untrusted, this.termIndex);
			let id = this.ids.get(matcher.key);
			if (id === undefined) {
				id = this.ids.size;
				this.ids.set(matcher.key, id);
			}
			matcher.id = id;
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
