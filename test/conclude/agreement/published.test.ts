import { describe, expect, it } from 'vitest';
import { coincidences, krippendorffAlpha } from '../../../src/conclude/agreement/alpha.js';
import { cohenKappa, fleissKappa } from '../../../src/conclude/agreement/kappa.js';
import { brennanPrediger, percentAgreement } from '../../../src/conclude/agreement/percent.js';
import { GWET_6RATERS, GWET_ABSTRACTORS, K2011_A, K2011_C, WIKI_ALPHA, WIKI_COHEN, WIKI_FLEISS, fromTable } from './examples.js';

/**
 * Every expected value here was published by someone else; each block names where. Values are
 * compared to the digits the source prints (toBeCloseTo(x, d) passes when |error| < 10^-d / 2).
 *
 * How each was confirmed while writing these tests: the irrCAC README (Gwet) and the ProofWiki
 * page were read in full. Krippendorff's 2011 paper and the Wikipedia articles could not be
 * opened here; their data and figures were confirmed through other published test suites that
 * quote them (named at each test), and, where the arithmetic is short, by hand in a comment.
 * Where a figure rests on one such secondary quotation only, the test says so.
 */

describe("Krippendorff's alpha against Krippendorff (2011), Computing Krippendorff's Alpha-Reliability", () => {
  it('section C, four observers with missing data: nominal .743', () => {
    // Confirmed independently: irrCAC's README prints 0.74342 for the same matrix (cac.raw4raters),
    // and the coincidence arithmetic in the next test gives 1 − 312/1216 = 0.7434.
    const r = krippendorffAlpha(K2011_C, 'nominal');
    expect(r.value).toBeCloseTo(0.743, 3);
    // Unit 12 has a single value and is not pairable: 11 units, 40 pairable values.
    expect(r.units).toBe(11);
    expect(r.pairable).toBe(40);
  });

  it('section C: the coincidence matrix marginals n_c and its diagonal', () => {
    // The marginals count each pairable value once (9 ones, 13 twos, 10 threes, 5 fours, 3 fives);
    // the diagonal 7, 10, 8, 4, 3 leaves 8 off-diagonal coincidences, so nominal
    // alpha = 1 − (n − 1)·8 / (n² − Σ n_c²) = 1 − 39·8 / (1600 − 384), the .743 above.
    const c = coincidences(K2011_C);
    expect(c.categories).toEqual([1, 2, 3, 4, 5]);
    expect(c.matrix.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([9, 13, 10, 5, 3].map((x) => expect.closeTo(x, 12)));
    expect(c.matrix.map((row, i) => row[i])).toEqual([7, 10, 8, 4, 3].map((x) => expect.closeTo(x, 12)));
    expect(krippendorffAlpha(K2011_C).value).toBeCloseTo(1 - (39 * 8) / 1216, 12);
  });

  it('section C, the same data at the other levels: ordinal .815, interval .849, ratio .797', () => {
    // The paper's figures as its users quote them: ordinal .815 and ratio .797 as asserted by
    // the Python package krippendorff (pln-fing-udelar/fast-krippendorff,
    // tests/test_krippendorff.py) on this matrix; interval .849 as quoted by several
    // independent test suites citing section C. Not read in the paper itself here.
    expect(krippendorffAlpha(K2011_C, 'ordinal').value).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(K2011_C, 'interval').value).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(K2011_C, 'ratio').value).toBeCloseTo(0.797, 3);
  });

  it('section A, binary data, two observers: .095', () => {
    // By hand: 14 zeros and 6 ones among n = 20 values, 4 units of disagreement (8 off-diagonal
    // coincidences): alpha = 1 − (n − 1)·8 / (2·14·6) = 1 − 152/168 = 0.0952.
    expect(krippendorffAlpha(K2011_A).value).toBeCloseTo(0.095, 3);
  });
});

describe("Krippendorff's alpha against Wikipedia's computational example", () => {
  it('nominal 0.691, interval 0.811', () => {
    // Wikipedia prints 0.691 and 0.811; the krippendorff Python package's tests
    // (pln-fing-udelar/fast-krippendorff, tests/test_krippendorff.py) carry them to six
    // digits, 0.691358 and 0.810845.
    expect(krippendorffAlpha(WIKI_ALPHA, 'nominal').value).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(WIKI_ALPHA, 'interval').value).toBeCloseTo(0.810845, 6);
  });
});

describe("Fleiss' kappa", () => {
  it("Wikipedia's worked example (10 subjects, 14 raters, 5 categories): P̄ 0.378, P̄e 0.213, κ 0.210", () => {
    // The table and κ ≈ 0.210 as another project's test quotes the article; P̄ 0.378 and P̄e 0.213
    // are the article's intermediate figures as remembered, not re-read here (they are what
    // Fleiss' formulas give on the table: P̄ = 0.3780, P̄e = 0.2128).
    const r = fleissKappa(WIKI_FLEISS);
    expect(r.observed).toBeCloseTo(0.378, 3);
    expect(r.expected).toBeCloseTo(0.213, 3);
    expect(r.value).toBeCloseTo(0.21, 3);
    expect(r.units).toBe(10);
  });

  it('irrCAC README, distrib.6raters: pa 0.5511111, pe 0.2340741, κ 0.4139265', () => {
    const r = fleissKappa(GWET_6RATERS);
    expect(r.observed).toBeCloseTo(0.5511111, 7);
    expect(r.expected).toBeCloseTo(0.2340741, 7);
    expect(r.value).toBeCloseTo(0.4139265, 7);
  });

  it('irrCAC README, cac.raw4raters (missing data, unequal raters per unit): pe 0.2387153, κ 0.76117', () => {
    // Gwet's generalisation: the single-rated unit 12 counts in the category shares, not in P̄.
    const r = fleissKappa(K2011_C);
    expect(r.observed).toBeCloseTo(0.8181818, 7);
    expect(r.expected).toBeCloseTo(0.2387153, 7);
    expect(r.value).toBeCloseTo(0.76117, 5);
    expect(r.units).toBe(11);
  });
});

describe("Cohen's kappa", () => {
  it("Wikipedia's simple example (50 proposals, 2×2): p_o 0.7, p_e 0.5, κ 0.4", () => {
    // The same table is the example of R's fmsb::Kappa.test, matrix(c(20, 10, 5, 15), 2, 2).
    // By hand: p_o = 35/50; A says yes 25 times, B 30, so p_e = 0.5·0.6 + 0.5·0.4 = 0.5.
    const r = cohenKappa(WIKI_COHEN);
    expect(r.observed).toBeCloseTo(0.7, 12);
    expect(r.expected).toBeCloseTo(0.5, 12);
    expect(r.value).toBeCloseTo(0.4, 12);
    expect(r.units).toBe(50);
  });

  it('irrCAC README, cont3x3abstractors (100 units, 3 categories): κ 0.7964094', () => {
    expect(cohenKappa(GWET_ABSTRACTORS).value).toBeCloseTo(0.7964094, 7);
  });

  it("ProofWiki, Cohen's Kappa Statistic/Examples/Medical Diagnosis (after Nelson, Penguin Dictionary of Mathematics, 2008): κ 0.675", () => {
    // 80 patients, two doctors: both treat 32, neither 35, they disagree on 13. The source gives
    // p_exp = 40/80, which holds only if one doctor said "treat" 40 times: the 13 split 8 / 5.
    const r = cohenKappa(
      fromTable(
        [
          [32, 8],
          [5, 35],
        ],
        ['treat', 'no'],
      ),
    );
    expect(r.observed).toBeCloseTo(0.8375, 12);
    expect(r.expected).toBeCloseTo(0.5, 12);
    expect(r.value).toBeCloseTo(0.675, 12);
  });
});

describe('percent agreement and Brennan–Prediger against the irrCAC README (Gwet)', () => {
  it('cont3x3abstractors: percent agreement 0.89, Brennan–Prediger 0.835, alpha 0.7972585', () => {
    expect(percentAgreement(GWET_ABSTRACTORS).value).toBeCloseTo(89, 10);
    expect(brennanPrediger(GWET_ABSTRACTORS).value).toBeCloseTo(0.835, 10);
    expect(krippendorffAlpha(GWET_ABSTRACTORS).value).toBeCloseTo(0.7972585, 7);
  });

  it('distrib.6raters: Brennan–Prediger 0.4388889 (q = 5), alpha 0.4204384', () => {
    expect(brennanPrediger(GWET_6RATERS).value).toBeCloseTo(0.4388889, 7);
    expect(krippendorffAlpha(GWET_6RATERS).value).toBeCloseTo(0.4204384, 7);
  });

  it('cac.raw4raters (= Krippendorff 2011 section C): percent agreement 0.8181818, Brennan–Prediger 0.77273, alpha 0.74342', () => {
    const pa = percentAgreement(K2011_C);
    expect(pa.value).toBeCloseTo(81.81818, 5);
    expect(pa.units).toBe(11);
    // Units 1 and 10 have three values (3 pairs each), unit 11 two (1 pair), units 2–9 four (6 pairs each).
    expect(pa.pairs).toBe(55);
    expect(brennanPrediger(K2011_C).value).toBeCloseTo(0.77273, 5);
    expect(krippendorffAlpha(K2011_C).value).toBeCloseTo(0.74342, 5);
  });

  it('Brennan–Prediger by hand: (p_a − 1/q)/(1 − 1/q) with the q a codebook offers', () => {
    // Wikipedia's 2×2 example: p_a = 35/50 = 0.7. With q = 2, (0.7 − 0.5)/0.5 = 0.4; if the
    // codebook offered a third answer nobody used, q = 3: (0.7 − 1/3)/(2/3) = 0.55.
    expect(brennanPrediger(WIKI_COHEN).value).toBeCloseTo(0.4, 12);
    expect(brennanPrediger(WIKI_COHEN, 3).value).toBeCloseTo(0.55, 12);
  });
});
