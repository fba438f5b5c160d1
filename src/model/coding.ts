import type { Span } from './span.js';
import type { RuleMatch, Valence } from './codebook.js';

/** rule: from the codebook matcher; manual: a coder's CSV; inline: a tag in the transcript; imported: REFI-QDA. */
export type CodingOrigin = 'rule' | 'manual' | 'inline' | 'imported';

export interface Coding {
  segmentId: string;
  sourceId: string;
  code: string;
  valence: Valence;
  /** "auto" for the codebook matcher, otherwise the coder's name. */
  coder: string;
  origin: CodingOrigin;
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
  /** Where a manual coding was written (CSV row or inline tag). */
  from?: { file: string; line: number };
}
