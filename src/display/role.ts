import type { Analysis } from '../model/analysis.js';
import type { Cell, Header, Matrix } from '../model/matrix.js';
import { keyComparator } from '../condense/condense.js';
import { cellOf, codeColumns, crossTab, displayContext, strongestQuote, type DisplayOptions } from './common.js';
import { groupLabel, roleLabel, t, valenceMarks } from './labels.js';

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
  const keyOf = by === 'role' ? (c: { role?: string }) => c.role : (c: { group?: string }) => c.group;
  const table = crossTab(index.contexts, keyOf, columns);

  const keys = new Set<string>();
  for (const i of analysis.informants) {
    const k = by === 'role' ? i.role : i.group;
    if (k) keys.add(k);
  }
  for (const c of index.contexts) {
    const k = keyOf(c);
    if (k !== undefined) keys.add(k);
  }
  const label = by === 'role' ? roleLabel : groupLabel;
  const rows: Header[] = [...keys].sort(keyComparator(analysis, by)).map((id) => ({ id, label: label(id, lang) }));

  const cells: Cell[] = [];
  for (const row of rows) {
    const mine = table.get(row.id);
    for (const col of columns) {
      const here = mine?.get(col.id) ?? [];
      const cell = cellOf(row.id, col.id, here, '');
      if (here.length) cell.text = `${valenceMarks(cell.counts)} ${strongestQuote(here)}`;
      cells.push(cell);
    }
  }

  let left = 0;
  for (const c of index.contexts) if (keyOf(c) === undefined) left++;
  const notes =
    lang === 'id'
      ? ['Tanda: +n = mendukung (untuk kendala: teratasi), −n = melemahkan (untuk kendala: menghambat), ·n = netral; kutipan = yang terkuat, dengan kode informannya.']
      : ['Marks: +n = favourable (obstacles: overcome), −n = unfavourable (obstacles: hindering), ·n = neutral; the quote is the strongest, with its informant.'];
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
