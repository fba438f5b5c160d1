import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { condense } from '../../src/condense/condense.js';
import { buildDigest } from '../../src/condense/digest.js';
import { indexAnalysis } from '../../src/index/analysis-index.js';
import { jaccard, selectExcerpts, tokenSet } from '../../src/condense/excerpts.js';
import { parseMemo } from '../../src/study/memos.js';
import type { Analysis, Coding, Evidence } from '../../src/model/index.js';
import { fixtureAnalysis, fixtureCodebook } from '../fixtures/displays/analysis.js';

const one = (ev: Evidence[], code: string, by: Evidence['by'], key?: string) =>
  ev.find((e) => e.code === code && e.by === by && (key === undefined || e.key === key));

describe('condense', () => {
  const a = fixtureAnalysis();
  const ev = condense(a);

  it('rolls sub-codes up into their parent and keeps the sub-code detail', () => {
    const cx = one(ev, 'complexity', 'case')!;
    // ease_of_use 2, skills 2, clear_procedure 1, complexity itself 1
    expect(cx.total).toBe(6);
    expect(cx.counts).toEqual({ positive: 2, neutral: 1, negative: 3 });
    expect(cx.subcodes.map((s) => [s.code, s.total])).toEqual([
      ['complexity.ease_of_use', 2],
      ['complexity.clear_procedure', 1],
      ['complexity.skills', 2],
    ]);
    expect(one(ev, 'complexity.skills', 'case')!.total).toBe(2);
  });

  it('groups by role, group, source kind and informant', () => {
    expect(one(ev, 'complexity', 'role', 'staff')!.counts).toEqual({ positive: 1, neutral: 0, negative: 1 });
    expect(one(ev, 'complexity', 'group', 'user')!.total).toBe(3);
    expect(one(ev, 'complexity', 'kind', 'observation')!.total).toBe(1);
    expect(one(ev, 'complexity', 'informant', 'U2')!.total).toBe(2);
    // A document has no informant: it appears under kind and case, never under informant.
    expect(ev.some((e) => e.code === 'observability.numbers' && e.by === 'informant')).toBe(false);
    expect(one(ev, 'observability.numbers', 'kind', 'document')!.total).toBe(2);
  });

  it('counts distinct informants and sources', () => {
    const srv = one(ev, 'obstacle_internal.server_system', 'case')!;
    expect(srv.informants).toEqual(['K1', 'S2']);
    expect(srv.sources).toEqual(['interviews/w01-kepala', 'interviews/w02-petugas']);
  });

  it('orders evidence by codebook order, then grouping, then key', () => {
    const codes = [...new Set(ev.map((e) => e.code))];
    const order = fixtureCodebook().codes.map((c) => c.id);
    expect(codes).toEqual(order.filter((c) => codes.includes(c)));
    const roles = ev.filter((e) => e.code === 'complexity' && e.by === 'role').map((e) => e.key);
    expect(roles).toEqual(['staff', 'user']);
  });

  it('links every number to codings whose lines lie inside their segment', () => {
    const segs = new Map(a.segments.map((s) => [s.id, s]));
    for (const e of ev) {
      expect(e.refs.length).toBe(e.total);
      expect(e.counts.positive + e.counts.neutral + e.counts.negative).toBe(e.total);
      for (const r of e.refs) {
        const s = segs.get(r.segmentId)!;
        expect(s).toBeDefined();
        expect(r.line).toBeGreaterThanOrEqual(s.line);
        expect(r.endLine).toBeLessThanOrEqual(s.endLine);
      }
    }
    const obs = one(ev, 'complexity.skills', 'kind', 'observation')!;
    expect([obs.refs[0]!.line, obs.refs[0]!.endLine]).toEqual([6, 7]);
  });

  it('chooses excerpts strongest first, one informant at a time', () => {
    const cx = one(ev, 'complexity', 'case')!;
    expect(cx.excerpts.length).toBe(3);
    // Strongest: U1 "Mudah sekali" (score 3); then the next informants in order of their best.
    expect(cx.excerpts[0]!.ref.informant).toBe('U1');
    const who = cx.excerpts.map((x) => x.ref.informant);
    expect(new Set(who).size).toBe(who.length);
    expect(cx.excerpts[0]!.kwic).toEqual({ left: '', match: 'Mudah sekali', right: ', saya tidak perlu antre dan tidak …' });
  });

  it('does not let one informant fill the excerpts, however strong their quotes', () => {
    const b = fixtureAnalysis();
    for (const id of ['interviews/w01-kepala:2', 'interviews/w01-kepala:4', 'interviews/w01-kepala:5']) {
      const seg = b.segments.find((s) => s.id === id)!;
      b.codings.push({
        ...b.codings[0]!,
        segmentId: id,
        sourceId: seg.sourceId,
        code: 'complexity.ease_of_use',
        quote: seg.text,
        span: { ...seg.body },
        score: 10,
        matches: [],
      });
    }
    const cx = one(condense(b, { by: ['case'] }), 'complexity', 'case')!;
    expect(cx.excerpts.map((x) => x.ref.informant)).toEqual(['K1', 'U1', 'S2']);
    expect(one(condense(b, { by: ['case'], max: 5 }), 'complexity', 'case')!.excerpts.map((x) => x.ref.informant)).toEqual(['K1', 'U1', 'S2', 'S1', 'U2']);
  });

  it('keeps keyword-in-context text exactly as written around the match', () => {
    for (const e of ev) {
      for (const x of e.excerpts) {
        const seg = a.segments.find((s) => s.id === x.ref.segmentId)!;
        const flat = seg.text.replace(/\s+/g, ' ');
        const inner = (x.kwic.left + x.kwic.match + x.kwic.right).replace(/^… /, '').replace(/ …$/, '');
        expect(flat).toContain(inner);
      }
    }
  });

  it('skips near-duplicate quotes', () => {
    const b = fixtureAnalysis();
    const src = b.codings.find((c) => c.segmentId === 'interviews/w01-kepala:5')!;
    // The same complaint, coded again on the staff's nearly identical sentence.
    const seg = b.segments.find((s) => s.id === 'interviews/w02-petugas:5')!;
    b.codings.push({ ...src, segmentId: seg.id, sourceId: seg.sourceId, quote: src.quote + ' ', span: { ...seg.body }, score: 2.9, matches: [] });
    const idx = indexAnalysis(b);
    const srv = idx.contexts.filter((c) => c.coding.code === 'obstacle_internal.server_system');
    const picked = selectExcerpts(srv, { max: 5 });
    const quotes = picked.map((p) => p.quote);
    for (let i = 0; i < quotes.length; i++)
      for (let j = i + 1; j < quotes.length; j++) expect(jaccard(tokenSet(quotes[i]!), tokenSet(quotes[j]!))).toBeLessThan(0.8);
    expect(picked.length).toBe(2);
  });

  it('gives the same evidence whatever order the codings come in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(a.codings, { minLength: a.codings.length, maxLength: a.codings.length }), (shuffled) => {
        const b: Analysis = { ...a, codings: shuffled as Coding[] };
        expect(JSON.stringify(condense(b))).toBe(JSON.stringify(ev));
      }),
      { numRuns: 25 },
    );
  });

  it('keeps totals consistent for any subset of codings', () => {
    fc.assert(
      fc.property(fc.subarray(a.codings), (subset) => {
        const b: Analysis = { ...a, codings: subset };
        const out = condense(b, { by: ['case'] });
        for (const e of out) {
          const direct = subset.filter((c) => c.code === e.code || c.code.startsWith(e.code + '.')).length;
          expect(e.total).toBe(direct);
          expect(e.refs.length).toBe(direct);
          expect(e.excerpts.length).toBeLessThanOrEqual(3);
          expect(e.excerpts.length).toBeGreaterThan(0);
          for (const s of e.subcodes) expect(s.total).toBeLessThanOrEqual(e.total);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('memos', () => {
  const cb = fixtureCodebook();

  it('reads the code, title and body from front matter', () => {
    const r = parseMemo('memos/a.md', '---\ncode: complexity\ntitle: Dua sisi\n---\nIsi memo.\n', cb);
    expect(r.diagnostics).toEqual([]);
    expect(r.memo).toEqual({ code: 'complexity', file: 'memos/a.md', title: 'Dua sisi', body: 'Isi memo.' });
  });

  it('warns about a memo without a code, and one naming an unknown code', () => {
    expect(parseMemo('memos/b.md', 'no front matter', cb).diagnostics.map((d) => d.code)).toEqual(['memo/no-code']);
    const r = parseMemo('memos/c.md', '---\ntitle: x\ncode: kerumitan\n---\nbody', cb);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['memo/unknown-code', 3]]);
    expect(r.memo?.code).toBe('kerumitan');
    expect(parseMemo('memos/d.md', '---\ncode: [\n---\n', cb).diagnostics[0]!.code).toBe('memo/bad-front-matter');
  });

  it('carries memos into the digest of their code, and keeps the others apart', () => {
    const a = fixtureAnalysis();
    const memos = [
      { code: 'complexity.skills', file: 'memos/k.md', body: 'tentang keterampilan' },
      { code: 'kerumitan', file: 'memos/z.md', body: 'kode salah' },
    ];
    const d = buildDigest(a, { memos });
    expect(d.codes.find((c) => c.code === 'complexity')!.memos.map((m) => m.file)).toEqual(['memos/k.md']);
    expect(d.orphanMemos.map((m) => m.file)).toEqual(['memos/z.md']);
    expect(d.codes.map((c) => c.code)).toEqual(
      fixtureCodebook()
        .codes.filter((c) => !c.id.includes('.'))
        .map((c) => c.id),
    );
    expect(d.codes.find((c) => c.code === 'trialability')!.subcodes.map((s) => [s.code, s.evidence?.total ?? 0])).toEqual([
      ['trialability.pilot', 1],
      ['trialability.trial', 0],
      ['trialability.sop', 0],
      ['trialability.replication', 0],
    ]);
  });
});
