import type { Codebook } from './codebook.js';
import type { Coding } from './coding.js';
import type { Diagnostic } from './diagnostic.js';
import type { Informant } from './informant.js';
import type { Segment } from './segment.js';
import type { Source } from './source.js';
import type { Study } from './study.js';

/**
 * What travels from stage to stage (the vfile idea): each stage reads what it needs and
 * returns a new Analysis with its own results and diagnostics added.
 */
export interface Analysis {
  study: Study;
  informants: Informant[];
  sources: Source[];
  segments: Segment[];
  codebook: Codebook;
  /** The merged codings the report uses (manual where they exist, auto elsewhere, per the merge mode). */
  codings: Coding[];
  diagnostics: Diagnostic[];
}
