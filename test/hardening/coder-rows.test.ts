import { describe, expect, it } from 'vitest';
import { parseManualCsv } from '../../src/coding/manual.js';
import { Diagnostics } from '../../src/util/diagnostics.js';

const HEADER = 'source,segment,quote,code,valence,coder,memo\n';

describe('a coder file with a broken row (issue 17, 3)', () => {
  it('loses that row only: a stray quote followed by 199 good rows loads the 199, with one diagnostic at its line', () => {
    const good = Array.from({ length: 199 }, (_, i) => `interviews/w01,${i + 5},,complexity,+,,V${i}\n`).join('');
    const diags = new Diagnostics();
    const rows = parseManualCsv(HEADER + 'interviews/w01,4,"mudah dipahami" ,complexity,+,,V0\n' + good, 'codings/rina.csv', 'rina', diags);
    expect(rows).toHaveLength(199);
    expect(rows[0]!.line).toBe(3);
    expect(rows[198]!.line).toBe(201);
    expect(diags.items.map((d) => [d.code, d.line])).toEqual([['coding/csv-syntax', 2]]);
  });

  it('keeps reading after a quote left open, and after a bad row in the middle', () => {
    const diags = new Diagnostics();
    const rows = parseManualCsv(
      HEADER + 'interviews/w01,2,,complexity,+,,a\ninterviews/w01,3,"open quote,complexity,+,,b\ninterviews/w01,4,,complexity,-,,c\n',
      'codings/rina.csv',
      'rina',
      diags,
    );
    expect(diags.items.map((d) => [d.code, d.line])).toEqual([['coding/csv-syntax', 3]]);
    expect(rows.map((r) => [r.line, r.memo])).toEqual([
      [2, 'a'],
      [4, 'c'],
    ]);
  });

  it('gives quoted fields that span lines the line they start on', () => {
    const diags = new Diagnostics();
    const rows = parseManualCsv(
      HEADER + 'interviews/w01,2,"two\nlines",complexity,+,,a\ninterviews/w01,5,,complexity,+,,b\n',
      'codings/rina.csv',
      'rina',
      diags,
    );
    expect(diags.items).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });
});
