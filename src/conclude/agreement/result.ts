import { krippendorffAlpha, type Level } from './alpha.js';
import { alphaBootstrap, DEFAULT_CONFIDENCE, DEFAULT_DRAWS, DEFAULT_SEED, type AlphaInterval, type BootstrapOptions } from './bootstrap.js';
import { confusionTable, type ConfusionTable } from './confusion.js';
import { poolCodes, type ReliabilityData } from './data.js';
import { cohenKappa, fleissKappa } from './kappa.js';
import { brennanPrediger, percentAgreement } from './percent.js';

export interface AgreementOptions {
  /** Level of measurement for alpha (the kappas and percent agreement are nominal by nature). */
  level?: Level;
  /** q for Brennan–Prediger: the categories coders could choose from; default, those seen in each data set. */
  categories?: number;
  /** Settings of alpha's bootstrap interval; false for none. */
  bootstrap?: BootstrapOptions | false;
}

/** Every statistic for one reliability data set; null where a statistic does not apply. */
export interface AgreementStats {
  /** Units in the data, coded or not. */
  unitsTotal: number;
  /** Units with at least two values: what every statistic here is taken over. */
  units: number;
  coders: number;
  /** Values in those units (alpha's n). */
  pairable: number;
  /** Percent agreement, 0–100. */
  percent: number | null;
  cohenKappa: number | null;
  fleissKappa: number | null;
  alpha: number | null;
  alphaInterval: AlphaInterval | null;
  brennanPrediger: number | null;
  /** The q Brennan–Prediger assumed. */
  categories: number;
}

export interface CodeStats {
  code: string;
  stats: AgreementStats;
}

export interface AgreementResult {
  level: Level;
  coders: string[];
  overall: AgreementStats;
  /** One entry per code, in the order given; empty for a single matrix. */
  perCode: CodeStats[];
  /** How intervals were made; null when none were asked for. */
  bootstrap: { draws: number; seed: number; confidence: number; scheme: 'units' } | null;
  /** The overall data's confusion table when there are exactly two coders. */
  confusion: ConfusionTable | null;
}

export function agreementStats(data: ReliabilityData, options: AgreementOptions = {}): AgreementStats {
  const level = options.level ?? 'nominal';
  const alpha = krippendorffAlpha(data, level);
  const pa = percentAgreement(data);
  const bp = brennanPrediger(data, options.categories);
  // With two coders, "both coded" and "at least two values" are the same units, so Cohen's
  // kappa is over the same units as the rest; with any other number it is null.
  return {
    unitsTotal: data.units.length,
    units: pa.units,
    coders: data.coders.length,
    pairable: alpha.pairable,
    percent: pa.value,
    cohenKappa: cohenKappa(data).value,
    fleissKappa: fleissKappa(data).value,
    alpha: alpha.value,
    alphaInterval: options.bootstrap === false || alpha.value === null ? null : alphaBootstrap(data, level, options.bootstrap),
    brennanPrediger: bp.value,
    categories: bp.categories,
  };
}

/**
 * The whole result: overall figures and, for a study, one set per code. Each code's data
 * should hold that code's units (e.g. segments) × the study's coders; the study mode makes it
 * with `fromAssignments` per code (1 = the coder applied the code, 0 = did not, null = did not
 * code that unit at all) and calls `agreementByCode`.
 */
export function agreementResult(
  overall: ReliabilityData,
  perCode: Iterable<readonly [string, ReliabilityData]> = [],
  options: AgreementOptions = {},
): AgreementResult {
  const level = options.level ?? 'nominal';
  const b = options.bootstrap;
  const draws = b === false ? 0 : (b?.draws ?? DEFAULT_DRAWS);
  const bootstrap =
    draws === 0 ? null : { draws, seed: (b || {}).seed ?? DEFAULT_SEED, confidence: (b || {}).confidence ?? DEFAULT_CONFIDENCE, scheme: 'units' as const };
  const opts: AgreementOptions = { ...options, level, bootstrap: bootstrap === null ? false : bootstrap };
  return {
    level,
    coders: [...overall.coders],
    overall: agreementStats(overall, opts),
    perCode: [...perCode].map(([code, data]) => ({ code, stats: agreementStats(data, opts) })),
    bootstrap,
    confusion: overall.coders.length === 2 ? confusionTable(overall, overall.coders[0]!, overall.coders[1]!) : null,
  };
}

/**
 * Per-code data in, the whole result out, the overall figures taken over every code's units
 * pooled (each coding decision counted once; see poolCodes).
 */
export function agreementByCode(perCode: Iterable<readonly [string, ReliabilityData]>, options: AgreementOptions = {}): AgreementResult {
  const list = [...perCode];
  return agreementResult(poolCodes(list), list, options);
}
