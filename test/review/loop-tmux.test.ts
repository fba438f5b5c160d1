import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/model/decision.js';
import { ROOT } from '../helpers/cli.js';
import { haveTmux, paneEnv, panesClosedAfterEach, TmuxPane } from './tmux.js';

/**
 * The real program in a real terminal: scripts/review-demo.js (on the built dist/, which
 * `npm test` makes first) inside tmux, driven with send-keys and read with capture-pane.
 */

const TMUX = haveTmux();
const dir = mkdtempSync(join(tmpdir(), 'qia-review-tmux-'));
const LOG = join(dir, 'decisions.jsonl');
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

// The pane's own environment: no colour settings of the test run, and not inside a tmux of its own.
const env = paneEnv();

/** The demo, then what it left behind: its exit status and whether the terminal is back in cooked mode with echo. */
function demo(log: string, extra = '', timing?: string): string {
  const t = timing ? ` --timing ${q(timing)}` : '';
  return `node scripts/review-demo.js --log ${q(log)}${t}${extra}; echo "exit=$?"; echo "tty: $(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' ')"; sleep 600`;
}

function readLog(file: string): Decision[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Decision);
}

// Every pane a test opened is closed after it, passed or failed.
const panes = panesClosedAfterEach();
const open = (): TmuxPane => {
  const p = new TmuxPane(ROOT, env);
  panes.push(p);
  return p;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

if (!TMUX && process.env['CI'] === 'true') {
  describe('review loop in tmux', () => {
    it('needs tmux', () => {
      throw new Error('tmux is missing: CI must have it (apt-get install -y tmux; .ci/run does this)');
    });
  });
} else {
  if (!TMUX) console.warn('test/review/loop-tmux.test.ts: tmux is not installed, so the terminal tests of qia review are skipped');
  describe.skipIf(!TMUX)('review loop in tmux', () => {
    it('accept, reject, change code by completion, flip valence, undo twice, quit: the log has each line', async () => {
      const p = open();
      const timing = join(dir, 'first-frame-ms');
      p.start(demo(LOG, '', timing), 80, 24);
      let screen = await p.waitFor(['segmen 1 dari 6', '0/10 usulan diputuskan']);
      expect(screen).toContain('Iya lebih baik, tidak perlu naik angkot ke kantor');
      expect(screen).toMatch(/▸ relative_advantage\.time_saving .* -1 {2}belum/);
      expect(screen).toContain('aturan relative_advantage.time_saving#1 · skor 0.58');
      expect(screen.split('\n').at(-2)).toContain('y terima n tolak c ubah');
      expect(p.format('#{alternate_on} #{cursor_flag}')).toBe('1 0');

      p.keys('v');
      await p.waitFor(['segmen 2 dari 6', '✓ #1 valensi relative_advantage.time_saving → +1']);
      p.keys('y');
      await p.waitFor('✓ #2 diterima: complexity.skills');
      p.keys('n');
      await p.waitFor(['segmen 3 dari 6', '✓ #3 ditolak: obstacle_internal.staff_skills']);

      p.keys('c');
      await p.waitFor('Ubah complexity.ease_of_use menjadi');
      p.type('server');
      await p.waitFor(['> server', '▸ obstacle_internal.server_system  Server dan sistem']);
      p.keys('Tab');
      await p.waitFor('> obstacle_internal.server_system█');
      p.keys('Enter');
      await p.waitFor('Enter = -1');
      p.keys('Enter');
      await p.waitFor(['segmen 4 dari 6', '✓ #4 complexity.ease_of_use → obstacle_internal.server_system']);

      p.keys('u');
      screen = await p.waitFor(['segmen 3 dari 6', '↶ #5 membatalkan #4']);
      expect(screen).toMatch(/▸ complexity\.ease_of_use .* -1 {2}belum/);
      p.keys('u');
      screen = await p.waitFor(['segmen 2 dari 6', '↶ #6 membatalkan #3']);
      expect(screen).toMatch(/complexity\.skills .* \+1 {2}diterima/);
      expect(screen).toMatch(/▸ obstacle_internal\.staff_skills .* -1 {2}belum/);

      p.keys('q');
      screen = await p.waitFor(['exit=0', /tty: \S/]);
      expect(screen).toContain('2 decision(s) this session; stopped at segment 2 of 6');
      expect(screen).toMatch(/tty: .*\bicanon\b/);
      expect(screen).toMatch(/tty: .*(^|\s)echo\b/);
      expect(p.format('#{alternate_on} #{cursor_flag}')).toBe('0 1');

      const log = readLog(LOG);
      expect(log.map((d) => d.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(log.map(({ op, code, to, valence, undoes, anchor }) => ({ op, code, to, valence, undoes, segment: anchor.segment }))).toEqual([
        { op: 'valence', code: 'relative_advantage.time_saving', to: undefined, valence: 1, undoes: undefined, segment: 'interviews/w07-peserta-rajabasa:4' },
        { op: 'accept', code: 'complexity.skills', to: undefined, valence: undefined, undoes: undefined, segment: 'interviews/w02-kabid-pelayanan:12' },
        {
          op: 'reject',
          code: 'obstacle_internal.staff_skills',
          to: undefined,
          valence: undefined,
          undoes: undefined,
          segment: 'interviews/w02-kabid-pelayanan:12',
        },
        {
          op: 'recode',
          code: 'complexity.ease_of_use',
          to: 'obstacle_internal.server_system',
          valence: undefined,
          undoes: undefined,
          segment: 'interviews/w03-staf-ti:5',
        },
        { op: 'undo', code: undefined, to: undefined, valence: undefined, undoes: 4, segment: 'interviews/w03-staf-ti:5' },
        { op: 'undo', code: undefined, to: undefined, valence: undefined, undoes: 3, segment: 'interviews/w02-kabid-pelayanan:12' },
      ]);
      for (const d of log) expect(d).toMatchObject({ v: 1, coder: 'demo', anchor: { fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) } });

      const [ms, cpu] = readFileSync(timing, 'utf8').trim().split(' ').map(Number) as [number, number];
      console.log(`qia review demo: first frame ${ms.toFixed(0)} ms after the process started (${cpu.toFixed(0)} ms CPU)`);
      expect(ms).toBeLessThan(2000);
    });

    it('started again on the same log it resumes where the log stops, and redraws when the window grows to 120×40', async () => {
      const p = open();
      p.start(demo(LOG), 80, 24);
      let screen = await p.waitFor(['segmen 2 dari 6', '2/10 usulan diputuskan']);
      expect(screen).toMatch(/▸ obstacle_internal\.staff_skills .* -1 {2}belum/);
      expect(screen).toMatch(/complexity\.skills .* \+1 {2}diterima +1\/2/);

      p.resize(120, 40);
      screen = await p.waitFor(/c ubah kode {2}v\/\+\/-\/0 valensi/);
      const lines = screen.split('\n');
      expect(lines.some((l) => l.startsWith('─'.repeat(120)))).toBe(true);
      expect(screen).toContain('segmen 2 dari 6');
      // The segment is wrapped to the new width: its first line now holds more words.
      expect(screen).toContain('│ Awalnya memang banyak petugas yang bingung, terutama yang sudah senior, karena berkas harus diperiksa lewat');

      p.keys('q');
      await p.waitFor('exit=0');
      expect(readLog(LOG)).toHaveLength(6);
    });

    it('under NO_COLOR the screen has no colour codes and marks the matched words [so] and cue words {so}', async () => {
      const p = open();
      p.start(demo(join(dir, 'no-color.jsonl')), 80, 24, { NO_COLOR: '1' });
      await p.waitFor('segmen 1 dari 6');
      const raw = p.capture(true);
      expect(raw).not.toContain('\u001b');
      expect(raw).toContain('│ Iya lebih baik, tidak perlu [naik angkot] ke kantor, saya {tidak kuat} [antre]');
      p.keys('q');
      await p.waitFor('exit=0');

      // The same capture with colour has them, so the check above can fail.
      const c = open();
      c.start(demo(join(dir, 'color.jsonl')), 80, 24);
      await c.waitFor('segmen 1 dari 6');
      expect(c.capture(true)).toMatch(/\u001b\[[0-9;]*m/);
      c.keys('q');
      await c.waitFor('exit=0');
    });

    it('SIGTERM ends the loop with the terminal restored, and exits 143', async () => {
      const p = open();
      p.start(demo(join(dir, 'term.jsonl')), 80, 24);
      await p.waitFor('segmen 1 dari 6');
      const shell = p.format('#{pane_pid}');
      const child = spawnSync('pgrep', ['-P', shell], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
      expect(child).toHaveLength(1);
      process.kill(Number(child[0]), 'SIGTERM');
      const screen = await p.waitFor(['exit=143', /tty: \S/]);
      expect(screen).toMatch(/tty: .*\bicanon\b/);
      expect(p.format('#{alternate_on} #{cursor_flag}')).toBe('0 1');
    });

    it('refuses at once, exit 2, when stdin or stdout is not the terminal', async () => {
      const p = open();
      const t0 = Date.now();
      p.start(
        `node scripts/review-demo.js --log x </dev/null; echo "exit=$?"; node scripts/review-demo.js --log x >${q(join(dir, 'out.txt'))}; echo "exit=$?"; sleep 600`,
        160,
        24,
      );
      const screen = await p.waitFor(/exit=2[\s\S]*exit=2/);
      expect(screen).toContain('qia review needs a terminal: stdin is not a TTY; use `qia tag` to code from scripts');
      expect(screen).toContain('qia review needs a terminal: stdout is not a TTY; use `qia tag` to code from scripts');
      expect(Date.now() - t0).toBeLessThan(5000);
    });
  });
}
