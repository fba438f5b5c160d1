import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qia, ROOT } from '../helpers/cli.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'qia-init-')), 'studi');

describe('qia init', () => {
  it('creates a study that loads without diagnostics', () => {
    const dir = fresh();
    const r = qia(['init', dir, '--title', 'Inovasi "Antrean" Online']);
    expect(r.status).toBe(0);
    for (const f of [
      'study.yaml',
      'informants.csv',
      '.gitignore',
      'codings/README.md',
      'sources/interviews/w01-contoh-warga.md',
      'sources/observations/o01-contoh-ruang-layanan.md',
      'sources/documents/d01-contoh-sop.md',
    ]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect(readFileSync(join(dir, 'study.yaml'), 'utf8')).toContain('title: "Inovasi \\"Antrean\\" Online"');
    const s = qia(['sources', dir, '--format', 'json']);
    expect(s.stderr).toBe('');
    expect(s.status).toBe(0);
    const data = JSON.parse(s.stdout) as { study: { title: string }; sources: { id: string; informant: string | null }[] };
    expect(data.study.title).toBe('Inovasi "Antrean" Online');
    expect(data.sources.map((x) => [x.id, x.informant])).toEqual([
      ['documents/d01-contoh-sop', null],
      ['interviews/w01-contoh-warga', 'U1'],
      ['observations/o01-contoh-ruang-layanan', null],
    ]);
  });

  it('makes the folders the README shows, and its study.yaml names only things that exist', () => {
    for (const lang of ['id', 'en']) {
      const dir = fresh();
      expect(qia(['init', dir, '--lang', lang]).status).toBe(0);
      // The tree of README.md's "The study folder".
      for (const f of [
        'study.yaml',
        'informants.csv',
        'sources/interviews',
        'sources/observations',
        'sources/documents',
        'codings',
        'memos',
        'memos/README.md',
      ])
        expect(existsSync(join(dir, f)), `${lang}: ${f}`).toBe(true);
      const yaml = readFileSync(join(dir, 'study.yaml'), 'utf8');
      // Every folder or file a comment or value names is there.
      for (const m of yaml.matchAll(/\b((?:sources|codings|memos)\/[\w/]*|[\w-]+\.(?:yaml|csv))\b/g)) {
        const path = m[1]!.replace(/\/\*?$/, '');
        expect(existsSync(join(dir, path)), `${lang}: study.yaml names ${m[1]}`).toBe(true);
      }
      // Every qia command the comments name exists.
      for (const [, cmd] of yaml.matchAll(/qia ([a-z]+)/g)) expect(['condense', 'compare']).toContain(cmd);
      // The memo README is a note, not a memo without a code; a whole run stays quiet.
      const run = qia(['run', dir]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
  });

  it('copies the default codebook when the package has one', () => {
    const dir = fresh();
    qia(['init', dir]);
    const yaml = readFileSync(join(dir, 'study.yaml'), 'utf8');
    if (existsSync(join(ROOT, 'codebooks/rogers.yaml'))) {
      expect(yaml).toContain('codebook: codebook.yaml');
      expect(readFileSync(join(dir, 'codebook.yaml'), 'utf8')).toBe(readFileSync(join(ROOT, 'codebooks/rogers.yaml'), 'utf8'));
    } else {
      expect(yaml).toContain('codebook: builtin:rogers');
    }
  });

  it('writes English examples with English file names and informants with --lang en', () => {
    const dir = fresh();
    expect(qia(['init', dir, '--lang', 'en']).status).toBe(0);
    expect(readFileSync(join(dir, 'study.yaml'), 'utf8')).toContain('language: en');
    expect(readFileSync(join(dir, 'sources/interviews/w01-example-resident.md'), 'utf8')).toContain('R: [00:00:41] Sure.');
    expect(readFileSync(join(dir, 'informants.csv'), 'utf8')).toContain('U1,Mr RA,user,user,');
    const s = qia(['sources', dir, '--format', 'json']);
    expect(s.stderr).toBe('');
    const data = JSON.parse(s.stdout) as { sources: { id: string; informant: string | null }[] };
    expect(data.sources.map((x) => [x.id, x.informant])).toEqual([
      ['documents/d01-example-sop', null],
      ['interviews/w01-example-resident', 'U1'],
      ['observations/o01-example-service-room', null],
    ]);
    expect(existsSync(join(dir, 'sources/interviews/w01-contoh-warga.md'))).toBe(false);
  });

  it('refuses to overwrite an existing study, and leaves it untouched', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'study.yaml'), 'title: mine\n');
    const r = qia(['init', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[init/exists]');
    expect(readFileSync(join(dir, 'study.yaml'), 'utf8')).toBe('title: mine\n');
    expect(existsSync(join(dir, 'informants.csv'))).toBe(false);
  });

  it('refuses a folder holding files it would overwrite', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'informants.csv'), 'id,label,role,group\n');
    const r = qia(['init', dir, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/already has informants\.csv.*\[init\/exists\]/);
    expect(existsSync(join(dir, 'study.yaml'))).toBe(false);
  });
});
