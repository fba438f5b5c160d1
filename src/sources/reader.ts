import type { Block, InlineTag, LineAnchor } from '../model/source.js';

/** A problem a reader found, positioned in the raw file as the researcher sees it. */
export interface ReadProblem {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  line?: number;
  column?: number;
  hint?: string;
}

/** What a reader extracts from one file; read.ts turns it into a Source. */
export interface ReadResult {
  /** Normalised text (LF, NFC, inline tags removed). */
  text: string;
  bodyLine: number;
  blocks?: Block[];
  /** Where pieces of the text sit in the file, when its text is not the file's own lines (see LineAnchor); else derived from blocks with a line. */
  lineAnchors?: LineAnchor[];
  inlineTags?: InlineTag[];
  /** Front matter, for formats that have it. */
  front?: Record<string, unknown>;
  /** Line of each front matter key, for diagnostics about its value. */
  frontLines?: Record<string, number>;
  problems: ReadProblem[];
}

export type Reader = (bytes: Uint8Array) => Promise<ReadResult>;
