import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { autoCode } from '../../src/coding/auto.js';
import { attributePrior, type AttributePrior } from '../../src/coding/prior.js';
import { compileCodebook, scannedWords } from '../../src/match/compile.js';
import { loadCodebook } from '../../src/study/codebook.js';
import { DEFAULT_MIN_SCORE } from '../../src/index/counted.js';
import type { Matcher } from '../../src/model/codebook.js';
import { build } from './build.js';

/** The prior from the codebook's own words (prior.ts) and what the decision does with it (decide.ts). */

let prior: AttributePrior;
let matcher: Matcher;
beforeAll(async () => {
  const { codebook } = await loadCodebook('builtin:rogers');
  prior = attributePrior(codebook!);
  matcher = compileCodebook(codebook!);
});

const strongest = (text: string): string => [...prior.weigh(text)].reduce((a, b) => (b[1] > a[1] ? b : a), ['none', 0])[0];

describe('the codebook prior', () => {
  it('tells the five attributes apart from the way Indonesian theses paraphrase their definitions', () => {
    expect(strongest('Masyarakat dapat melihat hasilnya secara langsung.')).toBe('observability');
    expect(strongest('Program ini sesuai dengan kebutuhan dan nilai masyarakat.')).toBe('compatibility');
    expect(strongest('Peserta dapat mencobanya terlebih dahulu dalam skala kecil.')).toBe('trialability');
    expect(strongest('Layanan ini lebih cepat dan lebih murah daripada cara lama.')).toBe('relative_advantage');
    expect(strongest('Aplikasi ini sulit dipahami dan digunakan oleh peserta.')).toBe('complexity');
    expect(strongest('The results are visible to others.')).toBe('observability');
  });

  // weigh adds each attribute's weights up by attribute place in an array; what it gives must be
  // the sum, in the words' order, of each distinct stem's weight at its first occurrence: what
  // `evidence` lists for the attribute (evidence and weigh(…, true) skip the same words).
  it('weighs each distinct stem once, in the order of the text, on the fast ASCII path and the slow one', () => {
    const vocabulary =
      'lebih cepat murah hemat sesuai kebutuhan nilai rumit sulit dipahami mudah dicoba uji coba hasilnya terlihat dilihat orang lain yang dan ada mereka pelayanan sistem visible trial easy café déjà'.split(
        ' ',
      );
    const separators = fc.constantFrom(' ', ', ', '. ', '-', '\n', ' (', ') ');
    const text = fc
      .array(fc.tuple(fc.constantFrom(...vocabulary), separators, fc.boolean()), { maxLength: 30 })
      .map((ws) => ws.map(([w, sep, up]) => (up ? w.toUpperCase() : w) + sep).join(''));
    fc.assert(
      fc.property(text, (t) => {
        const reading = prior.weigh(t, true);
        for (const id of ['relative_advantage', 'compatibility', 'complexity', 'trialability', 'observability']) {
          const words = prior.evidence(t, id).sort((a, b) => a.start - b.start);
          let sum: number | undefined;
          for (const w of words) sum = (sum ?? 0) + w.weight;
          expect(reading.get(id)).toBe(sum);
        }
        // Without the skipped words, the fast path (ASCII) and the slow one (a non-ASCII letter at the end) agree exactly.
        const plain = t.replace(/\b(?:ada|mereka)\b/gi, 'x');
        expect([...prior.weigh(plain)]).toEqual([...prior.weigh(plain, true)]);
        expect(new Map(prior.weigh(`${plain} é`))).toEqual(new Map(prior.weigh(plain, true)));
      }),
      { numRuns: 500 },
    );
  });

  // decide.ts weighs a turn from the matcher's tokens of its spoken part when they are current:
  // the same map as weighing the whole text (label and all), or no answer (then it weighs the text).
  it("weighs the same from the matcher's tokens of a part of the text as from the text", () => {
    const vocabulary =
      'lebih cepat murah hemat sesuai kebutuhan nilai rumit sulit dipahami mudah dicoba uji-coba hasilnya terlihat orang lain yang dan pelayanan sistem visible trial easy 2023 A1b2c Pak Informan café'.split(
        ' ',
      );
    const separators = fc.constantFrom(' ', ', ', '. ', '-', '\n', ' (', ') ', ': ', "'", '');
    const piece = fc
      .array(fc.tuple(fc.constantFrom(...vocabulary), separators, fc.boolean()), { maxLength: 12 })
      .map((ws) => ws.map(([w, sep, up]) => (up ? w.toUpperCase() : w) + sep).join(''));
    fc.assert(
      fc.property(piece, piece, piece, (before, part, after) => {
        const text = before + part + after;
        const from = before.length;
        const to = from + part.length;
        matcher.match(part, from, []);
        const words = scannedWords(matcher)!;
        const fast = prior.weighWords(text, from, to, words);
        const whole = prior.weigh(text);
        if (fast !== undefined) expect([...fast]).toEqual([...whole]);
        // It answers whenever the text is ASCII and no word runs across the part's edges.
        const letter = (i: number) => /[A-Za-z]/.test(text.charAt(i));
        const across = (at: number) => at > 0 && at < text.length && letter(at - 1) && letter(at);
        expect(fast !== undefined).toBe(!/[^\x00-\x7f]/.test(text) && !across(from) && !across(to));
        // Once the matcher reads another text, the tokens are no longer the part's.
        matcher.match('lain', 0, []);
        expect(prior.weighWords(text, from, to, words)).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it('gives nothing to words every attribute shares, nor to the obstacles', () => {
    expect(prior.weigh('yang dan dengan inovasi').size).toBe(0);
    expect(prior.weigh('Anggaran kurang dan jaringan sering terputus.').has('obstacle_internal')).toBe(false);
  });
});

describe('a stray second attribute', () => {
  const coded = (text: string) => {
    const t = build('interviews/w01', `K1: ${text}`);
    return autoCode(t.segments, matcher, { sourceText: () => t.source.text });
  };

  const paragraph = (text: string) => {
    const t = build('documents/d01', text);
    return autoCode(t.segments, matcher, { sourceText: () => t.source.text });
  };
  const TEXT = 'Pelayanan ini lebih cepat dan tidak perlu antre, masyarakat juga antusias.';

  it('is a suggestion in a document paragraph when the codebook does not favour it, while the primary is counted', () => {
    const cs = paragraph(TEXT);
    const ra = cs.find((c) => c.code.startsWith('relative_advantage'))!;
    const obs = cs.find((c) => c.code.startsWith('observability'))!;
    expect(ra.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
    expect(obs.score).toBeLessThan(DEFAULT_MIN_SCORE);
  });

  it('is only lowered in an interview turn (where the second codes of a turn are mostly right), still under the primary', () => {
    const cs = coded(TEXT);
    const ra = cs.find((c) => c.code.startsWith('relative_advantage'))!;
    const obs = cs.find((c) => c.code.startsWith('observability'))!;
    expect(obs.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
    expect(obs.score).toBeLessThan(ra.score * 0.8);
  });

  it('stays counted when the codebook favours it (a visible result beside a gain)', () => {
    const cs = coded('Sejak ada aplikasi ini klaim lebih cepat, tidak perlu antre, hasilnya langsung terlihat.');
    const obs = cs.find((c) => c.code.startsWith('observability'))!;
    expect(obs.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
  });
});
