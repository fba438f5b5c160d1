import type { Analysis } from '../model/analysis.js';
import type { Source } from '../model/source.js';
import type { Cell, Header, Matrix } from '../model/matrix.js';
import { isWithin } from '../condense/codes.js';
import { cellOf, codeColumns, displayContext, groupBy, type DisplayOptions } from './common.js';
import { t, valenceMarks } from './labels.js';

export interface TimeOptions extends DisplayOptions {
  /** How dates are grouped into periods (default month). */
  period?: 'day' | 'month' | 'year';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The source's date (front matter `date`, YYYY-MM-DD), or undefined when it carries none. */
export function sourceDate(source: Source | undefined): string | undefined {
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
  const grouped = groupBy(index.contexts, (c) => {
    const d = sourceDate(c.source);
    return d === undefined ? undefined : periodOf(d, period);
  });
  const periods = new Set(dated.map((s) => periodOf(sourceDate(s)!, period)));
  const rows: Header[] = [...periods].sort().map((id) => ({ id, label: id }));

  const cells: Cell[] = [];
  for (const row of rows) {
    const mine = grouped.get(row.id) ?? [];
    for (const col of columns) {
      const here = mine.filter((c) => isWithin(c.coding.code, col.id));
      cells.push(cellOf(row.id, col.id, here, here.length ? valenceMarks(cellOf('', '', here, '').counts) : ''));
    }
  }

  const undatedCodings = index.contexts.filter((c) => sourceDate(c.source) === undefined).length;
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
      notes.push(lang === 'id' ? `${undatedCodings} koding dari sumber tanpa tanggal tidak ditampilkan.` : `${undatedCodings} codings from undated sources are not shown.`);
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
