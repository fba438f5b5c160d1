import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../src/model/coding.js';
import type { Informant } from '../../src/model/informant.js';
import type { CodedSegment } from '../../src/model/segment.js';
import type { SourceInfo } from '../../src/model/source.js';
import { codingsCsvRun, RowMaker } from '../../src/render/coding-rows.js';
import { csvRecordsFast } from '../../src/render/csv-write.js';

/**
 * codings.csv's rows are written by CodingLineWriter, which writes a segment's first six cells
 * once and quotes each code, coder, status and rule id once. Its bytes must be those of the
 * one-cell writer over every coding's cells (csvRecordsFast over RowMaker.csvCells), whatever
 * the cells hold: separators, quotes, line breaks, edge spaces, formula characters, in both
 * dialects, with segments, sources and informants present or missing.
 */

const awkward = fc.constantFrom(',', ';', '"', '\r', '\n', ' ', '\t', '=', '+', '-', '@', "'", '\u00a0', 'a', 'é', '0.5', '');
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.array(awkward, { maxLength: 6 }).map((xs) => xs.join('')),
);
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

const world = fc.record({
  sources: fc.array(
    fc.record({
      id: text,
      kind: text,
      informant: fc.option(text, { nil: undefined }),
      role: fc.option(text, { nil: undefined }),
      group: fc.option(text, { nil: undefined }),
      bodyLine: fc.nat(50),
      lines: fc.nat(5),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  informants: fc.array(fc.record({ id: text, role: text, group: text }), { maxLength: 3 }),
  segmentCount: fc.integer({ min: 1, max: 4 }),
  segInfo: fc.array(fc.record({ informant: fc.option(text, { nil: undefined }), interviewer: fc.boolean() }), { minLength: 4, maxLength: 4 }),
  codings: fc.array(
    fc.record({
      seg: fc.nat(5),
      src: fc.nat(3),
      code: text,
      valence: pick([1, 0, -1] as const),
      coder: text,
      origin: pick(['rule', 'manual', 'inline', 'imported'] as const),
      status: pick(['auto', 'accepted', 'changed', 'rejected', 'manual'] as const),
      start: fc.nat(400),
      len: fc.nat(40),
      quote: text,
      rules: fc.array(text, { maxLength: 3 }),
      memo: fc.option(text, { nil: undefined }),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { maxLength: 12 },
  ),
});

describe('CodingLineWriter', () => {
  it('writes the bytes of the one-cell writer over each coding, plain and --excel', () => {
    fc.assert(
      fc.property(world, fc.boolean(), (w, excel) => {
        const sources: SourceInfo[] = w.sources.map((s, i) => ({
          id: s.id,
          path: `${s.id}.md`,
          format: 'md',
          kind: s.kind as SourceInfo['kind'],
          ...(s.informant !== undefined ? { informant: s.informant } : {}),
          ...(s.role !== undefined ? { role: s.role } : {}),
          ...(s.group !== undefined ? { group: s.group } : {}),
          meta: {},
          hash: String(i),
          bytes: 0,
          bodyLine: s.bodyLine + 1,
          lineStarts: Array.from({ length: s.lines + 1 }, (_, k) => k * 37),
        }));
        const segments: CodedSegment[] = Array.from({ length: w.segmentCount }, (_, n) => ({
          id: `${sources[0]!.id}:${n + 1}`,
          sourceId: sources[0]!.id,
          n: n + 1,
          kind: 'turn',
          span: { start: 0, end: 10 },
          text: '',
          body: { start: 0, end: 10 },
          ...(w.segInfo[n]!.informant !== undefined ? { informant: w.segInfo[n]!.informant } : {}),
          interviewer: w.segInfo[n]!.interviewer,
          line: 1,
          endLine: 1,
        }));
        const informants: Informant[] = w.informants.map((x, i) => ({ ...x, label: x.id, attrs: {}, line: i + 2 }));
        // Codings name known and unknown segments and sources, in runs and out of order.
        const codings: Coding[] = w.codings.map((c) => ({
          segmentId: c.seg < segments.length ? segments[c.seg]!.id : `x:${c.seg}`,
          sourceId: c.src < sources.length ? sources[c.src]!.id : 'unknown',
          code: c.code,
          valence: c.valence,
          coder: c.coder,
          origin: c.origin,
          status: c.status,
          span: { start: c.start, end: c.start + c.len },
          quote: c.quote,
          prefix: '',
          suffix: '',
          matches: c.rules.map((r) => ({ ruleId: r, span: { start: 0, end: 1 }, text: '' })),
          cues: [],
          score: c.score,
          ...(c.memo !== undefined ? { memo: c.memo } : {}),
        }));
        const maker = new RowMaker({ sources, segments, informants });
        expect(codingsCsvRun(codings, maker, { excel })).toBe(
          csvRecordsFast(
            codings.map((c) => maker.csvCells(c)),
            { excel },
          ),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('writes nothing for no codings', () => {
    const maker = new RowMaker({ sources: [], segments: [], informants: [] });
    expect(codingsCsvRun([], maker)).toBe('');
  });
});
