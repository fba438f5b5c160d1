import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qia, ROOT } from '../helpers/cli.js';

/* code, sources, query and kwic speak the study's language, or the one asked for; csv and json keep their keys. */

const FIXTURE = join(ROOT, 'test/fixtures/coding/study');

describe('listings in the study language', () => {
  it('an Indonesian study gets Indonesian headers and totals by default, English with --lang en', () => {
    const id = qia(['sources', FIXTURE]);
    expect(id.stdout).toMatch(/│ sumber\s+│ jenis\s+│ informan\s+│ peran\s+│ segmen │ kata │/);
    expect(id.stdout).toContain('total: 2 sumber (2 wawancara), 2 informan, 7 segmen, 54 kata');
    const en = qia(['sources', FIXTURE, '--lang', 'en']);
    expect(en.stdout).toMatch(/│ source\s+│ kind\s+│ informant\s+│ role\s+│ segments │ words │/);

    const query = qia(['query', FIXTURE, '--code', 'complexity']);
    expect(query.stdout).toMatch(/│ segmen\s+│ sumber\s+│ baris │ informan │ peran │ jenis\s+│ kode\s+│ arah │ pengode │ status │ kutipan/);
    expect(query.stdout).toMatch(/\n2 koding di bawah complexity\n?$/);
    expect(qia(['query', FIXTURE, '--code', 'complexity', '--lang', 'en']).stdout).toMatch(/\n2 codings under complexity\n?$/);
    // Machine formats keep their keys whatever the language.
    expect(qia(['query', FIXTURE, '--code', 'complexity', '--format', 'csv']).stdout.split('\r\n')[0]).toBe(
      'segment,source,lines,informant,role,kind,code,valence,coder,status,quote',
    );

    const kwic = qia(['kwic', 'server down', FIXTURE]);
    expect(kwic.stdout).toMatch(/│ sumber\s+│ baris │ pembicara │\s+kiri │ kata kunci\s+│ kanan/);
    expect(kwic.stdout).toContain('1 temuan untuk server down');
    expect(qia(['kwic', 'server down', FIXTURE, '--format', 'json']).stdout).toContain('"keyword": "server down"');
  });

  it('qia code prints its summary in the study language', () => {
    const r = qia(['code', FIXTURE, '--out', mkdtempSync(join(tmpdir(), 'qia-listing-'))]);
    expect(r.stdout).toMatch(/│ kode\s+│ n │ \+ │ 0 │ - │/);
    expect(r.stdout).toMatch(
      /koding dalam \d+ segmen dari 2 sumber: \d+ otomatis \(\d+ belum ditinjau, 1 ditolak\), \d+ manual; penggabungan: manual-overrides-auto/,
    );
    expect(r.stdout).toMatch(/ditulis ke /);
    expect(qia(['code', FIXTURE, '--lang', 'en', '--format', 'csv']).stdout.split('\r\n')[0]).toContain('segment,source,informant');
  });
});
