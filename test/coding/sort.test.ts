import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodings, sortCodings } from '../../src/coding/merge.js';
import type { Coding } from '../../src/model/coding.js';

const coding = fc
  .record({
    source: fc.constantFrom('interviews/w01', 'interviews/w02', 'documents/d1', 'a'),
    n: fc.oneof(fc.nat(30), fc.constant(Number.NaN)),
    code: fc.constantFrom('complexity', 'complexity.ease', 'compatibility'),
    coder: fc.constantFrom('auto', 'rina', 'sari'),
    start: fc.nat(50),
    len: fc.nat(20),
    origin: fc.constantFrom('rule' as const, 'manual' as const, 'inline' as const),
    valence: fc.constantFrom(-1 as const, 0 as const, 1 as const),
    tag: fc.nat(),
  })
  .map((r): Coding & { tag: number } => ({
    segmentId: `${r.source}:${Number.isNaN(r.n) ? 'x' : r.n}`,
    sourceId: r.source,
    code: r.code,
    valence: r.valence,
    coder: r.coder,
    origin: r.origin,
    status: r.origin === 'manual' ? 'manual' : 'auto',
    span: { start: r.start, end: r.start + r.len },
    quote: '',
    prefix: '',
    suffix: '',
    matches: [],
    cues: [],
    score: 1,
    tag: r.tag,
  }));

describe('the order codings are written in', () => {
  it('is exactly a stable sort by compareCodings, ties included', () => {
    fc.assert(
      fc.property(fc.array(coding, { maxLength: 200 }), (list) => {
        const expected = [...list].sort(compareCodings).map((c) => c.tag);
        const input = [...list];
        const out = sortCodings(input);
        expect(out).toBe(input); // in place, as before
        expect(out.map((c) => (c as Coding & { tag: number }).tag)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
