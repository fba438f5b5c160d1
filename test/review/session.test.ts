import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRecorded, currentCoding, decide, decidedCount, progress, startSession, type ReviewAction, type SessionState } from '../../src/review/session.js';
import type { DecisionDraft } from '../../src/review/types.js';
import { item, proposal, threeItems } from './items.js';

/** A stand-in for the log: records each draft with the next seq, as `record` would. */
function logger() {
  const log: (DecisionDraft & { seq: number })[] = [];
  const run = (s: SessionState, a: ReviewAction): SessionState => {
    const o = decide(s, a);
    if (o.kind === 'move') return o.state;
    if (o.kind === 'refuse') return s;
    const seq = log.length + 1;
    log.push({ ...o.draft, seq });
    return applyRecorded(s, o.draft, seq);
  };
  return { log, run };
}

const statuses = (s: SessionState) => s.codings.map((l) => l.map((p) => `${p.code}:${p.shown}:${p.valence}:${p.status}${p.memo ? `:${p.memo}` : ''}`));

describe('review session', () => {
  it('accept records the proposal and moves to the next undecided coding, then to the next segment', () => {
    const { log, run } = logger();
    let s = startSession(threeItems());
    s = run(s, { kind: 'accept' });
    expect(log).toEqual([{ item: 'interviews/w01:1', op: 'accept', code: 'relative_advantage.time_saving', seq: 1 }]);
    expect(s.codings[0]![0]!.status).toBe('accepted');
    expect([s.index, s.cursor]).toEqual([0, 1]);
    s = run(s, { kind: 'accept' });
    expect([s.index, s.cursor]).toEqual([1, 0]);
    expect(decidedCount(s)).toBe(2);
  });

  it('reject marks the coding rejected', () => {
    const { log, run } = logger();
    const s = run(startSession(threeItems()), { kind: 'reject' });
    expect(log[0]).toMatchObject({ op: 'reject', code: 'relative_advantage.time_saving' });
    expect(s.codings[0]![0]!.status).toBe('rejected');
  });

  it('change code keeps the proposal identity and records the new code and a changed valence only', () => {
    const { log, run } = logger();
    let s = run(startSession(threeItems()), { kind: 'recode', to: 'relative_advantage.cost_saving', valence: -1 });
    expect(log[0]).toEqual({ item: 'interviews/w01:1', op: 'recode', code: 'relative_advantage.time_saving', to: 'relative_advantage.cost_saving', seq: 1 });
    expect(s.codings[0]![0]).toMatchObject({ code: 'relative_advantage.time_saving', shown: 'relative_advantage.cost_saving', status: 'changed' });
    s = run(s, { kind: 'move', by: -1 });
    run(s, { kind: 'recode', to: 'relative_advantage.fewer_documents', valence: 1 });
    expect(log[1]).toMatchObject({ op: 'recode', code: 'relative_advantage.time_saving', to: 'relative_advantage.fewer_documents', valence: 1 });
  });

  it('flip turns -1 into +1 and the reverse, and refuses 0; +, - and 0 set the valence', () => {
    const { log, run } = logger();
    const s = run(startSession(threeItems()), { kind: 'flip' });
    expect(log[0]).toMatchObject({ op: 'valence', code: 'relative_advantage.time_saving', valence: 1 });
    expect(s.codings[0]![0]).toMatchObject({ valence: 1, status: 'changed' });
    run(s, { kind: 'valence', valence: 0 });
    expect(log[1]).toMatchObject({ op: 'valence', code: 'complexity.ease_of_use', valence: 0 });
    const zero = startSession([item('x:1', [proposal('complexity', 0)])]);
    expect(decide(zero, { kind: 'flip' })).toEqual({ kind: 'refuse', refusal: { reason: 'flip-zero', code: 'complexity' } });
    expect(decide(zero, { kind: 'valence', valence: 0 })).toMatchObject({ kind: 'refuse', refusal: { reason: 'same-valence' } });
  });

  it('add appends a manual coding and stays on the segment; a second add of it is refused; n takes it back', () => {
    const { log, run } = logger();
    let s = run(startSession(threeItems()), { kind: 'add', code: 'compatibility.needs', valence: 1 });
    expect(log[0]).toEqual({ item: 'interviews/w01:1', op: 'add', code: 'compatibility.needs', valence: 1, seq: 1 });
    expect([s.index, s.cursor]).toEqual([0, 2]);
    expect(currentCoding(s)).toMatchObject({ code: 'compatibility.needs', status: 'manual', added: true });
    expect(decide(s, { kind: 'add', code: 'compatibility.needs', valence: 0 })).toMatchObject({ kind: 'refuse', refusal: { reason: 'duplicate' } });
    expect(decide(s, { kind: 'accept' })).toMatchObject({ kind: 'refuse', refusal: { reason: 'manual-accept' } });
    s = run(s, { kind: 'reject' });
    expect(log[1]).toMatchObject({ op: 'remove', code: 'compatibility.needs' });
    expect(s.codings[0]!.map((p) => p.code)).toEqual(['relative_advantage.time_saving', 'complexity.ease_of_use']);
  });

  it('a manual coding loaded from elsewhere is neither accepted, recoded nor removed', () => {
    const s = startSession([item('x:1', [proposal('complexity', 1, { status: 'manual', origin: 'inline', coder: 'rina' })])]);
    for (const a of [{ kind: 'accept' }, { kind: 'reject' }, { kind: 'flip' }, { kind: 'recode', to: 'compatibility' }] as ReviewAction[]) {
      expect(decide(s, a).kind).toBe('refuse');
    }
  });

  it('memo attaches to the coding under the cursor and does not move on; an empty one is refused', () => {
    const { log, run } = logger();
    const s = run(startSession(threeItems()), { kind: 'memo', memo: '  dibaca ulang: negasi salah  ' });
    expect(log[0]).toEqual({ item: 'interviews/w01:1', op: 'memo', code: 'relative_advantage.time_saving', memo: 'dibaca ulang: negasi salah', seq: 1 });
    expect([s.index, s.cursor]).toEqual([0, 0]);
    expect(currentCoding(s)?.memo).toBe('dibaca ulang: negasi salah');
    expect(decide(s, { kind: 'memo', memo: ' ' })).toMatchObject({ kind: 'refuse', refusal: { reason: 'empty-memo' } });
  });

  it('skip records the segment and goes to the next one; a segment without codings can be skipped', () => {
    const { log, run } = logger();
    let s = run(startSession(threeItems(), 2), { kind: 'skip' });
    expect(log[0]).toEqual({ item: 'interviews/w01:3', op: 'skip', seq: 1 });
    expect(s.index).toBe(3);
    expect(decide(s, { kind: 'accept' })).toMatchObject({ kind: 'refuse', refusal: { reason: 'at-end' } });
    s = run(s, { kind: 'back' });
    expect(decide(s, { kind: 'accept' })).toMatchObject({ kind: 'refuse', refusal: { reason: 'no-coding' } });
  });

  it('undo twice appends two undo drafts, newest first, and goes back to the item each affected', () => {
    const { log, run } = logger();
    let s = startSession(threeItems());
    const start = statuses(s);
    s = run(s, { kind: 'flip' });
    s = run(s, { kind: 'reject' });
    s = run(s, { kind: 'accept' });
    expect(s.index).toBe(2);
    s = run(s, { kind: 'undo' });
    expect(log[3]).toEqual({ item: 'interviews/w01:2', op: 'undo', undoes: 3, seq: 4 });
    expect([s.index, s.cursor]).toEqual([1, 0]);
    expect(s.codings[1]![0]!.status).toBe('auto');
    s = run(s, { kind: 'undo' });
    expect(log[4]).toEqual({ item: 'interviews/w01:1', op: 'undo', undoes: 2, seq: 5 });
    expect([s.index, s.cursor]).toEqual([0, 1]);
    expect(statuses(s)[0]).toEqual([
      'relative_advantage.time_saving:relative_advantage.time_saving:1:changed',
      'complexity.ease_of_use:complexity.ease_of_use:1:auto',
    ]);
    s = run(s, { kind: 'undo' });
    expect(statuses(s)).toEqual(start);
    expect(decide(s, { kind: 'undo' })).toEqual({ kind: 'refuse', refusal: { reason: 'nothing-to-undo' } });
    expect(decidedCount(s)).toBe(0);
  });

  it('back and next move between segments and stop at either end', () => {
    const { run } = logger();
    let s = startSession(threeItems());
    expect(decide(s, { kind: 'back' })).toMatchObject({ kind: 'refuse', refusal: { reason: 'at-start' } });
    s = run(s, { kind: 'next' });
    s = run(s, { kind: 'next' });
    s = run(s, { kind: 'next' });
    expect(s.index).toBe(3);
    expect(decide(s, { kind: 'next' })).toMatchObject({ kind: 'refuse', refusal: { reason: 'at-end' } });
    s = run(s, { kind: 'back' });
    expect(s.index).toBe(2);
  });

  it('resumes at the index given, clamped, with the cursor on the first undecided coding', () => {
    const items = threeItems();
    items[0]!.proposals[0]!.status = 'accepted';
    expect(startSession(items, 0)).toMatchObject({ index: 0, cursor: 1 });
    expect(startSession(items, 1)).toMatchObject({ index: 1, cursor: 0 });
    expect(startSession(items, 99).index).toBe(3);
    expect(startSession(items, -4).index).toBe(0);
    expect(progress(startSession(items)).decided).toBe(1);
  });

  it('counts, per code, how many of its proposals are decided across segments', () => {
    const { run } = logger();
    const items = [item('a:1', [proposal('complexity', 1), proposal('trialability', 1)]), item('a:2', [proposal('complexity', -1)])];
    let s = run(startSession(items), { kind: 'accept' });
    s = run(s, { kind: 'add', code: 'observability', valence: 1 });
    expect(progress(s)).toEqual({
      decided: 1,
      total: 3,
      byCode: [
        { code: 'complexity', decided: 1, total: 2 },
        { code: 'trialability', decided: 0, total: 1 },
      ],
    });
  });
});

const CODES = ['complexity', 'complexity.skills', 'trialability', 'observability', 'compatibility.needs'];
const action: fc.Arbitrary<ReviewAction> = fc.oneof(
  fc.constant<ReviewAction>({ kind: 'accept' }),
  fc.constant<ReviewAction>({ kind: 'reject' }),
  fc.constant<ReviewAction>({ kind: 'flip' }),
  fc.constant<ReviewAction>({ kind: 'skip' }),
  fc.constant<ReviewAction>({ kind: 'next' }),
  fc.constant<ReviewAction>({ kind: 'back' }),
  fc.integer({ min: -2, max: 2 }).map((by): ReviewAction => ({ kind: 'move', by })),
  fc.constantFrom<-1 | 0 | 1>(-1, 0, 1).map((valence): ReviewAction => ({ kind: 'valence', valence })),
  fc
    .record({ to: fc.constantFrom(...CODES), valence: fc.option(fc.constantFrom<-1 | 0 | 1>(-1, 0, 1), { nil: undefined }) })
    .map(({ to, valence }): ReviewAction => (valence === undefined ? { kind: 'recode', to } : { kind: 'recode', to, valence })),
  fc
    .record({ code: fc.constantFrom(...CODES), valence: fc.constantFrom<-1 | 0 | 1>(-1, 0, 1) })
    .map(({ code, valence }): ReviewAction => ({ kind: 'add', code, valence })),
  fc.string({ maxLength: 6 }).map((memo): ReviewAction => ({ kind: 'memo', memo })),
);

describe('review session, property', () => {
  it('any sequence of decisions followed by as many undos leaves the codings as at the start', () => {
    const items = [
      item('p:1', [proposal('complexity', 1), proposal('trialability', -1), proposal('observability', 0, { status: 'accepted' })]),
      item('p:2', []),
      item('p:3', [proposal('complexity.skills', -1, { status: 'manual', origin: 'inline' }), proposal('complexity', 0)]),
      item('p:4', [proposal('compatibility.needs', 1, { status: 'rejected' })]),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.array(action, { maxLength: 40 }), (startAt, actions) => {
        const { log, run } = logger();
        let s = startSession(items, startAt);
        const start = statuses(s);
        for (const a of actions) s = run(s, a);
        const made = log.length;
        expect(s.undo).toHaveLength(made);
        for (let i = 0; i < made; i++) s = run(s, { kind: 'undo' });
        expect(statuses(s)).toEqual(start);
        expect(log.slice(made).map((d) => d.undoes)).toEqual(
          log
            .slice(0, made)
            .map((d) => d.seq)
            .reverse(),
        );
      }),
      { numRuns: 500 },
    );
  });
});
