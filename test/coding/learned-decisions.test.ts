import { describe, expect, it } from 'vitest';
import type { PlacedDecision } from '../../src/coding/decisions.js';
import { rejectLearned, rejectsOfNoRuleCoding } from '../../src/coding/learned-decisions.js';
import type { Coding } from '../../src/model/coding.js';
import type { Segment } from '../../src/model/segment.js';
import { Diagnostics } from '../../src/util/diagnostics.js';

/**
 * A reviewer's rejection of a learned proposal (qia review --learn): the proposals are made after
 * the decisions are applied, so rejections naming no rule coding are held back and applied to them.
 */

function coding(segmentId: string, code: string, coder = 'auto'): Coding {
  return {
    segmentId,
    sourceId: segmentId.split(':')[0]!,
    code,
    valence: 1,
    coder,
    origin: 'rule',
    status: 'auto',
    span: { start: 0, end: 10 },
    quote: 'kata kata',
    prefix: '',
    suffix: '',
    matches: [],
    cues: [],
    score: 0.6,
  };
}

function decision(segmentId: string, op: PlacedDecision['op'], code: string, seq: number, coder = 'rina'): PlacedDecision {
  const segment = { id: segmentId, sourceId: segmentId.split(':')[0]! } as Segment;
  return {
    v: 1,
    seq,
    at: '2026-01-01T00:00:00.000Z',
    coder,
    op,
    code,
    anchor: { source: segment.sourceId, segment: segmentId, fingerprint: 'f', line: 1 },
    file: `codings/${coder}.decisions.jsonl`,
    line: seq,
    segment,
  };
}

describe('rejections of learned proposals', () => {
  const rules = [coding('documents/d02:1', 'compatibility.regulation')];
  const learned = [coding('documents/d02:3', 'observability', 'learned'), coding('documents/d02:7', 'obstacle_external', 'learned')];

  it('holds back only rejections that name no rule coding of their segment', () => {
    const placed = [
      decision('documents/d02:1', 'reject', 'compatibility.regulation', 1),
      decision('documents/d02:3', 'reject', 'observability', 2),
      decision('documents/d02:3', 'accept', 'observability', 3),
      decision('documents/d02:1', 'reject', 'compatibility.situation', 4),
    ];
    expect(rejectsOfNoRuleCoding(placed, rules).map((d) => d.seq)).toEqual([2, 4]);
  });

  it('rejects the learned proposal a rejection names, with its reviewer, and notes one that names nothing, at its log line', () => {
    const diags = new Diagnostics();
    const out = rejectLearned(
      learned,
      [decision('documents/d02:3', 'reject', 'observability', 2), decision('documents/d02:5', 'reject', 'complexity', 5)],
      diags,
    );
    expect(out.map((c) => [c.segmentId, c.code, c.status, c.reviewer])).toEqual([
      ['documents/d02:3', 'observability', 'rejected', 'rina'],
      ['documents/d02:7', 'obstacle_external', 'auto', undefined],
    ]);
    expect(diags.items.map((d) => [d.code, d.severity, d.file, d.line])).toEqual([['decision/unused', 'info', 'codings/rina.decisions.jsonl', 5]]);
    // The proposals given are left as they were.
    expect(learned[0]!.status).toBe('auto');
  });
});
