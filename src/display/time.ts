import type { Analysis } from '../model/analysis.js';
import type { SourceInfo } from '../model/source.js';
import type { Cell, Header, Matrix } from '../model/matrix.js';
import { codeColumns, displayContext, topColumn, type DisplayOptions } from './common.js';
import { codingColumns, columnsByCode, rowsBy, tabCell, tabulate } from '../index/tabulate.js';
import { t, valenceMarks } from '../i18n/labels.js';

export interface TimeOptions extends DisplayOptions {
  /** How dates are grouped into periods (default month). */
  period?: 'day' | 'month' | 'year';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The source's date (front matter `date`, YYYY-MM-DD), or undefined when it carries none. */
export function sourceDate(source: SourceInfo | undefined): string | undefined {
  const d = source?.date ?? (typeof source?.meta['date'] === 'string' ? (source.meta['date'] as string) : undefined);
  return d !== undefined && DATE.test(d) ? d : undefined;
}

export function periodOf(date: string, period: 'day' | 'month' | 'year'): string {
  const m = DATE.exec(date)!;
  return period === 'year' ? m[1]! : period === 'month' ? `${m[1]}-${m[2]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** Time-ordered matrix: periods × codes, from the sources that carry a date. */
export function timeMatrix(analysis: Analysis, options: TimeOptions = {}): Matrix {
  const ctx = displayContext(analysis, options);
  const { lang, index } = ctx;
  const period = options.period ?? 'month';
  const columns = codeColumns(ctx, true);
  const dated = analysis.sources.filter((s) => sourceDate(s) !== undefined);
  // A date per source, not per coding: a large study has many codings in few sources.
  const periods = new Map<SourceInfo | undefined, string | undefined>();
  const periodOfSource = (s: SourceInfo | undefined): string | undefined => {
    if (periods.has(s)) return periods.get(s);
    const d = sourceDate(s);
    const p = d === undefined ? undefined : periodOf(d, period);
    periods.set(s, p);
    return p;
  };
  const cols = codingColumns(index);
  const rowIds = new Set(dated.map((s) => periodOf(sourceDate(s)!, period)));
  const rows: Header[] = [...rowIds].sort().map((id) => ({ id, label: id }));
  const rowNo = new Map(rows.map((r, i) => [r.id, i]));
  const periodRow = cols.sources.map((s) => {
    const p = periodOfSource(s);
    return p === undefined ? -1 : (rowNo.get(p) ?? -1);
  });
  const tab = tabulate(cols, rowsBy(cols.source, periodRow), columnsByCode(cols, columns, topColumn(columns)), rows.length, columns.length);

  const cells: Cell[] = [];
  rows.forEach((row, r) => {
    columns.forEach((col, c) => {
      const k = r * columns.length + c;
      const cell = tabCell(tab, k, row.id, col.id, index.contexts);
      if (cell.count) cell.text = valenceMarks(cell.counts);
      cells.push(cell);
    });
  });

  const undated = cols.sources.map((s) => periodOfSource(s) === undefined);
  let undatedCodings = 0;
  for (let i = 0; i < cols.size; i++) if (undated[cols.source[i]!]) undatedCodings++;
  const notes: string[] = [];
  if (dated.length === 0) {
    notes.push(
      lang === 'id'
        ? 'Tidak ada sumber yang bertanggal, sehingga matriks berdasarkan waktu tidak dapat disusun. Tambahkan `date: YYYY-MM-DD` pada front matter sumber.'
        : 'No source carries a date, so no time-ordered matrix can be built. Add `date: YYYY-MM-DD` to the sources’ front matter.',
    );
  } else {
    notes.push(
      lang === 'id'
        ? `${dated.length} dari ${analysis.sources.length} sumber bertanggal; periode per ${period === 'month' ? 'bulan' : period === 'year' ? 'tahun' : 'hari'}. Tanda: +n mendukung, −n melemahkan, ·n netral.`
        : `${dated.length} of ${analysis.sources.length} sources carry a date; one row per ${period}. Marks: +n favourable, −n unfavourable, ·n neutral.`,
    );
    if (undatedCodings > 0) {
      notes.push(
        lang === 'id'
          ? `${undatedCodings} koding dari sumber tanpa tanggal tidak ditampilkan.`
          : `${undatedCodings} codings from undated sources are not shown.`,
      );
    }
  }
  return {
    kind: 'time',
    lang,
    title: lang === 'id' ? 'Matriks berdasarkan waktu: periode × kode' : 'Time-ordered matrix: period × codes',
    corner: t(lang, 'period'),
    rows,
    columns,
    cells,
    notes,
  };
}
