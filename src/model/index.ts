export type * from './span.js';
export type * from './diagnostic.js';
export type * from './informant.js';
export type * from './source.js';
export type * from './segment.js';
export type * from './codebook.js';
export type * from './coding.js';
export type * from './study.js';
export { SOURCE_KINDS } from './source.js';
