import { describe, expect, it } from 'vitest';
import { Reviewer } from '../../server/src/engine';
import { ruleFile, ruleSetFrom } from '../helpers/rules';

const problems = (set: ReturnType<typeof ruleSetFrom>) => set.errors.map((e) => `${e.file}:${e.line}: ${e.message}`);

describe('loading rule files', () => {
	it('reports an unknown key on its line and keeps loading the valid rules', () => {
		const broken = ruleFile('raids/broken', 'kind: phrase\nscope: span\nseverity: warning\nsevrity: error\nmatch: ["raid"]');
		const good = ruleFile('raids/good', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["sweep"]');
		const set = ruleSetFrom([broken, good]);
		expect(problems(set)).toEqual(['/rules/raids/broken.md:6: unknown key "sevrity"']);
		expect(set.rules.map((r) => r.id)).toEqual(['raids/good']);
		expect(new Reviewer(set).review({ text: 'A sweep was held.', format: 'markdown' }).findings).toHaveLength(1);
	});

	it('reports a bad regular expression with the line of the pattern', () => {
		const set = ruleSetFrom([ruleFile('raids/bad-pattern', 'kind: phrase\nscope: span\nseverity: warning\nmatch:\n  - raid\n  - "/(unclosed/"')]);
		expect(problems(set)).toEqual([expect.stringMatching(/^\/rules\/raids\/bad-pattern\.md:8: bad pattern \/\(unclosed\/: /)]);
	});

	it('refuses a pattern that a YAML double-quoted string has turned into control characters, in a pack or built in', () => {
		// In "/\\bcounsel\\b/" YAML reads each \\b as a backspace: the pattern could never match anything.
		const pack = ruleSetFrom([ruleFile('raids/backspace', 'kind: phrase\nscope: span\nseverity: warning\nmatch:\n  - raid\n  - "/\\bsweep\\b/"')]);
		expect(problems(pack)).toEqual([expect.stringMatching(/^\/rules\/raids\/backspace\.md:8: bad pattern .*control character \(U\+0008\).*single quotes/)]);
		const builtin = ruleSetFrom([{ ...ruleFile('raids/backspace', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["/\\bsweep\\b/"]'), trusted: true }]);
		expect(problems(builtin)[0]).toMatch(/:6: bad pattern .*control character/);
		const quoted = ruleSetFrom([ruleFile('raids/backspace', "kind: phrase\nscope: span\nseverity: warning\nmatch: ['/\\bsweep\\b/']")]);
		expect(problems(quoted)).toEqual([]);
		expect(new Reviewer(quoted).review({ text: 'A sweep was held.', format: 'plaintext' }).findings).toHaveLength(1);
	});

	it('refuses built-in patterns that can backtrack catastrophically', () => {
		const set = ruleSetFrom([{ ...ruleFile('raids/slow', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["/(a+)+$/"]'), trusted: true }]);
		expect(problems(set)[0]).toMatch(/:6: bad pattern .*exponential time/);
	});

	it('runs rule-pack patterns on the linear-time engine, refusing what it cannot run', () => {
		const slow = ruleSetFrom([ruleFile('raids/slow', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["/(a+)+$/"]')]);
		expect(problems(slow)).toEqual([]);
		const text = `${'a'.repeat(50_000)}b and then aaaa`;
		expect(new Reviewer(slow).review({ text, format: 'plaintext' }).findings.map((f) => f.matchedText)).toEqual(['aaaa']);
		const lookbehind = ruleSetFrom([ruleFile('raids/lookbehind', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["/(?<!no )raids?/"]')]);
		expect(problems(lookbehind)[0]).toMatch(/:6: bad pattern .*lookarounds .* linear-time engine/);
	});

	it('reports an unknown vocabulary, naming the known ones', () => {
		const set = ruleSetFrom([ruleFile('raids/vocab', 'kind: phrase\nscope: span\nseverity: warning\nmatch:\n  - "@no-such-list"')]);
		expect(problems(set)[0]).toMatch(/^\/rules\/raids\/vocab\.md:7: unknown vocabulary "@no-such-list"; known: .*law-enforcement/);
	});

	it('reports duplicate ids, ids that do not match the path, and unknown categories', () => {
		const a = ruleFile('raids/twice', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["raid"]');
		const b = { ...a, path: '/pack/raids/twice.md' };
		const misplaced = { ...ruleFile('raids/here', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["raid"]'), path: '/rules/raids/elsewhere.md' };
		const category = ruleFile('vibes/x', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["raid"]');
		const messages = problems(ruleSetFrom([a, b, misplaced, category]));
		expect(messages).toContain('/pack/raids/twice.md:2: duplicate rule id "raids/twice" (already defined in /rules/raids/twice.md)');
		expect(messages).toContain('/rules/raids/elsewhere.md:2: rule id "raids/here" must match its path (rules/raids/here.md)');
		expect(messages.some((m) => m.startsWith('/rules/vibes/x.md:2: unknown category "vibes"'))).toBe(true);
	});

	it('reports a yieldsTo that names no rule, on its line, so a misspelt id cannot silently never yield', () => {
		const target = ruleFile('raids/target', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["raid"]');
		const yielding = ruleFile('raids/yielding', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["raid"]\nyieldsTo: [raids/targett]');
		expect(problems(ruleSetFrom([target, yielding]))).toEqual(['/rules/raids/yielding.md:7: yieldsTo names "raids/targett", which is no rule']);
	});

	it('drops the finding of a rule that yields where a finding of the rule it yields to covers the same words, and only there, and keeps it away once that finding is fixed', () => {
		const custody = ruleFile('detention-punishment/custody', 'kind: phrase\nscope: span\nseverity: error\nmatch: ["protective custody"]\nsuggest:\n  - title: Forbid custody\n    insert: "No victim shall be held in custody."');
		const placed = ruleFile('consent/placed', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["/placed in (?:a shelter|protective custody)/"]\nyieldsTo: [detention-punishment/custody]');
		const set = ruleSetFrom([custody, placed]);
		expect(problems(set)).toEqual([]);
		const ids = (text: string) => new Reviewer(set).review({ text, format: 'plaintext' }).findings.map((f) => f.ruleId);
		expect(ids('The women were placed in protective custody.')).toEqual(['detention-punishment/custody']);
		expect(ids('The women were placed in a shelter. Others were held in protective custody.')).toEqual(['consent/placed', 'detention-punishment/custody']);
		// The detention fix applied: the consent finding does not come back in its place.
		expect(ids('The women were placed in protective custody. No victim shall be held in custody.')).toEqual([]);
	});

	it('reports invalid YAML with its line', () => {
		const set = ruleSetFrom([{ path: '/rules/raids/yaml.md', text: '---\nid: raids/yaml\nkind: [phrase\n---\n# x\n' }]);
		expect(problems(set)[0]).toMatch(/^\/rules\/raids\/yaml\.md:\d: invalid YAML: /);
	});

	it('reports missing required keys for the rule kind', () => {
		const set = ruleSetFrom([ruleFile('raids/incomplete', 'kind: co-occurrence\nscope: span\nseverity: warning')]);
		expect(problems(set)).toEqual(['/rules/raids/incomplete.md:2: missing required key "all"']);
	});

	it('matches inflections and case through vocabularies', () => {
		const set = ruleSetFrom([ruleFile('consent/inflect', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["cooperate"]')]);
		const reviewer = new Reviewer(set);
		for (const word of ['cooperate', 'Cooperates', 'COOPERATING', 'cooperation', 'cooperated']) {
			expect(reviewer.review({ text: `They ${word} daily.`, format: 'markdown' }).findings.map((f) => f.matchedText)).toEqual([word]);
		}
		expect(reviewer.review({ text: 'They corporate daily.', format: 'markdown' }).findings).toEqual([]);
	});
});
