import type { Analysis } from '../model/analysis.js';
import type { Cell, Header, Matrix } from '../model/matrix.js';
import { keyComparator } from '../condense/condense.js';
import { codeColumns, displayContext, quoteOf, topColumn, type DisplayOptions } from './common.js';
import { bestAt, codingColumns, columnsByCode, rowsBy, tabCell, tabulate } from '../index/tabulate.js';
import { groupLabel, roleLabel, t, valenceMarks } from '../i18n/labels.js';

export interface RoleMatrixOptions extends DisplayOptions {
  /** Rows by informant role (head, staff, user, partner) or by side (provider, user, partner). */
  by?: 'role' | 'group';
}

/**
 * Role-ordered matrix: roles (or sides) × attributes and obstacles, with counts by valence
 * and the strongest quote per cell: the display for source triangulation (staff vs. users).
 */
export function roleMatrix(analysis: Analysis, options: RoleMatrixOptions = {}): Matrix {
  const ctx = displayContext(analysis, options);
  const { lang, index } = ctx;
  const by = options.by ?? 'role';
  const columns = codeColumns(ctx, true);
  const cols = codingColumns(index);
  const dim = by === 'role' ? cols.role : cols.group;
  const names = by === 'role' ? cols.roles : cols.groups;

  const keys = new Set<string>();
  for (const i of analysis.informants) {
    const k = by === 'role' ? i.role : i.group;
    if (k) keys.add(k);
  }
  for (const k of names) keys.add(k);
  const label = by === 'role' ? roleLabel : groupLabel;
  const rows: Header[] = [...keys].sort(keyComparator(analysis, by)).map((id) => ({ id, label: label(id, lang) }));
  const rowNo = new Map(rows.map((r, i) => [r.id, i]));
  const tab = tabulate(
    cols,
    rowsBy(
      dim,
      names.map((k) => rowNo.get(k)!),
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
      if (cell.count) cell.text = `${valenceMarks(cell.counts)} ${quoteOf(bestAt(tab, k, index.contexts))}`;
      cells.push(cell);
    });
  });

  let left = 0;
  for (let i = 0; i < dim.length; i++) if (dim[i]! < 0) left++;
  const notes =
    lang === 'id'
      ? [
          'Tanda: +n = mendukung (untuk kendala: teratasi), −n = melemahkan (untuk kendala: menghambat), ·n = netral; kutipan = yang terkuat, dengan kode informannya.',
        ]
      : [
          'Marks: +n = favourable (obstacles: overcome), −n = unfavourable (obstacles: hindering), ·n = neutral; the quote is the strongest, with its informant.',
        ];
  if (left > 0) {
    notes.push(
      lang === 'id'
        ? `${left} koding dari sumber tanpa ${by === 'role' ? 'peran' : 'kelompok'} (mis. dokumen) tidak ditampilkan; lihat matriks metode.`
        : `${left} codings from sources without a ${by} (e.g. documents) are not shown; see the method matrix.`,
    );
  }
  return {
    kind: 'role',
    lang,
    title:
      lang === 'id'
        ? `Matriks berdasarkan ${by === 'role' ? 'peran' : 'kelompok'}: ${by === 'role' ? 'peran' : 'kelompok'} × atribut dan kendala`
        : `Role-ordered matrix: ${by === 'role' ? 'roles' : 'groups'} × attributes and obstacles`,
    corner: t(lang, by === 'role' ? 'role' : 'group'),
    rows,
    columns,
    cells,
    notes,
  };
}
