import type { Matrix } from '../model/matrix.js';
import { renderCsv } from './csv.js';
import type { CsvDialect } from './csv-write.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMd } from './md.js';
import { renderTable, type TableOptions } from './table.js';

import { MATRIX_FORMATS, type MatrixFormat } from './formats.js';

export { MATRIX_FORMATS, type MatrixFormat };

/** Only `table` reads width and colour; only `csv` reads the dialect (`--excel`). */
export type RenderOptions = TableOptions & { csv?: CsvDialect };

/** Format name → pure function from a matrix to text. Only `table` reads options (width, colour). */
export const RENDERERS: Record<MatrixFormat, (m: Matrix, opts?: RenderOptions) => string> = {
  table: renderTable,
  md: renderMd,
  csv: (m, opts) => renderCsv(m, opts?.csv),
  json: renderJson,
  html: renderHtml,
};

export function renderMatrix(format: MatrixFormat, m: Matrix, opts: RenderOptions = {}): string {
  return RENDERERS[format](m, opts);
}

export { renderCsv, renderHtml, renderJson, renderMd, renderTable };
export { csvDocument, csvRecord, neutralised, type CsvDialect } from './csv-write.js';
export { mdCell, mdTable } from './md.js';
export { escapeHtml } from './html.js';
export { stableJson } from './json.js';
export { renderDigestMd, renderDigestJson } from './digest.js';
