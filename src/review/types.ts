import type { Valence } from '../model/codebook.js';
import type { CodingStatus, Decision } from '../model/decision.js';

/** A span of a segment's text: UTF-16 offsets into `ReviewItem.text`, end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** One coding of the segment the researcher judges. */
export interface ReviewProposal {
  /** The automatic coding's own code id: the identity of the proposal inside its item, kept after a recode. */
  code: string;
  valence: Valence;
  /** As loaded: earlier sessions' decisions already applied. */
  status: CodingStatus;
  /**
   * What the coding has become after an earlier session's recode (status `changed`). An addition
   * to the brief's interface: without it a resumed session could show that a coding was changed,
   * but not to what. Leave it out when the code is as proposed.
   */
  to?: string;
  /** Rule id(s) that fired, e.g. "complexity.ease_of_use#2" or "question-context". */
  rule?: string;
  /** 0..1 confidence, when known. */
  score?: number;
  /**
   * Why the coder proposed it: the coding's own memo (the question or lead-in it answers, the
   * codebook prior's words, the learned model's words, a coder's memo when adjudicating). Not the
   * reviewer's memo, which a `memo` decision records and `ProposalState.memo` holds.
   */
  reason?: string;
  /** An automatic coding under coding.min_score: not counted unless a person accepts it. */
  suggestion?: boolean;
  /** Matched words. */
  matches: TextRange[];
  /** Valence cue words. */
  cues: TextRange[];
  origin: 'rule' | 'manual' | 'learned' | 'imported' | 'inline';
  coder: string;
}

export type SourceKind = 'interview' | 'observation' | 'document';

/** One segment to review. */
export interface ReviewItem {
  /** Segment id, e.g. "interviews/w01-kepala:7". */
  id: string;
  source: string;
  sourcePath: string;
  informant?: string;
  role?: string;
  kind: SourceKind;
  /** 1-based lines in the file, as an editor numbers them. */
  line: number;
  endLine: number;
  text: string;
  /** A little context before (the previous turn); may be empty. */
  before?: string;
  /** The interviewer's question this answers, when known. */
  question?: string;
  after?: string;
  proposals: ReviewProposal[];
}

export interface CodeChoice {
  id: string;
  /** In the session's language. */
  label: string;
  group: 'attribute' | 'obstacle' | 'other';
}

/** What the loop hands to `record`; the caller adds the anchor, seq, time and coder. `item` is a `ReviewItem.id`. */
export type DecisionDraft = Omit<Decision, 'v' | 'seq' | 'at' | 'coder' | 'anchor'> & { item: string };

/** Both must be terminals. */
export interface ReviewIO {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

export interface ReviewOptions {
  items: ReviewItem[];
  codes: CodeChoice[];
  coder: string;
  lang: 'id' | 'en';
  /** Index of the item to resume at. */
  startAt?: number;
  /** Appends a line to the decision log at once and returns its seq. */
  record: (d: DecisionDraft) => Promise<number>;
  /** False under NO_COLOR or without colour support. */
  color: boolean;
  /** Shown in the message line when the screen opens (a warning the full screen would hide). */
  notice?: string;
  io?: ReviewIO;
}

export interface ReviewResult {
  /** Decisions recorded in this session and not undone, skips not counted. */
  decided: number;
  /** Index of the item on screen when the loop ended (`items.length` after the last one): the next `startAt`. */
  quitAt: number;
  /** Set when the loop ended because the process was sent this signal; the caller should exit 128 + its number. */
  signal?: 'SIGINT' | 'SIGTERM' | 'SIGHUP';
}

export type { Valence, CodingStatus };
