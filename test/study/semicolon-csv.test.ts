import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { delimiterOf, readCsvTable } from '../../src/util/csv-table.js';
import { Diagnostics } from '../../src/util/diagnostics.js';
import { qia, ROOT } from '../helpers/cli.js';

/**
 * A researcher who opens informants.csv or a coder's file in Excel or LibreOffice with an
 * Indonesian locale and saves it gets `;` between fields (the comma is the decimal mark), a
 * UTF-8 byte order mark ("CSV UTF-8") and CRLF line ends. qia reads such a file as the comma
 * file it was.
 */

const tmp = mkdtempSync(join(tmpdir(), 'qia-semicolon-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SAMPLE = join(ROOT, 'samples/lapak-asik');

/** The rows of a comma CSV file, with one cell given a comma and a semicolon so quoting matters. */
function rowsOf(file: string): string[][] {
  const rows = parse(readFileSync(file, 'utf8'), { relax_column_count: true }) as string[][];
  rows[1]![rows[1]!.length - 1] = `${rows[1]!.at(-1)}, lantai 2; ruang depan`;
  return rows;
}

/** Two copies of the sample: one with its CSV files as commas, one as Excel saves them in an Indonesian locale. */
function twoStudies(): { comma: string; excel: string; files: string[] } {
  const comma = join(tmp, 'comma');
  const excel = join(tmp, 'excel');
  cpSync(SAMPLE, comma, { recursive: true });
  cpSync(SAMPLE, excel, { recursive: true });
  const files = [
    'informants.csv',
    ...readdirSync(join(SAMPLE, 'codings'))
      .filter((f) => f.endsWith('.csv'))
      .map((f) => `codings/${f}`),
  ];
  for (const f of files) {
    const rows = rowsOf(join(SAMPLE, f));
    writeFileSync(join(comma, f), stringify(rows));
    // Excel quotes a cell only when it holds the separator, a quote or a line break.
    writeFileSync(join(excel, f), '\uFEFF' + stringify(rows, { delimiter: ';', record_delimiter: 'windows' }));
  }
  return { comma, excel, files };
}

describe('`;`-separated informants.csv and coder files (Excel in an Indonesian locale)', () => {
  const { comma, excel, files } = twoStudies();

  it('the files really are what Excel writes: BOM, `;`, CRLF, a quoted cell holding `,` and `;`', () => {
    for (const f of files) {
      const text = readFileSync(join(excel, f), 'utf8');
      expect(text.startsWith('\uFEFF'), f).toBe(true);
      expect(text.split('\r\n')[0], f).toContain(';');
      expect(text.split('\r\n')[0], f).not.toContain(',');
      expect(text, f).toContain('lantai 2; ruang depan"');
    }
  });

  it('qia sources reads the same informants from both', () => {
    const a = qia(['sources', comma, '--format', 'json']);
    const b = qia(['sources', excel, '--format', 'json']);
    expect(a.status).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).not.toMatch(/informants\/|no `id` column/);
    const informantsOf = (out: string) =>
      (JSON.parse(out) as { sources: { informant: string | null; role: string | null }[] }).sources.map((s) => [s.informant, s.role]);
    expect(informantsOf(b.stdout)).toEqual(informantsOf(a.stdout));
    // The informants are really resolved (a role each), not both missing alike.
    expect(informantsOf(b.stdout).filter(([, role]) => role !== null).length).toBeGreaterThan(5);
  });

  it('qia code takes the coders’ codings from both alike', () => {
    const a = qia(['code', comma, '--format', 'csv', '-o', join(tmp, 'out-a')]);
    const b = qia(['code', excel, '--format', 'csv', '-o', join(tmp, 'out-b')]);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).not.toMatch(/coding\/|unknown column/);
    const manual = (out: string) => out.split('\n').filter((l) => /,coder-[ab],manual,/.test(l));
    expect(manual(a.stdout).length).toBeGreaterThan(10);
    expect(manual(b.stdout)).toEqual(manual(a.stdout));
  });
});

describe('delimiterOf', () => {
  it('counts only separators outside quotes, on the first line with text', () => {
    expect(delimiterOf('"id, kode";"label, nama";role\n1,2,3,4,5\n')).toBe(';');
    expect(delimiterOf('\n\nid;label\n')).toBe(';');
    expect(delimiterOf('"a\nb;c;d";x,y\n')).toBe(',');
    expect(delimiterOf('id\tlabel\trole\n')).toBe('\t');
    expect(delimiterOf('id\n')).toBe(',');
  });

  /** A researcher's table: header names that may hold any separator, cells with anything but a carriage return. */
  const NAME = fc.string({ unit: fc.constantFrom('a', 'B', 'é', ' ', ',', ';', '\t', '"', '1'), minLength: 1, maxLength: 6 }).filter((s) => /[a-zé1B]/.test(s));
  const CELL = fc.string({ unit: fc.constantFrom('x', 'é', ' ', ',', ';', '\t', '"', '\n', '2', '='), maxLength: 8 });
  const TABLE = fc
    .uniqueArray(NAME, { minLength: 2, maxLength: 5, selector: (s) => s.trim().toLowerCase() })
    .chain((header) => fc.tuple(fc.constant(header), fc.array(fc.array(CELL, { minLength: header.length, maxLength: header.length }), { maxLength: 4 })));

  it('reads back any table written with `,`, `;` or tab, with or without a BOM and CRLF (property)', () => {
    fc.assert(
      fc.property(TABLE, fc.constantFrom(',', ';', '\t'), fc.boolean(), fc.boolean(), ([header, rows], delimiter, bom, crlf) => {
        // As a spreadsheet writes: a cell is quoted when it holds any separator, a quote or a line break (csv-stringify by itself leaves a lone LF unquoted under CRLF).
        const text = (bom ? '\uFEFF' : '') + stringify([header, ...rows], { delimiter, record_delimiter: crlf ? 'windows' : 'unix', quoted_match: /[,;\t\n]/ });
        expect(delimiterOf(text.replace(/^\uFEFF/, ''))).toBe(delimiter);
        const diags = new Diagnostics();
        const table = readCsvTable(text, 'f.csv', diags, 'coding/csv-syntax');
        expect(diags.items).toEqual([]);
        expect(table?.header).toEqual(header.map((h) => h.trim().toLowerCase()));
        // A row of one empty cell is a blank line to a CSV reader; the tables here have two columns or more.
        expect(table?.rows.map((r) => header.map((h) => r.values[h.trim().toLowerCase()]))).toEqual(rows);
      }),
    );
  });
});
