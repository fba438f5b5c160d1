import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { autoCode } from '../../src/coding/auto.js';
import { isQuoteParagraph, LEAD_RULE } from '../../src/coding/lead-context.js';
import { compileCodebook } from '../../src/match/compile.js';
import { loadCodebook } from '../../src/study/codebook.js';
import { DEFAULT_MIN_SCORE } from '../../src/index/counted.js';
import type { Matcher } from '../../src/model/codebook.js';
import { build } from './build.js';

/**
 * A quotation in a findings chapter is read under the attribute its lead-in names. Paragraphs
 * written for this test in the manner of such chapters (one line each, as build() segments them).
 */

let matcher: Matcher;
beforeAll(async () => {
  const { codebook } = await loadCodebook('builtin:rogers');
  matcher = compileCodebook(codebook!);
});

const LEAD = 'Dari sisi kesesuaian, layanan jemput bola ini dinilai tepat oleh perangkat desa. Hal ini disampaikan oleh Kepala Seksi Pelayanan:';
const QUOTE = '"Warga di sini kebanyakan berangkat ke kebun sejak subuh dan pulang sore. Jadi petugas kami datang malam hari, sesudah mereka istirahat."';
const SAID = '"Kalau siang, rumah kosong semua," ujar seorang ketua RT.';

const coded = (...paragraphs: string[]) => {
  const t = build('documents/d01', paragraphs.join('\n'));
  return autoCode(t.segments, matcher, { sourceText: () => t.source.text, priorReading: false });
};
const of = (cs: ReturnType<typeof coded>, n: number) => cs.filter((c) => c.segmentId === `documents/d01:${n}`);

describe('a quotation after a lead-in that names an attribute', () => {
  it('is coded for that attribute, counted, with the lead-in named in the memo; a run of quotations too', () => {
    const cs = coded(LEAD, QUOTE, SAID);
    for (const n of [2, 3]) {
      const [c, ...rest] = of(cs, n);
      expect(rest).toEqual([]);
      expect(c!.code).toBe('compatibility');
      expect(c!.matches.map((m) => m.ruleId)).toEqual([LEAD_RULE]);
      expect(c!.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
      expect(c!.memo).toBe('lead-context: a quotation after documents/d01:1 (line 1), which names it');
    }
  });

  it('is not coded from a lead-in that names nothing, or lists the attributes, nor across a heading or a plain paragraph', () => {
    expect(of(coded('Hal ini disampaikan oleh Kepala Seksi Pelayanan:', QUOTE), 2)).toEqual([]);
    const list = 'Rogers menyebut keuntungan relatif, kesesuaian, kerumitan, kemungkinan dicoba dan kemudahan diamati. Kepala Seksi menuturkan:';
    expect(of(coded(list, QUOTE), 2)).toEqual([]);
    expect(of(coded(LEAD, '## Kendala Anggaran', QUOTE), 3).filter((c) => c.code === 'compatibility')).toEqual([]);
    // a lead-in ending in a colon introduces the next paragraph, whatever it is; a plain one does not
    const plainLead = 'Dari sisi kesesuaian, layanan jemput bola ini dinilai tepat oleh perangkat desa.';
    expect(of(coded(plainLead, 'Pada tahun berikutnya kantor itu pindah ke gedung baru.', SAID), 3)).toEqual([]);
    expect(of(coded(plainLead, SAID), 2).map((c) => c.code)).toEqual(['compatibility']);
  });

  it('leaves a quotation the rules code as they code it, adding the lead-in only when it is another attribute', () => {
    const cs = of(coded(LEAD, '"Sekarang tidak perlu antre lagi," kata seorang warga.'), 2);
    expect(cs.map((c) => c.code).sort()).toEqual(['compatibility', 'relative_advantage.time_saving']);
  });
});

describe('isQuoteParagraph', () => {
  it('knows a quotation by its opening mark or its attribution', () => {
    expect(isQuoteParagraph('“Kami datang malam hari.”')).toBe(true);
    expect(isQuoteParagraph('Kalau siang, rumah kosong semua (Wawancara dengan Ketua RT 03, 12 Maret 2022).')).toBe(true);
    expect(isQuoteParagraph('"Rumah kosong," kata Pak Darto.')).toBe(true);
    expect(isQuoteParagraph('Pada tahun berikutnya kantor itu pindah.')).toBe(false);
    expect(isQuoteParagraph('Ia menyebut layanan itu "jemput bola" karena petugas datang ke desa.')).toBe(false);
  });

  it('takes any text without throwing, and any text put in quotation marks for a quotation', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof isQuoteParagraph(s)).toBe('boolean');
        expect(isQuoteParagraph(`“${s}”`)).toBe(true);
      }),
    );
  });
});
