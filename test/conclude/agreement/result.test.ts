import { describe, expect, it } from 'vitest';
import { confusionTable } from '../../../src/conclude/agreement/confusion.js';
import { fromAssignments, poolCodes, reliabilityData, selectCoders } from '../../../src/conclude/agreement/data.js';
import { alphaBand, interpretAlpha, interpretKappa, kappaBand } from '../../../src/conclude/agreement/interpret.js';
import { agreementByCode, agreementResult, agreementStats } from '../../../src/conclude/agreement/result.js';
import { GWET_ABSTRACTORS, K2011_C } from './examples.js';

describe('interpretation words', () => {
  it('Landis & Koch (1977) bands, upper edges inclusive', () => {
    const cases: [number, string][] = [
      [-0.01, 'poor'],
      [0, 'slight'],
      [0.2, 'slight'],
      [0.2 + 1e-15, 'slight'],
      [0.21, 'fair'],
      [0.4, 'fair'],
      [0.41, 'moderate'],
      [0.6, 'moderate'],
      [0.61, 'substantial'],
      [0.8, 'substantial'],
      [0.81, 'almost_perfect'],
      [1, 'almost_perfect'],
    ];
    for (const [k, band] of cases) expect([k, kappaBand(k)]).toEqual([k, band]);
  });

  it("Krippendorff's (2004) thresholds: .800 reliable, .667 tentative", () => {
    expect(alphaBand(0.8)).toBe('reliable');
    expect(alphaBand(0.7999)).toBe('tentative');
    expect(alphaBand(0.667)).toBe('tentative');
    expect(alphaBand(0.6669)).toBe('unreliable');
    expect(alphaBand(-0.3)).toBe('unreliable');
  });

  it('speaks English and Indonesian, and says nothing about a statistic that does not apply', () => {
    expect(interpretKappa(0.5, 'en')).toBe('moderate');
    expect(interpretKappa(0.5, 'id')).toBe('sedang');
    expect(interpretKappa(0.9, 'id')).toBe('hampir sempurna');
    expect(interpretAlpha(0.7, 'en')).toBe('tentative conclusions only');
    expect(interpretAlpha(0.9, 'id')).toBe('andal');
    expect(interpretAlpha(0.1, 'id')).toBe('tidak andal');
    expect(interpretKappa(null, 'en')).toBeNull();
  });
});

describe('confusion table', () => {
  it('counts category pairs over units both coded (irrCAC cont3x3abstractors)', () => {
    const t = confusionTable(GWET_ABSTRACTORS, 'A', 'B');
    // Categories in the fixed label order; the published table is Ectopic, AIU, NIU.
    expect(t.categories).toEqual(['AIU', 'Ectopic', 'NIU']);
    expect(t.counts).toEqual([
      [20, 0, 7],
      [0, 13, 0],
      [4, 0, 56],
    ]);
    expect(t.units).toBe(100);
  });

  it('skips units one of the two left out, and names an unknown coder', () => {
    const t = confusionTable(K2011_C, 'A', 'C');
    expect(t.units).toBe(8);
    expect(t.counts.flat().reduce((a, b) => a + b, 0)).toBe(8);
    expect(() => confusionTable(K2011_C, 'A', 'Z')).toThrow(/no coder "Z"/);
  });
});

describe('agreement result', () => {
  it('gathers every statistic, with null where one does not apply', () => {
    const s = agreementStats(K2011_C, { bootstrap: { draws: 100 } });
    expect(s).toMatchObject({ unitsTotal: 12, units: 11, coders: 4, pairable: 40, cohenKappa: null, categories: 5 });
    expect(s.alpha).toBeCloseTo(0.743, 3);
    expect(s.alphaInterval!.draws).toBe(100);
    const two = agreementStats(selectCoders(K2011_C, ['A', 'B']), { bootstrap: false });
    expect(two.cohenKappa).not.toBeNull();
    expect(two.alphaInterval).toBeNull();
  });

  it('for a matrix: no per-code entries, the confusion table only with two coders', () => {
    const r = agreementResult(K2011_C, [], { level: 'interval', bootstrap: { draws: 50, seed: 3 } });
    expect(r.perCode).toEqual([]);
    expect(r.confusion).toBeNull();
    expect(r.bootstrap).toEqual({ draws: 50, seed: 3, confidence: 0.95, scheme: 'units' });
    expect(r.overall.alpha).toBeCloseTo(0.849, 3);
    expect(agreementResult(GWET_ABSTRACTORS, [], { bootstrap: false }).confusion!.units).toBe(100);
    expect(agreementResult(GWET_ABSTRACTORS, [], { bootstrap: false }).bootstrap).toBeNull();
  });

  it('by code, the way the study mode calls it: presence per segment and coder, overall pooled', () => {
    // Two coders, three segments, two codes: 1 = applied the code, 0 = did not, and coder
    // "rina" did not read segment s3 at all (null).
    const codings = { ana: { s1: ['ease'], s2: ['ease', 'speed'], s3: [] as string[] }, rina: { s1: ['ease'], s2: ['speed'] } };
    const segments = ['s1', 's2', 's3'];
    const perCode = ['ease', 'speed'].map((code) => {
      const rows = Object.entries(codings).flatMap(([coder, bySeg]) =>
        segments.map((unit) => {
          const got = (bySeg as Record<string, string[]>)[unit];
          return { unit, coder, value: got === undefined ? null : got.includes(code) ? 1 : 0 };
        }),
      );
      return [code, fromAssignments(rows, { units: segments })] as const;
    });
    const r = agreementByCode(perCode, { bootstrap: false });
    expect(r.perCode.map((c) => [c.code, c.stats.units, c.stats.percent])).toEqual([
      ['ease', 2, 50],
      ['speed', 2, 100],
    ]);
    expect(r.overall.units).toBe(4);
    expect(r.overall.unitsTotal).toBe(6);
    expect(r.overall.percent).toBe(75);
    expect(r.coders).toEqual(['ana', 'rina']);
  });

  it('pools codes by coder name, missing where a code lacks a coder', () => {
    const a = reliabilityData(['x', 'y'], [{ unit: '1', values: ['p', 'p'] }]);
    const b = reliabilityData(['y', 'z'], [{ unit: '1', values: ['q', 'r'] }]);
    const pooled = poolCodes([
      ['a', a],
      ['b', b],
    ]);
    expect(pooled.coders).toEqual(['x', 'y', 'z']);
    expect(pooled.values).toEqual([
      ['p', 'p', null],
      [null, 'q', 'r'],
    ]);
  });

  it('refuses a coder giving one unit two different values', () => {
    expect(() =>
      fromAssignments([
        { unit: 'u', coder: 'c', value: 1 },
        { unit: 'u', coder: 'c', value: 1 },
        { unit: 'u', coder: 'c', value: null },
      ]),
    ).not.toThrow();
    expect(() =>
      fromAssignments([
        { unit: 'u', coder: 'c', value: 1 },
        { unit: 'u', coder: 'c', value: 2 },
      ]),
    ).toThrow(/both 1 and 2/);
  });
});
