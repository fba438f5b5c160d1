import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BIN, qia, ROOT } from '../helpers/cli.js';

describe('the CLI shell', () => {
  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
    const r = qia(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('lists every command in --help, with examples', () => {
    const r = qia(['--help']);
    expect(r.status).toBe(0);
    for (const cmd of ['init', 'sources', 'codebook', 'code', 'query', 'kwic', 'condense', 'matrix', 'report', 'run']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
    }
    expect(r.stdout).toContain('$ qia run');
  });

  it('gives each command an example in its own help', () => {
    for (const cmd of [
      ['init'],
      ['sources'],
      ['code'],
      ['query'],
      ['kwic'],
      ['condense'],
      ['matrix'],
      ['report'],
      ['run'],
      ['codebook'],
      ['codebook', 'check'],
      ['codebook', 'show'],
      ['codebook', 'export'],
    ]) {
      const r = qia([...cmd, '--help']);
      expect(r.status, cmd.join(' ')).toBe(0);
      expect(r.stdout, cmd.join(' ')).toMatch(/Examples?:\n {2}\$ qia /);
    }
  });

  it('stops quietly when the reader of its output goes away (qia … | head)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" codebook export --format json | head -c 10 > /dev/null`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('exits 2 on a usage error', () => {
    const r = qia(['no-such-command']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'no-such-command'");
  });

  it('exits 2 with a located diagnostic for a missing study folder', () => {
    const r = qia(['sources', 'does/not/exist']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^does\/not\/exist: error: no such study folder: does\/not\/exist \[study\/not-found\]/m);
  });
});
