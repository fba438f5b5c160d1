import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeMatrixBytes, fieldPositions, parseMatrixCsv } from '../../../src/conclude/agreement/matrix-csv.js';
import { delimiterOf as detectDelimiter } from '../../../src/util/csv-table.js';
import { Diagnostics } from '../../../src/util/diagnostics.js';

function read(text: string, level?: 'nominal' | 'ordinal' | 'interval' | 'ratio') {
  const diags = new Diagnostics();
  const m = parseMatrixCsv(text, 'm.csv', diags, level ? { level } : {});
  return { m, diags: diags.items.map((d) => `${d.line}:${d.column ?? ''} ${d.severity} ${d.code}`), items: diags.items };
}

describe('matrix CSV', () => {
  it('reads units × coders with a unit column; blank cells are missing, numbers are numbers', () => {
    const { m, diags } = read('unit,ana,budi,citra\ns1,1,1,\ns2,ya,2, \n"s 3",2.5,-1,1e2\n');
    expect(diags).toEqual([]);
    expect(m!.unitColumn).toBe(true);
    expect(m!.data).toEqual({
      units: ['s1', 's2', 's 3'],
      coders: ['ana', 'budi', 'citra'],
      values: [
        [1, 1, null],
        ['ya', 2, null],
        [2.5, -1, 100],
      ],
    });
  });

  it('reads semicolon files with decimal commas, as Excel saves them in an Indonesian locale', () => {
    expect(detectDelimiter('unit;a;b\n1;2,5;3\n')).toBe(';');
    const { m, diags } = read('\uFEFFUnit;koder A;koder B\r\nu1;2,5;3\r\nu2;"ya, tentu";tidak\r\n');
    expect(diags).toEqual([]);
    expect(m!.data.values).toEqual([
      [2.5, 3],
      ['ya, tentu', 'tidak'],
    ]);
    // With commas as separators, a quoted "2,5" is a label: the file's own decimal point is a dot.
    expect(read('unit,a,b\n1,"2,5",3\n').m!.data.values[0]).toEqual(['2,5', 3]);
  });

  it('reads tab-separated files', () => {
    expect(read('unit\ta\tb\nx\t1\t2\n').m!.data.values).toEqual([[1, 2]]);
  });

  it('without a unit column every column is a coder and units are named by their line', () => {
    const { m } = read('a,b\n1,1\n\n2,1\n');
    expect(m!.unitColumn).toBe(false);
    expect(m!.data.units).toEqual(['2', '4']);
    expect(m!.data.coders).toEqual(['a', 'b']);
  });

  it('skips rows with every cell blank, and trailing empty cells', () => {
    const { m, diags } = read('unit,a,b\nx,1,2,,\n,,\n');
    expect(diags).toEqual([]);
    expect(m!.data.units).toEqual(['x']);
  });

  it('reports a repeated unit, a missing unit id and an extra value at their line and column, and reads the rest', () => {
    const { m, diags } = read('unit,a,b\nu1,1,2\nu1,2,2\n,1,1\nu2,1,2,3\nu3,1\n');
    expect(diags).toEqual(['3:1 error agree/duplicate-unit', '4:1 error agree/no-unit', '5:8 error agree/extra-field', '6:4 warning agree/short-row']);
    expect(m!.data.units).toEqual(['u1', 'u3']);
    expect(m!.data.values[1]).toEqual([1, null]);
  });

  it('at interval level, a label is an error at its cell, which is left out', () => {
    const { m, diags, items } = read('unit,a,b\nu1,1,dua\nu2,-3,4\n', 'interval');
    expect(diags).toEqual(['2:6 error agree/not-numeric']);
    expect(items[0]!.message).toContain('coder b');
    expect(m!.data.values).toEqual([
      [1, null],
      [-3, 4],
    ]);
    expect(read('unit,a,b\nu1,1,2\nu2,-3,4\n', 'ratio').diags).toEqual(['3:4 error agree/negative-ratio']);
    expect(read('unit,a,b\nu1,1,dua\n', 'nominal').diags).toEqual([]);
  });

  it('counts lines inside quoted cells, so later positions stay right', () => {
    const { diags } = read('unit,a,b\n"u\n1",x,y\nu2,"multi\nline",z,extra\n');
    expect(diags).toEqual(['5:9 error agree/extra-field']);
    expect(fieldPositions('a,"b\n""c",d', ',', 7)).toEqual([
      { line: 7, column: 1 },
      { line: 7, column: 3 },
      { line: 8, column: 6 },
    ]);
  });

  it('reports unreadable CSV with its line instead of throwing', () => {
    const { m, diags, items } = read('unit,a,b\nu1,1,2\nu2,"bad"x,1\n');
    expect(diags).toContain('3: error agree/csv-syntax');
    expect(items.find((d) => d.code === 'agree/csv-syntax')!.message).toMatch(/^unreadable CSV: invalid closing quote/);
    expect(m!.data.units).toEqual(['u1']);
  });

  it('refuses files it cannot make a matrix of', () => {
    expect(read('').diags).toEqual(['1: error agree/empty']);
    expect(read('unit,a\nu1,1\n').diags).toEqual(['1: error agree/too-few-coders']);
    expect(read('unit,a,b\n').diags).toEqual(['1: error agree/no-units']);
    const dup = read('unit,a,a,,b\nu1,1,1,1,1\n');
    expect(dup.diags).toEqual(['1:8 error agree/duplicate-coder', '1:10 error agree/coder-name']);
    expect(dup.m!.data.coders).toEqual(['a', 'b']);
  });

  it('decodes UTF-16 and, with a warning, Latin-1', () => {
    const diags = new Diagnostics();
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'a,b'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeMatrixBytes(utf16, 'm.csv', diags)).toBe('a,b');
    expect(decodeMatrixBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'm.csv', diags)).toBe('a');
    expect(diags.items).toEqual([]);
    expect(decodeMatrixBytes(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), 'm.csv', diags)).toBe('café');
    expect(diags.items.map((d) => d.code)).toEqual(['agree/encoding']);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '1', ',', ';', '\t', '"', '\n', '\r', ' ', 'é', '\uFEFF') }), (text) => {
        const diags = new Diagnostics();
        parseMatrixCsv(text, 'm.csv', diags, { level: 'interval' });
        for (const d of diags.items) expect(d.line ?? 1).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back any matrix written with standard quoting', () => {
    const cell = fc.oneof(
      fc.constant(''),
      fc.integer({ min: -50, max: 50 }).map(String),
      fc
        .string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n'), minLength: 1, maxLength: 5 })
        .filter((s) => s.trim() !== '' && !/^[+-]?[\d.]/.test(s.trim())),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
        const text = ['unit,a,b,c', ...rows.map((r, i) => [`u${i}`, ...r].map(q).join(','))].join('\n');
        const { m, diags } = read(text);
        expect(diags).toEqual([]);
        // A row with a unit id and no values is a unit nobody coded: kept, all missing.
        expect(m!.data.units).toEqual(rows.map((_, i) => `u${i}`));
        expect(m!.data.values).toEqual(rows.map((r) => r.map((c) => (c.trim() === '' ? null : /^-?\d+$/.test(c) ? Number(c) : c.trim()))));
      }),
    );
  });
});
