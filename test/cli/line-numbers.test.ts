import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { qia } from '../helpers/cli.js';

/*
 * One line-number scheme: every command that shows where a coded quote is gives the line of the
 * file an editor shows the quote's first words on — for caption files too, whose text is not the
 * file's own lines (cue numbers, timing lines and blank lines sit between the words).
 */

const VTT = `WEBVTT

NOTE rekaman kantor kecamatan

00:00:01.000 --> 00:00:04.000
<v Pewawancara>Bagaimana pengalaman Ibu dengan antrean online?

00:00:05.000 --> 00:00:09.000
<v S1>Lebih cepat, tidak perlu antre dari subuh lagi.

00:00:10.000 --> 00:00:14.000
<v S1>Tapi aplikasinya sulit dipakai oleh warga lanjut usia,
sinyal di desa juga lemah.

00:00:15.000 --> 00:00:18.000
<v Pewawancara>Apakah ada pelatihan?

00:00:19.000 --> 00:00:24.000
<v S1>Belum ada pelatihan untuk staf, kami belajar sendiri.
`;

const SRT = `1
00:00:01,000 --> 00:00:04,000
Pewawancara: Apa manfaatnya bagi Bapak?

2
00:00:05,000 --> 00:00:09,000
U1: Hemat waktu, tidak perlu bolak-balik ke kantor.

3
00:00:10,000 --> 00:00:14,000
U1: Tapi server sering gangguan,
jadi harus mengulang pendaftaran.
`;

const MD = `---
kind: interview
informant: K1
---
P: Apa kendala utamanya?

I: Sinyal di desa lemah, jadi aplikasi sering gagal. Pelatihan staf juga belum ada.
`;

let study: string;
const files: Record<string, string> = {
  'interviews/w02-staf': VTT,
  'interviews/w03-warga': SRT,
  'interviews/w01-kepala': MD,
};

interface Row {
  segment: string;
  source: string;
  line: string;
  code: string;
  quote: string;
  start: string;
}

let rows: Row[];

/** The file line an editor shows the first words of a quote on (searched, not computed). */
function editorLine(sourceId: string, quote: string): number {
  const head = quote.split(/\s+/).slice(0, 3).join(' ').replace(/[.,]$/, '');
  const lines = files[sourceId]!.split('\n');
  const i = lines.findIndex((l) => l.includes(head));
  expect(i, `"${head}" in ${sourceId}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

const key = (segment: string, code: string) => `${segment}|${code}`;

beforeAll(() => {
  study = join(mkdtempSync(join(tmpdir(), 'qia-lines-')), 'study');
  mkdirSync(join(study, 'sources/interviews'), { recursive: true });
  writeFileSync(
    join(study, 'study.yaml'),
    'title: "Baris"\ncase: "Baris"\nlanguage: id\ncodebook: builtin:rogers\ninformants: informants.csv\nsources:\n  - glob: "sources/interviews/*"\n    kind: interview\n',
  );
  writeFileSync(join(study, 'informants.csv'), 'id,label,role,group\nK1,Bpk. HS,head,provider\nS1,Ibu DW,staff,provider\nU1,Sdr. RA,user,user\n');
  writeFileSync(join(study, 'sources/interviews/w02-staf.vtt'), VTT);
  writeFileSync(join(study, 'sources/interviews/w03-warga.srt'), SRT);
  writeFileSync(join(study, 'sources/interviews/w01-kepala.md'), MD);
  const run = qia(['run', study]);
  expect(run.status, run.stderr).toBe(0);
  rows = parse(readFileSync(join(study, 'out/codings.csv'), 'utf8'), { columns: true }) as Row[];
});

describe('one line-number scheme', () => {
  it('codings.csv gives the line an editor shows the quoted words on, for vtt, srt and md', () => {
    const formats = new Set(rows.map((r) => r.source));
    expect([...formats].sort()).toEqual(['interviews/w01-kepala', 'interviews/w02-staf', 'interviews/w03-warga']);
    for (const r of rows) expect(Number(r.line), `${r.segment} ${r.code} “${r.quote}”`).toBe(editorLine(r.source, r.quote));
    // The cue text, not its timing line (18) nor the line of the joined text.
    expect(rows.find((r) => r.code === 'obstacle_internal.staff_skills' && r.source === 'interviews/w02-staf')?.line).toBe('19');
  });

  it('qia query, --explain, condense, --cell and kwic agree with codings.csv', () => {
    const expected = new Map(rows.map((r) => [key(r.segment, r.code), Number(r.line)]));
    const seen = (what: string, segment: string, code: string, line: number) => {
      const want = expected.get(key(segment, code));
      if (want !== undefined) expect(line, `${what}: ${segment} ${code}`).toBe(want);
      return want !== undefined;
    };

    const query = (JSON.parse(qia(['query', study, '--code', 'obstacle_internal', '--format', 'json']).stdout) as { rows: Record<string, string>[] }).rows;
    expect(query.length).toBeGreaterThan(0);
    for (const q of query) expect(seen('query', q['segment']!, q['code']!, Number(q['lines']!.split('-')[0]))).toBe(true);

    const explain = qia(['code', study, '--explain']).stdout;
    let explained = 0;
    for (const m of explain.matchAll(/^(\S+:\d+)\s+line (\d+)\s.*?\s([a-z_]+(?:\.[a-z_]+)?) [+−-]/gmu)) {
      expect(seen('--explain', m[1]!, m[3]!, Number(m[2]))).toBe(true);
      explained++;
    }
    expect(explained).toBe(rows.length);

    const condense = qia(['condense', study, '--format', 'json']).stdout;
    let refs = 0;
    for (const m of condense.matchAll(
      /"code": "([^"]+)",\s*"coder": "[^"]+",\s*"coding": "[^"]+",\s*"endLine": \d+,\s*(?:"informant": "[^"]+",\s*)?"line": (\d+),\s*"segmentId": "([^"]+)"/g,
    )) {
      expect(seen('condense', m[3]!, m[1]!, Number(m[2]))).toBe(true);
      refs++;
    }
    expect(refs).toBeGreaterThan(0);

    const cell = JSON.parse(qia(['matrix', study, '--type', 'role', '--cell', 'staff,obstacle_internal', '--format', 'json']).stdout) as {
      cells: { refs: { segmentId: string; code: string; line: number }[] }[];
    };
    const cellRefs = cell.cells.flatMap((c) => c.refs);
    expect(cellRefs.length).toBeGreaterThan(0);
    for (const r of cellRefs) expect(seen('--cell', r.segmentId, r.code, r.line)).toBe(true);

    const kwic = (JSON.parse(qia(['kwic', 'pelatihan', study, '--format', 'json']).stdout) as { rows: { source: string; line: number; keyword: string }[] })
      .rows;
    // The interviewer's question on line 16, the answer's cue text on line 19.
    expect(kwic.filter((k) => k.source === 'interviews/w02-staf').map((k) => k.line)).toEqual([16, 19]);
  });

  it('the report cites the same line, written so it is not taken for a segment id', () => {
    const expected = new Map(rows.map((r) => [key(r.segment, r.code), Number(r.line)]));
    const report = readFileSync(join(study, 'out/report.json'), 'utf8');
    let quotes = 0;
    for (const m of report.matchAll(/"code": "([^"]+)",[^{}]*?"line": (\d+),[^{}]*?"segmentId": "([^"]+)"/g)) {
      const want = expected.get(key(m[3]!, m[1]!));
      expect(want, `${m[3]} ${m[1]}`).toBeDefined();
      expect(Number(m[2]), `report: ${m[3]} ${m[1]}`).toBe(want);
      quotes++;
    }
    expect(quotes).toBeGreaterThan(0);
    const md = readFileSync(join(study, 'out/report.md'), 'utf8');
    expect(md).toContain('`interviews/w02-staf, baris 19`');
    expect(md).not.toMatch(/`interviews\/w0\d-[a-z]+:\d+`/);
    const html = readFileSync(join(study, 'out/report.html'), 'utf8');
    expect(html).toContain('<code>interviews/w02-staf, baris 19</code>');
  });
});
