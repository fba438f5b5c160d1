import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attributePrior, type AttributePrior } from '../../src/coding/prior.js';
import { AsciiWords } from '../../src/util/ascii-words.js';
import { loadCodebook } from '../../src/study/codebook.js';

/**
 * The prior reads a text of ASCII in place (util/ascii-words.ts) and any other text lower-cased
 * word by word: both ways must weigh a text alike. Appending " é" (a one-letter word, which weighs
 * nothing) sends a text down the second way.
 */

let prior: AttributePrior;
beforeAll(async () => {
  const { codebook } = await loadCodebook('builtin:rogers');
  prior = attributePrior(codebook!);
});

const WORDS = [
  'Hasilnya',
  'TERLIHAT',
  'mudah',
  'dipahami',
  'sesuai',
  'kebutuhan',
  'lebih',
  'cepat',
  'uji',
  'coba',
  'dan',
  'the',
  'results',
  'visible',
  'ab',
  'x',
];
const text = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(' ', ', ', '.\n', '-', '1', "'")), { maxLength: 30 }).map((p) => p.join(''));

describe('the prior on ASCII texts and the rest', () => {
  it('weighs a text the same whichever way it is read', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(prior.weigh(`${t} é`)).toEqual(prior.weigh(t));
      }),
      { numRuns: 1500 },
    );
    expect(prior.weigh('Hasilnya TERLIHAT nyata').size).toBeGreaterThan(0);
  });
});

describe('ASCII words found in place', () => {
  it('gives each run of three or more ASCII letters, lower-cased, in order, however often it was seen', () => {
    const table = new AsciiWords((w) => `<${w}>`, 3);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', 'c', 'D', ' ', '.', '1', '_'), maxLength: 30 }), (t) => {
        const got: string[] = [];
        expect(table.forEachWord(t, 3, (v) => got.push(v))).toBe(true);
        expect(got).toEqual((t.match(/[A-Za-z]+/g) ?? []).filter((w) => w.length >= 3).map((w) => `<${w.toLowerCase()}>`));
      }),
      { numRuns: 1500 },
    );
  });

  it('stops at the first character beyond ASCII', () => {
    const table = new AsciiWords((w) => w, 10);
    const got: string[] = [];
    expect(table.forEachWord('abc dé fgh', 3, (v) => got.push(v))).toBe(false);
    expect(got).toEqual(['abc']);
  });
});
