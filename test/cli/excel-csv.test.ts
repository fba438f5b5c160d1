import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { qia, ROOT } from '../helpers/cli.js';

/**
 * `--excel`: the CSV a spreadsheet in a comma-decimal locale (Indonesian) opens right: UTF-8 BOM,
 * `;` between fields, the same cells as the plain CSV. LibreOffice headless (from .ci/run) reads
 * the files back; without `soffice` that part skips, except under CI.
 */
const SAMPLE = join(ROOT, 'samples/lapak-asik');
const SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const CI = process.env['CI'] === 'true';

function cellsOf(text: string, delimiter: string): string[][] {
  return parse(text, { bom: true, delimiter, relax_column_count: true }) as string[][];
}

describe('--excel CSV', () => {
  it('matrix, code, query and codebook export: BOM, `;`, CRLF, and the same cells as the plain CSV', () => {
    const runs: [string[], string][] = [
      [['matrix', SAMPLE, '--type', 'role', '--format', 'csv'], 'matrix'],
      [['code', SAMPLE, '--format', 'csv'], 'code'],
      [['query', SAMPLE, '--code', 'complexity', '--format', 'csv'], 'query'],
      [['codebook', 'export', '--format', 'csv'], 'codebook'],
      [['kwic', 'mudah', SAMPLE, '--format', 'csv'], 'kwic'],
    ];
    for (const [args, name] of runs) {
      const plain = qia(args);
      const excel = qia([...args, '--excel']);
      expect(plain.status, `${name}: ${plain.stderr}`).toBe(0);
      expect(excel.status, `${name}: ${excel.stderr}`).toBe(0);
      expect(plain.stdout.startsWith('\uFEFF'), name).toBe(false);
      expect(excel.stdout.startsWith('\uFEFF'), name).toBe(true);
      expect(excel.stdout.split('\r\n')[0], name).toContain(';');
      expect(excel.stdout.replace(/\r\n/g, ''), name).not.toContain('\n\n');
      expect(cellsOf(excel.stdout, ';'), name).toEqual(cellsOf(plain.stdout, ','));
    }
  });

  it('qia run --excel writes codings.csv and every matrix CSV in the spreadsheet form', () => {
    const out = mkdtempSync(join(tmpdir(), 'qia-excel-run-'));
    const r = qia(['run', SAMPLE, '--out', out, '--excel']);
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['codings.csv', 'matrix-role.csv', 'matrix-time.csv']) {
      const text = readFileSync(join(out, f), 'utf8');
      expect(text.startsWith('\uFEFF'), f).toBe(true);
      expect(cellsOf(text, ';')[0]!.length, f).toBeGreaterThan(2);
    }
  });

  describe.skipIf(!SOFFICE && !CI)('in LibreOffice (soffice --headless)', () => {
    it('reads a matrix CSV and codings.csv with the right characters, one cell per field', () => {
      const dir = mkdtempSync(join(tmpdir(), 'qia-lo-'));
      const out = join(dir, 'out');
      // mobile-service: its quotes carry a dash (—) and its matrices curly quotes and a minus sign.
      expect(qia(['run', join(ROOT, 'samples/mobile-service'), '--out', out, '--excel']).status).toBe(0);
      for (const f of ['matrix-role.csv', 'codings.csv']) {
        // UTF-8 and `;`, as a user picks them in the import dialog (the command line's default
        // filter takes the system charset and a comma, whatever the file says).
        const lo = spawnSync(
          'soffice',
          [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--infilter=CSV:59,34,76,1', '--convert-to', 'html', '--outdir', dir, join(out, f)],
          { encoding: 'utf8', timeout: 180_000 },
        );
        expect(lo.status, lo.stderr).toBe(0);
        const html = readFileSync(join(dir, f.replace(/\.csv$/, '.html')), 'utf8');
        const rows = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].length);
        const csv = cellsOf(readFileSync(join(out, f), 'utf8'), ';');
        expect(rows.length, f).toBe(csv.length);
        expect(Math.max(...rows), f).toBe(csv[0]!.length);
        expect(html, f).not.toMatch(/â€|âˆ|Ã|ï»¿/);
        const wide = [
          ...new Set(
            csv
              .flat()
              .join('')
              .replace(/[\x00-\x7f]/g, ''),
          ),
        ];
        expect(wide.length, f).toBeGreaterThan(0);
        for (const ch of wide) expect(html, `${f}: ${ch}`).toContain(ch);
      }
    }, 240_000);

    it('reads the decimal comma of --excel numbers as numbers in an Indonesian locale', () => {
      const dir = mkdtempSync(join(tmpdir(), 'qia-lo-num-'));
      const matrix = join(dir, 'm.csv');
      writeFileSync(matrix, 'unit,ana,budi\nu1,a,a\nu2,b,b\nu3,a,b\nu4,b,b\n');
      const csv = join(dir, 'agree.csv');
      const r = qia(['agree', '--matrix', matrix, '--format', 'csv', '--draws', '0', '--excel', '-o', csv]);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(csv, 'utf8')).toMatch(/^overall;;nominal;4;4;2;8;75;0,5;/m);
      // 1057: Indonesian, as the import dialog sets it on an Indonesian system.
      const lo = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--infilter=CSV:59,34,76,1,,1057', '--convert-to', 'html', '--outdir', dir, csv],
        { encoding: 'utf8', timeout: 180_000 },
      );
      expect(lo.status, lo.stderr).toBe(0);
      const html = readFileSync(join(dir, 'agree.html'), 'utf8');
      // LibreOffice marks a cell it read as a number with its value: Cohen's kappa 0.5, alpha 0.5333…
      expect(html).toMatch(/sdval="0\.5"/);
      expect(html).toMatch(/sdval="0\.533333/);
    }, 240_000);
  });
});
