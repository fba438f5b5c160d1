import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseManualCsv, resolveManualRows } from '../../src/coding/manual.js';
import { SegmentIndex, SourceIndex } from '../../src/coding/lookup.js';
import { Diagnostics } from '../../src/util/diagnostics.js';
import { build } from './build.js';

const W01 = build(
  'interviews/w01-kepala',
  [
    'P: Bagaimana prosesnya sekarang?',
    'K1: Prosesnya jauh lebih cepat. Peserta tidak perlu antre di kantor lagi.',
    'P: Ada kendala?',
    'K1: Kadang server down kalau klaim sedang banyak.',
  ].join('\n'),
);
const W02 = build('interviews/w02-peserta', 'P: Mudah?\nU1: Aplikasinya mudah dipakai, saya bisa sendiri.');
const CODES = new Set([
  'relative_advantage',
  'relative_advantage.time_saving',
  'complexity',
  'complexity.ease_of_use',
  'obstacle_internal',
  'obstacle_internal.server_system',
]);

function ctx(sources = [W01, W02]) {
  return {
    sources: new SourceIndex(sources.map((s) => s.source)),
    segments: new SegmentIndex(sources.flatMap((s) => s.segments)),
    codes: CODES,
  };
}

function load(csv: string, sources = [W01, W02]) {
  const diags = new Diagnostics();
  const rows = parseManualCsv(csv, 'codings/rina.csv', 'rina', diags);
  const codings = resolveManualRows(rows, ctx(sources), diags);
  return { codings, diags: diags.items };
}

const HEADER = 'source,segment,quote,code,valence,coder,memo\n';

describe('manual coding CSV', () => {
  it('loads rows by segment, by quote, and by both', () => {
    const { codings, diags } = load(
      HEADER +
        'interviews/w01-kepala,interviews/w01-kepala:2,,relative_advantage.time_saving,+,,whole turn\n' +
        'interviews/w01-kepala,,server down,obstacle_internal.server_system,-1,budi,\n' +
        'sources/interviews/w02-peserta.md,2,mudah dipakai,complexity.ease_of_use,1,,\n',
    );
    expect(diags).toEqual([]);
    expect(codings).toHaveLength(3);
    const [a, b, c] = codings;
    expect(a).toMatchObject({
      segmentId: 'interviews/w01-kepala:2',
      code: 'relative_advantage.time_saving',
      valence: 1,
      coder: 'rina',
      origin: 'manual',
      memo: 'whole turn',
      from: { file: 'codings/rina.csv', line: 2 },
    });
    expect(a!.quote).toBe('Prosesnya jauh lebih cepat. Peserta tidak perlu antre di kantor lagi.');
    expect(b).toMatchObject({ segmentId: 'interviews/w01-kepala:4', quote: 'server down', valence: -1, coder: 'budi' });
    expect(W01.source.text.slice(b!.span.start, b!.span.end)).toBe('server down');
    expect(b!.prefix.endsWith('Kadang ')).toBe(true);
    expect(c).toMatchObject({ segmentId: 'interviews/w02-peserta:2', sourceId: 'interviews/w02-peserta', quote: 'mudah dipakai' });
  });

  it('reports a missing header column on line 1 and loads nothing from that file', () => {
    const { codings, diags } = load('source,quote,valence\ninterviews/w01-kepala,server down,-\n');
    expect(codings).toEqual([]);
    expect(diags.map((d) => [d.code, d.line, d.file])).toEqual([['coding/missing-column', 1, 'codings/rina.csv']]);
  });

  it('reports each bad row with its line and still loads the good ones', () => {
    const { codings, diags } = load(
      HEADER +
        'interviews/w01-kepala,,server down,obstacle_internal.server_system,-,,\n' + // 2 ok
        'interviews/w01-kepala,,server down,obstacle_internal.servers,-,,\n' + // 3 unknown code
        'interviews/w09,,server down,obstacle_internal,-,,\n' + // 4 unknown source
        'interviews/w01-kepala,interviews/w01-kepala:17,,complexity,+,,\n' + // 5 unknown segment
        'interviews/w01-kepala,,aplikasi sering error saat login,complexity,-,,\n' + // 6 quote nowhere
        'interviews/w01-kepala,,server down,obstacle_internal,minus,,\n' + // 7 bad valence
        'interviews/w01-kepala,,server down\n' + // 8 short row
        'interviews/w01-kepala,,"multi\nline quote",,+,,\n' + // 9 no code
        'interviews/w02-peserta,2,,complexity,+,,\n', // 11 ok
    );
    expect(codings.map((c) => c.from?.line)).toEqual([2, 11]);
    expect([...diags].sort((a, b) => a.line! - b.line!).map((d) => [d.line, d.code, d.severity])).toEqual([
      [3, 'coding/unknown-code', 'error'],
      [4, 'coding/unknown-source', 'error'],
      [5, 'coding/unknown-segment', 'error'],
      [6, 'coding/unanchored', 'error'],
      [7, 'coding/bad-valence', 'error'],
      [8, 'coding/missing-column', 'error'],
      [9, 'coding/missing-value', 'error'],
    ]);
    expect(diags.every((d) => d.file === 'codings/rina.csv')).toBe(true);
  });

  it('re-anchors a quote whose segment moved after the transcript was edited, and says so', () => {
    const edited = build('interviews/w01-kepala', 'P: Pertanyaan baru di awal?\nK1: Jawaban baru.\n' + W01.source.text);
    const { codings, diags } = load(HEADER + 'interviews/w01-kepala,interviews/w01-kepala:4,server down,obstacle_internal,-,,\n', [edited, W02]);
    expect(codings).toHaveLength(1);
    expect(codings[0]!.segmentId).toBe('interviews/w01-kepala:6');
    expect(diags.map((d) => [d.code, d.severity, d.line])).toEqual([['coding/moved', 'info', 2]]);
  });

  it('places a quote whose words were edited, with a warning, and reports one that is gone', () => {
    const edited = build('interviews/w01-kepala', W01.source.text.replace('tidak perlu antre di kantor lagi', 'tidak usah antri di kantor lagi'));
    const { codings, diags } = load(
      HEADER +
        'interviews/w01-kepala,2,tidak perlu antre di kantor lagi,relative_advantage,+,,\n' +
        'interviews/w01-kepala,,server down kalo klaim,obstacle_internal,-,,\n',
      [edited, W02],
    );
    expect(codings).toHaveLength(2);
    expect(codings[0]!.quote).toBe('tidak usah antri di kantor lagi');
    expect(diags.map((d) => d.code)).toEqual(['coding/quote-changed', 'coding/quote-changed']);
    const gone = load(HEADER + 'interviews/w01-kepala,2,peserta datang ke kantor pagi-pagi,relative_advantage,+,,\n', [edited, W02]);
    expect(gone.codings).toEqual([]);
    expect(gone.diags.map((d) => [d.code, d.line])).toEqual([['coding/unanchored', 2]]);
  });

  it('prefers the given prefix/suffix among repeated quotes', () => {
    const twice = build('interviews/w01-kepala', 'K1: cepat sekali. Lalu cepat juga untuk klaim.');
    const { codings, diags } = load('source,quote,code,valence,prefix,suffix\ninterviews/w01-kepala,cepat,relative_advantage,+,Lalu ,juga\n', [twice]);
    expect(diags).toEqual([]);
    expect(codings[0]!.span.start).toBe(twice.source.text.indexOf('cepat juga'));
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', 'source', 'code', 'quote', '+', ':', ' ', '2') }), (s) => {
        const r = load(s);
        for (const d of r.diags) expect(d.line ?? 1).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
