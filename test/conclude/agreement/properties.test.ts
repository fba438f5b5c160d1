import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { krippendorffAlpha, LEVELS } from '../../../src/conclude/agreement/alpha.js';
import { alphaBootstrap } from '../../../src/conclude/agreement/bootstrap.js';
import { reliabilityData, type ReliabilityData, type Value } from '../../../src/conclude/agreement/data.js';
import { cohenKappa, fleissKappa } from '../../../src/conclude/agreement/kappa.js';
import { brennanPrediger, percentAgreement } from '../../../src/conclude/agreement/percent.js';
import { agreementStats } from '../../../src/conclude/agreement/result.js';

const LABELS = ['a', 'b', 'c', 'd'];

/** Units × coders with labels a–d, some cells missing. */
const matrix = (opts: { coders?: fc.Arbitrary<number>; missing?: boolean; labels?: readonly Value[] } = {}) =>
  (opts.coders ?? fc.integer({ min: 2, max: 5 })).chain((nCoders) =>
    fc.array(
      fc.array(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...(opts.labels ?? LABELS)) },
          { weight: opts.missing === false ? 0 : 1, arbitrary: fc.constant(null) },
        ),
        { minLength: nCoders, maxLength: nCoders },
      ),
      { minLength: 1, maxLength: 40 },
    ),
  );

function toData(rows: readonly (readonly Value[])[]): ReliabilityData {
  const coders = rows[0]!.map((_, i) => `c${i + 1}`);
  return reliabilityData(
    coders,
    rows.map((values, u) => ({ unit: `u${u + 1}`, values })),
  );
}

/** Every statistic, nominal, no interval: what must stay the same under a transformation. */
function all(d: ReliabilityData): (number | null)[] {
  const s = agreementStats(d, { bootstrap: false });
  return [s.percent, s.cohenKappa, s.fleissKappa, s.alpha, s.brennanPrediger, s.units, s.pairable];
}

/** Same nulls, and numbers equal up to rounding (summing in another order may move the last bits). */
function expectSame(a: (number | null)[], b: (number | null)[]): void {
  expect(a.map((x) => x === null)).toEqual(b.map((x) => x === null));
  a.forEach((x, i) => {
    if (x !== null) expect(x).toBeCloseTo(b[i]!, 9);
  });
}

describe('agreement statistics: properties', () => {
  it('perfect agreement gives 1 wherever a statistic is defined', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 30 }), fc.integer({ min: 2, max: 5 }), (truth, nCoders) => {
        fc.pre(new Set(truth).size >= 2);
        const d = toData(truth.map((t) => new Array<Value>(nCoders).fill(t)));
        expect(percentAgreement(d).value).toBe(100);
        expect(fleissKappa(d).value).toBeCloseTo(1, 12);
        expect(brennanPrediger(d).value).toBeCloseTo(1, 12);
        for (const level of LEVELS) expect(krippendorffAlpha(d, level).value).toBeCloseTo(1, 12);
        if (nCoders === 2) expect(cohenKappa(d).value).toBeCloseTo(1, 12);
        else expect(cohenKappa(d).value).toBeNull();
      }),
    );
  });

  it('permuting the coders changes nothing', () => {
    fc.assert(
      fc.property(
        matrix().chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(
              rows[0]!.map((_, i) => i),
              { minLength: rows[0]!.length },
            ),
          ),
        ),
        ([rows, order]) => {
          expectSame(all(toData(rows.map((r) => order.map((i) => r[i]!)))), all(toData(rows)));
        },
      ),
    );
  });

  it('renaming the categories (one-to-one) changes no nominal statistic', () => {
    fc.assert(
      fc.property(matrix(), fc.shuffledSubarray(['x', 'y', 'z', 7], { minLength: 4 }), (rows, names) => {
        const rename = (v: Value): Value => (v === null ? null : names[LABELS.indexOf(v as string)]!);
        expectSame(all(toData(rows.map((r) => r.map(rename)))), all(toData(rows)));
      }),
    );
  });

  it('a unit with a single value changes neither alpha nor percent agreement nor Cohen', () => {
    fc.assert(
      fc.property(matrix(), fc.constantFrom(...LABELS), (rows, v) => {
        const lone = [v, ...new Array<Value>(rows[0]!.length - 1).fill(null)];
        const before = toData(rows);
        const after = toData([...rows, lone]);
        expect(krippendorffAlpha(after).value).toEqual(krippendorffAlpha(before).value);
        expect(percentAgreement(after).value).toEqual(percentAgreement(before).value);
        expect(cohenKappa(after).value).toEqual(cohenKappa(before).value);
      }),
    );
  });

  it('two coders, complete data: nominal alpha is Scott’s pi with the (n − 1)/n correction, from pair counts', () => {
    fc.assert(
      fc.property(matrix({ coders: fc.constant(2), missing: false }), (rows) => {
        // Independent of the coincidence matrix: N units, n = 2N values, D the share of units the
        // two coders disagree on, p_k the share of all 2N values that are k. Scott's pi is
        // 1 − D / (1 − Σ p_k²); alpha corrects chance for sampling without replacement:
        // alpha = 1 − (n − 1) · D_o / D_e with D_o = D and D_e = n (1 − Σ p_k²) / (n − 1).
        const N = rows.length;
        const n = 2 * N;
        const disagree = rows.filter(([a, b]) => a !== b).length / N;
        const share = new Map<Value, number>();
        for (const r of rows) for (const v of r) share.set(v, (share.get(v) ?? 0) + 1 / n);
        const sumSq = [...share.values()].reduce((s, p) => s + p * p, 0);
        const alpha = krippendorffAlpha(toData(rows)).value;
        if (sumSq > 1 - 1e-12) expect(alpha).toBeNull();
        else expect(alpha).toBeCloseTo(1 - ((n - 1) * disagree) / (n * (1 - sumSq)), 9);
      }),
    );
  });

  it('interval and ratio alpha ignore a change of unit (×10), interval also a shift (+100)', () => {
    fc.assert(
      fc.property(matrix({ labels: [1, 2, 3, 4, 5] }), (rows) => {
        const d = toData(rows);
        const scaled = toData(rows.map((r) => r.map((v) => (v === null ? null : (v as number) * 10))));
        const shifted = toData(rows.map((r) => r.map((v) => (v === null ? null : (v as number) + 100))));
        const a = krippendorffAlpha(d, 'interval').value;
        if (a === null) return;
        expect(krippendorffAlpha(scaled, 'interval').value).toBeCloseTo(a, 9);
        expect(krippendorffAlpha(shifted, 'interval').value).toBeCloseTo(a, 9);
        expect(krippendorffAlpha(scaled, 'ratio').value).toBeCloseTo(krippendorffAlpha(d, 'ratio').value!, 9);
        // Ordinal alpha sees only the order, so any increasing relabelling keeps it.
        const squared = toData(rows.map((r) => r.map((v) => (v === null ? null : (v as number) ** 2))));
        expect(krippendorffAlpha(squared, 'ordinal').value).toBeCloseTo(krippendorffAlpha(d, 'ordinal').value!, 9);
      }),
    );
  });

  it('the bootstrap is deterministic: same data and seed, same interval', () => {
    fc.assert(
      fc.property(matrix(), fc.integer({ min: 0, max: 2 ** 31 }), (rows, seed) => {
        const d = toData(rows);
        const a = alphaBootstrap(d, 'nominal', { draws: 200, seed });
        const b = alphaBootstrap(toData(rows.map((r) => [...r])), 'nominal', { draws: 200, seed });
        expect(a).toEqual(b);
        if (a) expect(a.lo).toBeLessThanOrEqual(a.hi);
      }),
      { numRuns: 50 },
    );
  });
});
