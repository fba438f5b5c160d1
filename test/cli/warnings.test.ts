import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qia } from '../helpers/cli.js';

/* Warnings that help a new user: said once, with a way out, and counted at the end. */

let study: string;

beforeAll(() => {
  study = join(mkdtempSync(join(tmpdir(), 'qia-warn-')), 'study');
  mkdirSync(join(study, 'sources/interviews'), { recursive: true });
  mkdirSync(join(study, 'codings'), { recursive: true });
  writeFileSync(
    join(study, 'study.yaml'),
    'title: "Peringatan"\ncase: "Peringatan"\nlanguage: id\ncodebook: builtin:rogers\ninformants: informants.csv\nsources:\n  - glob: "sources/interviews/*"\n    kind: interview\n',
  );
  writeFileSync(join(study, 'informants.csv'), 'id,label,role,group\nK1,Bpk. HS,head,provider\nS1,Ibu DW,staff,provider\n');
  writeFileSync(
    join(study, 'sources/interviews/w01-kepala.md'),
    '---\ninformant: K1\n---\nP: Apa kendalanya?\n\nI: Server sering gangguan, pelatihan staf belum ada.\n',
  );
  // No front matter at all: nobody is known to speak.
  writeFileSync(join(study, 'sources/interviews/w02-tanpa.md'), 'P: Apa kendalanya?\n\nI: Aplikasinya sulit dipakai.\n');
  // Front matter, but no informant in it.
  writeFileSync(join(study, 'sources/interviews/w03-kosong.md'), '---\ndate: 2021-11-04\n---\nI: Sinyal di desa lemah.\n');
  // Captions whose speakers are not informant ids.
  writeFileSync(join(study, 'sources/interviews/w04-rekaman.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Tamu>Layanan ini cepat.\n');
  // Captions whose speaker is an informant: no warning.
  writeFileSync(join(study, 'sources/interviews/w05-staf.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v S1>Layanan ini cepat.\n');
  // An informant informants.csv does not list.
  writeFileSync(join(study, 'sources/interviews/w06-x9.md'), '---\ninformant: X9\n---\nI: Antrean tetap panjang.\n');
  const rows = [
    'source,segment,quote,code,valence,coder,memo',
    'interviews/w01-kepala,interviews/w01-kepala:2,pelatihan staf belum ada,obstacle_internal.staf_skills,-,rina,',
  ];
  writeFileSync(join(study, 'codings/rina.csv'), rows.join('\n') + '\n');
});

describe('warnings that help', () => {
  it('warns about an interview with no front matter or no informant, once each, with a hint', () => {
    const r = qia(['sources', study, '--lang', 'en']);
    const noInformant = r.stderr.split('\n').filter((l) => l.includes('[source/no-informant]'));
    expect(noInformant.map((l) => l.split(':')[0])).toEqual([
      expect.stringMatching(/w02-tanpa\.md$/),
      expect.stringMatching(/w03-kosong\.md$/),
      expect.stringMatching(/w04-rekaman\.vtt$/),
    ]);
    expect(noInformant[0]).toContain('it has no front matter');
    expect(noInformant[1]).toContain('names no `informant:`');
    expect(r.stderr).toContain('hint: start the file with front matter');
    expect(r.stderr).toContain('hint: add `informant: P1` to its entry in study.yaml');
  });

  it('does not count an informant missing from informants.csv in the totals line', () => {
    const r = qia(['sources', study, '--lang', 'en']);
    expect(r.stdout).toMatch(/total: 6 sources \(6 interview\), 2 informants \(not in informants.csv, not counted: X9\)/);
    expect(r.stderr).toContain('informant X9 is not listed in informants.csv [source/unknown-informant]');
    const json = JSON.parse(qia(['sources', study, '--format', 'json']).stdout) as { totals: { informants: number } };
    expect(json.totals.informants).toBe(2);
  });

  it('suggests the code that was meant for a typo in a coder file', () => {
    const r = qia(['code', study, '--format', 'json', '--lang', 'en']);
    expect(r.stderr).toMatch(
      /unknown code "obstacle_internal\.staf_skills" \[coding\/unknown-code\]\n {2}hint: did you mean obstacle_internal\.staff_skills\?/,
    );
    const q = qia(['query', study, '--code', 'staf_skills', '--lang', 'en']);
    expect(q.stderr).toContain('did you mean obstacle_internal.staff_skills?');
    // The study is Indonesian: so are its diagnostics by default, codes unchanged.
    const id = qia(['code', study, '--format', 'json']);
    expect(id.stderr).toMatch(
      /error: kode "obstacle_internal\.staf_skills" tidak dikenal \[coding\/unknown-code\]\n {2}hint: maksud Anda obstacle_internal\.staff_skills\?/,
    );
    expect(id.stderr).toMatch(
      /warning: wawancara tanpa informan: berkas tidak punya front matter.* \[source\/no-informant\]\n {2}hint: awali berkas dengan front matter/,
    );
    expect(id.stderr.trim().split('\n').at(-1)).toMatch(/^qia: \d+ galat, \d+ peringatan$/);
  });

  it('prints each diagnostic once, at most five of a kind, and a summary; --verbose prints all', () => {
    const many = join(mkdtempSync(join(tmpdir(), 'qia-warn-many-')), 'study');
    mkdirSync(join(many, 'sources/interviews'), { recursive: true });
    writeFileSync(join(many, 'study.yaml'), 'title: "Banyak"\ncase: "Banyak"\nlanguage: id\ncodebook: builtin:rogers\ninformants: informants.csv\n');
    writeFileSync(join(many, 'informants.csv'), 'id,label,role,group\nS1,Ibu DW,staff,provider\nX1,Bapak X,staff,provider\n');
    // Seven interviews without front matter: the same warning seven times, and one error.
    for (let i = 1; i <= 7; i++) writeFileSync(join(many, `sources/interviews/w0${i}.md`), 'P: Apa kendalanya?\n\nI: Aplikasinya sulit dipakai.\n');
    writeFileSync(join(many, 'sources/interviews/w08.md'), '---\ninformant: X9\n---\nI: Antrean panjang.\n');
    const r = qia(['run', many, '--lang', 'en']);
    const lines = r.stderr.split('\n').filter((l) => / (error|warning|note): /.test(l));
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.filter((l) => l.includes('[source/no-informant]'))).toHaveLength(5);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('qia: 1 error, 7 warnings (2 not shown; --verbose shows all)');
    const all = qia(['run', many, '--verbose', '--lang', 'en']);
    expect(all.stderr.split('\n').filter((l) => l.includes('[source/no-informant]'))).toHaveLength(7);
    expect(all.stderr.trim().split('\n').at(-1)).toBe('qia: 1 error, 7 warnings');
    const quiet = qia(['--quiet', 'run', many]);
    expect(quiet.stderr).not.toContain('warning:');
    expect(quiet.stderr).toContain('[source/unknown-informant]');
  });
});
