import type { Analysis } from '../model/analysis.js';
import type { Cell, Header, Matrix } from '../model/matrix.js';
import { SOURCE_KINDS } from '../model/source.js';
import { keyComparator } from '../condense/condense.js';
import { codeColumns, displayContext, topColumn, type DisplayOptions } from './common.js';
import { codingColumns, columnsByCode, rowsBy, tabCell, tabulate } from '../index/tabulate.js';
import { kindLabel, t, valenceMarks } from '../i18n/labels.js';

/**
 * Method matrix: source kind (interview, observation, document) × codes. A code found in
 * more than one row is supported by more than one method (method triangulation).
 */
export function methodMatrix(analysis: Analysis, options: DisplayOptions = {}): Matrix {
  const ctx = displayContext(analysis, options);
  const { lang, index } = ctx;
  const columns = codeColumns(ctx, true);
  const cols = codingColumns(index);
  const kinds = new Set<string>(SOURCE_KINDS);
  const used = new Set<string>(cols.kinds);
  for (const k of used) kinds.add(k);
  const rows: Header[] = [...kinds].sort(keyComparator(analysis, 'kind')).map((id) => ({ id, label: kindLabel(id, lang) }));
  const rowNo = new Map(rows.map((r, i) => [r.id, i]));
  const tab = tabulate(
    cols,
    rowsBy(
      cols.kind,
      cols.kinds.map((k) => rowNo.get(k)!),
    ),
    columnsByCode(cols, columns, topColumn(columns)),
    rows.length,
    columns.length,
  );

  const cells: Cell[] = [];
  rows.forEach((row, r) => {
    columns.forEach((col, c) => {
      const k = r * columns.length + c;
      const cell = tabCell(tab, k, row.id, col.id, index.contexts);
      if (cell.count) cell.text = `${valenceMarks(cell.counts)} (${tab.sources[k]} ${t(lang, 'sources')})`;
      cells.push(cell);
    });
  });
  const usedRows = rows.filter((r) => used.has(r.id)).length;
  const notes =
    lang === 'id'
      ? [
          'Tanda: +n = mendukung, −n = melemahkan, ·n = netral; (n sumber) = jumlah berkas sumber yang berbeda.',
          `Kode yang muncul pada lebih dari satu jenis sumber didukung oleh lebih dari satu metode (triangulasi metode). Jenis sumber yang dipakai: ${usedRows} dari ${rows.length}.`,
        ]
      : [
          'Marks: +n = favourable, −n = unfavourable, ·n = neutral; (n sources) = distinct source files.',
          `A code found in more than one kind of source is supported by more than one method (method triangulation). Kinds of source used: ${usedRows} of ${rows.length}.`,
        ];
  return {
    kind: 'method',
    lang,
    title: lang === 'id' ? 'Matriks metode: jenis sumber × kode' : 'Method matrix: source kind × codes',
    corner: t(lang, 'sourceKind'),
    rows,
    columns,
    cells,
    notes,
  };
}
