import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceIdOf } from '../../src/sources/read.js';
import { readStudySources } from '../helpers/study.js';
import { makeDocx, makePdf, makeStudy } from './helpers.js';

const GOOD = '---\ninformant: U1\n---\nP: Bagaimana?\n\nI: Mudah sekali.\n';

async function read(root: string) {
  const { opened, sources, diagnostics } = await readStudySources(root);
  return { sources, diagnostics: [...opened.diagnostics, ...diagnostics] };
}

const brief = (ds: { code: string; file?: string; line?: number }[]) =>
  ds
    .map((d) => [d.code, d.file?.endsWith('study.yaml') ? 'study.yaml' : (d.file?.split('/').slice(-2).join('/') ?? null), d.line ?? null])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])));

describe('reading the sources of a study', () => {
  it('derives ids from paths and takes kind, informant, role and meta from front matter and study.yaml', async () => {
    const root = makeStudy({
      'sources/interviews/w01.md': GOOD.replace('---\n', '---\ndate: 2021-11-02\nlokasi: Metro\n'),
      'sources/interviews/w02.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v P>Halo?</v>\n',
      'sources/documents/sop.docx': makeDocx(['SOP layanan.', 'Langkah dua.']),
      'sources/documents/rekap.pdf': makePdf([['Rekap 2021.']]),
      'sources/documents/turns.csv': 'speaker,text\nP,Apa?\nI,Ya.\n',
    });
    const { sources, diagnostics } = await read(root);
    // Only the caption file, whose one speaker is no informant, is said to have none.
    expect(diagnostics.map((d) => [d.code, d.file!.split('/').pop()])).toEqual([['source/no-informant', 'w02.vtt']]);
    expect(sources.map((s) => [s.id, s.format, s.kind, s.informant ?? null, s.role ?? null])).toEqual([
      ['documents/rekap', 'pdf', 'document', null, null],
      ['documents/sop', 'docx', 'document', null, null],
      ['documents/turns', 'csv', 'document', null, null],
      ['interviews/w01', 'md', 'interview', 'U1', 'user'],
      ['interviews/w02', 'vtt', 'interview', null, null],
    ]);
    const w01 = sources.find((s) => s.id === 'interviews/w01')!;
    expect(w01).toMatchObject({ date: '2021-11-02', meta: { lokasi: 'Metro' }, bodyLine: 6 });
    expect(w01.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sourceIdOf('sources/interviews/w01-kepala.md')).toBe('interviews/w01-kepala');
    expect(sourceIdOf('data/x.txt')).toBe('data/x');
  });

  it('gives each bad input one located diagnostic and still loads the rest', async () => {
    const root = makeStudy(
      {
        'sources/interviews/good.md': GOOD,
        'sources/interviews/empty.md': '---\ninformant: U1\n---\n\n   \n',
        'sources/interviews/binary.txt': new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0xff, 0xfe, 0, 0, 1, 2]),
        'sources/interviews/badfront.md': '---\ninformant: U1\ntitle: "unclosed\n---\nI: Tetap terbaca.\n',
        'sources/interviews/who.md': '---\ninformant: X7\n---\nI: Siapa?\n',
        'sources/interviews/audio.mp3': 'ID3',
        'sources/interviews/twin.md': 'I: satu\n',
        'sources/interviews/twin.txt': 'I: dua\n',
        'sources/documents/broken.pdf': '%PDF-1.4 nothing',
      },
      [
        'title: T',
        'case: C',
        'sources:',
        '  - glob: "sources/interviews/*"',
        '    kind: interview',
        '  - glob: "sources/documents/*"',
        '  - glob: "sources/observations/*"',
        '  - glob: "sources/missing.md"',
        '',
      ].join('\n'),
    );
    const { sources, diagnostics } = await read(root);
    expect(brief(diagnostics)).toEqual([
      ['source/binary', 'interviews/binary.txt', null],
      ['source/duplicate-id', 'interviews/twin.txt', null],
      ['source/empty', 'interviews/empty.md', 4],
      // The YAML parser notices the unclosed quote where the front matter ends.
      ['source/front-matter-invalid', 'interviews/badfront.md', 4],
      ['source/glob-no-match', 'study.yaml', 7],
      ['source/missing', 'study.yaml', 8],
      // No front matter and no informant label: said, but not for its twin, already left out.
      ['source/no-informant', 'interviews/twin.md', 1],
      ['source/pdf-invalid', 'documents/broken.pdf', null],
      ['source/unknown-extension', 'interviews/audio.mp3', null],
      ['source/unknown-informant', 'interviews/who.md', 2],
    ]);
    expect(sources.map((s) => s.id)).toEqual(['interviews/badfront', 'interviews/good', 'interviews/twin', 'interviews/who']);
    expect(diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
  });

  it('reads a 50 MB single-line file in linear time with one warning', async () => {
    const line = 'Petugas melayani peserta dengan cepat dll. lalu Dr. Ahmad datang. Server down lagi! ';
    const root = makeStudy(
      { 'sources/documents/big.txt': line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)) },
      'title: T\ncase: C\nsources:\n  - glob: "sources/documents/*"\n',
    );
    const t0 = Date.now();
    const opened = await readStudySources(root);
    const ms = Date.now() - t0;
    expect(opened.diagnostics.map((d) => d.code)).toEqual(['source/long-line']);
    expect(opened.segments).toHaveLength(1);
    expect(opened.segments[0]!.sentences.length).toBeGreaterThan(1_000_000);
    expect(ms).toBeLessThan(20_000);
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('keeps ids and segments of a source stable when unrelated files change (property)', async () => {
    const root = makeStudy({ 'sources/interviews/w05.md': GOOD });
    const before = (await readStudySources(root)).segments.filter((s) => s.sourceId === 'interviews/w05');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('w01', 'w09', 'a', 'z'), fc.string({ maxLength: 40 })), { maxLength: 3 }), async (extra) => {
        for (const [name, text] of extra) writeFileSync(join(root, 'sources/interviews', `${name}.md`), `P: ${text}\n`);
        const after = (await readStudySources(root)).segments.filter((s) => s.sourceId === 'interviews/w05');
        expect(after).toEqual(before);
        for (const [name] of extra) rmSync(join(root, 'sources/interviews', `${name}.md`), { force: true });
      }),
      { numRuns: 15 },
    );
  });
});
