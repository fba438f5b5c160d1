import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nameFilter } from '../../src/coding/name-filter.js';
import { forEachLetterRun } from '../../src/util/letter-runs.js';
import { attributeNamer } from '../../src/coding/decide.js';
import { loadCodebook } from '../../src/study/codebook.js';

/**
 * The namer's quick test (name-filter.ts) must answer as the one regex of every name it stands
 * in for (decide.ts): the same regex is built here and both are asked about texts made of names,
 * their pieces and the characters whose case folding differs from lower-casing.
 */

const NAMES = ['keuntungan relatif', 'kesesuaian', 'uji coba', 'kemudahan untuk diamati', 'dapat dicoba', 'e-government', 'relative advantage'];

function regexOf(names: readonly string[], flags: string, lookbehind: boolean): RegExp {
  const alts = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`${lookbehind ? '(?<![\\p{L}])' : ''}(?:${alts.join('|')})(?:nya)?(?![\\p{L}])`, flags);
}

const PIECES = [
  ...NAMES,
  ...NAMES.map((n) => n.toUpperCase()),
  'Kesesuaiannya',
  'keſesuaian',
  '\u212Aesesuaian',
  'uji',
  'coba',
  'dapat',
  'nya',
  'ter',
  'relatif',
  'ke',
  ' ',
  '  ',
  '\n',
  '\t',
  ',',
  '-',
  '.',
  '1',
  'é',
  'ſ', // the long s: folds to "s" in the regex
  '\u212A', // the Kelvin sign: folds to "k"
  '\u0130', // I with a dot: lower-cases to two characters
  '𝐀', // a letter beyond the BMP
  '\u0301', // a combining accent (not a letter)
  'a',
  'Z',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((p) => p.join(''));

describe('the namer quick test', () => {
  const reference = regexOf(NAMES, 'iu', true);
  const quick = nameFilter(NAMES, regexOf(NAMES, 'iuy', false))!;

  it('answers as the regex of every name, on texts of names, their pieces and characters that fold unlike they lower-case', () => {
    expect(quick).toBeDefined();
    fc.assert(
      fc.property(text, (t) => {
        expect(quick(t)).toBe(reference.test(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a name inside a sentence, and not a longer word or a name glued to letters', () => {
    expect(quick('Menurut saya UJI   COBA-nya berjalan.')).toBe(true);
    expect(quick('Kesesuaiannya dengan nilai.')).toBe(true);
    expect(quick('Ketidaksesuaian dan kesesuaianku, keuntungan relatifitas.')).toBe(false);
    expect(quick('Ini \u212Aesesuaian.')).toBe(true);
    expect(quick('ujicoba')).toBe(false);
  });

  it('stands aside (the caller runs the regex) for a name that does not start with ASCII letters followed by an ASCII character', () => {
    expect(nameFilter(['(a) kesesuaian'], /x/y)).toBeUndefined();
    expect(nameFilter(['keſesuaian'], /x/y)).toBeUndefined();
    expect(nameFilter(['kecocokané'], /x/y)).toBeUndefined();
    expect(nameFilter(['kecocokan é'], /x/y)).toBeDefined();
  });

  it('gives the namer of the shipped codebook the same answers on real-looking turns', async () => {
    const { codebook } = await loadCodebook('builtin:rogers');
    const namer = attributeNamer(codebook!);
    expect(namer.any('Menurut saya kemudahan diamati dari aplikasi ini jelas.')).toBe(true);
    expect(namer.any('Apa kendala yang paling sering muncul?')).toBe(false);
    expect(namer.any('Kendala internal kami: server.')).toBe(true);
    expect(namer.named('Kompatibilitasnya tinggi; keuntungan relatif juga.')).toEqual(new Set(['compatibility', 'relative_advantage']));
  });
});

describe('runs of letters', () => {
  it('are the runs /\\p{L}+/gu finds, with whether each is ASCII', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 10 }), (parts) => {
        const t = parts.join('');
        const runs: string[] = [];
        const ascii: boolean[] = [];
        forEachLetterRun(t, (s, e, a) => {
          runs.push(t.slice(s, e));
          ascii.push(a);
        });
        const expected = t.match(/\p{L}+/gu) ?? [];
        expect(runs).toEqual(expected);
        expect(ascii).toEqual(expected.map((r) => /^[A-Za-z]+$/.test(r)));
      }),
      { numRuns: 2000 },
    );
  });
});
