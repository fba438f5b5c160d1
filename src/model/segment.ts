import type { Span } from './span.js';

export type SegmentKind = 'turn' | 'paragraph';

/**
 * The unit of coding: a speaker turn in a transcript, a paragraph in a document or field note.
 * Ids are `<sourceId>:<n>` with n counting from 1 in text order, so they stay stable while the
 * text of that source is unchanged.
 */
export interface Segment {
  id: string;
  sourceId: string;
  n: number;
  kind: SegmentKind;
  span: Span;
  /** Equal to source.text.slice(span.start, span.end). */
  text: string;
  /** Sentences inside the segment, absolute spans into the source text, in order. */
  sentences: Span[];
  /** Span of the spoken content (after the `Name:` label and timestamp), inside `span`. */
  body: Span;
  speaker?: string;
  /** Informant id when the speaker label or front matter maps to one. */
  informant?: string;
  /** Interviewer turns are kept for context but not coded unless asked. */
  interviewer: boolean;
  time?: string;
  page?: number;
  /** 1-based line numbers in the source file, for display. */
  line: number;
  endLine: number;
}

/** A segment that holds a coding, as the displays and the report see it: its words, who said them, where. */
export type CodedSegment = Omit<Segment, 'sentences'>;
