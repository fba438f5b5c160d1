import type { ReliabilityData } from './data.js';
import { encode, tally, type Tallies } from './encode.js';

export interface PercentResult {
  /** Agreement in percent, 0–100; null when no unit has two values. */
  value: number | null;
  /** Units with at least two values (the only ones a pair can be formed in). */
  units: number;
  /** Coder pairs compared, summed over those units. */
  pairs: number;
}

/**
 * Percent agreement between pairs of coders. Within a unit every unordered pair of the coders
 * who gave it a value is compared (m values make m(m−1)/2 pairs); the unit's agreement is the
 * share of its pairs that agree, and the figure is the mean of that share over the units with
 * at least two values, each unit weighing the same whatever its number of coders. With two
 * coders this is the share of units both coded on which they agree; with complete data it is
 * Fleiss' (1971) mean observed agreement P̄. It is the pa of Gwet's Handbook of Inter-Rater
 * Reliability (2014) and his irrCAC package, which is what lets missing data in.
 */
export function percentAgreement(data: ReliabilityData): PercentResult {
  const pa = observedAgreement(tally(encode(data)));
  return { value: pa.value === null ? null : pa.value * 100, units: pa.units, pairs: pa.pairs };
}

/** The same mean agreement as a proportion, shared by Fleiss' kappa and Brennan–Prediger. */
export function observedAgreement(t: Tallies): { value: number | null; units: number; pairs: number } {
  let sum = 0;
  let units = 0;
  let pairs = 0;
  for (let u = 0; u < t.m.length; u++) {
    const m = t.m[u]!;
    if (m < 2) continue;
    let agreeing = 0;
    for (let i = t.start[u]!; i < t.start[u + 1]!; i++) agreeing += t.count[i]! * (t.count[i]! - 1);
    sum += agreeing / (m * (m - 1));
    units++;
    pairs += (m * (m - 1)) / 2;
  }
  return { value: units === 0 ? null : sum / units, units, pairs };
}

export interface BrennanPredigerResult {
  value: number | null;
  units: number;
  /** Number of categories q the chance agreement 1/q assumes. */
  categories: number;
}

/**
 * Brennan and Prediger's (1981) free-marginal kappa: (p_a − 1/q) / (1 − 1/q), chance agreement
 * being what coders who picked among q categories uniformly would reach. p_a is the percent
 * agreement above (as a proportion). q is the number of categories the coders could choose
 * from: pass it when the codebook offers categories nobody used (a yes/no code is q = 2 even if
 * everyone said no); otherwise it is the number of categories seen in the data, as irrCAC does.
 * Null when no unit has two values or q < 2.
 */
export function brennanPrediger(data: ReliabilityData, categories?: number): BrennanPredigerResult {
  const enc = encode(data);
  const q = categories ?? enc.categories.length;
  const pa = observedAgreement(tally(enc));
  if (pa.value === null || q < 2) return { value: null, units: pa.units, categories: q };
  return { value: (pa.value - 1 / q) / (1 - 1 / q), units: pa.units, categories: q };
}
