import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadStudy } from '../../src/study/load.js';
import { openStudy } from '../../src/study/open.js';
import { readStudySources } from '../helpers/study.js';
import { QiaError } from '../../src/util/diagnostics.js';
import { makeStudy } from '../sources/helpers.js';

const codes = (ds: { code: string; line?: number }[]) => ds.map((d) => [d.code, d.line ?? null]);

describe('loading study.yaml and informants.csv', () => {
  it('loads the foundation fixture with its settings and informants', async () => {
    const r = await loadStudy('test/fixtures/foundation/basic');
    expect(r.diagnostics).toEqual([]);
    expect(r.study).toMatchObject({ title: 'Inovasi LAPAK ASIK (fixture)', language: 'id', settings: { coding: { merge: 'manual-overrides-auto' } } });
    expect(r.study!.sources.map((s) => [s.glob, s.kind, s.line])).toEqual([
      ['sources/interviews/*', 'interview', 7],
      ['sources/observations/*', 'observation', 9],
      ['sources/documents/*', 'document', 11],
    ]);
    expect(r.informants.map((i) => [i.id, i.role, i.group, i.attrs['position'], i.line])).toEqual([
      ['K1', 'head', 'provider', 'Kepala Kantor Cabang', 2],
      ['S1', 'staff', 'provider', 'Petugas Layanan', 3],
      ['U1', 'user', 'user', 'Peserta', 4],
    ]);
  });

  it('warns about unknown keys with line and column, and rejects a bad language and kind', async () => {
    const root = makeStudy({}, 'title: T\ncase: C\nlanguage: fr\nauthor: me\nsources:\n  - glob: "x/*"\n    kind: interviu\n    colour: red\n');
    const r = await loadStudy(root);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['study/unknown-key', 4, 1],
      ['study/invalid-value', 3, 11],
      ['study/invalid-value', 7, 11],
      ['study/unknown-key', 8, 5],
    ]);
  });

  it('needs title and case', async () => {
    const r = await loadStudy(makeStudy({}, 'language: id\n'));
    expect(r.study).toBeUndefined();
    expect(codes(r.diagnostics)).toEqual([
      ['study/missing-key', 1],
      ['study/missing-key', 1],
    ]);
  });

  it('reports invalid YAML at its position, and openStudy turns it into a fatal error', async () => {
    const root = makeStudy({}, 'title: T\ncase: [unclosed\n');
    const r = await loadStudy(root);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['study/yaml-invalid']);
    await expect(openStudy(root)).rejects.toBeInstanceOf(QiaError);
  });

  it('reports duplicate, empty and unknown informants rows and keeps the good ones', async () => {
    const root = makeStudy(
      { 'informants.csv': 'id,label,role,group\nK1,A,head,provider\nK1,B,staff,provider\n,C,user,user\nU2,D,user,citizen\n' },
      'title: T\ncase: C\nsources:\n  - glob: "sources/*"\n    informant: Z9\n',
    );
    const r = await loadStudy(root);
    expect(r.informants.map((i) => i.id)).toEqual(['K1', 'U2']);
    expect(codes(r.diagnostics)).toEqual([
      ['informants/duplicate-id', 3],
      ['informants/empty-id', 4],
      ['informants/unknown-group', 5],
      ['study/unknown-informant', 5],
    ]);
    // The diagnostic points at the id itself, not at the start of the entry.
    expect(r.diagnostics.find((d) => d.code === 'study/unknown-informant')).toMatchObject({ line: 5, column: 16 });
  });

  it('checks the coding settings at their position and falls back to the default merge mode', async () => {
    const root = makeStudy({}, 'title: T\ncase: C\ncoding:\n  merge: manual-first\n  question_context: nope\n  mrege: union\n');
    const r = await loadStudy(root);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['study/invalid-value', 4, 10],
      ['study/invalid-value', 5, 21],
      ['study/unknown-key', 6, 3],
    ]);
    expect(r.study!.settings['coding']).toEqual({ mrege: 'union' });
    const ok = await loadStudy(makeStudy({}, 'title: T\ncase: C\ncoding:\n  merge: union\n  question_context: false\n'));
    expect(ok.diagnostics).toEqual([]);
    expect(ok.study!.settings['coding']).toEqual({ merge: 'union', question_context: false });
  });

  it('takes coding.prior_reading as true or false only, naming the line of a bad value', async () => {
    const bad = await loadStudy(makeStudy({}, 'title: T\ncase: C\ncoding:\n  prior_reading: sometimes\n'));
    expect(bad.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ['study/invalid-value', 4, 18, 'coding.prior_reading must be true or false, not `sometimes`'],
    ]);
    expect(bad.study!.settings['coding']).toEqual({});
    const ok = await loadStudy(makeStudy({}, 'title: T\ncase: C\ncoding:\n  prior_reading: false\n'));
    expect(ok.diagnostics).toEqual([]);
    expect(ok.study!.settings['coding']).toEqual({ prior_reading: false });
  });

  it('warns about a glob listed twice, whose second entry would never apply', async () => {
    const r = await loadStudy(
      makeStudy(
        {},
        'title: T\ncase: C\nsources:\n  - glob: "sources/interviews/*"\n    kind: interview\n  - glob: "sources/interviews/*"\n    kind: observation\n',
      ),
    );
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['study/duplicate-glob', 6, 11]]);
    expect(r.diagnostics[0]!.message).toContain('line 4');
  });

  it('points a glob that matches nothing at the glob itself', async () => {
    const root = makeStudy({}, 'title: T\ncase: C\nsources:\n  - kind: interview\n    glob: "sources/wawancara/*"\n  - "sources/dokumen/*.pdf"\n');
    const o = await readStudySources(root);
    expect(o.diagnostics.filter((d) => d.code === 'source/glob-no-match').map((d) => [d.line, d.column])).toEqual([
      [5, 11],
      [6, 5],
    ]);
  });

  it('reports a missing informants file and a missing codebook file', async () => {
    const root = makeStudy({}, 'title: T\ncase: C\ncodebook: kode.yaml\ninformants: orang.csv\n');
    const r = await loadStudy(root);
    expect(codes(r.diagnostics)).toEqual([
      ['study/codebook-missing', 3],
      ['study/informants-missing', 4],
    ]);
    expect(r.study).toBeDefined();
  });

  it('accepts an informants file saved as UTF-16 by a spreadsheet program', async () => {
    const root = makeStudy({});
    const csv = 'id,label,role,group\r\nK1,Bpk. Ramé,head,provider\r\n';
    writeFileSync(join(root, 'informants.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]));
    const r = await loadStudy(root);
    expect(r.informants.map((i) => i.label)).toEqual(['Bpk. Ramé']);
  });
});

describe('per-glob date and title for files without front matter', () => {
  it('gives a VTT transcript the date and title of its study.yaml entry, and front matter still wins for md', async () => {
    const root = makeStudy(
      {
        'sources/interviews/w01.vtt':
          'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Pewawancara>Selamat pagi.\n\n00:00:05.000 --> 00:00:09.000\n<v Bpk. AS>Pagi, silakan.\n',
        'sources/interviews/w02.md': '---\ninformant: U1\ndate: 2021-07-01\n---\nP: Apa kabar?\nI: Baik.\n',
      },
      [
        'title: T',
        'case: C',
        'language: id',
        'sources:',
        '  - glob: "sources/interviews/w01.vtt"',
        '    kind: interview',
        '    date: 2021-06-10',
        '    title: Wawancara kepala',
        '  - glob: "sources/interviews/*"',
        '    kind: interview',
        '    date: 2020-01-01',
        '',
      ].join('\n'),
    );
    const o = await readStudySources(root);
    expect([...o.opened.diagnostics, ...o.diagnostics].filter((d) => d.severity !== 'info')).toEqual([]);
    const byId = new Map(o.sources.map((s) => [s.id, s]));
    expect(byId.get('interviews/w01')).toMatchObject({ date: '2021-06-10', title: 'Wawancara kepala' });
    expect(byId.get('interviews/w02')!.date).toBe('2021-07-01');
  });

  it('warns about a per-glob date that is not YYYY-MM-DD, at its line and column', async () => {
    const r = await loadStudy(makeStudy({}, 'title: T\ncase: C\nsources:\n  - glob: "sources/interviews/*"\n    date: 10/06/2021\n'));
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toContainEqual(['study/invalid-date', 5, 11]);
  });

  it('warns about a date of the right shape that is not a day, in study.yaml and in front matter', async () => {
    const root = makeStudy(
      {
        'sources/interviews/w01.md': '---\ninformant: U1\ndate: 2021-13-45\n---\nI: Ya.\n',
        'sources/interviews/w02.md': '---\ndate: 2024-02-29\n---\nI: Ya.\n',
      },
      'title: T\ncase: C\nsources:\n  - glob: "sources/interviews/w02.md"\n    date: 2021-02-30\n  - glob: "sources/interviews/*"\n',
    );
    const o = await readStudySources(root);
    expect([...o.opened.diagnostics, ...o.diagnostics].map((d) => [d.code, d.file!.split('/').pop(), d.line])).toEqual([
      ['study/invalid-date', 'study.yaml', 5],
      ['source/invalid-date', 'w01.md', 3],
      // w02's front matter names no informant.
      ['source/no-informant', 'w02.md', 1],
    ]);
  });
});
