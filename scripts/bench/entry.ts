// What the benchmark harness (scripts/bench/run.mjs) needs from the TypeScript sources, bundled once.
export { Reviewer, IncrementalReviewer, parseDocument } from '../../server/src/engine';
export { loadRules } from '../../server/src/node/ruleFiles';
export { densePolicy, generatePolicy, loadCorpus } from '../../test/bench/generate';
