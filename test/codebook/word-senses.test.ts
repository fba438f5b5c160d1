import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook } from '../../src/study/codebook.js';
import { compileCodebook } from '../../src/match/compile.js';
import type { CodeMatch, Matcher } from '../../src/model/codebook.js';
import type { Span } from '../../src/model/span.js';

/**
 * The default codebook on words the stemmer would otherwise merge with a codebook word of another
 * meaning (codebooks/rogers.yaml, stem_overrides): each passage below was coded before the
 * override, and must not be now, while the word it was merged with still codes.
 */

let matcher: Matcher;
beforeAll(async () => {
  const { codebook } = await loadCodebook('builtin:rogers');
  matcher = compileCodebook(codebook!);
});

function sentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^.!?]+[.!?]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
const code = (text: string): CodeMatch[] => matcher.match(text, 0, sentences(text));
const summary = (text: string): Record<string, number> => Object.fromEntries(code(text).map((m) => [m.code, m.valence]));
const tops = (text: string): string[] => [...new Set(code(text).map((m) => m.code.split('.')[0]!))].sort();

describe('function words are not read as the codebook word they stem to', () => {
  const uncoded: [string, string][] = [
    ['secara, sepanjang (not cara, panjang)', 'Secara nasional, sepanjang Januari hingga September 2020 tercatat sekitar 1,98 juta kasus klaim.'],
    ['selama (not lama)', 'Selama pandemi, pelayanan tetap jalan.'],
    ['menurut (not urutan)', 'Saya tidak tahu, menurut saya memang begitu.'],
    ['ternyata (not nyata)', 'Ternyata hasilnya begitu.'],
    ['biasanya (not kebiasaan)', 'Biasanya berubah setiap bulan.'],
    ['dinilai (not nilai, values)', 'Dia dinilai sesuai.'],
    ['tingkat (not meningkat)', 'Tingkat pendidikan peserta rendah.'],
    ['contohnya (not dicontoh)', 'Contohnya semua peserta harus daftar online.'],
    ['tujuan (not setuju)', 'Tujuan dan maksudnya sudah saya catat.'],
    ['ringkasan (not ringkas)', 'Dokumen ringkasan ini disusun tiap bulan.'],
    ['perpanjangan (not panjang)', 'Prosedur perpanjangan paspor sama dengan pembuatan baru.'],
    ['penyalur (not alur)', 'Penyalurnya jelas, kantornya di kota.'],
    ['penghasilan (not hasil)', 'Penghasilan mereka terasa berkurang.'],
    ['petugas, an officer (not tugas, a duty)', 'Petugas sesuai jadwal datang.'],
    ['ada (not seadanya, makeshift)', 'Ada koordinasi dengan desa setiap bulan.'],
    ['merasa, to feel (not terasa, an effect felt)', 'Hasilnya, saya merasa biasa saja.'],
    ['was (not wa, WhatsApp)', 'The photos were sent round; it was a good group.'],
    ['observed (not observability)', 'I observed the counter for an hour.'],
  ];
  for (const [why, text] of uncoded) it(`codes nothing: ${why}`, () => expect(code(text), text).toEqual([]));

  it('still codes the words those function words were merged with', () => {
    expect(summary('Alurnya jelas, tinggal ikut langkahnya.')['complexity.clear_procedure']).toBe(1);
    expect(summary('Antreannya lama sekali, berjam-jam.')['relative_advantage.time_saving']).toBe(-1);
    expect(summary('Jumlah klaim meningkat setiap bulan.')).toEqual({ 'observability.numbers': 1 });
    expect(summary('Kalau tujuannya melindungi orang, saya setuju.')).toEqual({ compatibility: 1 });
    expect(summary('Model ini sudah dicontoh di provinsi lain.')).toEqual({ 'trialability.replication': 1 });
    expect(summary('Sesuai dengan tugas dan fungsi kami melindungi warga.')).toEqual({ 'compatibility.regulation': 1 });
    expect(summary('Koordinasinya seadanya.')).toEqual({ 'obstacle_internal.planning': -1 });
  });

  it('does not let "temuan" (a finding) cancel planning codes the way "bertemu" (meeting) does', () => {
    expect(summary('Ditemukan bahwa perencanaan kurang matang.')).toEqual({ 'obstacle_internal.planning': -1 });
    expect(summary('Jadwal bertemu dengan peneliti berubah mendadak.')).toEqual({});
  });

  it('does not read "batas" (a limit) as "terbatas" (limited), so "belum memuat batas" stays an obstacle', () => {
    expect(summary('Pedoman belum memuat batas jumlah kedatangan ulang.')).toEqual({ obstacle_internal: -1 });
    expect(summary('Anggarannya terbatas.')).toEqual({ 'obstacle_internal.budget': -1 });
  });

  it('does not read "di situ" (there) as "situs" (a website; the English stemmer makes it "situ")', () => {
    expect(tops('Dari situ saya lihat, ya pentingnya sosialisasi sebelum berangkat.')).toEqual([]);
    expect(tops('Sosialisasi layanan ini dilakukan melalui situs resmi dinas.')).toEqual(['observability']);
  });

  it('does not count "as" as the unfamiliarity cue "asing" (Porter stems both to "as")', () => {
    expect(summary('It fits our routine as well.')).toEqual({ compatibility: 1 });
  });
});

describe('observability: others seeing a result, not someone being seen', () => {
  it('does not take "terlihat" (was seen, seemed) for residents seeing a result', () => {
    expect(tops('Setelah kegiatan, beberapa warga terlihat berbincang dengannya di warung.')).toEqual([]);
    expect(tops('Dilihat dari sisi anggaran, masyarakat tidak dirugikan.')).not.toContain('observability');
    expect(tops('Petugasnya kelihatannya orang baru.')).toEqual([]);
  });
  it('codes others seeing it, results that are visible, and being seen by others', () => {
    expect(summary('Masyarakat bisa melihat hasilnya.')).toEqual({ 'observability.visible_results': 1 });
    expect(summary('Hasilnya sudah terlihat.')).toEqual({ 'observability.visible_results': 1 });
    expect(summary('Itu perubahan yang saya lihat dari meja saya.')).toEqual({ 'observability.visible_results': 1 });
    expect(summary('Kegiatan ini terlihat oleh warga desa lain.')['observability.visible_results']).toBe(1);
    expect(summary('People could see the results for themselves.')).toEqual({ 'observability.visible_results': 1 });
  });
});

describe('brokers: an obstacle when they hinder, exploit or must be fought, not whenever named', () => {
  const obstacle: string[] = [
    'Kita akui selama ini kita kalah cepat dengan calo-calo.',
    'Calo itu datang tiap minggu, bawa rokok, bawa gula.',
    'Paspornya dibawa sponsor, sekarang nomornya tidak aktif.',
    'Buat sebagian warga, calo itu penolong.',
    'Dulu saya dengar dari sponsor, katanya harus bayar dua puluh juta.',
    'Masih ada yang datang ke rumah-rumah, tawarkan kerja ke Malaysia.',
    'Brokers reach the villagers before we do.',
    'The brokers charged families a fortune and kept their passports.',
    'Dengan hadir di desa, kami ingin menekan praktik percaloan.',
  ];
  for (const text of obstacle) it(`codes an obstacle: ${text}`, () => expect(tops(text)).toContain('obstacle_external'));

  const none: string[] = [
    'Boleh, asal nama sponsornya jangan ditulis.',
    'Ada kolom nama sponsor yang wajib diisi.',
    'Katanya saya sudah resmi kok dianggap calo.',
    'Kalau ada yang ngawal kayak sponsor, tapi resmi, saya mau.',
    'The form asks for the name of the broker, if any.',
    'Saya tidak mau dianggap calo. Tidak saya minta bayaran.',
  ];
  for (const text of none) it(`codes no obstacle: ${text}`, () => expect(tops(text)).not.toContain('obstacle_external'));
});
