import type { Analysis } from '../model/analysis.js';
import type { Cell, Header, Matrix } from '../model/matrix.js';
import { keyComparator } from '../condense/condense.js';
import { codeColumns, displayContext, gistOfOne, topColumn, type DisplayOptions } from './common.js';
import { bestAt, codingColumns, columnsByCode, rowsBy, tabCell, tabulate } from '../index/tabulate.js';
import { roleLabel, t, valenceMarks } from '../i18n/labels.js';

export function informantHeader(id: string, label: string | undefined): string {
  return label && label !== id ? `${id} (${label})` : id;
}

/**
 * Conceptually clustered matrix: one row per informant, grouped by role, one column per
 * attribute; each cell gives the valence marks and a one-line gist of the strongest quote.
 */
export function clusterMatrix(analysis: Analysis, options: DisplayOptions = {}): Matrix {
  const ctx = displayContext(analysis, options);
  const { lang, index } = ctx;
  const columns = codeColumns(ctx, false);
  const cols = codingColumns(index);
  const contexts = index.contexts;

  const ids = new Set(analysis.informants.map((i) => i.id));
  for (const id of cols.informants) ids.add(id);
  // An informant informants.csv does not know takes the role of their first coding that has one.
  const firstRole = new Int32Array(cols.informants.length).fill(-1);
  for (let i = 0; i < cols.size; i++) {
    const inf = cols.informant[i]!;
    if (inf >= 0 && firstRole[inf]! < 0 && cols.role[i]! >= 0) firstRole[inf] = cols.role[i]!;
  }
  const informantNo = new Map(cols.informants.map((id, i) => [id, i]));
  const roles = new Map<string, string>();
  for (const id of ids) {
    const known = index.informants.get(id)?.role;
    const r = firstRole[informantNo.get(id) ?? -1] ?? -1;
    roles.set(id, known ?? (r >= 0 ? cols.roles[r]! : ''));
  }
  const roleOf = (id: string) => roles.get(id)!;
  const roleCmp = keyComparator(analysis, 'role');
  const informantCmp = keyComparator(analysis, 'informant');
  const rowIds = [...ids].sort((a, b) => roleCmp(roleOf(a), roleOf(b)) || informantCmp(a, b));

  const rows: Header[] = rowIds.map((id) => {
    const role = roleOf(id);
    return { id, label: informantHeader(id, index.informants.get(id)?.label), group: role ? roleLabel(role, lang) : t(lang, 'noRole') };
  });
  const rowNo = new Map(rowIds.map((id, i) => [id, i]));
  const columnOfCode = columnsByCode(cols, columns, topColumn(columns));
  const tab = tabulate(
    cols,
    rowsBy(
      cols.informant,
      cols.informants.map((id) => rowNo.get(id)!),
    ),
    columnOfCode,
    rows.length,
    columns.length,
  );

  const cells: Cell[] = [];
  rows.forEach((row, r) => {
    columns.forEach((col, c) => {
      const k = r * columns.length + c;
      const cell = tabCell(tab, k, row.id, col.id, contexts);
      if (cell.count) cell.text = `${valenceMarks(cell.counts)}: ${gistOfOne(bestAt(tab, k, contexts))}`;
      cells.push(cell);
    });
  });

  let withoutInformant = 0;
  for (let i = 0; i < cols.size; i++) if (cols.informant[i]! < 0 && columnOfCode[cols.code[i]!]! >= 0) withoutInformant++;
  const notes =
    lang === 'id'
      ? ['Tanda: +n = mendukung, −n = melemahkan, ·n = netral; teks = kutipan terkuat.']
      : ['Marks: +n = favourable, −n = unfavourable, ·n = neutral; text = the strongest quote.'];
  if (withoutInformant > 0) {
    notes.push(
      lang === 'id'
        ? `${withoutInformant} koding dari sumber tanpa informan (dokumen, observasi) tidak ditampilkan; lihat matriks metode.`
        : `${withoutInformant} codings from sources without an informant (documents, observations) are not shown; see the method matrix.`,
    );
  }
  return {
    kind: 'cluster',
    lang,
    title: lang === 'id' ? 'Matriks berkelompok konseptual: informan × atribut' : 'Conceptually clustered matrix: informants × attributes',
    corner: t(lang, 'informant'),
    groupLabel: t(lang, 'role'),
    rows,
    columns,
    cells,
    notes,
  };
}
