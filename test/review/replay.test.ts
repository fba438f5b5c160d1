import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/model/decision.js';
import { replayLog } from '../../src/review/replay.js';
import { applyRecorded, decide, startSession, type ReviewAction, type SessionState } from '../../src/review/session.js';
import type { DecisionDraft } from '../../src/review/types.js';
import { threeItems } from './items.js';

function line(seq: number, d: DecisionDraft): Decision {
  const { item, ...rest } = d;
  return {
    v: 1,
    seq,
    at: '2026-12-01T00:00:00.000Z',
    coder: 'rina',
    anchor: { source: item.split(':')[0]!, segment: item, fingerprint: '0'.repeat(16), line: 1 },
    ...rest,
  };
}

describe('replayLog', () => {
  it('applies the standing decisions, skips undone ones, and honours an undo of an undo', () => {
    const log = [
      line(1, { item: 'interviews/w01:1', op: 'valence', code: 'relative_advantage.time_saving', valence: 1 }),
      line(2, { item: 'interviews/w01:1', op: 'reject', code: 'complexity.ease_of_use' }),
      line(3, { item: 'interviews/w01:2', op: 'recode', code: 'obstacle_internal.server_system', to: 'obstacle_external.network' }),
      line(4, { item: 'interviews/w01:2', op: 'undo', undoes: 3 }),
      line(5, { item: 'interviews/w01:1', op: 'undo', undoes: 2 }),
      line(6, { item: 'interviews/w01:1', op: 'undo', undoes: 5 }),
      line(7, { item: 'interviews/w01:3', op: 'add', code: 'compatibility.needs', valence: 1 }),
    ];
    const { items, resumeAt } = replayLog(threeItems(), log, 'rina');
    expect(items[0]!.proposals.map((p) => [p.code, p.valence, p.status])).toEqual([
      ['relative_advantage.time_saving', 1, 'changed'],
      ['complexity.ease_of_use', 1, 'rejected'],
    ]);
    expect(items[1]!.proposals[0]).toMatchObject({ status: 'auto' });
    expect(items[1]!.proposals[0]!.to).toBeUndefined();
    expect(items[2]!.proposals).toEqual([
      { code: 'compatibility.needs', valence: 1, status: 'manual', matches: [], cues: [], origin: 'manual', coder: 'rina' },
    ]);
    // The last decision is an add on a segment with nothing left open: resume after it.
    expect(resumeAt).toBe(3);
  });

  it('resumes on the segment of the last decision while it has undecided codings, after it on a skip', () => {
    const accept = [line(1, { item: 'interviews/w01:1', op: 'accept', code: 'relative_advantage.time_saving' })];
    expect(replayLog(threeItems(), accept, 'rina').resumeAt).toBe(0);
    const skip = [...accept, line(2, { item: 'interviews/w01:1', op: 'skip' })];
    expect(replayLog(threeItems(), skip, 'rina').resumeAt).toBe(1);
    expect(replayLog(threeItems(), [], 'rina').resumeAt).toBe(0);
  });

  it('a session started from the replay shows what the session that wrote the log ended with', () => {
    const log: Decision[] = [];
    const run = (s: SessionState, a: ReviewAction): SessionState => {
      const o = decide(s, a);
      if (o.kind !== 'record') return o.kind === 'move' ? o.state : s;
      log.push(line(log.length + 1, o.draft));
      return applyRecorded(s, o.draft, log.length);
    };
    let s = startSession(threeItems());
    for (const a of [
      { kind: 'flip' },
      { kind: 'recode', to: 'complexity.skills', valence: 0 },
      { kind: 'memo', memo: 'cek' },
      { kind: 'reject' },
      { kind: 'undo' },
    ] as ReviewAction[])
      s = run(s, a);
    const { items, resumeAt } = replayLog(threeItems(), log, 'rina');
    const again = startSession(items, resumeAt);
    expect(again.codings.map((l) => l.map((p) => [p.code, p.shown, p.valence, p.status]))).toEqual(
      s.codings.map((l) => l.map((p) => [p.code, p.shown, p.valence, p.status])),
    );
    expect([again.index, again.cursor]).toEqual([s.index, s.cursor]);
  });
});
