import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { qia } from '../helpers/cli.js';
import { tmp } from './refi-env.js';

/** Every file under `dir` with its size and modification time, to prove a refusal wrote nothing. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, `${rel}${e.name}/`);
      else out.push(`${rel}${e.name} ${statSync(p).size} ${statSync(p).mtimeMs}`);
    }
  };
  walk(dir, '');
  return out.sort();
}

describe('qia export', () => {
  it('qdc without -o prints the codebook XML', () => {
    const r = qia(['export', 'qdc', 'samples/library-en']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="qia ')).toBe(true);
    // library-en is an English study: code names are the English labels.
    expect(r.stdout).toContain('name="Relative advantage"');
  });

  it('qdc --lang picks the language of the code names', () => {
    const r = qia(['export', 'qdc', 'builtin:rogers', '--lang', 'en']);
    expect(r.stdout).toContain('name="Complexity"');
    expect(qia(['export', 'qdc', 'builtin:rogers']).stdout).toContain('name="Kerumitan"');
  });

  it('qdc of a codebook with errors is refused with exit 1', () => {
    const dir = tmp('badcb');
    writeFileSync(join(dir, 'cb.yaml'), 'id: x\nlanguages: [id]\ncodes:\n  - id: Bad Id\n');
    const r = qia(['export', 'qdc', join(dir, 'cb.yaml'), '-o', join(dir, 'x.qdc')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[codebook/invalid-id]');
    expect(existsSync(join(dir, 'x.qdc'))).toBe(false);
  });

  it('qdpx writes a zip and says what is in it', () => {
    const f = join(tmp('qdpx'), 'la.qdpx');
    const r = qia(['export', 'qdpx', 'samples/lapak-asik', '-o', f]);
    expect(r.status, r.stderr).toBe(0);
    // In the study's language (Indonesian), and in English with --lang en.
    expect(r.stdout).toMatch(/la\.qdpx: 15 sumber, 292 koding oleh 3 pengode \(termasuk auto\), 35 kode, 10 kasus, \d+ catatan/);
    expect(qia(['export', 'qdpx', 'samples/lapak-asik', '-o', f, '--lang', 'en']).stdout).toMatch(
      /la\.qdpx: 15 sources, 292 codings by 3 coders \(auto included\), 35 codes, 10 cases, \d+ notes/,
    );
    expect(readFileSync(f).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });

  it('qdpx without -o, and an unknown format, are usage errors (exit 2)', () => {
    const r = qia(['export', 'qdpx', 'samples/lapak-asik']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[usage/missing-out]');
    expect(qia(['export', 'nvp', 'samples/lapak-asik']).status).toBe(2);
  });

  it('--help shows examples', () => {
    const r = qia(['export', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('qia export qdpx samples/lapak-asik -o lapak-asik.qdpx');
    expect(qia(['import', '--help']).stdout).toContain('--offsets <unit>');
  });
});

describe('qia import', () => {
  const dir = tmp('imp');
  const qdpx = join(dir, 'la.qdpx');
  const qdc = join(dir, 'la.qdc');
  beforeAll(() => {
    expect(qia(['export', 'qdpx', 'samples/lapak-asik', '-o', qdpx]).status).toBe(0);
    expect(qia(['export', 'qdc', 'samples/lapak-asik', '-o', qdc]).status).toBe(0);
  }, 60_000);

  it('qdc -o writes a codebook that passes qia codebook check', () => {
    const out = join(dir, 'codebook.yaml');
    const r = qia(['import', 'qdc', qdc, '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('codebook.yaml: 35 codes');
    const check = qia(['codebook', 'check', out]);
    expect(check.status, check.stderr).toBe(0);
  });

  it('qdpx --into a new folder makes a study qia reads without a warning', () => {
    const study = join(dir, 'new-study');
    const r = qia(['import', 'qdpx', qdpx, '--into', study]);
    expect(r.status, r.stderr).toBe(0);
    // The new study is Indonesian, and so is what import says about it.
    expect(r.stdout).toContain('15 sumber, 292 koding oleh 3 pengode, 35 kode, 10 informan, 2 memo\nBerikutnya: qia sources ');
    expect(readdirSync(join(study, 'codings')).sort()).toEqual(['auto.csv', 'coder-a.csv', 'coder-b.csv']);
    expect(readFileSync(join(study, 'codings/coder-a.csv'), 'utf8').split('\r\n')[0]).toBe('source,segment,quote,code,valence,coder,memo,prefix,suffix');
    const s = qia(['sources', study, '--lang', 'en']);
    expect(s.stderr).toBe('');
    expect(s.status).toBe(0);
    const code = qia(['code', study, '--lang', 'en']);
    expect(code.stderr).toBe('');
    expect(code.stdout).toMatch(/292 codings in \d+ segments of 15 sources: 0 automatic \(0 not reviewed\), 292 manual/);
  });

  it('refuses a folder that holds anything else, and writes nothing', () => {
    const study = join(dir, 'occupied');
    mkdirSync(join(study, 'codings'), { recursive: true });
    writeFileSync(join(study, 'codings/rina.csv'), 'source,segment,quote,code,valence,coder,memo\n');
    writeFileSync(join(study, 'notes.txt'), 'mine\n');
    const before = snapshot(study);
    const r = qia(['import', 'qdpx', qdpx, '--into', study]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[import/not-empty]');
    expect(snapshot(study)).toEqual(before);
  });

  it('refuses a qia init study the researcher has started on (a coder file, an edited source)', () => {
    for (const change of ['codings/rina.csv', 'sources/interviews/w01-contoh-warga.md']) {
      const study = join(tmp('started'), 'studi');
      expect(qia(['init', study]).status).toBe(0);
      writeFileSync(join(study, change), 'source,segment,quote,code,valence,coder,memo\n');
      const before = snapshot(study);
      const r = qia(['import', 'qdpx', qdpx, '--into', study]);
      expect(r.status, change).toBe(2);
      expect(r.stderr).toContain('not a study fresh from `qia init`');
      expect(snapshot(study)).toEqual(before);
    }
  });

  for (const lang of ['id', 'en']) {
    it(`fills a study fresh from qia init --lang ${lang}, replacing its examples`, () => {
      const study = join(tmp(`fresh-${lang}`), 'studi');
      expect(qia(['init', study, '--lang', lang]).status).toBe(0);
      const r = qia(['import', 'qdpx', qdpx, '--into', study]);
      expect(r.status, r.stderr).toBe(0);
      // The template's examples are gone; its README and .gitignore stay.
      expect(readdirSync(join(study, 'sources/interviews')).some((f) => f.startsWith('w01-contoh') || f.startsWith('w01-example'))).toBe(false);
      expect(existsSync(join(study, 'codings/README.md'))).toBe(true);
      expect(existsSync(join(study, '.gitignore'))).toBe(true);
      expect(readFileSync(join(study, 'study.yaml'), 'utf8')).toContain('title: "Atribut inovasi LAPAK ASIK');
      const s = qia(['sources', study, '--lang', 'en']);
      expect(s.stderr).toBe('');
      expect(s.stdout).toContain('total: 15 sources');
    });
  }

  it('qdpx without --into, a missing file, and a file that is not a zip fail cleanly', () => {
    expect(qia(['import', 'qdpx', qdpx]).stderr).toContain('[usage/missing-into]');
    const missing = qia(['import', 'qdpx', join(dir, 'nope.qdpx'), '--into', join(dir, 'x1')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('[import/not-found]');
    const notZip = join(dir, 'not.qdpx');
    writeFileSync(notZip, 'hello');
    const r = qia(['import', 'qdpx', notZip, '--into', join(dir, 'x2')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[import/not-a-zip]');
    expect(existsSync(join(dir, 'x2'))).toBe(false);
  });
});
