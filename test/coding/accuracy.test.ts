import { describe, expect, it } from 'vitest';
import { decisions, evaluate } from '../../src/coding/accuracy.js';
import type { Coding } from '../../src/model/coding.js';

function c(segmentId: string, code: string, valence: Coding['valence'] = 1): Coding {
  return {
    segmentId,
    sourceId: 's',
    code,
    valence,
    coder: 'x',
    origin: 'manual',
    status: 'manual',
    span: { start: 0, end: 0 },
    quote: '',
    prefix: '',
    suffix: '',
    matches: [],
    cues: [],
    score: 1,
  };
}

describe('evaluate', () => {
  // 10 segments; gold says complexity on s:1..4; auto says complexity on s:3..6 (2 TP, 2 FP, 2 FN, 4 TN).
  const segs = Array.from({ length: 10 }, (_, i) => `s:${i + 1}`);
  const gold = decisions([
    c('s:1', 'complexity'),
    c('s:2', 'complexity.skills', -1),
    c('s:3', 'complexity'),
    c('s:4', 'complexity'),
    c('s:1', 'trialability.pilot'),
  ]);
  const auto = decisions([
    c('s:3', 'complexity.ease_of_use'),
    c('s:4', 'complexity', -1),
    c('s:5', 'complexity'),
    c('s:6', 'complexity'),
    c('s:1', 'trialability'),
  ]);
  const e = evaluate(segs, ['complexity', 'trialability', 'observability'], gold, auto);

  it('computes precision, recall, F1 and kappa per top-level code from sub-code labels', () => {
    const cx = e.perCode[0]!;
    expect([cx.tp, cx.fp, cx.fn, cx.tn]).toEqual([2, 2, 2, 4]);
    expect(cx.precision).toBeCloseTo(0.5);
    expect(cx.recall).toBeCloseTo(0.5);
    expect(cx.f1).toBeCloseTo(0.5);
    // po = 0.6, pe = 0.4*0.4 + 0.6*0.6 = 0.52, kappa = 0.08/0.48
    expect(cx.kappa).toBeCloseTo(1 / 6);
    expect(cx.valenceAgreement).toBeCloseTo(0.5);
    const tr = e.perCode[1]!;
    expect([tr.tp, tr.fp, tr.fn, tr.tn, tr.f1, tr.kappa]).toEqual([1, 0, 0, 9, 1, 1]);
  });

  it('leaves undefined scores out of the macro mean and pools the micro counts', () => {
    const ob = e.perCode[2]!;
    expect(Number.isNaN(ob.f1)).toBe(true);
    expect(e.macro.f1).toBeCloseTo(0.75);
    expect([e.micro.tp, e.micro.fp, e.micro.fn, e.micro.tn]).toEqual([3, 2, 2, 23]);
    expect(e.micro.f1).toBeCloseTo(6 / 10);
  });

  it('ignores codings outside the evaluated segments', () => {
    expect(decisions([c('s:1', 'complexity'), c('t:1', 'complexity')], new Set(['s:1'])).size).toBe(1);
  });
});
