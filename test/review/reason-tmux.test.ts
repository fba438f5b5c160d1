import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qia, ROOT } from '../helpers/cli.js';
import { haveTmux, paneEnv, panesClosedAfterEach, TmuxPane } from './tmux.js';

/**
 * Why a coding was proposed, as the researcher sees it: a `qia init` study with one more
 * interview, whose answer the rules read under the interviewer's question (question context, a
 * coding whose memo quotes the question). The real `qia review` in tmux shows that memo under the
 * coding, without the rule id the rule line already names, and the score on each coding's row.
 */

const TMUX = haveTmux();
const tmp = mkdtempSync(join(tmpdir(), 'qia-review-reason-'));
const study = join(tmp, 'studi');
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const env = paneEnv();

const panes = panesClosedAfterEach();
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const INTERVIEW = `---
kind: interview
informant: U1
date: 2024-03-13
title: Wawancara kedua
speakers: {P: interviewer, I: U1}
---
P: Menurut Bapak, apakah layanan ini sesuai dengan kebiasaan warga di sini?

I: Iya, petugasnya datang tiap Kamis sore, kami semua kumpul di balai desa.

P: Terima kasih, Pak.
`;

if (!TMUX && process.env['CI'] === 'true') {
  describe('qia review shows why a coding was proposed, in tmux', () => {
    it('needs tmux', () => {
      throw new Error('tmux is missing: CI must have it (apt-get install -y tmux; .ci/run does this)');
    });
  });
} else {
  if (!TMUX) console.warn('test/review/reason-tmux.test.ts: tmux is not installed, so this terminal test is skipped');
  describe.skipIf(!TMUX)('qia review shows why a coding was proposed, in tmux', () => {
    it("the question-context coding's memo is under it (the question it answers), and each row has its score", async () => {
      expect(qia(['init', study]).status).toBe(0);
      writeFileSync(join(study, 'sources/interviews/w02-contoh-kedua.md'), INTERVIEW);
      const code = qia(['code', study, '--format', 'csv']);
      expect(code.stdout).toContain('question-context: answer to interviews/w02-contoh-kedua:1 (line 8)');

      const p = new TmuxPane(ROOT, env);
      panes.push(p);
      p.start(`node bin/qia.js review ${q(study)} --coder rina --lang en --source interviews/w02-contoh-kedua; echo "exit=$?"; sleep 600`, 80, 24, {
        NO_COLOR: '1',
      });
      // The answer's own rule match comes first: a plain match has no memo, so no reason line.
      const first = await p.waitFor(['segment 1 of 1', '▸ observability.enthusiasm']);
      expect(first).not.toContain('why:');
      expect(first).toMatch(/ {2}compatibility .* 0\.\d\d {2}\+1 {2}open/);
      p.keys('Down');
      const screen = await p.waitFor(['▸ compatibility', 'rule question-context']);
      expect(screen).toMatch(/▸ compatibility .* 0\.\d\d {2}\+1 {2}open/);
      expect(screen).toContain('    why: answer to interviews/w02-contoh-kedua:1 (line 8) "Menurut Bapak,');
      // Wrapped under its label, not cut: the question ends on the next row.
      expect(screen).toMatch(/\n {9}layanan ini sesuai dengan kebiasaan warga di sini\?"\n/);
      expect(screen).not.toContain('why: question-context:');
      p.keys('q');
      await p.waitFor('exit=0');
    }, 30_000);

    it("with --learn the learned proposals are reviewed too, with the words that weighed: a rejection sticks, an acceptance becomes the reviewer's coding", async () => {
      const la = join(tmp, 'lapak');
      cpSync(join(ROOT, 'samples/lapak-asik'), la, { recursive: true });
      const learnedRow = (csv: string, segment: string) => csv.split('\n').find((l) => l.startsWith(`${segment},`) && l.includes(',learned,'));
      const SOURCE = 'documents/d02-ringkasan-prosedur';
      // What qia code --learn proposes there (the coders' CSVs are what it learns from).
      const before = qia(['code', la, '--learn', '--format', 'csv']).stdout;
      expect(learnedRow(before, `${SOURCE}:3`)).toMatch(/,observability,\+,learned,rule,auto,/);
      expect(learnedRow(before, `${SOURCE}:7`)).toMatch(/,obstacle_external,-,learned,rule,auto,/);

      const review = (pane: TmuxPane) =>
        pane.start(`node bin/qia.js review ${q(la)} --learn --coder rina --lang en --source ${SOURCE}; echo "exit=$?"; sleep 600`, 100, 30, { NO_COLOR: '1' });
      const p = new TmuxPane(ROOT, env);
      panes.push(p);
      review(p);
      await p.waitFor('segment 1 of');
      p.keys('Right', 'Right');
      const third = await p.waitFor(['segment 3 of', '▸ observability']);
      expect(third).toContain('    score 0.');
      expect(third).toContain(' · learned\n');
      expect(third).toMatch(/ {4}why: learned from \d+ segments a person coded; weighed most: /);
      p.keys('n');
      await p.waitFor('✓ #1 rejected: observability');
      p.keys('q');
      await p.waitFor('exit=0');
      // The next run keeps the learned proposal, rejected: listed, counted nowhere.
      expect(learnedRow(qia(['code', la, '--learn', '--format', 'csv']).stdout, `${SOURCE}:3`)).toMatch(/,observability,\+,learned,rule,rejected,/);

      const again = new TmuxPane(ROOT, env);
      panes.push(again);
      review(again);
      // It resumes after the last decision.
      await again.waitFor('segment 4 of');
      again.keys('Left');
      const resumed = await again.waitFor(['segment 3 of', '▸ observability']);
      expect(resumed).toMatch(/▸ observability .* rejected/);
      for (let i = 0; i < 4; i++) again.keys('Right');
      await again.waitFor(['segment 7 of', 'obstacle_external']);
      again.keys('Down');
      await again.waitFor(/▸ obstacle_external .*open/);
      again.keys('y');
      await again.waitFor('✓ #2 accepted: obstacle_external');
      again.keys('q');
      await again.waitFor('exit=0');
      const log = readFileSync(join(la, 'codings/rina.decisions.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { op: string; code: string; valence?: number });
      expect(log.map((d) => [d.op, d.code, d.valence])).toEqual([
        ['reject', 'observability', undefined],
        ['add', 'obstacle_external', -1],
      ]);
      // Accepted, it is the reviewer's own coding; the source now counts as read, so nothing more is learned for it.
      const after = qia(['code', la, '--learn', '--format', 'csv']).stdout;
      expect(after).toMatch(new RegExp(`^${SOURCE}:7,.*,obstacle_external,-,rina,manual,manual,`, 'm'));
      expect(learnedRow(after, `${SOURCE}:7`)).toBeUndefined();
    }, 60_000);

    it('on an Indonesian screen the reason is in Indonesian, and --learn with nothing to learn from says so on the screen and again after it', async () => {
      const fresh = join(tmp, 'baru');
      expect(qia(['init', fresh]).status).toBe(0);
      writeFileSync(join(fresh, 'sources/interviews/w02-contoh-kedua.md'), INTERVIEW);
      // The example interview's inline tags are a person's codings: without them there are none.
      const w01 = join(fresh, 'sources/interviews/w01-contoh-warga.md');
      writeFileSync(w01, readFileSync(w01, 'utf8').replace(/\{\{[^}]*\}\}/g, ''));
      // No coding of a person's anywhere: qia code --learn warns, and the review must show it.
      expect(qia(['code', fresh, '--learn', '--format', 'csv']).stderr).toContain('code/nothing-to-learn');

      const p = new TmuxPane(ROOT, env);
      panes.push(p);
      p.start(`node bin/qia.js review ${q(fresh)} --learn --coder rina --source interviews/w02-contoh-kedua; echo "exit=$?"; sleep 600`, 80, 24, {
        NO_COLOR: '1',
      });
      const first = await p.waitFor(['segmen 1 dari 1', '▸ observability.enthusiasm']);
      // The message line, just above the key line, as the screen opens.
      const rows = first.split('\n');
      const keyLine = rows.findIndex((l) => l.startsWith('y terima'));
      expect(rows[keyLine - 1]).toBe('learn: belum ada koding orang untuk dipelajari, jadi tidak ada usulan learned');
      p.keys('Down');
      const screen = await p.waitFor(['▸ compatibility', 'aturan question-context']);
      expect(screen).toContain('    alasan: jawaban atas pertanyaan "Menurut Bapak, apakah layanan ini sesuai');
      // Wrapped under its label (two rows at 80×24, cut with … when longer).
      expect(screen).toMatch(/\n {12}\S/);
      expect(screen).not.toContain('answer to');
      p.keys('q');
      // Once the screen has closed, the warning is on stderr too, where the terminal keeps it.
      const end = await p.waitFor('exit=0');
      expect(end).toContain('[code/nothing-to-learn]');
    }, 30_000);
  });
}
