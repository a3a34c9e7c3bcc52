/**
 * Accountable's review engine. Pure TypeScript: no file system, no editor, no protocol. The language
 * server, the CLI and the tests all call these functions.
 */
export { Reviewer, IncrementalReviewer, type ReviewInput, type ReviewResult, type Unchanged } from './review';
export { nextStageEnd } from './incremental/stages';
export { compiledMatchers, compileRuleData, loadRuleSet, REQUIRED_DOC_SECTIONS, type CompiledRules } from './rules/load';
export { CATEGORIES, type Category, type LoadError, type Rule, type RuleExample, type RuleSet, type RuleSpec, type SourceFile, type Vocabulary } from './rules/types';
export { parseDocument, formatForPath, splitSentences, splitClauses, type DocumentFormat, type ReviewDocument, type Block, type Section } from './document';
export { LineIndex } from './lineIndex';
export { mergeSettings, selectorProblem, settingFor, detectProfile, detectProfileWithReason, isProfile, PROFILES, type DetectedProfile, type Profile, type ReviewSettings, type RuleSetting } from './config';
export { SEVERITIES, isAtLeast, milder, severityRank, type Finding, type Offsets, type Position, type Range, type Scope, type Severity, type Suggestion, type Suppression } from './finding';
export { parseYamlSource, schemaProblems } from './rules/yamlSource';
export { checkPattern } from './rules/patternSafety';
export { ruleDocumentationMarkdown } from './rules/documentation';
export { frontMatterEnd, isAtxHeadingLine } from './document/markdownSyntax';
export { count, didYouMean, editDistance, nearest } from './words';
