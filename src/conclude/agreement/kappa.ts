import type { ReliabilityData } from './data.js';
import { encode, tally } from './encode.js';
import { observedAgreement } from './percent.js';

export interface KappaResult {
  /** Null where the statistic does not apply (see each function). */
  value: number | null;
  /** Units the observed agreement was taken over. */
  units: number;
  /** Observed and chance agreement, for a report that shows its working. */
  observed: number | null;
  expected: number | null;
}

/**
 * Cohen's (1960) kappa for exactly two coders, over the units both coded:
 * (p_o − p_e) / (1 − p_e), p_o the share of those units they agree on and p_e the chance
 * agreement from each coder's own category shares, Σ_k p_A(k)·p_B(k). Null with any other number
 * of coders, when no unit was coded by both, or when p_e = 1 (both used one and the same
 * category throughout, so there is no chance-corrected agreement to speak of).
 */
export function cohenKappa(data: ReliabilityData): KappaResult {
  if (data.coders.length !== 2) return { value: null, units: 0, observed: null, expected: null };
  const enc = encode(data);
  const q = enc.categories.length;
  const a = new Float64Array(q);
  const b = new Float64Array(q);
  let n = 0;
  let agree = 0;
  for (let u = 0; u < enc.nUnits; u++) {
    const x = enc.cells[2 * u]!;
    const y = enc.cells[2 * u + 1]!;
    if (x < 0 || y < 0) continue;
    n++;
    a[x]!++;
    b[y]!++;
    if (x === y) agree++;
  }
  if (n === 0) return { value: null, units: 0, observed: null, expected: null };
  let pe = 0;
  for (let k = 0; k < q; k++) pe += (a[k]! / n) * (b[k]! / n);
  const po = agree / n;
  return { value: pe >= 1 ? null : (po - pe) / (1 - pe), units: n, observed: po, expected: pe };
}

/**
 * Fleiss' (1971) kappa for any number of coders: (P̄ − P̄e) / (1 − P̄e), P̄ the mean share of
 * agreeing coder pairs per unit (percent agreement, as a proportion) and P̄e = Σ_k π_k², π_k the
 * mean over units of the share of a unit's values that are k.
 *
 * Fleiss defined it for the same number of ratings on every unit. With missing values this
 * uses Gwet's generalisation (Handbook of Inter-Rater Reliability, 2014; irrCAC's
 * fleiss.kappa.raw): P̄ is averaged over the units with at least two values, π_k over every unit
 * with at least one, each unit's shares taken over its own number of values. With complete data
 * both reduce to Fleiss' formulas exactly. Null when no unit has two values or P̄e = 1.
 */
export function fleissKappa(data: ReliabilityData): KappaResult {
  const t = tally(encode(data));
  const pa = observedAgreement(t);
  if (pa.value === null) return { value: null, units: 0, observed: null, expected: null };
  const pi = new Float64Array(t.nCategories);
  for (let u = 0; u < t.m.length; u++) {
    for (let i = t.start[u]!; i < t.start[u + 1]!; i++) pi[t.cat[i]!]! += t.count[i]! / t.m[u]!;
  }
  let pe = 0;
  for (let k = 0; k < pi.length; k++) pe += (pi[k]! / t.m.length) ** 2;
  return { value: pe >= 1 ? null : (pa.value - pe) / (1 - pe), units: pa.units, observed: pa.value, expected: pe };
}
