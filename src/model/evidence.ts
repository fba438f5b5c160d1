import type { Valence } from './codebook.js';
import type { SourceKind } from './source.js';

/** What a piece of evidence is grouped by: one person, a role, a side, a kind of source, or the whole case. */
export type GroupingKind = 'informant' | 'role' | 'group' | 'kind' | 'case';

/** Codings counted by direction: favourable (+1), neutral (0), unfavourable (−1). */
export interface ValenceCounts {
  positive: number;
  neutral: number;
  negative: number;
}

/**
 * A link from a number in a display back to one coding, and through it to the lines of the
 * source. `coding` is a key that is stable while the source text and codings are unchanged.
 */
export interface EvidenceRef {
  /** `<segmentId>|<code>|<start>-<end>|<coder>`, one per coding once merged (merging removes duplicates). */
  coding: string;
  segmentId: string;
  sourceId: string;
  code: string;
  valence: Valence;
  coder: string;
  /** When several coders gave this evidence (it counts once): all of them, in name order. */
  coders?: string[];
  informant?: string;
  /** 1-based lines of the coded text in the source file (inside the segment's lines). */
  line: number;
  endLine: number;
  /**
   * Only in a co-occurrence cell: the coding of the column code in the same segment, so the
   * ref stands for the pair while the cell still links one coding per counted segment.
   */
  pair?: string;
}

/** A short keyword-in-context form: the matched words with a few words either side. */
export interface Kwic {
  left: string;
  match: string;
  right: string;
}

/** One representative quote chosen for a piece of evidence. */
export interface Excerpt {
  ref: EvidenceRef;
  sourceKind: SourceKind;
  role?: string;
  /** The coded text, whitespace collapsed and shortened at a word boundary when long. */
  quote: string;
  kwic: Kwic;
  score: number;
}

/** Counts for one sub-code inside its parent's evidence, so the detail stays available. */
export interface SubcodeTally {
  code: string;
  counts: ValenceCounts;
  total: number;
}

/** One code × one grouping key: how much was said, by how many, and the strongest quotes. */
export interface Evidence {
  code: string;
  by: GroupingKind;
  /** Informant id, role, group, source kind or case name, depending on `by`. */
  key: string;
  counts: ValenceCounts;
  /** Number of codings linked, equal to refs.length. */
  total: number;
  /** Distinct informant ids, sorted. */
  informants: string[];
  /** Distinct source ids, sorted. */
  sources: string[];
  /** Every coding behind the numbers, the code's own and its sub-codes', in text order. */
  refs: EvidenceRef[];
  excerpts: Excerpt[];
  /** Sub-codes (any depth) that contributed, in codebook order. */
  subcodes: SubcodeTally[];
}

/** A researcher's memo attached to a code (memos/*.md with front matter `code: <id>`). */
export interface Memo {
  code: string;
  /** Path relative to the study folder. */
  file: string;
  title?: string;
  body: string;
}
