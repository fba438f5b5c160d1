import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

/** `qia review </dev/null` on a real study: exit 2 at once, the message, nothing written. */
describe('qia review without a terminal', () => {
  it('exits 2 within a second (or half a second more than node takes to start here), and writes no log', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'qia-review-refuse-'));
    const study = join(tmp, 'study');
    cpSync(join(ROOT, 'samples/mobile-service'), study, { recursive: true });
    const b0 = Date.now();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    const node = Date.now() - b0;
    const stdin = openSync('/dev/null', 'r');
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [BIN, 'review', study, '--coder', 'rina'], { stdio: [stdin, 'pipe', 'pipe'], encoding: 'utf8', timeout: 10_000 });
    const ms = Date.now() - t0;
    closeSync(stdin);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'qia: error: qia review needs a terminal: stdin and stdout are not TTYs; use `qia tag` to code from scripts [review/not-a-terminal]\n',
    );
    expect(existsSync(join(study, 'codings/rina.decisions.jsonl'))).toBe(false);
    rmSync(tmp, { recursive: true, force: true });
    expect(ms, `refusal ${ms} ms, node -e 0 ${node} ms`).toBeLessThan(Math.max(1000, node + 500));
  });
});
