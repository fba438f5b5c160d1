import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const DEMO = join(ROOT, 'scripts/review-demo.js');

describe('review demo without a terminal', () => {
  it('exits 2 at once with the message: stdin from /dev/null, stdout to a file', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'qia-review-refuse-'));
    const out = join(tmp, 'out.txt');
    const stdin = openSync('/dev/null', 'r');
    const stdout = openSync(out, 'w');
    // Node's own start on this machine now, to tell a slow machine from a program that waits.
    const b0 = Date.now();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    const node = Date.now() - b0;
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [DEMO, '--log', join(tmpdir(), 'never-written.jsonl')], {
      stdio: [stdin, stdout, 'pipe'],
      encoding: 'utf8',
      timeout: 10_000,
    });
    const ms = Date.now() - t0;
    closeSync(stdin);
    closeSync(stdout);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('qia review needs a terminal: stdin and stdout are not TTYs; use `qia tag` to code from scripts\n');
    expect(readFileSync(out, 'utf8')).toBe('');
    rmSync(tmp, { recursive: true, force: true });
    // "At once": within a second, or on a machine so busy that node alone takes most of one,
    // within half a second more than node takes to start.
    expect(ms, `refusal ${ms} ms, node -e 0 ${node} ms`).toBeLessThan(Math.max(1000, node + 500));
  });

  it('exits 2 with stdin from /dev/null and stdout a pipe, with no arguments at all', () => {
    const r = spawnSync(process.execPath, [DEMO], { input: '', encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('qia review needs a terminal');
  });
});
