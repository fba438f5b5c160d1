import type { Matrix } from '../model/matrix.js';

/** A matrix laid out as header and rows of strings: what table, md, csv and html share. */
export interface Grid {
  header: string[];
  /** One entry per matrix row: its group (or undefined), and the row's strings (label first). */
  rows: { group?: string; firstOfGroup: boolean; id: string; cells: string[] }[];
  hasGroups: boolean;
}

export function toGrid(m: Matrix): Grid {
  const hasGroups = m.rows.some((r) => r.group !== undefined);
  const header = [...(hasGroups ? [m.groupLabel ?? ''] : []), m.corner, ...m.columns.map((c) => c.label)];
  const byKey = new Map(m.cells.map((c) => [`${c.row}\u0000${c.column}`, c]));
  let prev: string | undefined;
  const rows = m.rows.map((r, i) => {
    const cells = [r.label, ...m.columns.map((c) => byKey.get(`${r.id}\u0000${c.id}`)?.text ?? '')];
    const firstOfGroup = i === 0 || r.group !== prev;
    prev = r.group;
    const row: Grid['rows'][number] = { firstOfGroup, id: r.id, cells };
    if (r.group !== undefined) row.group = r.group;
    return row;
  });
  return { header, rows, hasGroups };
}
