import fc from 'fast-check';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/sources/front-matter.js';

/** What the YAML parser itself makes of a front matter block (key lines counted in the file, whose line 1 is the fence). */
function byParser(block: string): { data: unknown; keyLines: Record<string, number> } | 'error' {
  const lc = new LineCounter();
  const doc = parseDocument(block, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) return 'error';
  const keyLines: Record<string, number> = {};
  const items = (doc.contents as { items?: { key: { value: unknown; range: [number] } }[] } | null)?.items ?? [];
  for (const p of items) keyLines[String(p.key.value)] = lc.linePos(p.key.range[0]).line + 1;
  try {
    return { data: doc.toJS() ?? {}, keyLines };
  } catch {
    return 'error';
  }
}

describe('front matter of plain key: value lines', () => {
  it('reads simple blocks directly, exactly as YAML would', () => {
    const fm = splitFrontMatter('---\ninformant: U207\ndate: 2022-08-25\ntitle: Wawancara 1920, Bu Rina (45)\n---\nP: Apa kabar?\n');
    expect(fm.data).toEqual({ informant: 'U207', date: '2022-08-25', title: 'Wawancara 1920, Bu Rina (45)' });
    expect(fm.keyLines).toEqual({ informant: 2, date: 3, title: 4 });
    expect(fm.bodyLine).toBe(6);
  });

  it('leaves numbers, booleans, quotes, comments and repeated keys to the parser', () => {
    const fm = splitFrontMatter('---\nage: 45\nconsent: true\nnote: "kutip: ya"\nplace: Metro # kota\n---\nbody\n');
    expect(fm.data).toEqual({ age: 45, consent: true, note: 'kutip: ya', place: 'Metro' });
    expect(splitFrontMatter('---\nrole: staf\nrole: warga\n---\nx\n').error?.message).toMatch(/unique/i);
    // An alias to an anchor never set used to throw out of the parser instead of being reported.
    expect(splitFrontMatter('---\nrole: *a\n---\nx\n').error).toMatchObject({ line: 2, message: expect.stringMatching(/alias/i) });
  });

  it('gives the same data and key lines as the YAML parser for any block of key: value lines', () => {
    const key = fc.constantFrom('informant', 'date', 'title', 'role', 'group', 'lokasi', 'a_b', 'x-y', 'Title2');
    const word = fc.constantFrom(
      'Bu',
      'Rina',
      'U207',
      '2022-08-25',
      '2021-02-30',
      '45',
      '1.5',
      'true',
      'True',
      'null',
      'yes',
      '~',
      'a',
      'é',
      'e\u0301',
      '(x)',
      'a, b',
      'x.y',
      "O'Neil",
      '-',
      'a - b',
      '#c',
      ' #c',
      ':',
      'a: b',
      '"q"',
      "'q'",
      '[1]',
      '{k}',
      '&a',
      '*a',
      '!t',
      '|',
      '>',
      '%',
      '@',
      '`',
      '.inf',
      '0x1F',
      'Ωmega',
      '\t',
    );
    const line = fc.tuple(
      key,
      fc.constantFrom(': ', ':  ', ':\t', ':', ' : '),
      fc.array(word, { minLength: 0, maxLength: 4 }).map((w) => w.join(' ')),
      fc.constantFrom('', ' ', '\t'),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (ls) => {
        const block = ls.map(([k, sep, v, tail]) => `${k}${sep}${v}${tail}`).join('\n') + '\n';
        const fm = splitFrontMatter(`---\n${block}---\nbody\n`);
        const ref = byParser(block);
        if (ref === 'error') {
          expect(fm.error).toBeDefined();
          return;
        }
        if (fm.error) return; // not a mapping (a bare scalar): reported by the slow path alone
        expect(fm.data).toEqual(ref.data);
        expect(fm.keyLines).toEqual(ref.keyLines);
      }),
      { numRuns: 3000 },
    );
  });
});
