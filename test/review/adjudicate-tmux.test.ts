import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/model/decision.js';
import { qia, ROOT } from '../helpers/cli.js';
import { writeTinyStudy } from '../conclude/agreement/tiny-study.js';
import { haveTmux, paneEnv, panesClosedAfterEach, TmuxPane } from './tmux.js';

/**
 * `qia review --disagreements` (the built CLI) in a real terminal, on the tiny study whose two
 * coders disagree on three segments: the adjudicator's decisions land in their own log.
 */

const TMUX = haveTmux();
const study = writeTinyStudy();
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const env = paneEnv();

const panes = panesClosedAfterEach();
const open = (): TmuxPane => {
  const p = new TmuxPane(ROOT, env);
  panes.push(p);
  return p;
};
afterAll(() => rmSync(study, { recursive: true, force: true }));

/** The screen with the lines the terminal wrapped joined again (a long message wraps mid-word). */
function joined(p: TmuxPane): string {
  return p.run('capture-pane', '-p', '-J', '-t', 'r').replace(/\s+/g, ' ');
}

function review(extra: string): string {
  return `node bin/qia.js review ${q(study)} --disagreements --lang en ${extra}; echo "exit=$?"; sleep 600`;
}

if (!TMUX && process.env['CI'] === 'true') {
  describe('adjudication in tmux', () => {
    it('needs tmux', () => {
      throw new Error('tmux is missing: CI must have it (apt-get install -y tmux; .ci/run does this)');
    });
  });
} else {
  if (!TMUX) console.warn('test/review/adjudicate-tmux.test.ts: tmux is not installed, so the terminal tests of qia review --disagreements are skipped');
  describe.skipIf(!TMUX)('adjudication in tmux', () => {
    it('rejects a code the codebook proposed, skips a valence disagreement, accepts a code only one coder gave: reject, skip, add in the log', async () => {
      const p = open();
      p.start(review('--coder rina'), 100, 30, { NO_COLOR: '1' });
      let screen = await p.waitFor(['segment 1 of 3', 'coder rina']);
      expect(screen).toContain('[Aplikasinya sulit dipakai], saya [bingung mengisi formulirnya]');
      expect(screen).toMatch(/▸ complexity\.ease_of_use .* -1 {2}open/);
      expect(screen).toContain('rule ana −; not budi · complexity.ease_of_use#3');

      p.keys('n');
      screen = await p.waitFor(['segment 2 of 3', '✓ #1 rejected: complexity.ease_of_use']);
      expect(screen).toContain('rule ana +, budi −');
      p.keys('s');
      screen = await p.waitFor(['segment 3 of 3', '✓ #2 skipped']);
      expect(screen).toContain('rule budi +; not ana · manual by budi');
      p.keys('y');
      await p.waitFor('✓ #3 accepted: trialability.trial');
      p.keys('q');
      await p.waitFor('exit=0');
      const end = joined(p);
      expect(end).toContain('2 decisions kept in');
      expect(end).toContain('2 of 3 disagreements (segment × code) between ana, budi have your decision.');

      const log = readFileSync(join(study, 'codings', 'rina.decisions.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Decision);
      expect(log.map((d) => [d.seq, d.coder, d.op, d.code, d.valence])).toEqual([
        [1, 'rina', 'reject', 'complexity.ease_of_use', undefined],
        [2, 'rina', 'skip', undefined, undefined],
        [3, 'rina', 'add', 'trialability.trial', 1],
      ]);
      // The add covers the words budi coded, found again by its quote.
      expect(log[2]!.anchor).toMatchObject({ segment: 'interviews/w3-citra:4', quote: 'Kami latihan dulu seminggu, bergantian jadi peserta.' });

      // qia agree still compares ana and budi, and counts two disagreements adjudicated by rina.
      const j = JSON.parse(qia(['agree', study, '--format', 'json', '--draws', '0']).stdout) as { coders: string[]; adjudication: unknown };
      expect(j.coders).toEqual(['ana', 'budi']);
      expect(j.adjudication).toEqual({ adjudicated: 2, adjudicators: ['rina'], disagreements: 3 });
    });

    it('refuses an adjudicator who is one of the coders compared, exit 2', async () => {
      const p = open();
      p.start(review('--coder ana --coders ana,budi'), 100, 30, { NO_COLOR: '1' });
      await p.waitFor('exit=2');
      expect(joined(p)).toContain('ana is one of the coders compared, so cannot adjudicate their disagreements [review/adjudicator-is-coder]');
    });
  });
}
