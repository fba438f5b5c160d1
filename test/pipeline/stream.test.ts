import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RowMaker, codingsCsv } from '../../src/render/coding-rows.js';
import type { Analysis } from '../../src/model/analysis.js';
import { codeStudy } from '../../src/pipeline/run.js';
import { openStudy } from '../../src/study/open.js';
import { formatDiagnostic, sortDiagnostics } from '../../src/util/diagnostics.js';
import { qia, ROOT } from '../helpers/cli.js';

/**
 * The pipeline lets each source's text go once it is coded, keeping whole only the sources that
 * coders' files and the review file name: it must give what it gives with every text kept, byte
 * for byte, on a study with everything manual coding can throw at it: coder rows naming sources
 * by id, path and segment only, rows that fail, an edited transcript, inline tags, a review file
 * and two files with one id. And the number of threads must not change a byte.
 */
let study: string;

beforeAll(() => {
  study = join(mkdtempSync(join(tmpdir(), 'qia-stream-')), 'study');
  cpSync(join(ROOT, 'samples/lapak-asik'), study, { recursive: true });
  writeFileSync(
    join(study, 'codings/coder-c.csv'),
    [
      'source,segment,quote,code,valence,coder,memo',
      ',interviews/w01-kepala-cabang:8,,compatibility.needs,+,,segment only',
      'sources/interviews/w05-peserta-kartika.md,,Kata om-ku dulu tahun 2018,relative_advantage,+,,by path',
      'interviews/w07-peserta-nurhayati,3,,complexity,-,,segment number',
      'interviews/w02-penata-pelayanan,interviews/w09-peserta-harjono:4,,complexity,-,,another source',
      'interviews/nope,,something,complexity,+,,',
      'interviews/w08-peserta-rudi,,this quote is nowhere,complexity,+,,',
      ',w10-hrd-perusahaan:2,,trialability,+,,',
      './interviews/w01-kepala-cabang.md,,LAPAK ASIK,observability,+,,',
    ].join('\n') + '\n',
  );
  writeFileSync(
    join(study, 'codings/review.csv'),
    'segment,code,decision,note\ninterviews/w01-kepala-cabang:6,observability,reject,\nnothere:3,complexity,reject,\n',
  );
  const w01 = join(study, 'sources/interviews/w01-kepala-cabang.md');
  writeFileSync(w01, readFileSync(w01, 'utf8').replace('Pabrik merumahkan orang', 'Pabrik merumahkan karyawan'));
  const w05 = join(study, 'sources/interviews/w05-peserta-kartika.md');
  const text = readFileSync(w05, 'utf8').replace(/^Kartika: /m, 'Kartika: {{complexity-}}Agak ribet{{/}} juga. ');
  writeFileSync(w05, text);
  writeFileSync(join(study, 'sources/interviews/w05-peserta-kartika.txt'), text);
});

function everything(a: Analysis): string {
  const rows = new RowMaker(a);
  return [
    codingsCsv(a.codings.map((c) => rows.row(c))),
    sortDiagnostics(a.diagnostics).map(formatDiagnostic).join('\n'),
    String(a.sources.length),
    JSON.stringify(a.segments),
  ].join('\n--\n');
}

describe('the pipeline', () => {
  it(
    'gives the codings, diagnostics and coded segments it gives with every text kept, though it keeps only the sources manual codings name',
    { timeout: 60_000 },
    async () => {
      const opened = await openStudy(study);
      const lean = await codeStudy(opened, { jobs: 1 });
      const full = await codeStudy(opened, { jobs: 1, texts: true });
      expect(everything(lean.analysis)).toBe(everything(full.analysis));
      expect(lean.analysis.diagnostics.some((d) => d.code === 'source/duplicate-id')).toBe(true);
      expect(lean.analysis.codings.some((c) => c.origin === 'inline')).toBe(true);
      expect(lean.analysis.codings.some((c) => c.coder === 'coder-c' && c.sourceId === 'interviews/w09-peserta-harjono')).toBe(true);
      expect(full.corpus.sources.map((s) => s.id)).toEqual(lean.analysis.sources.map((s) => s.id));
    },
  );

  it('writes the same codings.csv with --jobs 1 and --jobs 2', () => {
    const one = qia(['code', study, '--jobs', '1', '--out', join(study, 'out1')]);
    const two = qia(['code', study, '--jobs', '2', '--out', join(study, 'out2')]);
    expect(one.status).toBe(1); // the duplicate id and the bad rows are errors
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout.replace('out1', 'out2'));
    expect(two.stderr).toBe(one.stderr);
    const csv = readFileSync(join(study, 'out1/codings.csv'), 'utf8');
    expect(csv.split('\n').length).toBeGreaterThan(100);
    expect(readFileSync(join(study, 'out2/codings.csv'), 'utf8')).toBe(csv);
  }, 120_000);

  it('qia run writes the same files with --jobs 1 and --jobs 2', () => {
    const sample = join(ROOT, 'samples/lapak-asik');
    const dirs = [join(study, 'run1'), join(study, 'run2')];
    expect(qia(['run', sample, '--jobs', '1', '--out', dirs[0]!]).status).toBe(0);
    expect(qia(['run', sample, '--jobs', '2', '--out', dirs[1]!]).status).toBe(0);
    for (const f of ['codings.csv', 'report.md', 'matrix-role.csv', 'audit.json']) {
      expect(readFileSync(join(dirs[1]!, f), 'utf8')).toBe(readFileSync(join(dirs[0]!, f), 'utf8'));
    }
  }, 180_000);

  it('refuses a --jobs that is not a whole number of at least 1', () => {
    const r = qia(['code', study, '--jobs', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--jobs 0 is not a whole number');
  });
});
