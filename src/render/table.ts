import Table from 'cli-table3';
import type { Matrix } from '../model/matrix.js';
import { toGrid } from './grid.js';

/** Colouring for valence marks only; identity functions when colour is off. */
export interface Paint {
  positive: (s: string) => string;
  negative: (s: string) => string;
}

export interface TableOptions {
  /** Total width to fit, in columns (the command passes process.stdout.columns, else 100). */
  width?: number;
  paint?: Paint;
}

/** Marks such as `+3`, `−1` or a bare `+`/`−`, standing alone (not inside a word or a number). */
const MARK = /(^|[\s(])([+−]\d*)(?=$|[\s):,])/g;

export function paintMarks(text: string, paint: Paint | undefined): string {
  if (!paint) return text;
  return text.replace(MARK, (_all, pre: string, mark: string) => pre + (mark.startsWith('+') ? paint.positive(mark) : paint.negative(mark)));
}

function longestLine(s: string): number {
  return Math.max(0, ...s.split('\n').map((l) => [...l].length));
}

/**
 * Column widths that fit `width`: each column gets what it needs when everything fits;
 * otherwise narrow columns keep their width and the wide ones share what is left.
 */
export function fitWidths(natural: readonly number[], width: number): number[] {
  const n = natural.length;
  const avail = Math.max(n * 6, width - (n + 1)); // one border character per column plus one
  const padded = natural.map((w) => Math.max(3, w + 2));
  if (padded.reduce((a, b) => a + b, 0) <= avail) return padded;
  const out = new Array<number>(n).fill(0);
  let left = avail;
  let open = padded.map((_, i) => i);
  // Water-filling: give every column an equal share; those needing less keep their need.
  for (;;) {
    const share = Math.floor(left / open.length);
    const small = open.filter((i) => padded[i]! <= share);
    if (small.length === 0) {
      open.forEach((i, k) => (out[i] = Math.max(6, share + (k < left - share * open.length ? 1 : 0))));
      return out;
    }
    for (const i of small) {
      out[i] = padded[i]!;
      left -= padded[i]!;
    }
    open = open.filter((i) => !small.includes(i));
    if (open.length === 0) return out;
  }
}

/** A boxed terminal table that wraps to the given width; colour touches valence marks only. */
export function renderTable(m: Matrix, opts: TableOptions = {}): string {
  const grid = toGrid(m);
  const lines: string[] = [m.title];
  if (grid.rows.length > 0) {
    const body = grid.rows.map((r) => (grid.hasGroups ? [r.firstOfGroup ? (r.group ?? '') : '', ...r.cells] : r.cells));
    const natural = grid.header.map((h, i) => Math.min(60, Math.max(longestLine(h), ...body.map((row) => longestLine(row[i] ?? '')))));
    const table = new Table({
      head: grid.header,
      colWidths: fitWidths(natural, opts.width ?? 100),
      wordWrap: true,
      wrapOnWordBoundary: true,
      style: { head: [], border: [] },
    });
    const dataFrom = grid.hasGroups ? 2 : 1;
    for (const row of body) table.push(row.map((text, i) => (i >= dataFrom ? paintMarks(text, opts.paint) : text)));
    lines.push(table.toString());
  }
  lines.push(...m.notes);
  return lines.join('\n') + '\n';
}
