export { Reading, readSentence, type Span } from './reading';
export type { Clause, ClauseKind } from './clauses';
export { mayHoldNegation, type Negation, type NegationKind } from './negation';
export type { Modality } from './modality';
export type { Token } from './tokens';
export { isGovernedByNegation, PROTECTIVE } from './governs';
export { fillFrame, inName, providesAt, samePredicate, type FrameMatch, type FrameOptions, type FrameSpans } from './frames';
export { holdsPronoun, pronounsFor } from './anaphora';
