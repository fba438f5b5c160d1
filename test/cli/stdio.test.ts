import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qia, ROOT } from '../helpers/cli.js';

/** `-` as an input is standard input; `-o -` is standard output (never a file named `-`). */
const SAMPLE = join(ROOT, 'samples/lapak-asik');
const ROGERS = readFileSync(join(ROOT, 'codebooks/rogers.yaml'), 'utf8');

describe('- for standard input', () => {
  it('codebook check -: a piped codebook is checked, its errors named <stdin> with line and column', () => {
    const ok = qia(['codebook', 'check', '-'], { input: ROGERS });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^<stdin>: ok: \d+ codes/);
    const bad = qia(['codebook', 'check', '-'], { input: 'id: x\ncodes:\n  - id: a\n    rules: [{terms: [1}\n' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^<stdin>:4:\d+: error: .*\[codebook\/yaml\]/m);
  });

  it('codebook export - and codebook show - read the piped codebook', () => {
    const csv = qia(['codebook', 'export', '-', '--format', 'csv'], { input: ROGERS });
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout).toBe(qia(['codebook', 'export', join(ROOT, 'codebooks/rogers.yaml'), '--format', 'csv']).stdout);
    const show = qia(['codebook', 'show', '-'], { input: ROGERS });
    expect(show.status, show.stderr).toBe(0);
    expect(show.stdout).toContain('relative_advantage');
  });

  it('agree --matrix -: a reliability matrix piped in', () => {
    const matrix = 'unit,ana,budi\nu1,a,a\nu2,b,b\nu3,a,b\nu4,b,b\n';
    const r = qia(['agree', '--matrix', '-', '--format', 'json', '--draws', '0'], { input: matrix });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('"percent"');
  });
});

describe('-o - for standard output', () => {
  for (const [name, args] of [
    ['matrix', ['matrix', SAMPLE, '--format', 'csv']],
    ['condense', ['condense', SAMPLE]],
    ['report', ['report', SAMPLE, '--format', 'md']],
    ['agree', ['agree', SAMPLE, '--format', 'csv', '--draws', '0']],
    ['codebook export', ['codebook', 'export', '--format', 'csv']],
  ] as const) {
    it(`${name} -o - prints what it would write, and writes no file named -`, () => {
      const cwd = mkdtempSync(join(tmpdir(), 'qia-stdout-'));
      const plain = qia([...args], { cwd });
      const dash = qia([...args, '-o', '-'], { cwd });
      expect(dash.status, dash.stderr).toBe(plain.status);
      expect(dash.stdout.length).toBeGreaterThan(50);
      expect(dash.stdout).toBe(plain.stdout);
      expect(existsSync(join(cwd, '-'))).toBe(false);
      expect(readdirSync(cwd)).toEqual([]);
    });
  }
});
