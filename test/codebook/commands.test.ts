import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { qia } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qia-codebook-'));
});

describe('qia codebook check', () => {
  it('accepts the built-in codebook', () => {
    const r = qia(['codebook', 'check']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/builtin:rogers: ok: 35 codes, \d+ rules, 0 errors, 0 warnings/);
    expect(qia(['codebook', 'check', 'codebooks/rogers.yaml']).status).toBe(0);
  });

  it('exits 1 and prints located diagnostics for a broken codebook', () => {
    const f = join(dir, 'bad.yaml');
    writeFileSync(
      f,
      "id: bad\nlanguages: [id]\ncodes:\n  - id: a\n    label: A\n    rules:\n      - regex: '(a)\\1'\n  - id: a\n    label: A\n  - id: x.y\n    label: Y\n",
    );
    const r = qia(['codebook', 'check', f]);
    expect(r.status).toBe(1);
    // The backreference \1, three characters into the quoted pattern, with what to write instead.
    expect(r.stderr).toContain(`${f}:7:20: error:`);
    expect(r.stderr).toContain('[codebook/unsupported-regex]');
    expect(r.stderr).toMatch(/backreference[^\n]*\n[^\n]*write the repeated text out/);
    expect(r.stderr).toContain('[codebook/duplicate-id]');
    expect(r.stderr).toContain('[codebook/missing-parent]');
    expect(r.stdout).toMatch(/has errors: 2 codes, 0 rules, 3 errors, 0 warnings/);
  });

  it('counts in the singular when there is one', () => {
    const f = join(dir, 'one.yaml');
    writeFileSync(f, 'id: one\nlanguages: [en]\ncodes:\n  - id: a\n    label: A\n    definition: A thing.\n    rules:\n      - terms: [easy]\n');
    expect(qia(['codebook', 'check', f]).stdout).toContain('ok: 1 code, 1 rule, 0 errors, 0 warnings');
  });
});

describe('qia codebook show', () => {
  it('prints a table of codes with labels in the chosen language', () => {
    const en = qia(['codebook', 'show', '--lang', 'en']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('Relative advantage');
    expect(en.stdout).toMatch(/obstacle_external\.brokers\s*│\s*obstacle\s*│\s*Brokers/);
    const id = qia(['codebook', 'show', '--lang', 'id']);
    expect(id.stdout).toContain('Keuntungan relatif');
    // One line per code, no rule between rows, so the codebook fits a screen.
    expect(id.stdout.split('\n').filter((l) => l.startsWith('├'))).toHaveLength(0);
    expect(id.stdout.split('\n').filter((l) => l.includes('relative_advantage'))).toHaveLength(5);
  });
});

describe('qia codebook export', () => {
  it('writes a thesis appendix table in Markdown', () => {
    const r = qia(['codebook', 'export', '--format', 'md', '--lang', 'id']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('| Kode | Definisi | Kriteria inklusi | Kriteria eksklusi | Contoh |');
    expect(r.stdout).toContain('`complexity.ease_of_use`');
    const en = qia(['codebook', 'export', '--format', 'md', '--lang', 'en']);
    expect(en.stdout).toContain('| Code | Definition | Inclusion criteria | Exclusion criteria | Example |');
  });

  it('writes RFC 4180 CSV with formulas neutralised', () => {
    const f = join(dir, 'inj.yaml');
    writeFileSync(
      f,
      'id: inj\nlanguages: [en]\ncodes:\n  - id: a\n    label: "=HYPERLINK(\\"x\\")"\n    definition: "two, parts"\n    examples: ["@SUM(A1)", "line\\nbreak"]\n',
    );
    const r = qia(['codebook', 'export', f, '--format', 'csv', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'id,parent,group,label,definition,include,exclude,examples,rules\r\n' + `a,,other,"'=HYPERLINK(""x"")","two, parts",,,"'@SUM(A1)\nline\nbreak",0\r\n`,
    );
  });

  it('writes stable JSON to a file with -o, identical on rerun', () => {
    const out = join(dir, 'cb.json');
    expect(qia(['codebook', 'export', '--format', 'json', '-o', out]).status).toBe(0);
    const first = readFileSync(out, 'utf8');
    const data = JSON.parse(first) as { codes: { id: string; rules: unknown[] }[] };
    expect(Object.keys(data)).toEqual(['format', 'id', 'version', 'languages', 'lang', 'codes']);
    expect(data.codes).toHaveLength(35);
    expect(qia(['codebook', 'export', '--format', 'json', '-o', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);
  });

  it('refuses to export a codebook with errors and writes nothing', () => {
    const f = join(dir, 'bad2.yaml');
    writeFileSync(f, 'id: b\ncodes:\n  - id: a.b\n');
    const out = join(dir, 'never.md');
    const r = qia(['codebook', 'export', f, '-o', out]);
    expect(r.status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
