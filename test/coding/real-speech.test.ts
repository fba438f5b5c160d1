import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { qia } from '../helpers/cli.js';
import { autoCode, isHeadingText } from '../../src/coding/auto.js';
import { compileCodebook } from '../../src/match/compile.js';
import { loadCodebook } from '../../src/study/codebook.js';
import { countedCodings, isSuggestion } from '../../src/index/counted.js';
import type { Matcher } from '../../src/model/codebook.js';
import type { Coding } from '../../src/model/coding.js';
import { build } from './build.js';

/** The default codebook on plain statements of real speech and real reports (issue 18). */

let matcher: Matcher;
beforeAll(async () => {
  const { codebook } = await loadCodebook('builtin:rogers');
  matcher = compileCodebook(codebook!);
});

function coded(text: string): Coding[] {
  const t = build('interviews/w01', text);
  return autoCode(t.segments, matcher, { sourceText: () => t.source.text });
}
const codes = (text: string): string[] => coded(`K1: ${text}`).map((c) => `${c.code} ${c.valence > 0 ? '+' : c.valence < 0 ? '-' : '0'}`);

describe('colloquial Indonesian and officialese', () => {
  it('codes the plain statements a new user tried', () => {
    expect(codes('Cepat banget, nggak sampai sejam sudah selesai.')).toEqual(['relative_advantage.time_saving +']);
    expect(codes('Prosesnya tidak ribet, cuma isi formulir di HP.')).toEqual(['complexity.ease_of_use +']);
    expect(codes('Gampang kok, nggak ribet sama sekali.')).toEqual(['complexity.ease_of_use +']);
    expect(codes('Pelayanannya ribet banget.')).toContain('complexity.ease_of_use -');
    expect(codes('Kami cuma berenam, padahal pemohonnya ratusan tiap hari.')).toEqual(['obstacle_internal.staff_skills -']);
    expect(codes('Kemarin servernya, aplikasi tidak dapat diakses seharian.')).toEqual(['obstacle_internal.server_system -']);
    expect(codes('Pengadaan mobil layanan tertunda karena anggaran belum disetujui DPRD.')).toEqual(['obstacle_internal.budget -']);
    expect(codes('Sosialisasi ke masyarakat masih kurang.')).toEqual(['obstacle_external.understanding -']);
    expect(codes('Sarana dan prasarana belum memadai.')).toEqual(['obstacle_internal.facilities -']);
  });

  it('reads an SOP time limit as a service standard, not as time lost', () => {
    const got = codes('Permohonan diproses paling lama 2 x 24 jam sesuai SOP.');
    expect(got.filter((c) => c.startsWith('relative_advantage'))).toEqual([]);
    // while a slow process is still time lost
    expect(codes('Prosesnya lama sekali, berhari-hari.')).toContain('relative_advantage.time_saving -');
  });
});

describe('one decision per segment with a confidence', () => {
  it('scores every automatic coding in [0, 1], the primary code first', () => {
    const cs = coded('K1: Sejak ada aplikasi ini lebih cepat, tidak perlu antre, dan gampang dipakai walau kadang servernya down.');
    expect(cs.length).toBeGreaterThan(1);
    for (const c of cs) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
    const best = Math.max(...cs.map((c) => c.score));
    expect(cs.filter((c) => c.score === best).map((c) => c.code.split('.')[0])).toEqual(expect.arrayContaining(['relative_advantage']));
  });

  it('reads a list of the attributes as theory, and a definition as the attribute it defines', () => {
    const list = coded('Rogers menyebut lima atribut: keuntungan relatif, kesesuaian, kerumitan, kemungkinan dicoba, dan kemudahan diamati.');
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((c) => c.score < 0.2)).toBe(true);
    const def = coded('Kemudahan diamati adalah sejauh mana hasil inovasi terlihat oleh orang lain.');
    const best = def.reduce((a, b) => (b.score > a.score ? b : a));
    expect(best.code).toBe('observability');
    expect(best.valence).toBe(0);
    // a definition illustrated with a difficulty is about the attribute it defines, not the obstacle
    const doc = build(
      'documents/bab2',
      'Kerumitan adalah tingkat di mana suatu inovasi dianggap sulit untuk dipahami dan digunakan. Inovasi yang rumit akan lambat diterima, terutama di daerah yang jaringan internetnya terbatas.',
    );
    const counted = autoCode(doc.segments, matcher, { sourceText: () => doc.source.text }).filter((c) => c.score >= 0.2);
    expect([...new Set(counted.map((c) => c.code.split('.')[0]))]).toEqual(['complexity']);
    // the other ways theses define an attribute
    for (const text of [
      'Kerumitan mengacu pada tingkat kesulitan dalam memahami dan menggunakan inovasi.',
      'Uji coba dimaknai sebagai kesempatan untuk mencoba inovasi dalam skala kecil.',
    ]) {
      const cs = coded(text);
      const top = cs.reduce((a, b) => (b.score > a.score ? b : a));
      expect(top.valence, text).toBe(0);
    }
  });

  it('takes "uji coba" and a possessive "-nya" as naming the attribute: it leads over a code a stray phrase fired', () => {
    const strongest = (text: string) => {
      const cs = coded(text);
      return cs.reduce((a, b) => (b.score > a.score ? b : a)).code.split('.')[0];
    };
    // "respon positif" alone would be public enthusiasm (observability)
    expect(strongest('Uji coba layanan ini berjalan dengan baik dan mendapat respon positif dari masyarakat.')).toBe('trialability');
    expect(strongest('Keuntungan relatifnya terlihat dari jumlah pemohon yang terus bertambah.')).toBe('relative_advantage');
  });

  it('takes a document heading as context, not as a passage to code', () => {
    expect(isHeadingText('Kendala Internal')).toBe(true);
    expect(isHeadingText('Pelayanan berjalan lancar.')).toBe(false);
    expect(isHeadingText('1.1 Latar Belakang')).toBe(true);
    expect(isHeadingText('c. *Complexity* (Kerumitan)')).toBe(true);
    // a short plain line of a field note is coded, not taken for a heading
    expect(isHeadingText('Server down lagi')).toBe(false);
    const t = build('docs/laporan', 'Kendala Internal\nPetugas kami kewalahan melayani pemohon setiap hari.');
    const under = autoCode(t.segments, matcher, { sourceText: () => t.source.text });
    expect(under.every((c) => c.segmentId === 'docs/laporan:2')).toBe(true);
    // a line that is only an attribute's name heads a section too, lower case or one word
    for (const heading of ['Kesesuaian', 'b) observabilitas', 'Keuntungan relatif (relative advantage)']) {
      const d = build('docs/bab4', `${heading}\nPegawai mengikuti pelatihan selama dua minggu.`);
      const cs = autoCode(d.segments, matcher, { sourceText: () => d.source.text });
      expect(
        cs.every((c) => c.segmentId === 'docs/bab4:2'),
        heading,
      ).toBe(true);
      expect(cs.length, heading).toBeGreaterThan(0);
    }
    const alone = build('docs/laporan', 'Petugas kami kewalahan melayani pemohon setiap hari.');
    const plain = autoCode(alone.segments, matcher, { sourceText: () => alone.source.text });
    const top = (cs: Coding[]) => Math.max(...cs.filter((c) => c.code.startsWith('obstacle_internal')).map((c) => c.score));
    expect(top(under)).toBeGreaterThan(top(plain));
  });

  it('keeps codings under coding.min_score as suggestions: not counted unless a person accepts them', () => {
    const cs = coded('K1: Gampang kok, nggak ribet sama sekali.');
    const c = cs[0]!;
    const policy = { perEvidence: true, requireReview: false, minScore: Math.min(1, c.score + 0.01) };
    expect(isSuggestion(c, policy)).toBe(true);
    expect(countedCodings(cs, policy).counted).toHaveLength(0);
    const accepted = { ...c, status: 'accepted' as const, reviewer: 'rina' };
    expect(countedCodings([accepted], policy).counted).toHaveLength(1);
    expect(countedCodings(cs, { ...policy, minScore: 0 }).counted).toHaveLength(1);
  });
});

describe('coding.min_score in study.yaml', () => {
  it('keeps codings under it in codings.csv with their score, out of the counts, and refuses a value outside 0–1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qia-minscore-'));
    try {
      mkdirSync(join(dir, 'sources'));
      writeFileSync(join(dir, 'informants.csv'), 'id,role,group,label\nK1,user,Pengguna,Pak K\n');
      writeFileSync(join(dir, 'sources', 'w01.md'), '---\nkind: interview\n---\n\nK1: Gampang kok, nggak ribet sama sekali.\n');
      const yaml = (extra: string) =>
        `title: T\ncase: T\nlanguage: id\ncodebook: builtin:rogers\nsources:\n  - glob: "sources/*.md"\n    kind: interview\n${extra}`;
      writeFileSync(join(dir, 'study.yaml'), yaml(''));
      const counted = qia(['code', dir]);
      expect(counted.status, counted.stderr).toBe(0);
      expect(counted.stdout).toMatch(/│ complexity\s+│ 1 │ 1 │/);
      const csv = readFileSync(join(dir, 'out/codings.csv'), 'utf8').trim().split(/\r?\n/);
      expect(csv[0]!.endsWith(',memo,score')).toBe(true);
      const score = Number(csv[1]!.split(',').pop());
      expect(score).toBeGreaterThan(0.2);
      writeFileSync(join(dir, 'study.yaml'), yaml(`coding:\n  min_score: ${Math.min(1, score + 0.05).toFixed(2)}\n`));
      const suggested = qia(['code', dir]);
      expect(suggested.status, suggested.stderr).toBe(0);
      expect(suggested.stdout).toMatch(/│ complexity\s+│ 0 │/);
      expect(readFileSync(join(dir, 'out/codings.csv'), 'utf8')).toContain('complexity.ease_of_use');
      writeFileSync(join(dir, 'study.yaml'), yaml('coding:\n  min_score: 2\n'));
      const bad = qia(['code', dir, '--lang', 'en']);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/study\.yaml:\d+:\d+.*coding\.min_score must be a number from 0 to 1, not `2`/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
