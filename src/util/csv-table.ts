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
 * Reads a researcher's CSV (comma separated, optional BOM, quoted fields may span lines).
 * A syntax error costs the rows it touches, not the file: each becomes a diagnostic.
 * Blank lines are skipped; `diagCode` names the syntax error in the caller's vocabulary.
 */
export function readCsvTable(text: string, file: string, diags: Diagnostics, diagCode: string): CsvTable | undefined {
  const records = parse(text, {
    bom: true,
    relax_column_count: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err) diags.error(diagCode, `unreadable CSV: ${err.message.replace(/ at line \d+.*$/, '')}`, { file, line: Number(err.lines) || 1 }, 'check the quotes around that row: a field with a comma or a line break must be in double quotes, and a quote inside it doubled ("")');
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  let header: string[] | undefined;
  const rows: CsvRow[] = [];
  for (const { record, info } of records) {
    if (record.length === 1 && record[0]!.trim() === '') continue;
    const newlines = record.reduce((n, f) => n + count(f, '\n'), 0);
    const line = info.lines - newlines;
    if (!header) {
      header = record.map((h) => h.trim().toLowerCase());
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      if (i < record.length) values[h] = record[i]!;
    });
    rows.push({ line, values, fields: record.length });
  }
  return header ? { header, rows } : undefined;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
