import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSentences } from '../../src/segment/sentences.js';

const split = (t: string) => splitSentences(t, 0, t.length).map((s) => t.slice(s.start, s.end));

describe('sentence splitting', () => {
  it.each([
    ['Berkas: KTP, KK, dll. yang lain menyusul. Selesai.', ['Berkas: KTP, KK, dll. yang lain menyusul.', 'Selesai.']],
    ['Formulir, foto, dsb. Semua diunggah.', ['Formulir, foto, dsb. Semua diunggah.']],
    ['Lihat hal. 5 dan seterusnya, dst. Lalu tanda tangan.', ['Lihat hal. 5 dan seterusnya, dst. Lalu tanda tangan.']],
    ['Sesuai Surat Edaran No. 14 Tahun 2021. Berlaku nasional.', ['Sesuai Surat Edaran No. 14 Tahun 2021.', 'Berlaku nasional.']],
    ['Dr. Ani dan Bpk. Joko hadir. Ibu Rina juga.', ['Dr. Ani dan Bpk. Joko hadir.', 'Ibu Rina juga.']],
    ['Sambutan oleh H. Ahmad, S.Sos., M.Si. Kemudian diskusi.', ['Sambutan oleh H. Ahmad, S.Sos., M.Si. Kemudian diskusi.']],
    ['Rata-rata 3.5 hari. Dulu 14 hari.', ['Rata-rata 3.5 hari.', 'Dulu 14 hari.']],
    ['Mr. Smith agreed, e.g. on costs, i.e. fees. Mrs. Jones did not.', ['Mr. Smith agreed, e.g. on costs, i.e. fees.', 'Mrs. Jones did not.']],
    ['Books, pens, etc. All were there.', ['Books, pens, etc. All were there.']],
    ['Dia bilang, "Sudah selesai." Lalu pergi.', ['Dia bilang, "Sudah selesai."', 'Lalu pergi.']],
    ['"Kapan cair?" tanya saya. Petugas diam.', ['"Kapan cair?" tanya saya.', 'Petugas diam.']],
    ['Jadi... ya begitu. Susah juga.', ['Jadi... ya begitu.', 'Susah juga.']],
    ['Cepat sekali! Benar-benar membantu?! Iya.', ['Cepat sekali!', 'Benar-benar membantu?!', 'Iya.']],
    ['Langkahnya:\n1. Daftar online.\n2. Unggah berkas.', ['Langkahnya:\n1. Daftar online.', '2. Unggah berkas.']],
    ['Paragraf satu tanpa titik\n\nParagraf dua', ['Paragraf satu tanpa titik', 'Paragraf dua']],
    ['Situsnya www.bpjsketenagakerjaan.go.id. Buka saja.', ['Situsnya www.bpjsketenagakerjaan.go.id.', 'Buka saja.']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('keeps spans inside the range, in order, trimmed and non-empty, for any text', () => {
    const piece = fc.constantFrom('Saya', 'dll.', 'No.', ' ', '\n', '\n\n', '.', '...', '?', '!', '"', '3.5', 'A.', 'kami', 'Ibu', '“', '”', 'x');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((a) => a.join('')),
        fc.nat(5),
        fc.nat(5),
        (text, a, b) => {
          const start = Math.min(a, text.length);
          const end = Math.max(start, text.length - b);
          const spans = splitSentences(text, start, end);
          let prev = start;
          for (const s of spans) {
            expect(s.start).toBeGreaterThanOrEqual(prev);
            expect(s.end).toBeGreaterThan(s.start);
            expect(s.end).toBeLessThanOrEqual(end);
            expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
            prev = s.end;
          }
          // Nothing but white space is left out.
          const covered = spans.map((s) => text.slice(s.start, s.end)).join('');
          expect(covered.replace(/\s/g, '')).toBe(text.slice(start, end).replace(/\s/g, ''));
        },
      ),
    );
  });
});
