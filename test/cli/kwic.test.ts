import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { qia, ROOT } from '../helpers/cli.js';

const study = join(ROOT, 'test/fixtures/coding/study');

describe('qia kwic', () => {
  it('shows each occurrence with N words of context and its line', () => {
    const r = qia(['kwic', 'mudah', study, '--window', '2', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { format: string; rows: Record<string, unknown>[] };
    expect(doc.format).toBe('qia-kwic/1');
    const rows = doc.rows;
    expect(rows.map((x) => [x['source'], x['line'], x['left'], x['keyword'], x['right']])).toEqual([
      ['interviews/w01-kepala', 11, 'pengisian formulir', 'mudah', 'untuk peserta'],
      ['interviews/w02-peserta', 6, 'Apakah aplikasinya', 'mudah', ''],
      ['interviews/w02-peserta', 8, 'Aplikasinya', 'mudah', 'dipakai, saya'],
    ]);
  });

  it('matches a phrase, and prints a table with a count', () => {
    const r = qia(['kwic', 'server down', study, '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Kadang\s+│ server down │ kalau klaim sedang banyak/);
    expect(r.stdout).toContain('1 match for server down');
  });

  it('exits 2 on a bad window', () => {
    expect(qia(['kwic', 'mudah', study, '--window', 'x']).status).toBe(2);
  });

  it('exits 2 on a term no word can match, rather than reporting 0 matches', () => {
    const r = qia(['kwic', '...', study]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[kwic/no-term]');
  });
});
