import type { Lang } from '../../model/codebook.js';

/**
 * Words for a coefficient, for readers who want more than a number. The bands are conventions
 * from the literature, not tests: a report should give the number and name the convention.
 */

export type KappaBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost_perfect';
export type AlphaBand = 'reliable' | 'tentative' | 'unreliable';

/** Published two-decimal edges are read as inclusive upper bounds; the slack absorbs binary rounding (0.2 computed as 0.20000000000000004). */
const EPS = 1e-9;

/**
 * Landis, J. R. & Koch, G. G. (1977). The measurement of observer agreement for categorical
 * data. Biometrics 33(1), 159–174: < 0 poor, 0–0.20 slight, 0.21–0.40 fair, 0.41–0.60 moderate,
 * 0.61–0.80 substantial, 0.81–1 almost perfect. Between two printed bands (0.205) the lower band
 * holds up to and including its edge: 0.20 is slight, anything above it fair.
 */
export function kappaBand(k: number): KappaBand {
  if (k < 0) return 'poor';
  if (k <= 0.2 + EPS) return 'slight';
  if (k <= 0.4 + EPS) return 'fair';
  if (k <= 0.6 + EPS) return 'moderate';
  if (k <= 0.8 + EPS) return 'substantial';
  return 'almost_perfect';
}

/**
 * Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology, 2nd ed.
 * (and Krippendorff 2011): rely on variables with α ≥ .800; consider those with
 * .667 ≤ α < .800 only for tentative conclusions; below .667, do not rely on them.
 */
export function alphaBand(a: number): AlphaBand {
  if (a >= 0.8 - EPS) return 'reliable';
  if (a >= 0.667 - EPS) return 'tentative';
  return 'unreliable';
}

const WORDS: Record<Lang, Record<KappaBand | AlphaBand, string>> = {
  en: {
    poor: 'poor',
    slight: 'slight',
    fair: 'fair',
    moderate: 'moderate',
    substantial: 'substantial',
    almost_perfect: 'almost perfect',
    reliable: 'reliable',
    tentative: 'tentative conclusions only',
    unreliable: 'unreliable',
  },
  id: {
    poor: 'buruk',
    slight: 'sangat rendah',
    fair: 'cukup',
    moderate: 'sedang',
    substantial: 'kuat',
    almost_perfect: 'hampir sempurna',
    reliable: 'andal',
    tentative: 'hanya untuk kesimpulan sementara',
    unreliable: 'tidak andal',
  },
};

export function bandWord(band: KappaBand | AlphaBand, lang: Lang): string {
  return WORDS[lang][band];
}

/** Null in, null out: a statistic that does not apply has no interpretation either. */
export function interpretKappa(k: number | null, lang: Lang): string | null {
  return k === null ? null : bandWord(kappaBand(k), lang);
}

export function interpretAlpha(a: number | null, lang: Lang): string | null {
  return a === null ? null : bandWord(alphaBand(a), lang);
}

/** The conventions' sources, for a table's footnote. */
export const INTERPRETATION_SOURCES = {
  kappa: 'Landis & Koch (1977)',
  alpha: 'Krippendorff (2004)',
} as const;
