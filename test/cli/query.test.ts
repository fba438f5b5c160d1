import { describe, expect, it, beforeAll } from 'vitest';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qia, ROOT } from '../helpers/cli.js';

let study: string;
beforeAll(() => {
  study = join(mkdtempSync(join(tmpdir(), 'qia-query-')), 'study');
  cpSync(join(ROOT, 'test/fixtures/coding/study'), study, { recursive: true });
});

describe('qia query', () => {
  it('finds sub-codes under a parent code, with source, informant and lines', () => {
    const r = qia(['query', study, '--code', 'complexity', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { format: string; rows: Record<string, string>[] };
    expect(doc.format).toBe('qia-query/1');
    const rows = doc.rows;
    expect(rows.map((x) => [x['segment'], x['code'], x['informant'], x['lines'], x['coder']])).toEqual([
      ['interviews/w01-kepala:4', 'complexity.ease_of_use', 'K1', '11', 'inline'],
      ['interviews/w02-peserta:2', 'complexity.ease_of_use', 'U1', '8', 'auto'],
    ]);
  });

  it('filters by role and valence, in csv and md', () => {
    const csv = qia(['query', study, '--code', 'complexity', '--role', 'user', '--format', 'csv']);
    expect(csv.stdout.trim().split('\n')).toHaveLength(2);
    // A role typed with a capital finds the same rows, without a warning.
    const upper = qia(['query', study, '--code', 'complexity', '--role', 'User', '--format', 'csv']);
    expect(upper.stdout).toBe(csv.stdout);
    expect(upper.stderr).not.toContain('query/unknown-role');
    expect(csv.stdout).toContain('interviews/w02-peserta:2,');
    const md = qia(['query', study, '--code', 'obstacle_internal', '--valence', '-', '--format', 'md']);
    expect(md.stdout).toContain(
      '| interviews/w02-peserta:3 | interviews/w02-peserta | 10 | U1 | user | interview | obstacle_internal.server_system | - | rina | manual | sinyal di desa lemah |',
    );
    const none = qia(['query', study, '--code', 'obstacle_internal', '--valence', '+', '--format', 'json']);
    expect(JSON.parse(none.stdout)).toEqual({ format: 'qia-query/1', rows: [] });
  });

  it('refuses a source kind that does not exist instead of finding nothing', () => {
    const r = qia(['query', study, '--code', 'complexity', '--kind', 'poster']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('interview, observation, document');
  });

  it('exits 2 for a code the codebook does not have', () => {
    const r = qia(['query', study, '--code', 'ease_of_use']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[query/unknown-code]');
    expect(r.stderr).toContain('complexity.ease_of_use');
  });
});
