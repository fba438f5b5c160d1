import Table from 'cli-table3';
import { stableJson } from '../util/stable-json.js';
import type { Comparison } from '../compare/model.js';
import { COMPARE_DISPLAYS, dataSheet, sheets, type CompareDisplay, type Sheet } from '../compare/sheets.js';
import { w } from '../i18n/compare.js';
import { csvDocument, type CsvDialect } from './csv-write.js';
import { mdTable } from './md.js';
import { tagged } from './json-kinds.js';

/** The output formats of `qia compare`. */
export const COMPARE_FORMATS = ['table', 'md', 'csv', 'json', 'html'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

/** The comparison as data: every display, every cell with its quotes, keys sorted. */
export function renderCompareJson(c: Comparison): string {
  return stableJson(tagged('compare', c));
}

/** One display for a spreadsheet (the one CSV writer: text neutralised, numbers as numbers; `--excel` as asked). */
export function renderCompareCsv(c: Comparison, display: CompareDisplay, dialect: CsvDialect = {}): string {
  const d = dataSheet(c, display);
  return csvDocument([d.header, ...d.rows], dialect);
}

/** The displays in the terminal, each under its title. */
export function renderCompareTable(c: Comparison, displays: readonly CompareDisplay[] = COMPARE_DISPLAYS): string {
  const width = process.stdout.columns && process.stdout.columns > 40 ? process.stdout.columns : 160;
  const out: string[] = [];
  for (const s of sheets(c).filter((x) => displays.includes(x.display))) {
    out.push(s.title);
    if (s.note) out.push(s.note);
    out.push(terminalTable(s, width));
    out.push('');
  }
  return out.join('\n');
}

function terminalTable(s: Sheet, width: number): string {
  const cols = s.header.length;
  // Share the width: the first column as wide as its longest label up to a third, the rest evenly.
  const first = Math.min(Math.max(...[s.header[0]!, ...s.rows.map((r) => r[0]!)].map((x) => x.length)) + 2, Math.floor(width / 3));
  const rest = Math.max(8, Math.floor((width - first - cols - 1) / Math.max(1, cols - 1)));
  const t = new Table({
    head: s.header,
    style: { head: [], border: [] },
    wordWrap: true,
    wrapOnWordBoundary: true,
    colWidths: [first, ...Array.from({ length: cols - 1 }, () => rest)],
  });
  for (const r of s.rows) t.push(r);
  return t.toString();
}

/** The displays as Markdown tables (the report's sections, without the narrative). */
export function displaysMd(c: Comparison, level = 2): string[] {
  const out: string[] = [];
  const h = '#'.repeat(level);
  for (const s of sheets(c)) {
    out.push(`${h} ${s.title}`, '');
    if (s.note) out.push(s.note, '');
    out.push(mdTable(s.header, s.rows), '');
  }
  return out;
}

/** The comparison report in Markdown: cases, narrative, every display, what was not compared, the method. */
export function renderCompareMd(c: Comparison): string {
  const L = c.lang;
  const out: string[] = [`# ${w(L, 'comparison')}`, ''];
  out.push(`## ${w(L, 'cases')}`, '');
  const cases = casesTable(c);
  out.push(mdTable(cases.header, cases.rows), '');
  out.push(`## ${w(L, 'narrative')}`, '');
  for (const s of c.narrative) out.push(`- ${s}`);
  out.push('');
  out.push(...displaysMd(c));
  out.push(...unsharedMd(c));
  out.push(`## ${w(L, 'method')}`, '', w(L, 'methodText'), '');
  return out.join('\n');
}

function unsharedMd(c: Comparison): string[] {
  const L = c.lang;
  const out: string[] = [];
  out.push(`## ${w(L, 'notShared')}`, '');
  if (c.notShared.length === 0) out.push(w(L, 'none'), '');
  else {
    const t = notSharedTable(c);
    out.push(mdTable(t.header, t.rows), '');
  }
  if (c.refused.length) {
    out.push(`## ${w(L, 'refused')}`, '');
    const t = refusedTable(c);
    out.push(mdTable(t.header, t.rows), '');
  }
  return out;
}

/** A table of the comparison as header and rows of text, for the Markdown and HTML reports alike. */
type TextTable = Pick<Sheet, 'header' | 'rows'>;

/** The compared cases: folder, case, title, counts, codebook, variables. */
export function casesTable(c: Comparison): TextTable {
  const L = c.lang;
  return {
    header: [w(L, 'folder'), w(L, 'case'), w(L, 'title'), w(L, 'sources'), w(L, 'informants'), w(L, 'codings'), w(L, 'codebook'), w(L, 'variables')],
    rows: c.cases.map((k) => [
      k.id,
      k.case,
      k.title,
      String(k.counts.sources),
      String(k.counts.informants),
      String(k.counts.codings),
      `${k.codebook.id} ${k.codebook.version}`,
      variablesText(k.variables),
    ]),
  };
}

/** The codes only some cases have, with those cases. */
export function notSharedTable(c: Comparison): TextTable {
  return { header: [w(c.lang, 'code'), w(c.lang, 'inCases')], rows: c.notShared.map((x) => [`${x.label} (${x.code})`, x.cases.join(', ')]) };
}

/** The codes not compared because their meaning differs between cases, and how. */
export function refusedTable(c: Comparison): TextTable {
  const L = c.lang;
  return {
    header: [w(L, 'code'), w(L, 'differs'), w(L, 'cases')],
    rows: c.refused.map((r) => [
      r.code,
      r.differs.join(', '),
      r.meanings.map((m) => `${m.case}: ${m.group}, ${m.parent ?? '—'}, ${m.inverted ? 'inverted' : 'not inverted'}`).join('; '),
    ]),
  };
}

export function variablesText(v: Record<string, string | number>): string {
  return Object.keys(v)
    .sort()
    .map((k) => `${k}: ${v[k]}`)
    .join(', ');
}
