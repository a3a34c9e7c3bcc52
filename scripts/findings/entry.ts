// What the findings snapshot (scripts/findings/capture.mjs) needs from the TypeScript sources, bundled once.
// Only names that have been public for long, so the same entry builds from an older checkout too.
export { Reviewer, IncrementalReviewer } from '../../server/src/engine';
export { loadRules } from '../../server/src/node/ruleFiles';
export { generatePolicy, loadCorpus } from '../../test/bench/generate';
export { readCorpus } from '../../test/eval/corpus';
