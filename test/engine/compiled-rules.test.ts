import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledMatchers, Reviewer, type RuleSet } from '../../server/src/engine';
import { matcherTermIndex } from '../../server/src/engine/matching/matcher';
import { builtinRulesDir, loadRules, ruleSetFingerprint, writeCompiledRules } from '../../server/src/node/ruleFiles';

// The build step compiles the built-in rules (scripts/build.mjs → out/builtin-rules.json), so a new process
// neither parses their YAML nor validates them; it must load exactly what the rule files say, and never a
// copy older than the files.

let dir: string;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-compiled-'));
});
afterEach(() => {
	fs.rmSync(dir, { recursive: true, force: true });
});

/** What a rule set is, as a user could tell: each rule's id, spec, documentation, examples, file, link and term lists. */
function shape(set: RuleSet): unknown {
	return set.rules.map((r) => ({ id: r.id, category: r.category, spec: r.spec, doc: r.doc, examples: r.examples, path: r.path, docUrl: r.docUrl, matchers: compiledMatchers(r).map((m) => m.key) }));
}

/** Each matcher's search of folded text: the RegExp of its patterns folded to lower case (matcher.ts `search`). */
function foldedSearches(set: RuleSet): unknown {
	return set.rules.map((r) => compiledMatchers(r).map((m) => (m as unknown as { search: { patterns: RegExp | null } | null }).search?.patterns?.source ?? null));
}

/** Each matcher's prefilter (the word-start keys one of which its every match starts with), as numbers. */
function prefilters(set: RuleSet): unknown {
	return set.rules.map((r) => compiledMatchers(r).map((m) => (m.prefixes ? [...m.prefixes] : null)));
}

describe('compiled built-in rules', () => {
	it('load to the same rules as the rule files, and review the example bill alike', () => {
		const compiled = path.join(dir, 'builtin-rules.json');
		expect(writeCompiledRules(compiled)).toEqual([]);
		const fromCopy = loadRules([], { compiledFile: compiled });
		const fromFiles = loadRules([], { compiledFile: path.join(dir, 'missing.json') });
		expect(fromCopy.errors).toEqual([]);
		expect(fromCopy.rules.length).toBeGreaterThan(50);
		expect(shape(fromCopy)).toEqual(shape(fromFiles));
		expect([...fromCopy.vocabularies.values()]).toEqual([...fromFiles.vocabularies.values()]);
		// The prefixes of the rules' patterns come with the copy (no pattern is read at start-up), and filter alike.
		const stored = JSON.parse(fs.readFileSync(compiled, 'utf8')) as { patternPrefixes: Record<string, string[] | null>; termKeys: Record<string, number | null> };
		expect(Object.keys(stored.patternPrefixes).length).toBeGreaterThan(100);
		// So do the keys of the terms' prefixes (no term's prefix is worked out at start-up).
		expect(Object.keys(stored.termKeys).length).toBeGreaterThan(1000);
		expect(prefilters(fromCopy)).toEqual(prefilters(fromFiles));
		// So do the patterns folded to lower case (none is folded at start-up), and they search alike.
		const { foldedPatterns } = JSON.parse(fs.readFileSync(compiled, 'utf8')) as { foldedPatterns: Record<string, string | null> };
		expect(Object.values(foldedPatterns).filter((f) => f !== null).length).toBeGreaterThan(100);
		expect(foldedSearches(fromCopy)).toEqual(foldedSearches(fromFiles));
		// And the words of the terms (no term is split and inflected at start-up), as the files give them.
		const { termWords } = JSON.parse(fs.readFileSync(compiled, 'utf8')) as { termWords: { terms: Record<string, string[] | null> } };
		expect(Object.keys(termWords.terms).length).toBeGreaterThan(1000);
		const termIndexOf = (set: RuleSet) => matcherTermIndex(compiledMatchers(set.rules[0]!)[0]!);
		expect(termIndexOf(fromCopy).storedTermWords()).toEqual(termIndexOf(fromFiles).storedTermWords());
		// The rule set's fingerprint (the JSON output's rules) comes with the copy, and is what hashing the rules gives.
		expect(ruleSetFingerprint(fromCopy)).toBe(ruleSetFingerprint(fromFiles));
		expect(ruleSetFingerprint(fromCopy)).toMatch(/^sha256:[0-9a-f]{16}$/);
		const bill = fs.readFileSync(path.join(builtinRulesDir(), '..', 'examples', 'draft-state-bill.md'), 'utf8');
		const a = new Reviewer(fromCopy).review({ text: bill, format: 'markdown' });
		const b = new Reviewer(fromFiles).review({ text: bill, format: 'markdown' });
		expect(a.findings.length).toBeGreaterThan(5);
		expect(a).toEqual(b);
	});

	it('are not used once a rule file has changed since the build: the files are loaded', () => {
		const rules = path.join(dir, 'rules');
		fs.cpSync(builtinRulesDir(), rules, { recursive: true });
		const compiled = path.join(dir, 'builtin-rules.json');
		expect(writeCompiledRules(compiled, rules)).toEqual([]);
		const file = path.join(rules, 'raids', 'raid-as-identification.md');
		const original = loadRules([], { compiledFile: compiled, builtinDir: rules }).rules.find((r) => r.id === 'raids/raid-as-identification')!;
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^message: .*$/m, 'message: "Edited after the build"'));
		const edited = loadRules([], { compiledFile: compiled, builtinDir: rules }).rules.find((r) => r.id === 'raids/raid-as-identification')!;
		expect(original.spec.message).not.toBe('Edited after the build');
		expect(edited.spec.message).toBe('Edited after the build');
	});

	it('are used while each rule file keeps the status the build recorded, and not once one is edited, even to the same size', async () => {
		const rules = path.join(dir, 'rules');
		fs.cpSync(builtinRulesDir(), rules, { recursive: true });
		const file = path.join(rules, 'raids', 'raid-as-identification.md');
		// File times have a clock tick of some milliseconds: the build vouches for no file changed in the last second.
		await new Promise((resolve) => setTimeout(resolve, 1100));
		const vocabulary = path.join(rules, 'vocabularies', 'raids.yaml');
		fs.appendFileSync(vocabulary, '\n');
		const compiled = path.join(dir, 'builtin-rules.json');
		expect(writeCompiledRules(compiled, rules)).toEqual([]);
		const { stamps } = JSON.parse(fs.readFileSync(compiled, 'utf8')) as { stamps: { files: string[]; stamps: Array<string | null> } };
		expect(stamps.files).toContain('raids/raid-as-identification.md');
		expect(stamps.files.filter((_, i) => stamps.stamps[i] === null)).toEqual(['vocabularies/raids.yaml']);
		const before = loadRules([], { compiledFile: compiled, builtinDir: rules });
		expect(before.errors).toEqual([]);
		expect(shape(before)).toEqual(shape(loadRules([], { compiledFile: path.join(dir, 'missing.json'), builtinDir: rules })));
		// The same number of characters: only the file's status tells it changed.
		const text = fs.readFileSync(file, 'utf8');
		const message = /^message: (.*)$/m.exec(text)![1]!;
		const same = message.replace(/[A-Za-z]/, (c) => (c === 'X' ? 'Y' : 'X'));
		expect(same).not.toBe(message);
		expect(same.length).toBe(message.length);
		fs.writeFileSync(file, text.replace(message, same));
		const edited = loadRules([], { compiledFile: compiled, builtinDir: rules }).rules.find((r) => r.id === 'raids/raid-as-identification')!;
		expect(JSON.stringify(edited.spec.message)).toBe(same);
		// A rule file added or removed since the build: the files are loaded too.
		fs.writeFileSync(file, text);
		fs.rmSync(path.join(rules, 'raids', 'vice-raids.md'));
		expect(loadRules([], { compiledFile: compiled, builtinDir: rules }).rules.map((r) => r.id)).not.toContain('raids/vice-raids');
	});

	it('are not written when a built-in rule file is broken: every process then loads and reports it', () => {
		const rules = path.join(dir, 'rules');
		fs.cpSync(builtinRulesDir(), rules, { recursive: true });
		const compiled = path.join(dir, 'builtin-rules.json');
		fs.writeFileSync(compiled, 'an older copy');
		const file = path.join(rules, 'raids', 'raid-as-identification.md');
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^severity: .*$/m, 'severity: loud'));
		const problems = writeCompiledRules(compiled, rules);
		expect(problems).toHaveLength(1);
		expect(problems[0]!.file).toBe(file);
		expect(fs.existsSync(compiled)).toBe(false);
		expect(loadRules([], { compiledFile: compiled, builtinDir: rules }).errors.map((e) => e.file)).toEqual([file]);
	});
});
