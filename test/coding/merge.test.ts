import { describe, expect, it } from 'vitest';
import { compareCodings, mergeCodings, topCode } from '../../src/coding/merge.js';
import { parseReview } from '../../src/coding/review-file.js';
import type { Coding } from '../../src/model/coding.js';
import { Diagnostics } from '../../src/util/diagnostics.js';

function coding(
  segmentId: string,
  code: string,
  origin: Coding['origin'],
  coder = origin === 'rule' ? 'auto' : 'rina',
  valence: Coding['valence'] = 1,
): Coding {
  return {
    segmentId,
    sourceId: segmentId.split(':')[0]!,
    code,
    valence,
    coder,
    origin,
    status: origin === 'rule' ? 'auto' : 'manual',
    span: { start: 0, end: 1 },
    quote: 'x',
    prefix: '',
    suffix: '',
    matches: [],
    cues: [],
    score: 1,
  };
}

const AUTO = [
  coding('w1:2', 'complexity.ease_of_use', 'rule'),
  coding('w1:2', 'relative_advantage.time_saving', 'rule'),
  coding('w1:3', 'complexity.skills', 'rule', 'auto', -1),
];
const MANUAL = [coding('w1:2', 'complexity.clear_procedure', 'manual'), coding('w1:2', 'complexity.clear_procedure', 'inline', 'budi')];
const key = (cs: Coding[]) =>
  cs.sort(compareCodings).map((c) => `${c.segmentId} ${c.code} ${c.coder}${c.status === 'rejected' || c.status === 'accepted' ? ` ${c.status}` : ''}`);

describe('mergeCodings', () => {
  it('manual-overrides-auto replaces the unjudged auto codings of the same code line in the segment, keeps the sibling sub-codes, and says what it replaced', () => {
    const auto = [...AUTO, coding('w1:2', 'complexity', 'rule'), coding('w1:2', 'complexity.clear_procedure', 'rule', 'auto', -1)];
    const merged = mergeCodings(auto, MANUAL, 'manual-overrides-auto');
    expect(key(merged)).toEqual([
      'w1:2 complexity.clear_procedure budi',
      'w1:2 complexity.clear_procedure rina',
      // A sibling sub-code of the attribute is other evidence: kept (it used to vanish with the attribute).
      'w1:2 complexity.ease_of_use auto',
      'w1:2 relative_advantage.time_saving auto',
      'w1:3 complexity.skills auto',
    ]);
    // The parent and the same code are on the manual coding's line: replaced, and named.
    expect(merged.filter((c) => c.coder !== 'auto').map((c) => c.replaces)).toEqual([
      ['complexity', 'complexity.clear_procedure'],
      ['complexity', 'complexity.clear_procedure'],
    ]);
  });

  it('auto-only, manual-only and union keep what their names say', () => {
    expect(key(mergeCodings(AUTO, MANUAL, 'auto-only'))).toHaveLength(3);
    expect(key(mergeCodings(AUTO, MANUAL, 'manual-only'))).toEqual(['w1:2 complexity.clear_procedure budi', 'w1:2 complexity.clear_procedure rina']);
    expect(key(mergeCodings(AUTO, MANUAL, 'union'))).toHaveLength(5);
  });

  it('marks rejected auto codings rejected in every mode (they stay listed, counting leaves them out), and keeps accepted ones even under manual codings', () => {
    const diags = new Diagnostics();
    const review = parseReview(
      'segment,code,decision,note\nw1:3,complexity,reject,not about skills\nw1:2,complexity.clear_procedure,accept,\nw1:9,observability,reject,\n',
      'codings/review.csv',
      diags,
    );
    const auto = [...AUTO, coding('w1:2', 'complexity.clear_procedure', 'rule')];
    for (const mode of ['auto-only', 'union', 'manual-overrides-auto', 'manual-only'] as const) {
      const merged = mergeCodings(auto, MANUAL, mode, review);
      expect(key(merged)).toContain('w1:3 complexity.skills auto rejected');
      expect(merged.find((c) => c.status === 'rejected')?.reviewer).toBe('review.csv');
    }
    // Accepted: a person's judgement, which a manual coding of the same code does not replace.
    expect(key(mergeCodings(auto, MANUAL, 'manual-overrides-auto', review))).toContain('w1:2 complexity.clear_procedure auto accepted');
    expect(key(mergeCodings(auto, MANUAL, 'manual-only', review))).toEqual([
      'w1:2 complexity.clear_procedure auto accepted',
      'w1:2 complexity.clear_procedure budi',
      'w1:2 complexity.clear_procedure rina',
      'w1:3 complexity.skills auto rejected',
    ]);
    mergeCodings(auto, MANUAL, 'union', review, diags);
    expect(diags.items.map((d) => [d.code, d.line])).toEqual([['review/unused', 4]]);
  });

  it('reads review decisions and reports bad ones by line', () => {
    const diags = new Diagnostics();
    const r = parseReview('segment,code,decision\nw1:2,complexity,reject\nw1:2,,reject\nw1:2,complexity,maybe\n', 'codings/review.csv', diags);
    expect(r).toHaveLength(1);
    expect(diags.items.map((d) => [d.code, d.line])).toEqual([
      ['review/missing-value', 3],
      ['review/bad-decision', 4],
    ]);
    const none = new Diagnostics();
    expect(parseReview('segment,note\nw1:2,x\n', 'codings/review.csv', none)).toEqual([]);
    expect(none.items[0]?.code).toBe('review/missing-column');
  });

  it('orders codings by source, segment number (not text), code and coder', () => {
    const cs = [
      coding('w1:10', 'a', 'rule'),
      coding('w1:9', 'b', 'rule'),
      coding('w1:9', 'a', 'manual', 'zed'),
      coding('w1:9', 'a', 'manual', 'ani'),
      coding('w0:99', 'z', 'rule'),
    ];
    expect(key(cs)).toEqual(['w0:99 z auto', 'w1:9 a ani', 'w1:9 a zed', 'w1:9 b auto', 'w1:10 a auto']);
  });

  it('finds the top-level code', () => {
    expect(topCode('complexity.ease_of_use')).toBe('complexity');
    expect(topCode('trialability')).toBe('trialability');
  });
});
