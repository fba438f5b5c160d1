import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { qia, ROOT } from '../helpers/cli.js';
import { join } from 'node:path';

/** `qia matrix --format csv --long`: one row per cell, numbers as numbers, the same counts as the display. */
const SAMPLE = join(ROOT, 'samples/lapak-asik');
const TYPES = ['cluster', 'role', 'method', 'checklist', 'obstacles', 'cooccurrence', 'time'];

interface JsonCell {
  row: string;
  column: string;
  count: number;
  counts: { positive: number; negative: number; neutral: number };
  refs: { sourceId: string; informant?: string }[];
}

describe('qia matrix --long', () => {
  it.each(TYPES)('%s: a row per cell whose counts are the display’s, every count a plain number', (type) => {
    const long = qia(['matrix', SAMPLE, '--type', type, '--format', 'csv', '--long']);
    expect(long.status, long.stderr).toBe(0);
    const records = parse(long.stdout, { columns: true }) as Record<string, string>[];
    const cells = (JSON.parse(qia(['matrix', SAMPLE, '--type', type, '--format', 'json']).stdout) as { cells: JsonCell[] }).cells;
    expect(records).toHaveLength(cells.length);
    cells.forEach((c, i) => {
      const r = records[i]!;
      expect([r['row'], r['column']]).toEqual([c.row, c.column]);
      for (const k of ['codings', 'favourable', 'unfavourable', 'neutral', 'informants', 'sources'])
        expect(r[k], `${type} ${c.row},${c.column} ${k}`).toMatch(/^\d+$/);
      expect(Number(r['codings'])).toBe(c.count);
      expect([Number(r['favourable']), Number(r['unfavourable']), Number(r['neutral'])]).toEqual([c.counts.positive, c.counts.negative, c.counts.neutral]);
      expect(Number(r['sources'])).toBe(new Set(c.refs.map((x) => x.sourceId)).size);
      expect(Number(r['informants'])).toBe(new Set(c.refs.flatMap((x) => (x.informant ? [x.informant] : []))).size);
    });
    expect(records.some((r) => Number(r['codings']) > 0)).toBe(true);
  });

  it('is refused outside --format csv, with a hint', () => {
    const r = qia(['matrix', SAMPLE, '--long']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[matrix/long-needs-csv]');
  });
});
