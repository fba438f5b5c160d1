import { parse } from 'csv-parse/sync';
import type { Diagnostics } from '../../util/diagnostics.js';
import { delimiterOf, type Delimiter } from '../../util/csv-table.js';
import type { Level } from './alpha.js';
import type { ReliabilityData, Value } from './data.js';

/**
 * A reliability matrix from a spreadsheet (`qia agree --matrix file.csv`): one row per unit,
 * one column per coder, the first row naming the coders.
 *
 * - If the first header cell is a unit name (`unit`, `units`, `unit_id`, `unit id`, `id`,
 *   `segment`, `segmen`, `item`, `butir`, `subject`; any case), that column holds the unit ids,
 *   which must be unique and non-empty. Otherwise every column is a coder and each unit is named
 *   by the line it starts on.
 * - A blank cell is a missing value (the coder did not code that unit). Nothing else is: `NA`,
 *   `-` or `.` are labels like any other.
 * - A cell that reads as a number (`3`, `-0.5`, `1e3`) is a number; anything else is a label,
 *   trimmed and case-sensitive (`Ya` and `ya` differ).
 * - Separators: comma, semicolon or tab, whichever the header line has most of. Excel in an
 *   Indonesian (or any comma-decimal) locale saves `;`-separated files with decimal commas, so
 *   with `;` or tab `2,5` is the number 2.5.
 * - Rows with every cell blank are skipped (spreadsheets leave them at the end).
 *
 * Every problem is a diagnostic with file, line and column; a bad row or cell is left out and
 * the rest is read, so one typo never hides the others.
 */

export interface MatrixCsv {
  data: ReliabilityData;
  delimiter: Delimiter;
  /** Whether the first column held unit ids (else units are named by line). */
  unitColumn: boolean;
}

export interface MatrixCsvOptions {
  /** The level the data will be analysed at: ordinal, interval and ratio need numbers (ratio ≥ 0). */
  level?: Level;
}

const UNIT_HEADERS = new Set(['unit', 'units', 'unit_id', 'unit-id', 'unit id', 'id', 'segment', 'segmen', 'item', 'butir', 'subject']);

const HINT_LAYOUT = 'one row per unit, one column per coder, the first row naming the coders: unit,coder_a,coder_b';

type CsvRecord = { record: string[]; raw: string; info: { lines: number } };

/** The file's records with their raw text and line, a record csv-parse cannot read reported and skipped. */
function csvRecords(body: string, delimiter: string, file: string, diags: Diagnostics): CsvRecord[] {
  return parse(body, {
    delimiter,
    relax_column_count: true,
    info: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err)
        diags.error(
          'agree/csv-syntax',
          `unreadable CSV: ${err.message
            .replace(/[:(].*$/s, '')
            .trim()
            .toLowerCase()}`,
          { file, line: Number(err.lines) || 1 },
          'a cell with the separator, a quote or a line break must be in double quotes, and a quote inside it doubled ("")',
        );
      return undefined;
    },
  }) as unknown as CsvRecord[];
}

export function parseMatrixCsv(text: string, file: string, diags: Diagnostics, options: MatrixCsvOptions = {}): MatrixCsv | undefined {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = delimiterOf(body);
  const records = csvRecords(body, delimiter, file, diags);

  let header: { names: (string | null)[]; unitColumn: boolean } | undefined;
  const coderNames: string[] = [];
  const rows: { unit: string; values: Value[] }[] = [];
  const unitLine = new Map<string, number>();
  for (const { record, raw, info } of records) {
    if (record.every((f) => f.trim() === '')) continue;
    const trailing = raw.endsWith('\n') ? 1 : 0;
    const line = info.lines - (count(raw, '\n') - trailing);
    const at = fieldPositions(raw, delimiter, line);
    const where = (i: number) => ({ file, line: at[i]?.line ?? line, column: at[i]?.column ?? 1 });

    if (!header) {
      header = readHeader(record, where, diags);
      for (const n of header.names) if (n !== null) coderNames.push(n);
      continue;
    }
    const width = header.names.length + (header.unitColumn ? 1 : 0);
    if (record.length > width && record.slice(width).some((f) => f.trim() !== '')) {
      diags.error(
        'agree/extra-field',
        `row has ${record.length} cells, the header names ${width} columns; the row was left out`,
        where(width),
        'a value without a coder column cannot be counted: add the coder to the header, or quote a label that contains the separator',
      );
      continue;
    }
    if (record.length < width) {
      diags.warn(
        'agree/short-row',
        `row has ${record.length} cell${record.length === 1 ? '' : 's'} for ${width} columns; the missing ones count as not coded`,
        where(record.length - 1),
        'end the row with separators for empty cells so a missing value is visibly meant',
      );
    }
    let unit = String(line);
    if (header.unitColumn) {
      unit = (record[0] ?? '').trim();
      if (unit === '') {
        diags.error('agree/no-unit', 'row has no unit id; the row was left out', where(0), 'give every row an id in the first column');
        continue;
      }
      const first = unitLine.get(unit);
      if (first !== undefined) {
        diags.error(
          'agree/duplicate-unit',
          `unit "${unit}" already appeared on line ${first}; this row was left out`,
          where(0),
          'each unit is one row; give the rows distinct ids',
        );
        continue;
      }
      unitLine.set(unit, line);
    }
    const offset = header.unitColumn ? 1 : 0;
    const values: Value[] = [];
    header.names.forEach((name, j) => {
      if (name === null) return;
      const i = j + offset;
      values.push(readCell(record[i] ?? '', delimiter, options.level, name, where(i), diags));
    });
    rows.push({ unit, values });
  }

  if (!header) {
    diags.error('agree/empty', 'the file has no header and no rows', { file, line: 1 }, HINT_LAYOUT);
    return undefined;
  }
  if (coderNames.length < 2) {
    diags.error('agree/too-few-coders', `agreement needs at least two coder columns, the header has ${coderNames.length}`, { file, line: 1 }, HINT_LAYOUT);
    return undefined;
  }
  if (rows.length === 0) {
    diags.error('agree/no-units', 'the file has a header but no rows of data', { file, line: 1 }, HINT_LAYOUT);
    return undefined;
  }
  return { data: { units: rows.map((r) => r.unit), coders: coderNames, values: rows.map((r) => r.values) }, delimiter, unitColumn: header.unitColumn };
}

type Where = { file: string; line: number; column: number };

/** Coder names from the header: a blank or repeated name is reported and its column ignored. */
function readHeader(record: string[], where: (i: number) => Where, diags: Diagnostics): { names: (string | null)[]; unitColumn: boolean } {
  const unitColumn = UNIT_HEADERS.has((record[0] ?? '').trim().toLowerCase());
  const seen = new Set<string>();
  const names = record.slice(unitColumn ? 1 : 0).map((h, j) => {
    const i = j + (unitColumn ? 1 : 0);
    const name = h.trim();
    if (name === '') {
      diags.error('agree/coder-name', `column ${i + 1} has no coder name; the column was left out`, where(i), 'name every coder in the first row');
      return null;
    }
    if (seen.has(name)) {
      diags.error('agree/duplicate-coder', `coder "${name}" names two columns; the second was left out`, where(i), 'give each coder one column');
      return null;
    }
    seen.add(name);
    return name;
  });
  return { names, unitColumn };
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

function readCell(cell: string, delimiter: Delimiter, level: Level | undefined, coder: string, where: Where, diags: Diagnostics): Value {
  const s = cell.trim();
  if (s === '') return null;
  let value: Value = s;
  const n = NUMBER.test(s) ? Number(s) : delimiter !== ',' && DECIMAL_COMMA.test(s) ? Number(s.replace(',', '.')) : NaN;
  // 1e999 reads as Infinity, which no statistic can use: it stays a label.
  if (Number.isFinite(n)) value = n;
  if (level !== undefined && level !== 'nominal') {
    if (typeof value !== 'number') {
      diags.error(
        'agree/not-numeric',
        `coder ${coder}: "${s}" is not a number, and the ${level} level needs numbers; the cell was left out`,
        where,
        'use --level nominal for labels, or code the values as numbers',
      );
      return null;
    }
    if (level === 'ratio' && value < 0) {
      diags.error(
        'agree/negative-ratio',
        `coder ${coder}: ${s} is negative, and the ratio level needs values ≥ 0; the cell was left out`,
        where,
        'use --level interval for values that can be negative',
      );
      return null;
    }
  }
  return value;
}

/** The separator the header line uses most, outside quotes; comma on a tie or none. */

/**
 * Where each field of a record starts (1-based line and column, counted in characters as an
 * editor shows them), found by walking the record's raw text with the CSV quoting rules.
 */
export function fieldPositions(raw: string, delimiter: string, firstLine: number): { line: number; column: number }[] {
  const out = [{ line: firstLine, column: 1 }];
  let line = firstLine;
  let column = 1;
  let quoted = false;
  let atFieldStart = true;
  const chars = [...raw];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (quoted) {
      if (ch === '"' && chars[i + 1] === '"') {
        i++;
        column++;
      } else if (ch === '"') quoted = false;
    } else if (ch === '"' && atFieldStart) quoted = true;
    else if (ch === delimiter) {
      out.push({ line, column: column + 1 });
      atFieldStart = true;
      column++;
      continue;
    }
    atFieldStart = false;
    if (ch === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return out;
}

/**
 * The file's bytes as text: UTF-8 (a byte order mark dropped), UTF-16 when it starts with one,
 * and otherwise Latin-1, with a warning, for files saved as "ANSI" by old spreadsheets.
 */
export function decodeMatrixBytes(bytes: Uint8Array, file: string, diags: Diagnostics): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    diags.warn(
      'agree/encoding',
      'the file is not UTF-8; it was read as Latin-1, so labels with accented letters may differ from what the spreadsheet shows',
      { file },
      'save it as "CSV UTF-8" to be sure',
    );
    return new TextDecoder('latin1').decode(bytes);
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
