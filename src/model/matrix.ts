import type { EvidenceRef, ValenceCounts } from './evidence.js';

/**
 * The displays qia builds, in the order a thesis presents them: the registry the CLI, `qia run`,
 * the report and the builders (src/display/index.ts) all follow.
 */
export const DISPLAY_TYPES = ['cluster', 'role', 'method', 'checklist', 'obstacles', 'cooccurrence', 'time'] as const;
export type DisplayType = (typeof DISPLAY_TYPES)[number];

/** A display's type, or `evidence`: the codings behind one cell of another display, one row per coding. */
export type MatrixKind = DisplayType | 'evidence';

/** A row or column of a display. Labels are already in the display's language. */
export interface Header {
  id: string;
  label: string;
  /** Rows that belong together (e.g. informants of one role) share a group, shown once. */
  group?: string;
}

export type Strength = 'strong' | 'some' | 'none';

export interface Cell {
  row: string;
  column: string;
  /** What a reader sees in the cell. */
  text: string;
  /** Equal to refs.length: every number can be traced to the codings behind it. */
  count: number;
  counts: ValenceCounts;
  refs: EvidenceRef[];
  /** Checklist matrices: how strongly the indicator is present. */
  strength?: Strength;
  /** Co-occurrence matrices: the normalised coefficient (Jaccard over segments). */
  coefficient?: number;
}

export interface Matrix {
  kind: MatrixKind;
  lang: 'id' | 'en';
  title: string;
  /** Header of the row-label column, e.g. "Informant". */
  corner: string;
  /** Header of the group column when rows are grouped, e.g. "Role". */
  groupLabel?: string;
  rows: Header[];
  columns: Header[];
  /** Row-major: every row × column pair has exactly one cell, in rows then columns order. */
  cells: Cell[];
  /** How to read the display, and what it leaves out. */
  notes: string[];
}
