import { QiaError } from '../../util/diagnostics.js';
import { alphaOf, alphaScratch, prepareAlpha, type Level } from './alpha.js';
import type { ReliabilityData } from './data.js';
import { Xoshiro128 } from './prng.js';

export const DEFAULT_DRAWS = 1000;
export const DEFAULT_SEED = 20110101;
export const DEFAULT_CONFIDENCE = 0.95;

export interface BootstrapOptions {
  /** Resamples; 0 asks for no interval. */
  draws?: number;
  seed?: number;
  /** Two-sided coverage, e.g. 0.95. */
  confidence?: number;
}

export interface AlphaInterval {
  lo: number;
  hi: number;
  confidence: number;
  draws: number;
  /** Resamples in which alpha was defined (see alphaBootstrap). */
  used: number;
  seed: number;
}

/**
 * A percentile bootstrap confidence interval for Krippendorff's alpha, resampling units.
 *
 * Scheme: the pairable units (those with at least two values; the others add nothing to alpha)
 * are drawn with replacement, as many as there are, and alpha is recomputed on the resample,
 * coincidences, marginals and (for ordinal data) ranks included. The interval runs between the
 * (1 − confidence)/2 and (1 + confidence)/2 quantiles of the resampled alphas (linear
 * interpolation between order statistics, Hyndman & Fan's type 7, R's default). A resample
 * whose values all fall in one category has no defined alpha and is left out; `used` says how
 * many were kept.
 *
 * Krippendorff's own bootstrap (Hayes & Krippendorff 2007) resamples pairs of values from the
 * coincidence matrix instead. Resampling whole units keeps what belongs together, the values of
 * one segment and which coders left it out, and treats the unit as what was sampled from the
 * material, which is how a study samples segments.
 *
 * The same seed gives the same interval on every run: the generator is xoshiro128** (prng.ts)
 * and nothing else is random. Null when alpha itself is null or no resample defines it.
 */
export function alphaBootstrap(data: ReliabilityData, level: Level = 'nominal', options: BootstrapOptions = {}): AlphaInterval | null {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? DEFAULT_SEED;
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  if (!Number.isInteger(draws) || draws < 1) throw new QiaError('agree/bad-draws', `the number of bootstrap draws must be a whole number ≥ 1, got ${draws}`);
  if (!(confidence > 0 && confidence < 1)) throw new QiaError('agree/bad-confidence', `the confidence level must lie between 0 and 1, got ${confidence}`);
  const input = prepareAlpha(data, level);
  const scratch = alphaScratch(input);
  if (alphaOf(input, null, scratch).value === null) return null;
  const units = input.start.length - 1;
  const picks = new Int32Array(units);
  const rng = new Xoshiro128(seed);
  const alphas = new Float64Array(draws);
  let used = 0;
  for (let b = 0; b < draws; b++) {
    rng.fillBelow(picks, units);
    const a = alphaOf(input, picks, scratch).value;
    if (a !== null) alphas[used++] = a;
  }
  if (used === 0) return null;
  const sorted = alphas.subarray(0, used).sort();
  return { lo: quantile(sorted, (1 - confidence) / 2), hi: quantile(sorted, (1 + confidence) / 2), confidence, draws, used, seed };
}

/** Hyndman & Fan type 7 on sorted values. */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
