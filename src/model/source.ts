import type { Span } from './span.js';

export type SourceKind = 'interview' | 'observation' | 'document';
export const SOURCE_KINDS: readonly SourceKind[] = ['interview', 'observation', 'document'];

export type SourceFormat = 'txt' | 'md' | 'vtt' | 'srt' | 'csv' | 'docx' | 'pdf';

/**
 * Structure a reader already knows (a caption cue, a CSV row, a PDF page, a DOCX paragraph),
 * so the segmenter does not have to guess it back from plain text.
 */
export interface Block {
  span: Span;
  speaker?: string;
  /** Start time as written in the source, e.g. "00:01:02.500". */
  time?: string;
  page?: number;
  /** 1-based lines in the raw file this block came from (caption cue, CSV row, DOCX paragraph number). */
  line?: number;
  endLine?: number;
}

/**
 * Where a stretch of the normalised text sits in the raw file: the text from `offset` on is on
 * file line `line`, and each newline after it in the text is one more line. Readers whose text
 * is not the file's own lines (caption cues, CSV rows) give one per piece so lineAt can say the
 * line an editor shows.
 */
export interface LineAnchor {
  offset: number;
  line: number;
}

/** A manual coding written inline in a transcript, with the tag text already removed. */
export interface InlineTag {
  code: string;
  valence: -1 | 0 | 1;
  span: Span;
  memo?: string;
  /** 1-based line of the opening tag in the raw file. */
  line: number;
  column: number;
}

/**
 * A source as every stage after reading sees it: what it is and where its lines start, without
 * its text (a large study's texts are let go as soon as each is coded).
 */
export interface SourceInfo {
  /** Path-derived and stable: the path relative to the study root, without extension, '/' separated. */
  id: string;
  /** Relative to the study root, '/' separated. */
  path: string;
  format: SourceFormat;
  kind: SourceKind;
  title?: string;
  informant?: string;
  role?: string;
  group?: string;
  date?: string;
  /** Front matter and per-glob defaults not understood above, kept verbatim. */
  meta: Record<string, unknown>;
  /** sha256 (hex) of the raw bytes on disk, for the audit trail. */
  hash: string;
  /** Size of the file on disk. */
  bytes: number;
  /**
   * Line in the raw file where the text begins (front matter shifts it), 1-based.
   * Line numbers shown to users are `bodyLine + (newlines before the offset in text)`, or counted
   * from a line anchor when the reader gave them: see lineAt.
   */
  bodyLine: number;
  /** Offsets in the text at which each line starts (lineStarts of the text). */
  lineStarts: number[];
  /** Sorted by offset; when present, lineAt counts from the last anchor at or before an offset. */
  lineAnchors?: LineAnchor[];
}

/** A source as read: its metadata and its normalised text, with what the reader knew of its structure. */
export interface Source extends SourceInfo {
  /** Normalised text: BOM stripped, LF line ends, Unicode NFC, inline tags removed. */
  text: string;
  blocks?: Block[];
  inlineTags?: InlineTag[];
}
