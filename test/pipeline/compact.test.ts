import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../src/model/coding.js';
import type { CodedSegment } from '../../src/model/segment.js';
import { compactPass } from '../../src/pipeline/compact.js';
import type { SourcePass } from '../../src/pipeline/source-pass.js';

/**
 * compactPass makes the codings of a pass share their strings (one copy of each repeated text, a
 * quote a slice of its segment's text): every value must stay what it was, whatever the text and
 * wherever the quote falls, inside its segment or not, or the outputs would change.
 */

function passOf(text: string, segStart: number, quotes: { start: number; end: number; shift: number }[]): SourcePass {
  const segment: CodedSegment = {
    id: 's:1',
    sourceId: 's',
    n: 1,
    kind: 'turn',
    span: { start: segStart, end: segStart + text.length },
    text,
    body: { start: segStart, end: segStart + text.length },
    interviewer: false,
    line: 1,
    endLine: 1,
  };
  const auto: Coding[] = quotes.map(({ start, end, shift }) => {
    const a = Math.min(start, end);
    const b = Math.max(start, end);
    // shift ≠ 0: a span that does not point at the quote's own words (an edited text, a quote
    // found in the source outside its segment): it must be left alone.
    return {
      segmentId: 's:1',
      sourceId: 's',
      code: 'relative_advantage',
      valence: 1,
      coder: 'auto',
      origin: 'rule',
      status: 'auto',
      span: { start: segStart + a + shift, end: segStart + b + shift },
      quote: text.slice(a, b),
      prefix: text.slice(Math.max(0, a - 5), a),
      suffix: text.slice(b, b + 5),
      matches: [{ ruleId: 'relative_advantage#1', span: { start: segStart + a, end: segStart + b }, text: text.slice(a, b) }],
      cues: [],
      score: 0.5,
    };
  });
  const info = {
    id: 's',
    path: 's.md',
    format: 'md',
    kind: 'interview',
    meta: {},
    hash: 'h',
    bytes: text.length,
    bodyLine: 1,
    lineStarts: [0],
  } as unknown as NonNullable<SourcePass['info']>;
  // As from a worker thread: every string its own copy.
  return JSON.parse(
    JSON.stringify({ info, coded: [segment], segmentCount: 1, speakers: [], auto, inline: [], readDiagnostics: [], inlineDiagnostics: [] }),
  ) as SourcePass;
}

describe('compactPass', () => {
  it('changes no value of any coding', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 200, unit: 'grapheme' }),
        fc.nat(1000),
        fc.array(fc.record({ start: fc.nat(200), end: fc.nat(200), shift: fc.integer({ min: -3, max: 3 }) }), { maxLength: 8 }),
        (text, segStart, quotes) => {
          const pass = passOf(text, segStart, quotes);
          const before = structuredClone(pass);
          expect(compactPass(pass)).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });
});
