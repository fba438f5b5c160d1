import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { reliabilityData } from '../../../src/conclude/agreement/data.js';
import { agreementByCode, agreementResult } from '../../../src/conclude/agreement/result.js';
import { renderAgreement } from '../../../src/render/agreement.js';
import { K2011_C } from './examples.js';

const code = (pairs: [number | null, number | null][]) =>
  reliabilityData(
    ['ana', 'budi'],
    pairs.map((values, i) => ({ unit: `s${i + 1}`, values })),
  );

// Two codes as the study mode will hand them over; the second's id is hostile to every format.
const perCode = agreementByCode(
  [
    [
      'complexity',
      code([
        [1, 1],
        [0, 0],
        [1, 0],
        [0, 0],
      ]),
    ],
    [
      '=cmd|x',
      code([
        [1, 1],
        [1, 1],
        [0, 0],
        [null, 1],
      ]),
    ],
  ],
  { bootstrap: { draws: 100 } },
);

describe('agreement rendering', () => {
  it('json: sorted keys, per_code keyed by code id with the same keys as overall', () => {
    const j = JSON.parse(renderAgreement(perCode, 'json', 'en')) as { overall: Record<string, unknown>; per_code: Record<string, Record<string, unknown>> };
    expect(Object.keys(j.per_code)).toEqual(['=cmd|x', 'complexity']);
    expect(Object.keys(j.per_code['complexity']!)).toEqual(Object.keys(j.overall));
    expect(Object.keys(j.overall)).toEqual([...Object.keys(j.overall)].sort());
    expect(j.per_code['complexity']!['percent']).toBe(75);
    expect(j.per_code['=cmd|x']!['n_units']).toBe(3);
    expect(renderAgreement(perCode, 'json', 'en')).toBe(renderAgreement(perCode, 'json', 'en'));
  });

  it('csv: an overall row then one per code, a formula-like code id neutralised, numbers untouched', () => {
    const lines = renderAgreement(perCode, 'csv', 'id').trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^overall,,nominal,7,8,2,14,/);
    expect(lines[2]).toMatch(/^code,complexity,nominal,4,4,2,8,75,0\.5,/);
    expect(lines[3]).toMatch(/^code,'=cmd\|x,nominal,3,4,2,6,100,1,1,1,2,1,/);
    // A negative kappa stays a number: only text cells are neutralised.
    const neg = agreementResult(
      code([
        [1, 0],
        [0, 1],
        [1, 0],
        [0, 1],
      ]),
      [],
      { bootstrap: false },
    );
    expect(renderAgreement(neg, 'csv', 'en').split('\n')[1]).toContain(',-1,');
  });

  it('md: one table with a row per code and kappa words, the code id escaped', () => {
    const md = renderAgreement(perCode, 'md', 'en');
    const tables = marked.lexer(md).filter((t) => t.type === 'table') as { rows: { text: string }[][] }[];
    expect(tables).toHaveLength(2); // the codes, then the two coders' confusion table
    // The pipe was escaped in the source, or the row would have split into an extra cell.
    expect(tables[0]!.rows.map((r) => r[0]!.text)).toEqual(['overall', 'complexity', '=cmd|x']);
    expect(md).toContain('| =cmd\\|x |');
    expect(md).toContain('0.500 (moderate)');
  });

  it('table: the per-code layout in a terminal, Indonesian labels', () => {
    const t = renderAgreement(perCode, 'table', 'id');
    expect(t).toContain('keseluruhan');
    expect(t).toContain('IK 95% α');
    expect(t).toContain('bootstrap atas unit, 100 kali penarikan');
    expect(t).toContain('Tabel silang: ana (baris) × budi (kolom)');
  });

  it('a matrix with four coders: no confusion table, Cohen marked as needing two coders', () => {
    const t = renderAgreement(agreementResult(K2011_C, [], { bootstrap: false }), 'table', 'en');
    expect(t).toContain('only for exactly two coders');
    expect(t).not.toContain('Confusion');
    expect(t).not.toContain('CI');
  });
});
