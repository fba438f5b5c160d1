import type { Matrix } from '../model/matrix.js';
import { toGrid } from './grid.js';
import { csvDocument, type CsvDialect } from './csv-write.js';

/** Every row carries its group, so the file sorts and filters cleanly in a spreadsheet. */
export function renderCsv(m: Matrix, dialect: CsvDialect = {}): string {
  const grid = toGrid(m);
  return csvDocument([grid.header, ...grid.rows.map((r) => (grid.hasGroups ? [r.group ?? '', ...r.cells] : r.cells))], dialect);
}
