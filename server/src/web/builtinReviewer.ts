import { Reviewer, loadRuleSet, type CompiledRules } from '../engine';

/**
 * A reviewer with the built-in rules the build step compiled (out/builtin-rules.json), loaded without YAML or
 * schema work: what the web page and the web extension's server review with (both embed the compiled rules).
 */
export function builtinReviewer(compiled: CompiledRules): Reviewer {
	const set = loadRuleSet({ rules: [], vocabularies: [], compiled });
	// Compiled at build time from rules that loaded cleanly: a problem here is a broken build, never hidden.
	if (set.errors.length > 0) throw new Error(`the built-in rules did not load: ${set.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('; ')}`);
	return new Reviewer(set);
}

