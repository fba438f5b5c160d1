import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A study small enough to work its agreement out by hand: three interviews, each with two
 * informant turns (six segments) and two interviewer turns, and two coders, ana and budi.
 *
 *   segment       ana                          budi
 *   w1-ani:2      relative_advantage +         relative_advantage +
 *   w1-ani:4      complexity −                 —
 *   w2-beni:2     relative_advantage +         relative_advantage −
 *   w2-beni:4     obstacle_external −          obstacle_external −
 *   w3-citra:2    compatibility +              compatibility +
 *   w3-citra:4    —                            trialability +
 *
 * Presence over 6 segments × 7 top-level codes = 42 decisions: both 4, only ana 1, only budi 1,
 * neither 36. Percent agreement 40/42 = 95.238 %. Cohen's kappa: p_o = 40/42, each coder says
 * yes 5 times in 42, p_e = (5/42)² + (37/42)² = 1394/1764, κ = (1680 − 1394) / (1764 − 1394) =
 * 286/370 = 0.77297. Complexity alone: 5 of 6 agree (83.333 %), p_e = 0·(1/6) + 1·(5/6) = 5/6,
 * κ = 0. Valence where both applied (4 segment × code pairs): 3 agree (75 %); ana + + − +,
 * budi + − − +: p_e = (3/4)(2/4) + (1/4)(2/4) = 1/2, κ = (3/4 − 1/2) / (1/2) = 0.5.
 *
 * The codebook proposes complexity.ease_of_use on w1-ani:4 and relative_advantage.time_saving
 * on w2-beni:2; nothing proposes trialability on w3-citra:4, whose answer has two paragraphs.
 */
export function writeTinyStudy(dir = mkdtempSync(join(tmpdir(), 'qia-agree-tiny-'))): string {
  mkdirSync(join(dir, 'sources/interviews'), { recursive: true });
  mkdirSync(join(dir, 'codings'), { recursive: true });
  const file = (rel: string, text: string) => writeFileSync(join(dir, rel), text);
  file(
    'study.yaml',
    [
      'title: "Studi kecil untuk uji kesepakatan"',
      'case: "Layanan daring"',
      'language: id',
      'codebook: builtin:rogers',
      'informants: informants.csv',
      'sources:',
      '  - glob: "sources/interviews/*"',
      '    kind: interview',
      '',
    ].join('\n'),
  );
  file('informants.csv', 'id,label,role,group\nP1,Ani,user,user\nP2,Beni,user,user\nP3,Citra,staff,provider\n');
  file(
    'sources/interviews/w1-ani.md',
    '---\ninformant: P1\ndate: 2024-01-10\n---\nP: Bagaimana pengalaman Ibu mengurus klaim lewat layanan daring?\nI: Lebih cepat, tidak perlu antre dari subuh lagi di kantor.\nP: Ada yang menyulitkan?\nI: Aplikasinya sulit dipakai, saya bingung mengisi formulirnya.\n',
  );
  file(
    'sources/interviews/w2-beni.md',
    '---\ninformant: P2\ndate: 2024-01-11\n---\nP: Bagaimana pengalaman Bapak dengan layanan ini?\nI: Hemat waktu memang, tapi saya tetap menunggu tiga minggu.\nP: Lalu kendalanya apa?\nI: Sinyal di desa saya lemah, jadi unggahan sering gagal.\n',
  );
  file(
    'sources/interviews/w3-citra.md',
    '---\ninformant: P3\ndate: 2024-01-12\n---\nP: Apakah layanan ini cocok dengan kebutuhan peserta?\nI: Cocok, peserta memang perlu cara tanpa datang ke kantor.\nP: Bagaimana petugas belajar memakainya?\nI: Kami latihan dulu seminggu, bergantian jadi peserta.\n\nSetelah itu baru dibuka untuk umum.\n',
  );
  file(
    'codings/ana.csv',
    [
      'source,segment,quote,code,valence,coder,memo',
      'interviews/w1-ani,interviews/w1-ani:2,"Lebih cepat, tidak perlu antre dari subuh lagi di kantor.",relative_advantage.time_saving,+,,',
      'interviews/w1-ani,interviews/w1-ani:4,Aplikasinya sulit dipakai,complexity.ease_of_use,-,,',
      'interviews/w2-beni,interviews/w2-beni:2,Hemat waktu memang,relative_advantage.time_saving,+,,',
      'interviews/w2-beni,interviews/w2-beni:4,Sinyal di desa saya lemah,obstacle_external.network,-,,',
      'interviews/w3-citra,interviews/w3-citra:2,"Cocok, peserta memang perlu cara tanpa datang ke kantor.",compatibility.needs,+,,',
      '',
    ].join('\n'),
  );
  file(
    'codings/budi.csv',
    [
      'source,segment,quote,code,valence,coder,memo',
      'interviews/w1-ani,interviews/w1-ani:2,tidak perlu antre dari subuh lagi,relative_advantage.time_saving,+,,',
      'interviews/w2-beni,interviews/w2-beni:2,saya tetap menunggu tiga minggu,relative_advantage.time_saving,-,,',
      'interviews/w2-beni,interviews/w2-beni:4,unggahan sering gagal,obstacle_external.network,-,,',
      'interviews/w3-citra,interviews/w3-citra:2,peserta memang perlu cara tanpa datang ke kantor,compatibility.needs,+,,',
      'interviews/w3-citra,interviews/w3-citra:4,"Kami latihan dulu seminggu, bergantian jadi peserta.",trialability.trial,+,,',
      '',
    ].join('\n'),
  );
  return dir;
}

/** One decision-log line as qia review writes it, for a study's codings/<coder>.decisions.jsonl. */
export function logLine(seq: number, coder: string, op: string, segment: string, fields: Record<string, unknown> = {}, fingerprint = ''): string {
  const source = segment.slice(0, segment.lastIndexOf(':'));
  return JSON.stringify({ v: 1, seq, at: '2024-02-01T00:00:00.000Z', coder, op, anchor: { source, segment, fingerprint, line: 1 }, ...fields }) + '\n';
}
