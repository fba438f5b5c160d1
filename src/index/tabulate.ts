import type { Cell, Header } from '../model/matrix.js';
import type { CodingColumns } from './columns.js';
import type { CodingContext } from './analysis-index.js';
import { withRefs } from '../display/common.js';

export { codingColumns, type CodingColumns } from './columns.js';

/**
 * byStrength over positions: the matcher's score, then a directed valence before a neutral
 * one, then text order (a position is the coding's `order`).
 */
export function strengthAt(cols: CodingColumns): (a: number, b: number) => number {
  const { score, valence } = cols;
  return (a, b) => score[b]! - score[a]! || Math.abs(valence[b]!) - Math.abs(valence[a]!) || a - b;
}

/** Per position, the row its value of `dim` falls in (`rowOf` by value number; −1: left out). */
export function rowsBy(dim: Int32Array, rowOf: ArrayLike<number>): Int32Array {
  const rows = new Int32Array(dim.length);
  for (let i = 0; i < dim.length; i++) {
    const v = dim[i]!;
    rows[i] = v < 0 ? -1 : rowOf[v]!;
  }
  return rows;
}

/**
 * Per code number, the column it counts under (−1: none), given a column id for each code.
 * The columns are distinct codes (a codebook defines a code once).
 */
export function columnsByCode(cols: CodingColumns, columns: readonly Header[], columnOf: (code: string) => string | undefined): Int32Array {
  const at = new Map<string, number>();
  columns.forEach((col, i) => {
    if (!at.has(col.id)) at.set(col.id, i);
  });
  return Int32Array.from(cols.codes, (code) => {
    const id = columnOf(code);
    return id === undefined ? -1 : (at.get(id) ?? -1);
  });
}

/**
 * Codings by row and column, counted in one pass over the columns: per cell the number of
 * codings, by valence, of distinct sources, the strongest coding, and (in a second pass) the
 * positions of its codings in text order. Cell k is row·columns + column.
 */
export interface Tab {
  columns: number;
  count: Int32Array;
  positive: Int32Array;
  neutral: Int32Array;
  negative: Int32Array;
  /** Distinct sources: in text order a source's codings come together, so a cell counts a source when it changes. */
  sources: Int32Array;
  /** Position of the strongest coding (byStrength), −1 for an empty cell. */
  best: Int32Array;
  /** The cell's positions are at[start[k]] … at[start[k+1] − 1]. */
  start: Int32Array;
  at: Int32Array;
}

export function tabulate(cols: CodingColumns, rowAt: Int32Array, columnOfCode: Int32Array, rows: number, columns: number): Tab {
  const cells = rows * columns;
  const count = new Int32Array(cells);
  const positive = new Int32Array(cells);
  const neutral = new Int32Array(cells);
  const negative = new Int32Array(cells);
  const sources = new Int32Array(cells);
  const best = new Int32Array(cells).fill(-1);
  const lastSource = new Int32Array(cells).fill(-1);
  const cellAt = new Int32Array(cols.size);
  const { valence, score, source, code } = cols;
  for (let i = 0; i < cols.size; i++) {
    const r = rowAt[i]!;
    const c = r < 0 ? -1 : columnOfCode[code[i]!]!;
    if (c < 0) {
      cellAt[i] = -1;
      continue;
    }
    const k = r * columns + c;
    cellAt[i] = k;
    count[k]!++;
    const v = valence[i]!;
    if (v > 0) positive[k]!++;
    else if (v < 0) negative[k]!++;
    else neutral[k]!++;
    if (source[i] !== lastSource[k]) {
      lastSource[k] = source[i]!;
      sources[k]!++;
    }
    const b = best[k]!;
    // As byStrength(i, b) < 0; i comes after b, so text order never prefers it.
    if (b < 0 || (score[b]! - score[i]! || Math.abs(valence[b]!) - Math.abs(v)) < 0) best[k] = i;
  }
  const start = new Int32Array(cells + 1);
  for (let k = 0; k < cells; k++) start[k + 1] = start[k]! + count[k]!;
  const at = new Int32Array(start[cells]!);
  const filled = start.slice(0, cells);
  for (let i = 0; i < cols.size; i++) {
    const k = cellAt[i]!;
    if (k >= 0) at[filled[k]!++] = i;
  }
  return { columns, count, positive, neutral, negative, sources, best, start, at };
}

/** The codings of cell k, in text order. */
export function codingsAt(tab: Tab, k: number, contexts: readonly CodingContext[]): CodingContext[] {
  const out: CodingContext[] = [];
  for (let j = tab.start[k]!; j < tab.start[k + 1]!; j++) out.push(contexts[tab.at[j]!]!);
  return out;
}

/** The display cell of cell k, as cellOf makes it from the same codings (its refs made on first reading). */
export function tabCell(tab: Tab, k: number, row: string, column: string, contexts: readonly CodingContext[]): Cell {
  const cell = {
    row,
    column,
    text: '',
    count: tab.count[k]!,
    counts: { positive: tab.positive[k]!, neutral: tab.neutral[k]!, negative: tab.negative[k]! },
  } as Cell;
  return withRefs(cell, () => codingsAt(tab, k, contexts).map((c) => c.ref));
}

/** The strongest coding of cell k, if any. */
export function bestAt(tab: Tab, k: number, contexts: readonly CodingContext[]): CodingContext | undefined {
  const b = tab.best[k]!;
  return b < 0 ? undefined : contexts[b];
}
