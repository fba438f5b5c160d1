import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchAt, nameSites } from '../../src/coding/name-filter.js';
import { forEachLetterRun } from '../../src/util/letter-runs.js';
import { attributeNamer } from '../../src/coding/decide.js';
import { loadCodebook } from '../../src/study/codebook.js';

/**
 * The namer's regexes tried only where a name may start (name-filter.ts) must find what they find
 * tried everywhere (decide.ts): the same regexes are built here and both ways are asked about
 * texts made of names, their pieces and the characters whose case folding differs from
 * lower-casing.
 */

const NAMES = ['keuntungan relatif', 'kesesuaian', 'uji coba', 'kemudahan untuk diamati', 'dapat dicoba', 'e-government', 'relative advantage'];

function regexOf(names: readonly string[], flags: string, lookbehind: boolean, tail = ''): RegExp {
  const alts = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`${lookbehind ? '(?<![\\p{L}])' : ''}(?:${alts.join('|')})(?:nya)?(?![\\p{L}])${tail}`, flags);
}

/** A definition after the name, as the namer's `defined` reads it. */
const DEF = '[\\s*_)(\\p{L}]{0,40}?(?<![\\p{L}])(?:adalah|sejauh mana)(?![\\p{L}])';

const where = (m: RegExpExecArray | null): [number, string] | null => (m ? [m.index, m[0]] : null);

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
  ' adalah ',
  'sejauh mana',
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

describe('where a name may start', () => {
  const sites = nameSites(NAMES)!;
  const cases: Array<[string, RegExp, RegExp]> = [
    ['every name', regexOf(NAMES, 'iu', true), regexOf(NAMES, 'iuy', false)],
    ['one name', regexOf(['uji coba'], 'iu', true), regexOf(['uji coba'], 'iuy', false)],
    ['a definition', regexOf(NAMES, 'iu', true, DEF), regexOf(NAMES, 'iuy', false, DEF)],
  ];
  const quick = (t: string): boolean => matchAt(cases[0]![2], t, sites(t)) !== null;

  it('holds the first match of each regex, on texts of names, their pieces and characters that fold unlike they lower-case', () => {
    expect(sites).toBeDefined();
    fc.assert(
      fc.property(text, (t) => {
        for (const [, re, at] of cases) expect(where(matchAt(at, t, sites(t)))).toEqual(where(re.exec(t)));
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
    expect(nameSites(['(a) kesesuaian'])).toBeUndefined();
    expect(nameSites(['keſesuaian'])).toBeUndefined();
    expect(nameSites(['kecocokané'])).toBeUndefined();
    expect(nameSites(['kecocokan é'])).toBeDefined();
  });

  it('gives the namer of the shipped codebook the same answers on real-looking turns', async () => {
    const { codebook } = await loadCodebook('builtin:rogers');
    const namer = attributeNamer(codebook!);
    expect(namer.any('Menurut saya kemudahan diamati dari aplikasi ini jelas.')).toBe(true);
    expect(namer.any('Apa kendala yang paling sering muncul?')).toBe(false);
    expect(namer.any('Kendala internal kami: server.')).toBe(true);
    expect(namer.named('Kompatibilitasnya tinggi; keuntungan relatif juga.')).toEqual(new Set(['compatibility', 'relative_advantage']));
    expect(namer.defined('Kerumitan adalah sejauh mana inovasi sulit dipahami.')).toEqual(new Set(['complexity']));
    expect(namer.where('Soal  KERUMITANNYA, ya.', 'complexity')).toEqual({ start: 6, end: 18 });
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
