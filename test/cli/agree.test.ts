import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { qia } from '../helpers/cli.js';

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qia-agree-'));
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
  // observers, twelve units, missing values; nominal alpha .743, interval .849.
  writeFileSync(
    file('k2011.csv'),
    [
      'unit,A,B,C,D',
      '1,1,1,,1',
      '2,2,2,3,2',
      '3,3,3,3,3',
      '4,3,3,3,3',
      '5,2,2,2,2',
      '6,1,2,3,4',
      '7,4,4,4,4',
      '8,1,1,2,1',
      '9,2,2,2,2',
      '10,,5,5,5',
      '11,,,1,1',
      '12,,3,,',
    ].join('\n') + '\n',
  );
  writeFileSync(file('two.csv'), 'unit,ana,budi\ns1,ya,ya\ns2,ya,tidak\ns3,tidak,tidak\ns4,ya,ya\n');
  writeFileSync(file('excel-id.csv'), '\uFEFFunit;koder 1;koder 2\r\nu1;2,5;3\r\nu2;4;4,5\r\nu3;1;1\r\n');
  writeFileSync(file('broken.csv'), 'unit,ana,budi\ns1,ya,ya\ns1,ya,tidak\ns3,"tidak"x,tidak\n');
  writeFileSync(file('labels.csv'), 'unit,a,b\nu1,1,dua\nu2,2,2\nu3,3,3\n');
});

describe('qia agree --matrix', () => {
  it('gives the JSON contract: overall with every statistic, null where one does not apply', () => {
    const r = qia(['agree', '--matrix', file('k2011.csv'), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { overall: Record<string, unknown>; per_code: Record<string, unknown>; level: string };
    for (const key of [
      'percent',
      'cohen_kappa',
      'fleiss_kappa',
      'krippendorff_alpha',
      'brennan_prediger',
      'n_units',
      'krippendorff_alpha_ci',
      'interpretation',
    ]) {
      expect(j.overall).toHaveProperty(key);
    }
    expect(j.overall['cohen_kappa']).toBeNull();
    expect(j.overall['krippendorff_alpha'] as number).toBeCloseTo(0.743, 3);
    expect(j.overall['n_units']).toBe(11);
    expect(j.overall['krippendorff_alpha_ci']).toHaveLength(2);
    expect(j.overall['interpretation']).toEqual({
      cohen_kappa: null,
      fleiss_kappa: 'kuat',
      brennan_prediger: 'kuat',
      krippendorff_alpha: 'hanya untuk kesimpulan sementara',
    });
    expect(j.per_code).toEqual({});
    expect(j.level).toBe('nominal');
  });

  it('is byte-identical on a rerun (the bootstrap is seeded), and the seed moves the interval', () => {
    const args = ['agree', '--matrix', file('k2011.csv'), '--format', 'json', '--level', 'interval'];
    const a = qia(args);
    expect(qia(args).stdout).toBe(a.stdout);
    expect(JSON.parse(a.stdout).overall.krippendorff_alpha).toBeCloseTo(0.849, 3);
    expect(qia([...args, '--seed', '7']).stdout).not.toBe(a.stdout);
    const none = JSON.parse(qia([...args, '--draws', '0']).stdout);
    expect(none.overall.krippendorff_alpha_ci).toBeNull();
    expect(none.bootstrap).toBeNull();
  });

  it('two coders: Cohen applies, English words, a confusion table under the table', () => {
    const r = qia(['agree', '--matrix', file('two.csv'), '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Cohen's κ");
    expect(r.stdout).toContain('0.500');
    expect(r.stdout).toContain('Confusion table: ana (rows) × budi (columns)');
    expect(r.stdout).toContain('Landis & Koch (1977)');
  });

  it('md is a real table, csv has one overall row, -o writes the file', () => {
    const md = qia(['agree', '--matrix', file('two.csv'), '--format', 'md']).stdout;
    expect(marked.lexer(md).filter((t) => t.type === 'table')).toHaveLength(2);
    const csv = qia(['agree', '--matrix', file('two.csv'), '--format', 'csv'])
      .stdout.trim()
      .split('\n');
    expect(csv[0]).toMatch(/^scope,code,level,n_units,/);
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/^overall,,nominal,4,4,2,8,75,0\.5,/);
    const out = join(dir, 'agree.json');
    const r = qia(['agree', '--matrix', file('two.csv'), '--format', 'json', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).overall.percent).toBe(75);
  });

  it('reads an Excel file saved in an Indonesian locale (BOM, semicolons, decimal commas)', () => {
    const r = qia(['agree', '--matrix', file('excel-id.csv'), '--level', 'interval', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).overall.n_pairable).toBe(6);
  });

  it('--coders keeps the named coders', () => {
    const r = qia(['agree', '--matrix', file('k2011.csv'), '--coders', 'A,B', '--format', 'json']);
    expect(JSON.parse(r.stdout).coders).toEqual(['A', 'B']);
    const bad = qia(['agree', '--matrix', file('k2011.csv'), '--coders', 'A,Z']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('[agree/unknown-coder]');
  });

  it('malformed CSV: diagnostics with file:line:column, exit 1, no crash, the readable rows still reported', () => {
    const r = qia(['agree', '--matrix', file('broken.csv'), '--format', 'json', '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file('broken.csv')}:3:1: error: unit "s1" already appeared on line 2; this row was left out [agree/duplicate-unit]`);
    expect(r.stderr).toMatch(/broken\.csv:4:1: error: unreadable CSV: invalid closing quote \[agree\/csv-syntax\]/);
    expect(r.stderr).not.toContain('[internal]');
    expect(JSON.parse(r.stdout).overall.n_units).toBe(1);
  });

  it('a label at the interval level is an error at its cell', () => {
    const r = qia(['agree', '--matrix', file('labels.csv'), '--level', 'interval', '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file('labels.csv')}:2:6: error: coder b: "dua" is not a number`);
  });

  it('usage problems exit 2: no file, a bad option', () => {
    const missing = qia(['agree', '--matrix', join(dir, 'nope.csv')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('[agree/no-file]');
    expect(qia(['agree', '--matrix', file('two.csv'), '--level', 'fuzzy']).status).toBe(2);
    expect(qia(['agree', '--matrix', file('two.csv'), '--draws', 'many']).status).toBe(2);
  });

  it('has help with an example', () => {
    const r = qia(['agree', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('$ qia agree --matrix codings.csv');
    expect(r.stdout).toContain('--level <level>');
  });
});
