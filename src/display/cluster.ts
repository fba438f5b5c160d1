import type { Analysis } from '../model/analysis.js';
import type { Cell, Header, Matrix } from '../model/matrix.js';
import { keyComparator } from '../condense/condense.js';
import type { CodingContext } from '../condense/context.js';
import { cellOf, codeColumns, columnsOfCode, crossTab, displayContext, gistOf, groupBy, type DisplayOptions } from './common.js';
import { roleLabel, t, valenceMarks } from './labels.js';

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
  const byInformant = groupBy(index.contexts, (c) => c.informantId);
  const table = crossTab(index.contexts, (c) => c.informantId, columns);

  const ids = new Set(analysis.informants.map((i) => i.id));
  for (const id of byInformant.keys()) ids.add(id);
  const roleOf = (id: string) => index.informants.get(id)?.role ?? byInformant.get(id)?.find((c) => c.role)?.role ?? '';
  const roleCmp = keyComparator(analysis, 'role');
  const informantCmp = keyComparator(analysis, 'informant');
  const rowIds = [...ids].sort((a, b) => roleCmp(roleOf(a), roleOf(b)) || informantCmp(a, b));

  const rows: Header[] = rowIds.map((id) => {
    const role = roleOf(id);
    return { id, label: informantHeader(id, index.informants.get(id)?.label), group: role ? roleLabel(role, lang) : t(lang, 'noRole') };
  });

  const cells: Cell[] = [];
  for (const row of rows) {
    const mine = table.get(row.id);
    for (const col of columns) {
      const here: readonly CodingContext[] = mine?.get(col.id) ?? [];
      const cell = cellOf(row.id, col.id, here, '');
      if (here.length) cell.text = `${valenceMarks(cell.counts)}: ${gistOf(here)}`;
      cells.push(cell);
    }
  }

  const colsOf = columnsOfCode(columns);
  let withoutInformant = 0;
  for (const c of index.contexts) if (c.informantId === undefined && colsOf(c.coding.code).length > 0) withoutInformant++;
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
