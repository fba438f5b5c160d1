import type { Block, InlineTag } from '../model/source.js';

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
  inlineTags?: InlineTag[];
  /** Front matter, for formats that have it. */
  front?: Record<string, unknown>;
  /** Line of each front matter key, for diagnostics about its value. */
  frontLines?: Record<string, number>;
  problems: ReadProblem[];
}

export type Reader = (bytes: Uint8Array) => Promise<ReadResult>;
