import { mkdtempSync, readdirSync, readFileSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qia, ROOT } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'test/report/fixtures/xss-study');

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'qia-run-'));
}

function readAll(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) out[f] = readFileSync(join(dir, f), 'utf8');
  return out;
}

describe('qia run', () => {
  it('writes every output, prints verdicts, and a second run gives identical files', () => {
    const a = tmp();
    const b = tmp();
    const r1 = qia(['run', FIXTURE, '--out', a]);
    expect(r1.status, r1.stderr).toBe(0);
    expect(r1.stdout).toMatch(/Keuntungan relatif\s+baik \(mendukung\)\s+\+3/);
    expect(r1.stdout).toMatch(/Kemungkinan dicoba\s+bukti belum cukup/);
    expect(r1.stdout).toMatch(/Kendala internal\s+ditemukan/);
    const files = readdirSync(a).sort();
    for (const f of [
      'codings.csv',
      'report.md',
      'report.html',
      'report.json',
      'audit.json',
      'matrix-role.md',
      'matrix-role.csv',
      'matrix-cluster.md',
      'matrix-method.csv',
      'matrix-checklist.md',
      'matrix-obstacles.csv',
      'matrix-cooccurrence.md',
      'matrix-time.csv',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    const r2 = qia(['run', FIXTURE, '--out', b]);
    expect(r2.status).toBe(0);
    expect(readAll(b)).toEqual(readAll(a));
    // Rerunning into the same folder replaces the files with the same bytes.
    const first = readAll(a);
    expect(qia(['run', FIXTURE, '--out', a]).status).toBe(0);
    expect(readAll(a)).toEqual(first);
  });

  it('writes an audit trail that names every input with its hash, and no absolute path or time', () => {
    const out = tmp();
    expect(qia(['run', FIXTURE, '--out', out]).status).toBe(0);
    const text = readFileSync(join(out, 'audit.json'), 'utf8');
    const audit = JSON.parse(text) as {
      tool: { version: string };
      codebook: { id: string; version: string };
      files: { path: string; role: string; sha256: string }[];
      settings: { merge: string; verdicts: Record<string, unknown> };
    };
    expect(audit.codebook).toMatchObject({ id: 'report-fixture', version: '1' });
    expect(audit.settings.merge).toBe('manual-overrides-auto');
    expect(audit.files.map((f) => f.path)).toEqual([
      'codebook.yaml',
      'codings/ana.csv',
      'informants.csv',
      'sources/documents/d01-sop.md',
      'sources/interviews/w01-kepala.md',
      'sources/interviews/w02-staf.md',
      'sources/interviews/w03-peserta.md',
      'sources/interviews/w04-peserta.md',
      'sources/observations/o01-kantor.md',
      'study.yaml',
    ]);
    expect(audit.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    expect(text).not.toContain(ROOT);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    // The report's appendix lists the same files.
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    for (const f of audit.files) expect(md).toContain(f.sha256);
  });

  it('a changed input changes its hash in the audit and nothing else about the trail', () => {
    const study = tmp();
    cpSync(FIXTURE, study, { recursive: true });
    const a = tmp();
    const b = tmp();
    expect(qia(['run', study, '--out', a]).status).toBe(0);
    const memo = join(study, 'sources/documents/d01-sop.md');
    writeFileSync(memo, readFileSync(memo, 'utf8') + '\nParagraf tambahan.\n');
    expect(qia(['run', study, '--out', b]).status).toBe(0);
    type A = { files: { path: string; sha256: string }[] };
    const fa = (JSON.parse(readFileSync(join(a, 'audit.json'), 'utf8')) as A).files;
    const fb = (JSON.parse(readFileSync(join(b, 'audit.json'), 'utf8')) as A).files;
    const changed = fa.filter((f, i) => f.sha256 !== fb[i]!.sha256).map((f) => f.path);
    expect(changed).toEqual(['sources/documents/d01-sop.md']);
  });

  it('reports bad verdict settings with file, line and column and still writes the report', () => {
    const study = tmp();
    cpSync(FIXTURE, study, { recursive: true });
    const yaml = readFileSync(join(study, 'study.yaml'), 'utf8').replace('  min_codings: 3', '  min_codings: lots\n  min_witnesses: 2');
    writeFileSync(join(study, 'study.yaml'), yaml);
    const out = tmp();
    const r = qia(['run', study, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/study\.yaml:\d+:3: error: .*min_codings.* \[verdicts\/invalid-value\]/);
    expect(r.stderr).toMatch(/study\.yaml:\d+:3: warning: .*min_witnesses.* \[verdicts\/unknown-key\]/);
    expect(readdirSync(out)).toContain('report.html');
  });

  it('runs in English with --lang en', () => {
    const out = tmp();
    const r = qia(['run', FIXTURE, '--out', out, '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Written to/);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('## 1 Research Informants');
    expect(md).toContain('Triangulation');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<html lang="en">');
  });

  it('with no argument runs the bundled sample into ./out, identically twice', () => {
    const cwd = tmp();
    const r = qia(['run'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('LAPAK ASIK');
    const first = readAll(join(cwd, 'out'));
    expect(Object.keys(first)).toContain('report.html');
    expect(qia(['run'], { cwd }).status).toBe(0);
    expect(readAll(join(cwd, 'out'))).toEqual(first);
  });

  it('fails with a clear message for a missing study', () => {
    const r = qia(['run', join(tmp(), 'nope')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[study/not-found]');
  });
});
