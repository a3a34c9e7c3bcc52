export { Reviewer } from './reviewer';
export { IncrementalReviewer, type Unchanged } from './pipeline';
export type { ReviewInput, ReviewResult } from './types';
