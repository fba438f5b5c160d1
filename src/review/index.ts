export { runReview } from './run.js';
export { assertInteractive, interactiveProblem, NotInteractiveError } from './refuse.js';
export { replayLog, type Replayed } from './replay.js';
export type { CodeChoice, DecisionDraft, ReviewIO, ReviewItem, ReviewOptions, ReviewProposal, ReviewResult, TextRange } from './types.js';
