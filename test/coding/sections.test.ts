import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { autoCode } from '../../src/coding/auto.js';
import { headingLevel, nestSection } from '../../src/coding/sections.js';
import { compileCodebook } from '../../src/match/compile.js';
import { loadCodebook } from '../../src/study/codebook.js';
import type { Matcher } from '../../src/model/codebook.js';
import { build } from './build.js';

/** A sub-heading that names no attribute keeps the attribute of the heading above it. */

let matcher: Matcher;
beforeAll(async () => {
  const { codebook } = await loadCodebook('builtin:rogers');
  matcher = compileCodebook(codebook!);
});

const codesBySegment = (text: string) => {
  const t = build('documents/d01', text);
  const out = new Map<number, string[]>();
  for (const c of autoCode(t.segments, matcher, { sourceText: () => t.source.text, priorReading: false })) {
    const n = Number(c.segmentId.split(':')[1]);
    out.set(n, [...(out.get(n) ?? []), `${c.code}:${c.matches.map((m) => m.ruleId).join('+')}`]);
  }
  return out;
};

describe('section headings, nested', () => {
  it("reads a lettered point's paragraphs under the attribute heading above it, until a sibling or an unnumbered heading", () => {
    const text = [
      '4.2 Hasil Penelitian',
      '4.2.1 Keuntungan Relatif',
      'a. Waktu pelayanan',
      'Menurut Ibu Sari, sekarang ia cukup datang sekali ke balai desa pada hari Kamis.',
      'b. Jarak',
      'Balai desa itu hanya lima menit berjalan kaki dari rumahnya.',
      '4.2.2 Kesesuaian',
      'c. Jadwal',
      'Pak Darto baru pulang menjelang magrib, dan petugas menunggunya.',
      'KESIMPULAN',
      'Pak Darto baru pulang menjelang magrib, dan petugas menunggunya.',
    ].join('\n');
    const by = codesBySegment(text);
    expect(by.get(4)).toEqual(['relative_advantage:heading-context']);
    expect(by.get(6)).toContain('relative_advantage:heading-context');
    expect(by.get(9)).toEqual(['compatibility:heading-context']);
    // a heading whose form says nothing of its depth starts afresh, as before
    expect(by.get(11)).toBeUndefined();
  });

  it('gives each form of heading its depth', () => {
    expect(
      ['# A', '## A', 'BAB IV', 'IV. Hasil', '4 Hasil', '4.2 Hasil', '4.2.1 Hasil', 'B. Hasil', 'b. Hasil', 'b) Hasil', '2) Hasil', '(2) Hasil'].map(
        headingLevel,
      ),
    ).toEqual([1, 2, 1, 2, 2, 3, 4, 7, 8, 8, 9, 10]);
    expect(headingLevel('Keuntungan Relatif')).toBeUndefined();
    expect(headingLevel('**Keuntungan Relatif**')).toBeUndefined();
  });

  it('never lets a heading keep a deeper or equal one open, whatever the order', () => {
    const headings = fc.constantFrom('# A', '## B', 'BAB I', '4.2 C', '4.2.1 D', 'a. E', '1) F', 'KESIMPULAN', 'Kesesuaian');
    fc.assert(
      fc.property(fc.array(fc.tuple(headings, fc.boolean()), { maxLength: 30 }), (hs) => {
        let open: ReturnType<typeof nestSection> = [];
        for (const [h, names] of hs) {
          open = nestSection(open, h, new Set(names ? ['compatibility'] : []));
          const levels = open.map((s) => s.level ?? 6.5);
          for (let i = 1; i < levels.length; i++) expect(levels[i]!).toBeGreaterThan(levels[i - 1]!);
          if (names) expect([...open.at(-1)!.codes]).toEqual(['compatibility']);
        }
      }),
    );
  });
});
