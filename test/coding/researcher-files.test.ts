import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SegmentIndex, SourceIndex } from '../../src/coding/lookup.js';
import { resolveManualRows } from '../../src/coding/manual.js';
import { readResearcherFiles } from '../../src/study/researcher-files.js';
import { Diagnostics } from '../../src/util/diagnostics.js';
import type { Codebook } from '../../src/model/codebook.js';

const CODEBOOK: Codebook = { id: 't', version: '1', languages: ['id'], codes: [], file: '' };
const shortFile = <T extends { file?: string }>(d: T): T => ({ ...d, file: d.file?.slice(d.file.indexOf('codings/')) });
import { build } from './build.js';

const W02 = build('interviews/w02', 'P: Bagaimana?\nU1: Aplikasinya mudah dipakai, cafénya juga “nyaman”.');
const ctx = { sources: new SourceIndex([W02.source]), segments: new SegmentIndex(W02.segments), codes: new Set(['complexity']) };
const HEADER = 'source,segment,quote,code,valence,coder,memo\n';

function studyWith(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'qia-codings-'));
  mkdirSync(join(root, 'codings'));
  for (const [name, content] of Object.entries(files)) {
    if (content === '<dir>') mkdirSync(join(root, 'codings', name));
    else writeFileSync(join(root, 'codings', name), content);
  }
  return root;
}

function utf16le(s: string): Uint8Array {
  const b = Buffer.from('\ufeff' + s, 'utf16le');
  return new Uint8Array(b);
}

/** The coder files of a study as `openStudy` reads them, placed in the transcript as the pipeline places them. */
async function load(files: Record<string, string | Uint8Array>) {
  const read = await readResearcherFiles(studyWith(files), CODEBOOK);
  const diags = new Diagnostics();
  const codings = read.coderFiles.flatMap((f) => resolveManualRows(f.rows, ctx, f.diags));
  for (const f of read.coderFiles) for (const d of f.diags.items) diags.add(d);
  return { codings, diags: diags.items.map(shortFile) };
}

describe('coder files as spreadsheet programs save them', () => {
  it('reads a UTF-16 coder file (Excel "Unicode text") like a UTF-8 one', async () => {
    const { codings, diags } = await load({ 'rina.csv': utf16le(HEADER + 'interviews/w02,,cafénya juga “nyaman”,complexity,+,,\r\n') });
    expect(diags.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(codings.map((c) => [c.segmentId, c.quote, c.coder])).toEqual([['interviews/w02:2', 'cafénya juga “nyaman”', 'rina']]);
  });

  it('reads a Windows-1252 coder file with accents and curly quotes, with a warning', async () => {
    const bytes = Buffer.concat([
      Buffer.from(HEADER + 'interviews/w02,,caf'),
      Buffer.from([0xe9]),
      Buffer.from('nya juga '),
      Buffer.from([0x93]),
      Buffer.from('nyaman'),
      Buffer.from([0x94]),
      Buffer.from(',complexity,+,,\n'),
    ]);
    const { codings, diags } = await load({ 'budi.csv': new Uint8Array(bytes) });
    expect(codings.map((c) => c.quote)).toEqual(['cafénya juga “nyaman”']);
    expect(diags.map((d) => [d.code, d.severity, d.file])).toEqual([['coding/encoding', 'warning', 'codings/budi.csv']]);
  });

  it('skips a folder named like a coder file and reports a binary one, loading the others', async () => {
    const { codings, diags } = await load({
      'old.csv': '<dir>',
      'scan.csv': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0]),
      'rina.csv': HEADER + 'interviews/w02,2,,complexity,+,,\n',
    });
    expect(codings.map((c) => c.coder)).toEqual(['rina']);
    expect(diags.map((d) => [d.code, d.file])).toEqual([['coding/unreadable', 'codings/scan.csv']]);
  });

  it('warns about a row with more fields than the header: a comma in an unquoted memo', async () => {
    const { codings, diags } = await load({ 'rina.csv': HEADER + 'interviews/w02,2,,complexity,+,,mudah, tapi lambat\n' });
    expect(codings).toHaveLength(1);
    expect(diags.map((d) => [d.code, d.severity, d.line])).toEqual([['coding/extra-field', 'warning', 2]]);
  });

  it('reads a UTF-16 review file', async () => {
    const root = studyWith({ 'review.csv': utf16le('segment,code,decision\r\ninterviews/w02:2,complexity,reject\r\n') });
    const read = await readResearcherFiles(root, CODEBOOK);
    expect(read.review.map((d) => [d.segment, d.code, d.decision])).toEqual([['interviews/w02:2', 'complexity', 'reject']]);
    expect(read.reviewDiagnostics).toEqual([]);
  });
});
