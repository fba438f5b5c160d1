import type { Matrix } from '../model/matrix.js';
import { toGrid } from './grid.js';
import { csvDocument, type CsvDialect, type CsvRow } from './csv-write.js';

/** Every row carries its group, so the file sorts and filters cleanly in a spreadsheet. */
export function renderCsv(m: Matrix, dialect: CsvDialect = {}): string {
  const grid = toGrid(m);
  return csvDocument([grid.header, ...grid.rows.map((r) => (grid.hasGroups ? [r.group ?? '', ...r.cells] : r.cells))], dialect);
}

/**
 * The long, numeric form of a display (`qia matrix --format csv --long`): one row per cell with
 * its counts as numbers, which R, pandas and a pivot table take as they are, where the wide
 * form holds display strings such as `+9 “quote” (K1)`.
 */
export function renderCsvLong(m: Matrix, dialect: CsvDialect = {}): string {
  const grouped = m.rows.some((r) => r.group !== undefined);
  const rowsById = new Map(m.rows.map((r) => [r.id, r]));
  const colsById = new Map(m.columns.map((c) => [c.id, c]));
  const extra = { strength: m.cells.some((c) => c.strength !== undefined), coefficient: m.cells.some((c) => c.coefficient !== undefined) };
  const header = [
    ...(grouped ? ['group'] : []),
    'row',
    'row_label',
    'column',
    'column_label',
    'codings',
    'favourable',
    'unfavourable',
    'neutral',
    'informants',
    'sources',
    ...(extra.strength ? ['strength'] : []),
    ...(extra.coefficient ? ['coefficient'] : []),
  ];
  const rows: CsvRow[] = [header];
  for (const c of m.cells) {
    const row = rowsById.get(c.row);
    rows.push([
      ...(grouped ? [row?.group ?? ''] : []),
      c.row,
      row?.label ?? c.row,
      c.column,
      colsById.get(c.column)?.label ?? c.column,
      c.count,
      c.counts.positive,
      c.counts.negative,
      c.counts.neutral,
      new Set(c.refs.flatMap((r) => (r.informant === undefined ? [] : [r.informant]))).size,
      new Set(c.refs.map((r) => r.sourceId)).size,
      ...(extra.strength ? [c.strength ?? ''] : []),
      ...(extra.coefficient ? [c.coefficient ?? null] : []),
    ]);
  }
  return csvDocument(rows, dialect);
}
