import { describe, expect, it } from 'vitest';
import { SegmentIndex } from '../../src/coding/lookup.js';
import { mergeCodings } from '../../src/coding/merge.js';
import { checkReview, parseReview } from '../../src/coding/review-file.js';
import type { Coding } from '../../src/model/coding.js';
import type { Segment } from '../../src/model/segment.js';
import { Diagnostics } from '../../src/util/diagnostics.js';
import { build } from './build.js';

const CODES = new Set(['complexity', 'complexity.ease_of_use']);
const REVIEW = 'segment,code,decision,note,quote\nw02:2,complexity.ease_of_use,reject,about the form,"Formulirnya mudah diisi, tidak ribet."\n';

/** The automatic coding the rule engine would make: ease of use on the turn that says "mudah". */
function autoOn(segments: Segment[]): Coding[] {
  return segments
    .filter((s) => !s.interviewer && /mudah/.test(s.text))
    .map((s) => ({
      segmentId: s.id,
      sourceId: s.sourceId,
      code: 'complexity.ease_of_use',
      valence: 1,
      coder: 'auto',
      origin: 'rule',
      status: 'auto',
      span: s.body,
      quote: s.text,
      prefix: '',
      suffix: '',
      matches: [],
      cues: [],
      score: 1,
    }));
}

function review(text: string) {
  const diags = new Diagnostics();
  const { segments } = build('w02', text);
  const decisions = parseReview(REVIEW, 'codings/review.csv', diags);
  checkReview(decisions, new SegmentIndex(segments), CODES, diags);
  const kept = mergeCodings(autoOn(segments), [], 'auto-only', decisions, diags).filter((c) => c.status !== 'rejected');
  return { kept: kept.map((c) => c.segmentId), diags: diags.items.map((d) => [d.code, d.severity, d.line]) };
}

describe('review decisions with a quote', () => {
  it('apply where they were made while the transcript is unchanged', () => {
    const r = review('P: Bagaimana formulirnya?\nU1: Formulirnya mudah diisi, tidak ribet.\nU1: Aplikasinya juga mudah.');
    expect(r.kept).toEqual(['w02:3']);
    expect(r.diags).toEqual([]);
  });

  it('follow their quote when a turn is inserted before it, so the new turn 2 is not rejected by mistake', () => {
    const r = review('P: Halo.\nU1: Aplikasinya mudah, kata orang.\nP: Bagaimana formulirnya?\nU1: Formulirnya mudah diisi, tidak ribet.');
    expect(r.kept).toEqual(['w02:2']);
    expect(r.diags).toEqual([['review/moved', 'info', 2]]);
  });

  it('are reported and not applied when their quote is gone', () => {
    const r = review('P: Bagaimana formulirnya?\nU1: Aplikasinya mudah, kata orang.');
    expect(r.kept).toEqual(['w02:2']);
    expect(r.diags).toEqual([['review/unanchored', 'warning', 2]]);
  });
});
