export { condense, ALL_GROUPINGS, type CondenseOptions } from './condense.js';
export { buildDigest, type Digest, type CodeDigest, type DigestOptions, type SubcodeDigest } from './digest.js';
export { indexAnalysis, codingKey, type AnalysisIndex, type CodingContext } from '../index/analysis-index.js';
export { selectExcerpts, jaccard, tokenSet, type ExcerptOptions } from './excerpts.js';
export { parseMemo, type ParsedMemo } from '../study/memos.js';
