import type { Span } from './span.js';
import type { RuleMatch, Valence } from './codebook.js';
import type { CodingStatus } from './decision.js';

/**
 * rule: from the codebook matcher; manual: a coder's CSV, a decision log's `add` (`qia review`,
 * `qia tag`); inline: a tag in the transcript; imported: REFI-QDA.
 */
export type CodingOrigin = 'rule' | 'manual' | 'inline' | 'imported';

export interface Coding {
  segmentId: string;
  sourceId: string;
  code: string;
  valence: Valence;
  /** "auto" for the codebook matcher, otherwise the coder's name. */
  coder: string;
  origin: CodingOrigin;
  /**
   * What a person has made of it (model/decision.ts): `auto` until reviewed, then `accepted`,
   * `changed` or `rejected`; `manual` for every coding a person made.
   */
  status: CodingStatus;
  /** Who judged an automatic coding (accepted, changed or rejected it). */
  reviewer?: string;
  /** What a changed automatic coding proposed before a person corrected it. */
  proposed?: { code: string; valence: Valence };
  /** The automatic codings of its segment a manual coding replaced (merge `manual-overrides-auto`), by code. */
  replaces?: string[];
  /** The coded stretch of text, absolute in the source. */
  span: Span;
  quote: string;
  /** A little text on either side of the quote, to find it again after the transcript is edited. */
  prefix: string;
  suffix: string;
  matches: RuleMatch[];
  cues: RuleMatch[];
  score: number;
  memo?: string;
  /** Where a manual coding or a decision was written (CSV row, inline tag, decision log line). */
  from?: { file: string; line: number };
}
