import type { Matrix } from '../model/matrix.js';
import { toGrid } from './grid.js';

/**
 * A spreadsheet runs a cell starting with one of these as a formula (CSV injection); a
 * leading apostrophe makes it text, and the spreadsheet hides the apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180: CRLF line ends, fields with comma, quote or line break quoted, quotes doubled. */
export function csvRows(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Every row carries its group, so the file sorts and filters cleanly in a spreadsheet. */
export function renderCsv(m: Matrix): string {
  const grid = toGrid(m);
  return csvRows([grid.header, ...grid.rows.map((r) => (grid.hasGroups ? [r.group ?? '', ...r.cells] : r.cells))]);
}
