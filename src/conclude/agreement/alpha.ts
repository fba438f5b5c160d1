import { QiaError } from '../../util/diagnostics.js';
import type { Category, ReliabilityData } from './data.js';
import { encode } from './encode.js';

export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export const LEVELS: readonly Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];

export interface AlphaResult {
  /** Null when no unit has two values or the pairable values hold no variation (0/0). */
  value: number | null;
  /** Pairable units: units with at least two values. */
  units: number;
  /** Pairable values n: all values in those units. */
  pairable: number;
  /** Observed and expected disagreement D_o, D_e (null with value). */
  observed: number | null;
  expected: number | null;
}

/**
 * Krippendorff's alpha, 1 − D_o/D_e, in the coincidence-matrix form of "Computing
 * Krippendorff's Alpha-Reliability" (Krippendorff 2011). Every unit with m_u ≥ 2 values puts
 * each ordered pair of its values (i ≠ j) into the coincidence matrix with weight 1/(m_u − 1),
 * so each value counts once whatever the number of coders; units with fewer than two values
 * (missing data) add nothing. With n_c the marginals and n their sum (the pairable values):
 *
 *   D_o = (1/n) Σ_c Σ_k o_ck δ²_ck        D_e = 1/(n(n−1)) Σ_c Σ_k n_c n_k δ²_ck
 *
 * δ² by level: nominal 0 if same else 1; interval (c − k)²; ratio ((c − k)/(c + k))²;
 * ordinal (Σ_{g=c..k} n_g − (n_c + n_k)/2)², which depends on the marginals.
 * Interval, ordinal and ratio need numbers; ratio needs them ≥ 0.
 */
export function krippendorffAlpha(data: ReliabilityData, level: Level = 'nominal'): AlphaResult {
  return alphaOf(prepareAlpha(data, level), null);
}

/**
 * The data reduced to what alpha needs, built once so that a bootstrap can recompute alpha
 * on thousands of resamples by listing units instead of copying them.
 */
export interface AlphaInput {
  readonly level: Level;
  readonly categories: readonly Category[];
  /** Numeric value per category (interval, ratio); category index otherwise. */
  readonly x: Float64Array;
  /** Pairable units only: values of unit u are `vals[start[u]] … vals[start[u+1]-1]`. */
  readonly start: Int32Array;
  readonly vals: Int32Array;
  /**
   * Each unit's Σ_{i≠j} δ²(v_i, v_j) / (m_u − 1) for the levels whose δ² does not depend on the
   * marginals (nominal, interval, ratio): its whole contribution to n·D_o.
   */
  readonly d: Float64Array;
}

export function prepareAlpha(data: ReliabilityData, level: Level): AlphaInput {
  const enc = encode(data);
  const x = new Float64Array(enc.categories.length);
  enc.categories.forEach((c, i) => {
    if (level === 'nominal') x[i] = i;
    else if (typeof c !== 'number')
      throw new QiaError(
        'agree/not-numeric',
        `the ${level} level needs numbers, and "${c}" is a label`,
        {},
        'use --level nominal for labels, or code the values as numbers',
        1,
      );
    else if (level === 'ratio' && c < 0)
      throw new QiaError(
        'agree/negative-ratio',
        `the ratio level needs values ≥ 0, and ${c} is negative`,
        {},
        'use --level interval for values that can be negative',
        1,
      );
    else x[i] = c;
  });
  const start: number[] = [0];
  const vals: number[] = [];
  for (let u = 0; u < enc.nUnits; u++) {
    const at = vals.length;
    for (let c = 0; c < enc.nCoders; c++) {
      const k = enc.cells[u * enc.nCoders + c]!;
      if (k >= 0) vals.push(k);
    }
    if (vals.length - at < 2) vals.length = at;
    else start.push(vals.length);
  }
  const input = { level, categories: enc.categories, x, start: Int32Array.from(start), vals: Int32Array.from(vals), d: new Float64Array(start.length - 1) };
  // Ordinal's δ² depends on the marginals, so its units' share is worked out per computation.
  if (level !== 'ordinal') for (let u = 0; u < input.d.length; u++) input.d[u] = unitDisagreement(input, u, x);
  return input;
}

/** Σ_{i≠j} δ²(v_i, v_j) / (m_u − 1) for one unit, values on the scale `pos`. */
function unitDisagreement(p: AlphaInput, u: number, pos: Float64Array): number {
  const a = p.start[u]!;
  const b = p.start[u + 1]!;
  const m = b - a;
  if (p.level === 'nominal') {
    // Ordered disagreeing pairs: m² minus the agreeing ones (Σ over values of its matches).
    let same = 0;
    for (let i = a; i < b; i++) for (let j = a; j < b; j++) if (p.vals[i] === p.vals[j]) same++;
    return (m * m - same) / (m - 1);
  }
  if (p.level === 'ratio') {
    let s = 0;
    for (let i = a; i < b; i++) {
      for (let j = a; j < b; j++) {
        const c = pos[p.vals[i]!]!;
        const k = pos[p.vals[j]!]!;
        if (c + k > 0) s += ((c - k) / (c + k)) ** 2;
      }
    }
    return s / (m - 1);
  }
  // Interval (and ordinal on mid-ranks): Σ_{i≠j}(x_i − x_j)² = 2m Σ(x_i − mean)².
  let mean = 0;
  for (let i = a; i < b; i++) mean += pos[p.vals[i]!]!;
  mean /= m;
  let ss = 0;
  for (let i = a; i < b; i++) ss += (pos[p.vals[i]!]! - mean) ** 2;
  return (2 * m * ss) / (m - 1);
}

/** Scratch arrays reused across bootstrap draws. */
export interface AlphaScratch {
  n: Float64Array;
  rank: Float64Array;
}

export function alphaScratch(p: AlphaInput): AlphaScratch {
  return { n: new Float64Array(p.categories.length), rank: new Float64Array(p.categories.length) };
}

/**
 * Alpha over the units listed in `picks` (null: every pairable unit once). A bootstrap resample
 * is such a list, a unit appearing as often as it was drawn, so the same code computes the
 * statistic and its resamples and the two cannot drift apart. For every level but ordinal this
 * is one pass over the picks; ordinal needs the marginals first (its ranks come from them).
 */
export function alphaOf(p: AlphaInput, picks: Int32Array | null, scratch: AlphaScratch = alphaScratch(p)): AlphaResult {
  const count = picks === null ? p.start.length - 1 : picks.length;
  const nc = scratch.n;
  nc.fill(0);
  const { start, vals, d } = p;
  let n = 0;
  let observedSum = 0;
  for (let i = 0; i < count; i++) {
    const u = picks === null ? i : picks[i]!;
    const a = start[u]!;
    const b = start[u + 1]!;
    for (let j = a; j < b; j++) nc[vals[j]!]!++;
    n += b - a;
    observedSum += d[u]!;
  }
  const none = { value: null, units: count, pairable: n, observed: null, expected: null };
  let used = 0;
  for (let k = 0; k < nc.length; k++) if (nc[k]! > 0) used++;
  // Fewer than two distinct pairable values: D_e = 0 and alpha is 0/0.
  if (count === 0 || used < 2) return none;

  let pos = p.x;
  if (p.level === 'ordinal') {
    // δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)² = (r_k − r_c)² with r_c = Σ_{g≤c} n_g − n_c/2,
    // the category's mid-rank: ordinal alpha is interval alpha on mid-ranks, which keeps it
    // linear in the number of values instead of quadratic in the number of categories.
    let cum = 0;
    for (let k = 0; k < nc.length; k++) {
      cum += nc[k]!;
      scratch.rank[k] = cum - nc[k]! / 2;
    }
    pos = scratch.rank;
    observedSum = 0;
    for (let i = 0; i < count; i++) observedSum += unitDisagreement(p, picks === null ? i : picks[i]!, pos);
  }
  const expectedSum = expectedPairs(p.level, nc, pos, n);
  const observed = observedSum / n;
  const expected = expectedSum / (n * (n - 1));
  return { value: 1 - observed / expected, units: count, pairable: n, observed, expected };
}

/** Σ_c Σ_k n_c n_k δ²_ck. */
function expectedPairs(level: Level, nc: Float64Array, pos: Float64Array, n: number): number {
  if (level === 'nominal') {
    let sq = 0;
    for (let k = 0; k < nc.length; k++) sq += nc[k]! * nc[k]!;
    return n * n - sq;
  }
  if (level === 'ratio') {
    // No shortcut for the ratio metric: quadratic in the number of distinct values.
    let s = 0;
    for (let c = 0; c < nc.length; c++) {
      if (nc[c] === 0) continue;
      for (let k = 0; k < nc.length; k++) {
        const a = pos[c]!;
        const b = pos[k]!;
        if (nc[k] !== 0 && a + b > 0) s += nc[c]! * nc[k]! * ((a - b) / (a + b)) ** 2;
      }
    }
    return s;
  }
  // Σ_c Σ_k n_c n_k (x_c − x_k)² = 2n Σ_c n_c (x_c − mean)², centred so large values lose no digits.
  let mean = 0;
  for (let k = 0; k < nc.length; k++) mean += nc[k]! * pos[k]!;
  mean /= n;
  let ss = 0;
  for (let k = 0; k < nc.length; k++) if (nc[k]! > 0) ss += nc[k]! * (pos[k]! - mean) ** 2;
  return 2 * n * ss;
}

/**
 * The coincidence matrix o_ck itself, with its categories, for a report that shows its working
 * and for tests against published matrices.
 */
export function coincidences(data: ReliabilityData): { categories: Category[]; matrix: number[][]; pairable: number } {
  const p = prepareAlpha(data, 'nominal');
  const q = p.categories.length;
  const matrix = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  for (let u = 0; u + 1 < p.start.length; u++) {
    const a = p.start[u]!;
    const b = p.start[u + 1]!;
    for (let i = a; i < b; i++) for (let j = a; j < b; j++) if (i !== j) matrix[p.vals[i]!]![p.vals[j]!]! += 1 / (b - a - 1);
  }
  return { categories: [...p.categories], matrix, pairable: p.vals.length };
}
