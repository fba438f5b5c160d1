import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, qia } from '../helpers/cli.js';
import { haveTmux, TmuxPane } from '../review/tmux.js';
import { progressText, terminalProgress } from '../../src/util/progress.js';

/*
 * Long work shows a progress line on a terminal (files, MB, MB/s, time left) that is gone when
 * the work ends; piped, or with --quiet, nothing. Driven through a real pseudo-terminal (tmux),
 * whose raw output is kept (pipe-pane) to see the line that was drawn and then wiped.
 */

let study: string;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qia-progress-'));
  study = join(dir, 'study');
  expect(qia(['init', study]).status).toBe(0);
  const turn = 'I: Antrean online lebih cepat, tapi aplikasinya kadang sulit dibuka kalau sinyal lemah.\n\n';
  for (let i = 1; i <= 40; i++)
    writeFileSync(join(study, `sources/interviews/w${String(i).padStart(2, '0')}-x.md`), `---\ninformant: U1\n---\n${turn.repeat(60)}`);
});

let pane: TmuxPane | undefined;
afterEach(() => {
  pane?.close();
  pane = undefined;
});

/** Run qia in a terminal with stdout to a file; the raw bytes the terminal got, and its last screen. */
async function inTerminal(args: string[]): Promise<{ raw: string; screen: string }> {
  const raw = join(dir, `raw-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  const out = join(dir, 'stdout.txt');
  pane = new TmuxPane(dir, { ...process.env, TMUX: '' });
  const cmd = `sleep 0.5; ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args.map((a) => JSON.stringify(a)).join(' ')} > ${JSON.stringify(out)}; echo EXIT=$?; sleep 30`;
  pane.start(cmd, 120, 20, { QIA_NO_CACHE: '1', QIA_PROGRESS_DELAY_MS: '0', NO_COLOR: '1' });
  pane.run('pipe-pane', '-t', 'r', '-o', `cat >> ${JSON.stringify(raw)}`);
  const screen = await pane.waitFor(/EXIT=\d/, 60_000);
  await new Promise((r) => setTimeout(r, 200));
  return { raw: existsSync(raw) ? readFileSync(raw, 'utf8') : '', screen };
}

describe.skipIf(!haveTmux())('progress on a terminal', () => {
  it('qia run draws a progress line with files, MB, MB/s and time left, then wipes it', { timeout: 90_000 }, async () => {
    const { raw, screen } = await inTerminal(['run', study]);
    expect(screen).toContain('EXIT=0');
    expect(raw).toMatch(/qia run: \d+\/43 files · [\d.]+\/[\d.]+ MB · [\d.]+ MB\/s · \d+s left/);
    expect(raw).toContain('qia run: 43/43 files');
    // Gone when done: the last screen has no trace of it.
    expect(screen).not.toContain('qia run:');
    expect(raw).toMatch(/\r\x1b\[2K/);
  });

  it('qia code draws one too; --quiet draws none', { timeout: 90_000 }, async () => {
    const code = await inTerminal(['code', study]);
    expect(code.raw).toContain('qia code: 43/43 files');
    expect(code.screen).not.toContain('qia code:');
    pane?.close();
    const quiet = await inTerminal(['--quiet', 'run', study]);
    expect(quiet.screen).toContain('EXIT=0');
    expect(quiet.raw).not.toContain('qia run:');
  });
});

describe('progress when not on a terminal', () => {
  it('writes nothing when stderr is a pipe', () => {
    const r = qia(['run', study], { env: { QIA_PROGRESS_DELAY_MS: '0', QIA_NO_CACHE: '1' } });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('files ·');
    expect(terminalProgress('x', { stream: { isTTY: false, write: () => true } })).toBeUndefined();
    expect(terminalProgress('x', { quiet: true, stream: { isTTY: true, write: () => true } })).toBeUndefined();
  });

  it('says files, megabytes, rate and time left', () => {
    expect(progressText('qia run', { files: 10, totalFiles: 40, bytes: 2_500_000, totalBytes: 10_000_000, elapsedMs: 1000 })).toBe(
      'qia run: 10/40 files · 2.5/10 MB · 2.5 MB/s · 3s left',
    );
    let written = '';
    let t = 0;
    const p = terminalProgress('qia code', { stream: { isTTY: true, columns: 200, write: (s: string) => (written += s) }, now: () => t })!;
    p.start(2, 2_000_000);
    t = 1000;
    p.done(1_000_000);
    t = 2000;
    p.done(1_000_000);
    p.end();
    // A pty that reports no width still gets the line, not an ellipsis.
    let narrow = '';
    let u = 0;
    const q = terminalProgress('qia run', { stream: { isTTY: true, columns: 0, write: (x: string) => (narrow += x) }, now: () => u })!;
    q.start(1, 10);
    u = 1000;
    q.done(10);
    expect(narrow).toContain('qia run: 1/1 files');
    expect(written).toBe(
      '\r\x1b[2Kqia code: 1/2 files · 1.0/2.0 MB · 1.0 MB/s · 1s left\r\x1b[2Kqia code: 2/2 files · 2.0/2.0 MB · 1.0 MB/s · 0s left\r\x1b[2K',
    );
  });
});
