import type { Coding } from '../model/coding.js';
import { topCode } from './merge.js';

/**
 * Agreement of the automatic coder with a hand-labelled gold standard, at the level a
 * researcher reads results: is this segment evidence for this attribute (top-level code)?
 * Each (segment, top-level code) of the evaluated segments is a yes/no decision for both
 * sides; from the 2×2 table per code come precision, recall, F1 and Cohen's kappa.
 */

export interface Score {
  code: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** NaN when undefined (no predictions, no gold positives, or no variation). */
  precision: number;
  recall: number;
  f1: number;
  kappa: number;
  /** Of the segments both sides coded with this code, how many got the same valence sign. */
  valenceAgreement: number;
}

export interface Evaluation {
  segments: number;
  perCode: Score[];
  /** Pooled over every code's decisions. */
  micro: Score;
  macro: { precision: number; recall: number; f1: number; kappa: number };
}

/** (segment, top-level code) → summed valence of the codings there. */
export function decisions(codings: Iterable<Coding>, within?: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of codings) {
    if (within && !within.has(c.segmentId)) continue;
    const key = `${c.segmentId}\u0000${topCode(c.code)}`;
    out.set(key, (out.get(key) ?? 0) + c.valence);
  }
  return out;
}

export function evaluate(
  segments: readonly string[],
  codes: readonly string[],
  gold: ReadonlyMap<string, number>,
  auto: ReadonlyMap<string, number>,
): Evaluation {
  const perCode = codes.map((code) => {
    let tp = 0,
      fp = 0,
      fn = 0,
      tn = 0,
      same = 0;
    for (const seg of segments) {
      const key = `${seg}\u0000${code}`;
      const g = gold.get(key);
      const a = auto.get(key);
      if (g !== undefined && a !== undefined) {
        tp++;
        if (Math.sign(g) === Math.sign(a)) same++;
      } else if (a !== undefined) fp++;
      else if (g !== undefined) fn++;
      else tn++;
    }
    return score(code, tp, fp, fn, tn, same);
  });
  const sum = (k: 'tp' | 'fp' | 'fn' | 'tn') => perCode.reduce((n, s) => n + s[k], 0);
  const same = perCode.reduce((n, s) => n + (Number.isNaN(s.valenceAgreement) ? 0 : s.valenceAgreement * s.tp), 0);
  const micro = score('overall', sum('tp'), sum('fp'), sum('fn'), sum('tn'), same);
  return {
    segments: segments.length,
    perCode,
    micro,
    macro: {
      precision: mean(perCode.map((s) => s.precision)),
      recall: mean(perCode.map((s) => s.recall)),
      f1: mean(perCode.map((s) => s.f1)),
      kappa: mean(perCode.map((s) => s.kappa)),
    },
  };
}

function score(code: string, tp: number, fp: number, fn: number, tn: number, sameValence: number): Score {
  const n = tp + fp + fn + tn;
  const po = (tp + tn) / n;
  const pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n);
  return {
    code,
    tp,
    fp,
    fn,
    tn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    kappa: n === 0 || pe === 1 ? NaN : (po - pe) / (1 - pe),
    valenceAgreement: ratio(sameValence, tp),
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? NaN : a / b;
}

/** Mean of the defined values (a code nobody used has no F1 and does not pull the mean down). */
function mean(xs: number[]): number {
  const ok = xs.filter((x) => !Number.isNaN(x));
  return ok.length === 0 ? NaN : ok.reduce((a, b) => a + b, 0) / ok.length;
}
