import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, csvRecordsFast, type CsvCell } from '../../src/render/csv-write.js';

/**
 * codings.csv's rows are written by a hand-written CSV writer for speed; every other CSV by
 * csv-stringify. The two must give the same bytes for any cells, in both dialects: quoting of the
 * separator, quotes, line breaks and edge white space, the formula guard, numbers.
 */

const awkward = fc.constantFrom(',', ';', '"', '\r', '\n', '\r\n', ' ', '\t', '=', '+', '-', '@', "'", '\u00a0', '\u2028', 'a', 'é', '0.5', '');
const text = fc.oneof(
  fc.string(),
  fc.array(awkward, { maxLength: 8 }).map((xs) => xs.join('')),
  fc.string({ unit: 'grapheme' }),
);
const cell: fc.Arbitrary<CsvCell> = fc.oneof(text, text, fc.integer(), fc.double({ noNaN: true }), fc.constantFrom(0.25, -3, 1e21, -0));
const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 });

describe('csvRecordsFast', () => {
  it('writes what csv-stringify writes, for any cells, plain and --excel', () => {
    fc.assert(
      fc.property(rows, fc.boolean(), (rs, excel) => {
        expect(csvRecordsFast(rs, { excel })).toBe(csvRecords(rs, { excel }));
      }),
      { numRuns: 2000 },
    );
  });

  it('quotes and guards as a spreadsheet needs', () => {
    expect(csvRecordsFast([['a,b', ' x', '=1+1', 'say "hi"', -3, 0.25, '-', 'line\nbreak']])).toBe(
      '"a,b"," x",\'=1+1,"say ""hi""",-3,0.25,-,"line\nbreak"\r\n',
    );
    expect(csvRecordsFast([['a;b', 0.25]], { excel: true })).toBe('"a;b";0,25\r\n');
  });
});
