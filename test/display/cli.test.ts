import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qia } from '../helpers/cli.js';

const STUDY = 'test/fixtures/displays/study';

describe('qia matrix', () => {
  it('prints a role-ordered matrix with the study language labels', () => {
    const r = qia(['matrix', STUDY, '--type', 'role']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Matriks berdasarkan peran/);
    expect(r.stdout).toContain('Pegawai');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('prints every display (formats in turn), the same bytes on a second run', () => {
    const formats = ['md', 'csv', 'json', 'html'];
    ['cluster', 'role', 'method', 'checklist', 'obstacles', 'cooccurrence', 'time'].forEach((type, i) => {
      const format = formats[i % formats.length]!;
      const a = qia(['matrix', STUDY, '--type', type, '--format', format, '--lang', 'en']);
      expect(a.status, `${type} ${format}: ${a.stderr}`).toBe(0);
      expect(a.stdout.length).toBeGreaterThan(0);
      expect(qia(['matrix', STUDY, '--type', type, '--format', format, '--lang', 'en']).stdout).toBe(a.stdout);
    });
  }, 60_000);

  it('shows the codings behind one cell, each with segment, lines and quote', () => {
    const r = qia(['matrix', STUDY, '--type', 'role', '--cell', 'staff,complexity', '--format', 'json']);
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout) as { rows: unknown[]; cells: { column: string; text: string; refs: { segmentId: string }[] }[] };
    expect(m.rows.length).toBeGreaterThan(0);
    const sources = m.cells.filter((c) => c.column === 'source');
    for (const c of sources) expect(c.text).toMatch(/^interviews\/w02-petugas:\d+$/);
    const quotes = m.cells.filter((c) => c.column === 'quote').map((c) => c.text);
    expect(quotes.every((q) => q.length > 0)).toBe(true);
  });

  it('exits 2 with matrix/unknown-cell and the valid rows for a cell that does not exist', () => {
    const r = qia(['matrix', STUDY, '--type', 'role', '--cell', 'nobody,complexity']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[matrix/unknown-cell]');
    expect(r.stderr).toContain('rows: head, staff, user, partner');
    expect(qia(['matrix', STUDY, '--cell', 'staff']).stderr).toContain('[matrix/bad-cell]');
  });

  it('writes to a file with -o', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'qia-matrix-')), 'role.csv');
    const r = qia(['matrix', STUDY, '--type', 'role', '--format', 'csv', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toMatch(/^Peran,Keuntungan relatif,/);
  });
});

describe('qia condense', () => {
  it('prints the digest with the memo and warns about the memo without a code', () => {
    const r = qia(['condense', STUDY]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# Reduksi data: Klaim Daring/);
    expect(r.stdout).toContain('Kerumitan dilihat dari dua sisi');
    expect(r.stderr).toMatch(/memos\/tanpa-kode\.md:1:1: warning: .*\[memo\/no-code\]/);
  });

  it('gives the digest as json in English', () => {
    const r = qia(['condense', STUDY, '--format', 'json', '--lang', 'en']);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as { lang: string; codes: { code: string; label: string }[] };
    expect(d.lang).toBe('en');
    expect(d.codes[0]).toMatchObject({ code: 'relative_advantage' });
  });
});
