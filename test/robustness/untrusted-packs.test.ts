import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempFolder } from '../helpers/cli';
import { ruleFile } from '../helpers/rules';

/**
 * Configurations and rule packs come from other people. Whatever they contain, the CLI names each problem
 * as file:line, keeps reviewing with everything that is valid, and finishes: patterns from packs run on a
 * linear-time engine, so a pattern built to backtrack cannot hang it.
 */

const BIN = path.join(ROOT, 'bin/accountable.js');
const FLAGGED = 'Shelter shall be provided to a victim only if the victim is willing to testify against the trafficker.';
const BUILTIN = 'conditional-services/cooperation-required';

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null } {
	const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

/** A pack rule file at `<pack>/<id>.md` with the given front-matter lines (its path matches its id). */
function packRule(id: string, frontMatter: string): string {
	return ruleFile(id, frontMatter).text;
}

describe('broken configuration files', () => {
	const cases: Array<{ name: string; file: string; text: string; expected: RegExp[] }> = [
		{ name: 'invalid YAML', file: '.accountable.yaml', text: 'rules:\n  framing: [unclosed\n', expected: [/^\.accountable\.yaml:2: invalid YAML: /m] },
		{ name: 'invalid JSON (a trailing comma YAML would accept)', file: '.accountable.json', text: '{\n  "rules": {\n    "framing": "off",\n  }\n}\n', expected: [/^\.accountable\.json:4: invalid JSON: /m] },
		{ name: 'truncated JSON', file: '.accountable.json', text: '{\n  "rules": {\n    "framing": "off"\n', expected: [/^\.accountable\.json:\d: invalid JSON: /m] },
		{ name: 'unknown keys and wrong types', file: '.accountable.yaml', text: 'rulez:\n  framing: off\nminSeverity: 5\npacks: ../pack\n', expected: [/^\.accountable\.yaml:1: unknown key "rulez"/m, /^\.accountable\.yaml:3: "minSeverity" must be one of/m, /^\.accountable\.yaml:4: "packs" must be array/m] },
		{ name: 'bad values', file: '.accountable.yaml', text: 'rules:\n  framing: maybe\nmaxDocumentSize: -3\nprofile: novel\n', expected: [/^\.accountable\.yaml:2: "rules\.framing" must be one of/m, /^\.accountable\.yaml:3: "maxDocumentSize" must be >= 1/m, /^\.accountable\.yaml:4: "profile" must be one of/m] },
		{ name: 'binary bytes', file: '.accountable.yaml', text: '\u0000\u0001\u00ff\ufffd: [\u0007\n\u0000', expected: [/^\.accountable\.yaml:\d+: /m] },
		{ name: 'a missing pack folder', file: '.accountable.yaml', text: 'packs:\n  - ./nowhere\n', expected: [/^\.accountable\.yaml:2: rule pack folder not found: \.\/nowhere/m] },
	];
	for (const c of cases) {
		it(`${c.name}: file:line on stderr, exit 2, the document still reviewed with the defaults`, () => {
			const dir = tempFolder({ [c.file]: c.text, 'draft.md': `${FLAGGED}\n` });
			const result = run(['draft.md'], dir);
			expect(result.code).toBe(2);
			for (const e of c.expected) expect(result.stderr).toMatch(e);
			expect(result.stdout).toContain(BUILTIN);
		}, 60_000);
	}
});

describe('broken rule packs', () => {
	it('every broken pack file is named with its line, while the valid pack rule and the built-in rules run', () => {
		const dir = tempFolder({
			'.accountable.yaml': 'packs:\n  - ./pack\n',
			'draft.md': `${FLAGGED}\n\nThe county will run a street sweep.\n`,
			'pack/raids/good.md': packRule('raids/good', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["street sweep"]'),
			'pack/raids/bad-yaml.md': packRule('raids/bad-yaml', 'kind: [phrase\nscope: span'),
			'pack/raids/unknown-key.md': packRule('raids/unknown-key', 'kind: phrase\nscope: span\nseverity: warning\ncolour: red\nmatch: ["x"]'),
			'pack/raids/wrong-type.md': packRule('raids/wrong-type', 'kind: phrase\nscope: span\nseverity: 3\nmatch: "x"'),
			'pack/raids/bad-regex.md': packRule('raids/bad-regex', 'kind: phrase\nscope: span\nseverity: warning\nmatch:\n  - ok\n  - "/(unclosed/"'),
			'pack/raids/lookbehind.md': packRule('raids/lookbehind', 'kind: phrase\nscope: span\nseverity: warning\nmatch:\n  - "/(?<!no )raid/"'),
			'pack/raids/unknown-vocabulary.md': packRule('raids/unknown-vocabulary', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["@nothing-here"]'),
			[`pack/${BUILTIN}.md`]: packRule(BUILTIN, 'kind: phrase\nscope: span\nseverity: hint\nmatch: ["shelter"]'),
			'pack/raids/misplaced.md': packRule('raids/elsewhere', 'kind: phrase\nscope: span\nseverity: warning\nmatch: ["x"]'),
			'pack/raids/no-front-matter.md': 'Just prose, no front matter.\n',
			'pack/raids/empty.md': '',
			'pack/raids/binary.md': '\u0000\u0001PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u00ff',
			'pack/vocabularies/misnamed.yaml': 'name: other-name\ndescription: d\nterms:\n  - "/(a|/"\n',
			'pack/vocabularies/broken.yaml': 'name: [broken\n',
		});
		const result = run(['draft.md'], dir);
		expect(result.code).toBe(2);
		const expected = [
			/^pack\/raids\/bad-yaml\.md:3: invalid YAML: /m,
			/^pack\/raids\/unknown-key\.md:6: unknown key "colour"/m,
			/^pack\/raids\/wrong-type\.md:5: "severity" must be one of/m,
			/^pack\/raids\/wrong-type\.md:6: "match" must be array/m,
			/^pack\/raids\/bad-regex\.md:8: bad pattern \/\(unclosed\/: missing closing \)/m,
			/^pack\/raids\/lookbehind\.md:7: bad pattern .*lookarounds .*linear-time engine/m,
			/^pack\/raids\/unknown-vocabulary\.md:6: unknown vocabulary "@nothing-here"/m,
			new RegExp(`^pack/${BUILTIN}\\.md:2: duplicate rule id "${BUILTIN}"`, 'm'),
			/^pack\/raids\/misplaced\.md:2: rule id "raids\/elsewhere" must match its path/m,
			/^pack\/raids\/no-front-matter\.md:1: /m,
			/^pack\/raids\/empty\.md:1: /m,
			/^pack\/raids\/binary\.md:1: /m,
			/^pack\/vocabularies\/misnamed\.yaml:1: vocabulary name "other-name" must equal the file name "misnamed"/m,
			/^pack\/vocabularies\/misnamed\.yaml:4: bad pattern \/\(a\|\/: /m,
			/^pack\/vocabularies\/broken\.yaml:1: invalid YAML: /m,
		];
		for (const e of expected) expect(result.stderr).toMatch(e);
		// The valid pack rule runs; the built-in rule keeps its own definition (a pack cannot shadow it).
		expect(result.stdout).toMatch(/^draft\.md:3:\d+ warning raids\/good /m);
		expect(result.stdout).toMatch(new RegExp(`^draft\\.md:1:1 error ${BUILTIN} `, 'm'));
	}, 60_000);
});

describe('patterns built to backtrack', () => {
	// Each is exponential or high-degree polynomial on a backtracking engine; the first few passed the old
	// syntactic check (only nested quantifiers and back-references were refused) and hung the CLI at 30 characters.
	const HOSTILE = [
		'(a|a)*$', '(a|aa)+$', '(?:aa|a)*$', '(a|\\w)*$', '(?:a|\\w)+?$', '(?:a?){25}a{25}', '(a+)+$', '(a*)*b', '(\\w+\\s?)+$',
		'a*a*a*a*a*a*b', 'a{1,}a{1,}a{1,}a{1,}b', '\\w+\\w+\\w+\\w+x', '.*.*.*.*x', '(?:a|ab|abc|abcd)*e', '([a-z]+)*z!', '(.*a){12}',
	];

	it('cannot hang the CLI: a pack with each of them, against long runs of "aaaa…", finishes and still finds its words', () => {
		const rules: Record<string, string> = {};
		HOSTILE.forEach((p, i) => {
			rules[`pack/raids/hostile-${i}.md`] = packRule(`raids/hostile-${i}`, `kind: phrase\nscope: span\nseverity: warning\nnegation: false\nmatch:\n  - ${JSON.stringify(`/${p}/`)}`);
		});
		const vocabulary = `name: hostile\ndescription: d\nterms:\n${HOSTILE.map((p) => `  - ${JSON.stringify(`/${p}/`)}`).join('\n')}\n`;
		const run1 = 'a'.repeat(20_000);
		const dir = tempFolder({
			'.accountable.yaml': 'packs:\n  - ./pack\n',
			...rules,
			'pack/vocabularies/hostile.yaml': vocabulary,
			'pack/raids/uses-vocabulary.md': packRule('raids/uses-vocabulary', 'kind: phrase\nscope: span\nseverity: warning\nnegation: false\nmatch: ["@hostile", "street sweep"]'),
			'draft.md': `${run1}b\n\n${run1}!\n\n${'a'.repeat(200_000)} b c\n\nThe county will run a street sweep.\n\nIt ends with aaaa\n`,
			'draft.txt': `${run1}b ${run1}! aaaa aaab\n`,
		});
		const result = run(['--format', 'json', 'draft.md', 'draft.txt'], dir);
		expect(result.signal).toBeNull();
		expect(result.stderr).not.toMatch(/bad pattern/);
		expect(result.code).toBe(1);
		const files = JSON.parse(result.stdout) as Array<{ file: string; findings: Array<{ ruleId: string; matchedText: string }> }>;
		const md = files.find((f) => f.file === 'draft.md')!;
		expect(md.findings.some((f) => f.ruleId === 'raids/uses-vocabulary' && f.matchedText === 'street sweep')).toBe(true);
		// `(a|a)*$`-style patterns do match where their text is: the engine is linear, not crippled.
		expect(files.flatMap((f) => f.findings).some((f) => f.ruleId === 'raids/hostile-0')).toBe(true);
	}, 120_000);
});
