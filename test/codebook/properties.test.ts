import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCodebook } from '../../src/study/codebook.js';
import { parseCodebook } from '../../src/codebook/parse.js';
import { compileCodebook } from '../../src/match/compile.js';
import type { Span } from '../../src/model/span.js';

const WORDS = [
  'mudah',
  'sulit',
  'tidak',
  'server',
  'down',
  'kendala',
  'antre',
  'cepat',
  'tapi',
  'teratasi',
  'not',
  'easy',
  'calo',
  'jaringan',
  'lebih',
  ',',
  '.',
  '\n',
  'é',
  '𝐀',
  '-',
  "'",
];
const textArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }).map((ws) => ws.join(' ')),
);

/** Random sentence spans inside [base, base + length). */
function spansArb(length: number, base: number) {
  return fc.array(fc.nat(Math.max(0, length)), { maxLength: 6 }).map((cuts) => {
    const points = [...new Set([0, ...cuts, length])].sort((a, b) => a - b);
    const out: Span[] = [];
    for (let i = 0; i + 1 < points.length; i++) out.push({ start: base + points[i]!, end: base + points[i + 1]! });
    return out;
  });
}

function checkInside(text: string, base: number, matches: ReturnType<ReturnType<typeof compileCodebook>['match']>) {
  for (const m of matches) {
    expect([-1, 0, 1]).toContain(m.valence);
    for (const r of [...m.matches, ...m.cues]) {
      expect(r.span.start).toBeGreaterThanOrEqual(base);
      expect(r.span.end).toBeLessThanOrEqual(base + text.length);
      expect(r.span.end).toBeGreaterThan(r.span.start);
      expect(text.slice(r.span.start - base, r.span.end - base)).toBe(r.text);
    }
  }
}

describe('compile then match', () => {
  it('never throws on random text and returns spans inside it (default codebook)', async () => {
    const { codebook } = await loadCodebook('builtin:rogers');
    const matcher = compileCodebook(codebook!);
    fc.assert(
      fc.property(
        textArb.chain((text) =>
          fc.tuple(fc.constant(text), fc.nat(10_000)).chain(([t, base]) => fc.tuple(fc.constant(t), fc.constant(base), spansArb(t.length, base))),
        ),
        ([text, base, sentences]) => checkInside(text, base, matcher.match(text, base, sentences)),
      ),
      { numRuns: 400 },
    );
  });

  it('never throws for random codebooks of terms, globs and near rules', () => {
    const termArb = fc.oneof(
      fc.constantFrom(...WORDS.filter((w) => /\w/.test(w))),
      fc.string({ maxLength: 8 }),
      fc.constantFrom('ken*', '*ulit', '*e*', 'lebih cepat', 'a|b'),
    );
    fc.assert(
      fc.property(fc.array(termArb, { minLength: 1, maxLength: 8 }), fc.array(termArb, { minLength: 2, maxLength: 3 }), textArb, (terms, near, text) => {
        const q = (s: string) => JSON.stringify(s);
        const yaml = `id: r\nlanguages: [id, en]\ncodes:\n  - id: a\n    label: {id: A, en: A}\n    valence: {more: [${terms.map(q).join(', ')}]}\n    rules:\n      - terms: [${terms.map(q).join(', ')}]\n      - near: [${near.map(q).join(', ')}]\n        window: 3\n`;
        const { codebook } = parseCodebook(yaml, 'r.yaml');
        if (!codebook) return;
        const matcher = compileCodebook(codebook);
        checkInside(text, 7, matcher.match(text, 7, []));
      }),
      { numRuns: 300 },
    );
  });
});
