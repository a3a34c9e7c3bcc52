// Bundled by scripts/paper/index.mjs: the citation index of the built-in rules and the report's areas.
import { AREAS } from '../../server/src/engine/report';
import { loadRules } from '../../server/src/node/ruleFiles';
import { buildIndex, citationsOf, indexDifferences, type CitationIndex } from './citations';

/** The index of every citation, from the paper's lines; throws when a rule or area misquotes the paper. */
export function indexFrom(lines: readonly string[]): CitationIndex {
	const set = loadRules();
	if (set.errors.length > 0) throw new Error(`The built-in rules do not load:\n  ${set.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n  ')}`);
	return buildIndex(lines, citationsOf(set.rules, AREAS));
}

export { indexDifferences };
