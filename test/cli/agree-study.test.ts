import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qia } from '../helpers/cli.js';
import { writeTinyStudy } from '../conclude/agreement/tiny-study.js';

/** `qia agree <study>` as a user runs it: on a copy of the bundled sample, and on the hand-computed tiny study. */

const CONTRACT = ['percent', 'cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha', 'brennan_prediger', 'n_units'];
const TOP = ['compatibility', 'complexity', 'observability', 'obstacle_external', 'obstacle_internal', 'relative_advantage', 'trialability'];

let sample: string;
let tiny: string;
let json: string;
beforeAll(() => {
  sample = mkdtempSync(join(tmpdir(), 'qia-agree-study-'));
  cpSync('samples/lapak-asik', sample, { recursive: true });
  tiny = writeTinyStudy();
  json = qia(['agree', sample, '--format', 'json']).stdout;
});
afterAll(() => {
  rmSync(sample, { recursive: true, force: true });
  rmSync(tiny, { recursive: true, force: true });
});

type Stats = Record<string, unknown> & { valence: Record<string, unknown>; interpretation: Record<string, string | null> };
const parse = (s: string) =>
  JSON.parse(s) as {
    coders: string[];
    unit: string;
    overall: Stats;
    per_code: Record<string, Stats>;
    adjudication: Record<string, unknown>;
    coder_details: Array<Record<string, unknown>>;
  };

describe('qia agree <study>', () => {
  it('lapak-asik: coder-a against coder-b, every contract key a number, per code the seven top-level codes', () => {
    const j = parse(json);
    expect(j.coders).toEqual(['coder-a', 'coder-b']);
    expect(j.unit).toBe('segment');
    for (const k of CONTRACT) expect(typeof j.overall[k]).toBe('number');
    expect(Object.keys(j.per_code)).toEqual(TOP);
    for (const code of TOP) {
      for (const k of CONTRACT) expect(j.per_code[code]).toHaveProperty(k);
      expect(j.per_code[code]!['n_units']).toBe(54);
      expect(j.per_code[code]!.valence).toHaveProperty('krippendorff_alpha');
    }
    // Seven codes on the 54 informant turns both coders read.
    expect(j.overall['n_units']).toBe(54 * 7);
    expect(j.overall['krippendorff_alpha_ci']).toHaveLength(2);
    expect(j.adjudication).toMatchObject({ adjudicated: 0, adjudicators: [] });
    expect(j.adjudication['disagreements']).toBeGreaterThan(0);
  });

  it('reruns give the same bytes (the bootstrap is seeded)', () => {
    expect(qia(['agree', sample, '--format', 'json']).stdout).toBe(json);
  });

  it('with auto as a third coder, Cohen is null overall and per code; auto read every informant turn', () => {
    const j = parse(qia(['agree', sample, '--coders', 'coder-a,coder-b,auto', '--format', 'json', '--draws', '0']).stdout);
    expect(j.coders).toEqual(['coder-a', 'coder-b', 'auto']);
    expect(j.overall['cohen_kappa']).toBeNull();
    expect(j.overall.interpretation['cohen_kappa']).toBeNull();
    expect(typeof j.overall['fleiss_kappa']).toBe('number');
    for (const code of TOP) expect(j.per_code[code]!['cohen_kappa']).toBeNull();
    const auto = j.coder_details.find((c) => c['name'] === 'auto')!;
    expect(auto['units']).toBeGreaterThan(54);
  });

  it('--unit source, sentence, paragraph change the units: four sources, more sentences than turns', () => {
    const total = (unit: string) =>
      parse(qia(['agree', sample, '--unit', unit, '--format', 'json', '--draws', '0']).stdout).per_code['complexity']!['n_units_total'];
    expect(total('source')).toBe(4);
    const sentences = total('sentence') as number;
    expect(sentences).toBeGreaterThan(54 * 2);
    // The sample's turns have no blank lines inside: a paragraph is a turn.
    expect(total('paragraph')).toBe(54);
  });

  it('--lang en and id give the interpretation words in that language', () => {
    const en = parse(qia(['agree', sample, '--format', 'json', '--lang', 'en', '--draws', '0']).stdout);
    const id = parse(qia(['agree', sample, '--format', 'json', '--lang', 'id', '--draws', '0']).stdout);
    expect(en.overall.interpretation['krippendorff_alpha']).toBe('reliable');
    expect(id.overall.interpretation['krippendorff_alpha']).toBe('andal');
    expect(en.overall.interpretation['cohen_kappa']).toBe('almost perfect');
    expect(id.overall.interpretation['cohen_kappa']).toBe('hampir sempurna');
  });

  it('table, md and csv formats', () => {
    const table = qia(['agree', sample, '--lang', 'en']);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('Agreement of coder-a and coder-b on 54 segments');
    expect(table.stdout).toContain('coder-a (coder file; 54 segments read)');
    expect(table.stdout).toMatch(/│ obstacle_external +│ +54 │/);
    expect(table.stdout).toMatch(/Disagreements: \d+ unit × code pairs, 0 adjudicated\./);
    const md = qia(['agree', sample, '--format', 'md', '--draws', '0']).stdout;
    const tables = marked.lexer(md).filter((t) => t.type === 'table') as Array<{ rows: unknown[] }>;
    expect(tables).toHaveLength(2);
    expect(tables.map((t) => t.rows.length)).toEqual([8, 8]);
    const csv = qia(['agree', sample, '--format', 'csv', '--draws', '0']).stdout.trim().split('\n');
    expect(csv[0]).toMatch(/^scope,code,figure,unit,level,n_units,/);
    // Overall presence and valence, then both for each of the seven codes.
    expect(csv).toHaveLength(1 + 2 + 7 * 2);
    expect(csv[1]).toMatch(/^overall,,presence,segment,nominal,378,/);
    expect(csv[3]).toMatch(/^code,relative_advantage,presence,segment,nominal,54,/);
  });

  it('usage errors exit 2: an unknown coder, one coder, an unknown code', () => {
    const unknown = qia(['agree', tiny, '--coders', 'ana,zaki', '--lang', 'en']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no coder "zaki" in this study; its coders are ana, budi, auto [agree/unknown-coder]');
    expect(qia(['agree', tiny, '--coders', 'ana']).stderr).toContain('[agree/coders]');
    const code = qia(['agree', tiny, '--codes', 'kemudahan', '--lang', 'en']);
    expect(code.status).toBe(2);
    expect(code.stderr).toContain('no code "kemudahan" in the codebook [agree/unknown-code]');
  });
});

describe('qia agree on the tiny study (figures worked by hand in tiny-study.ts)', () => {
  it('percent agreement 40/42 and Cohen 286/370; complexity 5/6 and 0; valence 75 % and 0.5', () => {
    const r = qia(['agree', tiny, '--format', 'json', '--draws', '0']);
    expect(r.stderr).toBe('');
    const j = parse(r.stdout);
    expect(j.overall['percent']).toBeCloseTo((40 / 42) * 100, 10);
    expect(j.overall['cohen_kappa']).toBeCloseTo(286 / 370, 10);
    expect(j.overall['n_units']).toBe(42);
    expect(j.per_code['complexity']!['percent']).toBeCloseTo(500 / 6, 10);
    expect(j.per_code['complexity']!['cohen_kappa']).toBeCloseTo(0, 10);
    expect(j.overall.valence['percent']).toBe(75);
    expect(j.overall.valence['cohen_kappa']).toBeCloseTo(0.5, 10);
  });

  it('--disagreements: the three units with their words and who coded what, in md, csv and json', () => {
    const md = qia(['agree', tiny, '--disagreements', '--format', 'md', '--lang', 'en']).stdout;
    expect(md).toContain('3 disagreements (segment × code), 0 adjudicated.');
    const [list, pair] = marked.lexer(md).filter((t) => t.type === 'table') as Array<{ header: Array<{ text: string }>; rows: Array<Array<{ text: string }>> }>;
    expect(list!.rows.map((r) => [r[0]!.text, r[1]!.text, r[3]!.text, r[4]!.text])).toEqual([
      ['interviews/w1-ani, line 8', 'complexity', 'ana − [complexity.ease_of_use]', 'budi'],
      [
        'interviews/w2-beni, line 6',
        'relative_advantage (valence differs)',
        'ana + [relative_advantage.time_saving]; budi − [relative_advantage.time_saving]',
        '',
      ],
      ['interviews/w3-citra, lines 8–10', 'trialability', 'budi + [trialability.trial]', 'ana'],
    ]);
    expect(list!.rows[0]![2]!.text).toBe('Aplikasinya sulit dipakai, saya bingung mengisi formulirnya.');
    expect(pair!.header.map((h) => h.text)).toEqual(['code', 'both', 'only ana', 'only budi', 'neither', 'valence where both applied']);
    expect(pair!.rows.at(-1)!.map((c) => c.text)).toEqual(['overall', '4', '1', '1', '36', '+/+ 2, −/− 1, +/− 1']);

    const csv = qia(['agree', tiny, '--disagreements', '--format', 'csv']).stdout.trim().split('\r\n');
    expect(csv[0]).toBe('unit,source,line,end_line,code,kind,text,applied,not_applied,missing,adjudicated');
    expect(csv).toHaveLength(4);
    expect(csv[2]).toBe(
      'interviews/w2-beni:2,interviews/w2-beni,6,6,relative_advantage,valence,"Hemat waktu memang, tapi saya tetap menunggu tiga minggu.",ana +; budi -,,,',
    );

    const j = JSON.parse(qia(['agree', tiny, '--disagreements', '--format', 'json']).stdout) as {
      summary: unknown;
      disagreements: Array<Record<string, unknown>>;
      pairs: Array<{ per_code: Record<string, Record<string, unknown>> }>;
    };
    expect(j.summary).toEqual({ adjudicated: 0, adjudicators: [], disagreements: 3 });
    expect(j.disagreements[2]).toMatchObject({
      unit: 'interviews/w3-citra:4',
      code: 'trialability',
      applied: [{ coder: 'budi', valence: 1, codes: ['trialability.trial'] }],
      not_applied: ['ana'],
    });
    expect(j.pairs[0]!.per_code['relative_advantage']).toMatchObject({
      both: 2,
      only_a: 0,
      only_b: 0,
      neither: 4,
      valence: { '+': { '+': 1, '-': 1, '0': 0 } },
    });
  });

  it('-o writes the listing to a file', () => {
    const out = join(tiny, 'dis.json');
    const r = qia(['agree', tiny, '--disagreements', '--format', 'json', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.disagreements).toBe(3);
  });
});
