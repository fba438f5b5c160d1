import { stringify, type Options } from 'csv-stringify/sync';

/**
 * The one CSV writer of qia: every CSV it writes (codings.csv, matrix CSVs, query and kwic
 * lists, agreement tables, the codebook export, the coder files and informants.csv an import
 * creates) goes through here, so quoting, line ends and the formula guard cannot drift apart.
 *
 * - Line ends are CRLF, as RFC 4180 says: Excel, LibreOffice, R, pandas and csv-parse read them
 *   all, and one convention means a file never mixes the two.
 * - A field is quoted when it holds the separator, a quote, a line break, or white space at
 *   either edge (a spreadsheet or a trimming reader would otherwise lose it).
 * - Formula guard (CSV injection): a text cell starting with `=`, `+`, `-`, `@`, tab or
 *   carriage return gets a leading apostrophe, so a spreadsheet shows it instead of running it.
 *   It runs as csv-stringify's cast hook on every text cell of every column. A cell that is a
 *   JavaScript number is written as the number (`-3` stays numeric for R, pandas and a pivot
 *   table): only callers decide that a column is numeric, by passing numbers. A cell that is a
 *   lone `+` or `-` (valence marks) is left as is: neither Excel nor LibreOffice takes a lone
 *   sign for a formula, and the marks are what a coder types.
 * - `--excel`: a UTF-8 byte order mark (without it Excel and LibreOffice's default import read
 *   UTF-8 as the locale's code page: "â€œ" for “), `;` as separator and a decimal comma in
 *   numbers (0,25): the list separator and decimal mark of locales that write decimals with a
 *   comma (Indonesian among them), where Excel splits a double-clicked CSV on `;` only and
 *   reads 0.25 as text.
 */

export type CsvCell = string | number | null | undefined;
export type CsvRow = readonly CsvCell[];

export interface CsvDialect {
  /** UTF-8 BOM and `;` separator, for Excel and LibreOffice in a comma-decimal locale. */
  readonly excel?: boolean;
}

export const CSV_EOL = '\r\n';
const BOM = '\uFEFF';

// A formula character, after any apostrophes a neutralised cell may already start with.
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Text made safe for a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or carriage return gets
 * an apostrophe. Text that already starts with apostrophes before such a character gets one
 * more, so `unneutralised` always gives back the text that was written (`'=x` is written `''=x`).
 */
export function neutralised(s: string): string {
  if (s === '+' || s === '-') return s;
  // Most cells start with none of ' = + - @ tab CR: the regex is not needed to say so.
  const c = s.charCodeAt(0);
  if (c !== 39 && c !== 61 && c !== 43 && c !== 45 && c !== 64 && c !== 9 && c !== 13) return s;
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** What qia reads back from a cell it (or a spreadsheet) wrote with the guard. */
export function unneutralised(s: string): string {
  return s.length > 1 && s.charCodeAt(0) === 39 && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
}

const cache = new Map<boolean, Options>();

function options(dialect: CsvDialect): Options {
  const excel = dialect.excel === true;
  let o = cache.get(excel);
  if (!o) {
    o = {
      delimiter: excel ? ';' : ',',
      record_delimiter: 'windows',
      // csv-stringify quotes the separator, quotes and the record delimiter (CRLF); a lone LF or
      // CR and edge white space (JavaScript's \s is exactly what String.prototype.trim removes)
      // are quoted here.
      quoted_match: [/[\r\n]/, /^\s|\s$/],
      // In the locales --excel is for, the decimal mark is a comma (the reason the separator is `;`).
      cast: { string: neutralised, number: excel ? (n) => String(n).replace('.', ',') : (n) => String(n) },
    };
    cache.set(excel, o);
  }
  return o;
}

/** Rows as CSV records, each ending in CRLF; no BOM (for a piece after the first). */
export function csvRecords(rows: readonly CsvRow[], dialect: CsvDialect = {}): string {
  if (rows.length === 0) return '';
  return stringify(rows as CsvCell[][], options(dialect));
}

/** One record with its CRLF. */
export function csvRecord(row: CsvRow, dialect: CsvDialect = {}): string {
  return csvRecords([row], dialect);
}

/** The start of a file: the BOM under `--excel`, else nothing. */
export function csvStart(dialect: CsvDialect = {}): string {
  return dialect.excel ? BOM : '';
}

/** A whole CSV file: BOM (under `--excel`), header and rows. */
export function csvDocument(rows: readonly CsvRow[], dialect: CsvDialect = {}): string {
  return csvStart(dialect) + csvRecords(rows, dialect);
}

/** The dialect an option bag asks for (`--excel`). */
export function dialectOf(opts: Record<string, unknown>): CsvDialect {
  return opts['excel'] === true ? { excel: true } : {};
}

const SPACE = /\s/;

/** Whether the code unit is JavaScript's \s (ASCII by its code, the rest by the regex). */
function isSpace(c: number): boolean {
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(String.fromCharCode(c));
}

/**
 * csvRecords with csv-stringify's rules for these options written out by hand: codings.csv has a
 * row per coding, hundreds of thousands in a large study, and csv-stringify spent about 25 µs
 * on each (its per-field option handling), an eighth of `qia code`'s time. A property test
 * (test/render/csv-records-fast.test.ts) holds the two to the same bytes for any cells.
 */
export function csvRecordsFast(rows: readonly CsvRow[], dialect: CsvDialect = {}): string {
  const excel = dialect.excel === true;
  const delimiter = excel ? ';' : ',';
  // Joined, not added up field by field: one flat string instead of a tree of dozens of pieces
  // per row, which the collector then had to follow and the writer to flatten.
  const lines: string[] = new Array<string>(rows.length + 1);
  const fields: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    fields.length = row.length;
    for (let i = 0; i < row.length; i++) fields[i] = fieldOf(row[i], delimiter, excel);
    lines[r] = fields.join(delimiter);
  }
  lines[rows.length] = '';
  return rows.length === 0 ? '' : lines.join(CSV_EOL);
}

/** One cell as csvRecordsFast writes it (quoted and guarded as needed), for a writer that builds its own records. */
export function fieldOf(cell: CsvCell, delimiter: string, excel: boolean): string {
  let v: string;
  if (typeof cell === 'string') v = neutralised(cell);
  else if (typeof cell === 'number') v = excel ? String(cell).replace('.', ',') : String(cell);
  else return '';
  if (v === '') return '';
  // What needs quotes: a quote, the separator, a line break, white space at an edge. Each
  // character is looked for with includes, a native search: a loop over the code units was
  // several times slower on a quote, whose string comes in any of V8's representations.
  const quote = v.includes('"');
  if (quote || isSpace(v.charCodeAt(0)) || isSpace(v.charCodeAt(v.length - 1)) || v.includes(delimiter) || v.includes('\n') || v.includes('\r'))
    return `"${quote ? v.replaceAll('"', '""') : v}"`;
  return v;
}
