import type { Valence } from './codebook.js';

/**
 * A researcher's decision about the coding of one segment, as `qia review`, `qia tag` and
 * `qia untag` append it to the coder's decision log (`codings/<coder>.decisions.jsonl`, one
 * JSON object a line). The log is only ever appended to: quitting, a crash or a power cut loses
 * at most the line being written, and an undo is a new line that cancels an earlier one.
 *
 * What each operation does to the codings of the next run (docs/coding.md, "Decisions"):
 * - accept   the automatic coding `code` of the segment stands, status `accepted`;
 * - reject   it is kept out of every count, status `rejected` (still listed in the audit);
 * - recode   it becomes a coding of `to` (and of `valence`, when given), status `changed`;
 * - valence  its valence becomes `valence`, status `changed`;
 * - add      a new coding of `code` with `valence` by this coder, status `manual`;
 * - remove   takes back an `add` of `code` in the segment (what `qia untag` writes);
 * - memo     attaches `memo` to the coding `code` of the segment;
 * - skip     no effect on codings: the review loop resumes after the last decision it logged;
 * - undo     cancels the decision numbered `undoes` (and nothing else).
 * Decisions about one coding apply in `seq` order; the last accept/reject/recode wins.
 */
export type DecisionOp = 'accept' | 'reject' | 'recode' | 'valence' | 'add' | 'remove' | 'memo' | 'skip' | 'undo';

export const DECISION_OPS: readonly DecisionOp[] = ['accept', 'reject', 'recode', 'valence', 'add', 'remove', 'memo', 'skip', 'undo'];

/**
 * Where a decision applies, written so that it is found again after the transcript is edited:
 * first by the segment's text (`fingerprint`) in the same source, then by the quote with the
 * words around it. One that cannot be found any more is a warning naming the log and its line.
 */
export interface DecisionAnchor {
  /** Source id (path-derived) when the decision was made. */
  source: string;
  /** Segment id when the decision was made. */
  segment: string;
  /** First 16 hex digits of the sha256 of the segment's text with white space collapsed. */
  fingerprint: string;
  /** 1-based line of the file where the coded words start, for messages. */
  line: number;
  /** The coded words (an automatic coding's quote; for a tag, the tagged text inside the segment). */
  quote?: string;
  prefix?: string;
  suffix?: string;
}

export interface Decision {
  /** Format version of the line. */
  v: 1;
  /** 1, 2, 3… in the order written to this log. */
  seq: number;
  /** When it was decided (ISO 8601): for the researcher only, never part of any output. */
  at: string;
  coder: string;
  op: DecisionOp;
  anchor: DecisionAnchor;
  /** The code the decision is about: the automatic coding's own code, or for `add`/`remove` the new code. */
  code?: string;
  /** `recode`: the code it becomes. */
  to?: string;
  /** `valence`, `add`, and optionally `recode`: the valence it sets. */
  valence?: Valence;
  memo?: string;
  /** `undo`: the `seq` it cancels. */
  undoes?: number;
}

/**
 * What a person has made of a coding: `auto` not reviewed yet, `accepted` as proposed, `changed`
 * (code or valence corrected), `rejected` (kept out of counts), `manual` (made by a person).
 */
export type CodingStatus = 'auto' | 'accepted' | 'changed' | 'rejected' | 'manual';

export const CODING_STATUSES: readonly CodingStatus[] = ['auto', 'accepted', 'changed', 'rejected', 'manual'];
