import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize } from '../../src/match/tokenize.js';

const WORD = /[\p{L}\p{N}\p{M}]/u;

describe('tokenize', () => {
  it('keeps offsets, hyphenated words and contractions whole', () => {
    const toks = tokenize("Layanan M-Paspor, buku-buku (covid-19) don't -x.", 100);
    expect(toks.map((t) => t.text)).toEqual(['Layanan', 'M-Paspor', 'buku-buku', 'covid-19', "don't", 'x']);
    expect(toks[1]).toEqual({ start: 108, end: 116, text: 'M-Paspor', norm: 'm-paspor' });
  });

  it('handles letters outside ASCII and astral characters', () => {
    const toks = tokenize('Ḱeçamatan 𝐀bc ÉTÉ');
    expect(toks.map((t) => t.norm)).toEqual(['ḱeçamatan', '𝐀bc', 'été']);
  });

  it('spans always cover exactly the text they claim, in order, and miss no word character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.nat(1000), (text, base) => {
        const toks = tokenize(text, base);
        let prev = base;
        for (const t of toks) {
          expect(t.start).toBeGreaterThanOrEqual(prev);
          expect(t.end).toBeGreaterThan(t.start);
          expect(text.slice(t.start - base, t.end - base)).toBe(t.text);
          expect(t.norm).toBe(t.text.toLowerCase());
          prev = t.end;
        }
        // Every word character lies inside some token.
        const covered = new Array<boolean>(text.length).fill(false);
        for (const t of toks) for (let i = t.start - base; i < t.end - base; i++) covered[i] = true;
        for (let i = 0; i < text.length; i++) {
          const cp = text.codePointAt(i)!;
          const ch = String.fromCodePoint(cp);
          if (WORD.test(ch)) expect(covered[i], JSON.stringify(text)).toBe(true);
          if (cp > 0xffff) i++;
        }
      }),
      { numRuns: 500 },
    );
  });
});
