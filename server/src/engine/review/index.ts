export { Reviewer } from './reviewer';
export { IncrementalReviewer } from './pipeline';
export type { ReviewInput, ReviewResult } from './types';
