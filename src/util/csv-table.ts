import { unneutralised } from '../render/csv-write.js';
import { parse } from 'csv-parse/sync';
import type { Diagnostics } from './diagnostics.js';

/** One data row of a small CSV file, by lower-cased header name, with the line it starts on. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
  /** How many fields the row had, to tell a short row from an empty cell. */
  fields: number;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * Reads a researcher's CSV (comma separated, optional BOM, quoted fields may span lines). A
 * syntax error costs the one row it is in, not the file: the row is a diagnostic at its line and
 * reading starts again on the line after it (a stray quote in one row used to leave the parser
 * out of step for every row after it). Blank lines are skipped; `diagCode` names the syntax
 * error in the caller's vocabulary.
 */
export function readCsvTable(text: string, file: string, diags: Diagnostics, diagCode: string): CsvTable | undefined {
  let header: string[] | undefined;
  const rows: CsvRow[] = [];
  for (const { record, line } of resilientRecords(text, (line, message) =>
    diags.error(
      diagCode,
      `unreadable CSV row: ${message}`,
      { file, line },
      'check the quotes in that row: a field with a comma or a line break must be in double quotes, and a quote inside it doubled (""); the other rows were read',
    ),
  )) {
    if (record.length === 1 && record[0]!.trim() === '') continue;
    if (!header) {
      header = record.map((h) => h.trim().toLowerCase());
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      // A cell qia (or a spreadsheet) wrote with the formula guard reads back as the text it guards.
      if (i < record.length) values[h] = unneutralised(record[i]!);
    });
    rows.push({ line, values, fields: record.length });
  }
  return header ? { header, rows } : undefined;
}

/** Every record of `text` with the line it starts on; a record csv-parse cannot read is reported and skipped. */
function* resilientRecords(text: string, bad: (line: number, message: string) => void): Iterable<{ record: string[]; line: number }> {
  // One line ending throughout: csv-parse counts the lines of a file that mixes \n and \r\n (a row
  // pasted in from another editor) out of step with what an editor shows.
  let rest = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = delimiterOf(rest);
  let before = 0; // lines of the text before `rest`
  for (;;) {
    const got: { record: string[]; line: number }[] = [];
    let lastEnd = 0;
    try {
      parse(rest, {
        delimiter,
        relax_column_count: true,
        on_record: (record: string[], ctx: { lines: number }) => {
          const newlines = record.reduce((n, f) => n + count(f, '\n'), 0);
          got.push({ record, line: before + ctx.lines - newlines });
          lastEnd = ctx.lines;
          return record;
        },
      });
      yield* got;
      return;
    } catch (err) {
      yield* got;
      // The bad record starts on the line after the last good one; read on from the line after that.
      const start = lastEnd + 1;
      bad(before + start, ((err as Error).message ?? String(err)).replace(/ at line \d+.*$/s, ''));
      const cut = nthLineStart(rest, start);
      if (cut < 0) return;
      rest = rest.slice(cut);
      before += start;
    }
  }
}

/** The field separators a researcher's spreadsheet saves. */
export type Delimiter = ',' | ';' | '\t';

/**
 * The field separator, from the header line (the first line with text): a comma, or the
 * semicolon a spreadsheet saves in a locale whose decimal mark is a comma (Excel and LibreOffice
 * in Indonesian), or the tab of "Unicode text". Only separators outside double quotes count, so
 * a header cell such as `"nama, jabatan"` in a `;` file does not tip it to commas; a quoted
 * header cell may span lines. Ties go to the comma, then the semicolon. Give it the text without
 * a byte order mark.
 */
export function delimiterOf(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let sawText = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (sawText) break;
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
    if (ch.trim() !== '') sawText = true;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** Offset where 1-based line `n + 1` starts (the line after line n), or −1 when there is none. */
function nthLineStart(text: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n; i++) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) return -1;
    at = nl + 1;
  }
  return at;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
