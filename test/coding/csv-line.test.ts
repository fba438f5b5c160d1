import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CODING_COLUMNS, codingCsvLine, codingsCsv, codingsCsvChunks, type CodingRow } from '../../src/render/coding-rows.js';
import { unneutralised } from '../../src/render/csv-write.js';

describe('a line of codings.csv', () => {
  it('reads back, column by column in CODING_COLUMNS order, as the row it was written from, with no cell a spreadsheet would run', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', "'", '\u00a0', '\u3000', 'é', ';'),
      maxLength: 12,
    });
    const row = fc.record({
      segment: text,
      source: text,
      informant: text,
      role: text,
      group: text,
      kind: text,
      line: fc.nat(),
      code: text,
      valence: fc.constantFrom('+' as const, '-' as const, '0' as const),
      coder: text,
      origin: text,
      status: text,
      start: fc.nat(),
      end: fc.nat(),
      quote: text,
      rules: text,
      memo: text,
      score: fc.constantFrom('', '0.00', '0.57', '1.00'),
    });
    fc.assert(
      fc.property(row, (r: CodingRow) => {
        const [cells] = parse(codingCsvLine(r), { relax_column_count: true }) as string[][];
        expect(cells).toHaveLength(CODING_COLUMNS.length);
        CODING_COLUMNS.forEach((k, i) => {
          // Every text column is guarded (issue 17 #4: segment, source and coder too): no cell
          // starts like a formula, and taking the guard off gives the text back.
          const cell = cells![i]!;
          if (typeof r[k] === 'string' && cell !== '+' && cell !== '-') expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          expect(unneutralised(cell)).toBe(String(r[k]));
        });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('codings.csv as bytes', () => {
  it('is byte for byte the text form, across chunk boundaries and multi-byte characters', () => {
    const rows: CodingRow[] = Array.from({ length: 9000 }, (_, i) => ({
      segment: `interviews/w${i}:3`,
      source: `interviews/w${i}`,
      informant: 'U2',
      role: 'warga',
      group: i % 3 ? 'Metro' : 'Désa “Way Kanan”',
      kind: 'interview',
      line: i,
      code: 'complexity',
      valence: i % 2 ? '+' : '-',
      coder: 'auto',
      origin: 'rule',
      status: 'auto',
      start: i,
      end: i + 90,
      quote: `${'Aplikasinya mudah, '.repeat(i % 9)}😀 "kata" Bu Rina — ${i}`,
      rules: 'complexity#1',
      memo: i % 5 ? '' : '=catatan',
      score: i % 4 ? '0.50' : '',
    }));
    const chunks = [...codingsCsvChunks(rows)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(Buffer.from(codingsCsv(rows)))).toBe(true);
  });
});
