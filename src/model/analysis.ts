import type { Codebook } from './codebook.js';
import type { Coding } from './coding.js';
import type { Diagnostic } from './diagnostic.js';
import type { Informant } from './informant.js';
import type { CodedSegment } from './segment.js';
import type { SourceInfo } from './source.js';
import type { Study } from './study.js';

/**
 * A coded study: what the displays, the conclusions and the report read. The pipeline makes it
 * once per run (src/pipeline/run.ts); nothing later changes it.
 */
export interface Analysis {
  study: Study;
  informants: Informant[];
  /** Every source read, sorted by id, without its text. */
  sources: SourceInfo[];
  /** Every segment that holds a coding, with its words, in source and text order. */
  segments: CodedSegment[];
  /** How many segments the sources have in all, coded or not. */
  segmentCount: number;
  /** Who speaks in each source (source id → informant ids, each once, in order of first turn). */
  speakers: ReadonlyMap<string, readonly string[]>;
  codebook: Codebook;
  /**
   * Every coding after the merge (manual where they exist, auto elsewhere, per the merge mode),
   * rejected ones included with their status; `counting` says which of them count.
   */
  codings: Coding[];
  counting: CountingPolicy;
  diagnostics: Diagnostic[];
}

/** Which codings the displays, verdicts and report count (src/index/counted.ts). */
export interface CountingPolicy {
  /**
   * One count per piece of evidence: a segment coded with one code and valence by several coders
   * (or by a coder and the codebook) counts once, with its coders listed. False: every coder's
   * coding counts (study.yaml `coding: { count: coder }`).
   */
  perEvidence: boolean;
  /** Only codings a person made or judged count (study.yaml `verdicts: { require_review: true }`). */
  requireReview: boolean;
  /**
   * Automatic codings scored below this (study.yaml `coding: { min_score }`) are suggestions:
   * listed for review, counted only once a person accepts or changes them.
   */
  minScore?: number;
}
