import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/model/decision.js';
import { qia, ROOT } from '../helpers/cli.js';
import { haveTmux, paneEnv, panesClosedAfterEach, TmuxPane } from './tmux.js';

/**
 * The whole loop as a researcher goes through it: `qia init`, `qia run`, then the real
 * `qia review` (the built CLI, not the demo) in tmux — reject, accept, flip a valence — and the
 * next `qia run`: codings.csv's status column and the report's "Reviewed by a person" sentences
 * follow the decisions, and the rejected codings drop out of the verdicts' counts.
 */

const TMUX = haveTmux();
const tmp = mkdtempSync(join(tmpdir(), 'qia-review-study-'));
const study = join(tmp, 'studi');
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const env = paneEnv();

const panes = panesClosedAfterEach();
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** codings.csv as `segment code valence origin status` lines, in the file's order. */
function statuses(): string[] {
  const [head, ...rows] = readFileSync(join(study, 'out/codings.csv'), 'utf8').trim().split('\n');
  const cols = head!.split(',');
  const at = (name: string) => cols.indexOf(name);
  return rows.map((r) => {
    const f = r.split(',');
    return [f[at('segment')], f[at('code')], f[at('valence')], f[at('origin')], f[at('status')]].join(' ');
  });
}

/** The conclusions' closing list in report.md: one line per attribute. */
function conclusions(): string[] {
  const md = readFileSync(join(study, 'out/report.md'), 'utf8');
  return md.split('\n').filter((l) => /^- \*\*[A-Z][a-z ]+\.\*\* /.test(l));
}

function run(): void {
  const r = qia(['run', study, '--lang', 'en']);
  expect(r.status, r.stderr).toBe(0);
}

if (!TMUX && process.env['CI'] === 'true') {
  describe('qia review on a study, in tmux', () => {
    it('needs tmux', () => {
      throw new Error('tmux is missing: CI must have it (apt-get install -y tmux; .ci/run does this)');
    });
  });
} else {
  if (!TMUX) console.warn('test/review/study-tmux.test.ts: tmux is not installed, so the terminal test of qia review on a study is skipped');
  describe.skipIf(!TMUX)('qia review on a study, in tmux', () => {
    it('reject, accept, flip, accept, accept, reject, quit: the next qia run shows each status, the reviewed share and the counts without the rejected', async () => {
      expect(qia(['init', study]).status).toBe(0);
      run();
      const before = statuses();
      expect(before.every((l) => / (auto|manual)$/.test(l))).toBe(true);
      expect(conclusions()).toEqual([
        '- **Relative advantage.** Insufficient evidence: 1 coding, fewer than the minimum of 3. Reviewed by a person: 1 of 1.',
        '- **Compatibility.** Insufficient evidence: 0 codings, fewer than the minimum of 3.',
        '- **Complexity.** Insufficient evidence: 1 coding, fewer than the minimum of 3. Reviewed by a person: 0 of 1.',
        '- **Trialability.** Insufficient evidence: 2 codings, fewer than the minimum of 3. Reviewed by a person: 0 of 2.',
        '- **Observability.** Insufficient evidence: 0 codings, fewer than the minimum of 3.',
        '- **Internal obstacles.** Found: 2 codings say it hinders (threshold 1); 0 say it was overcome; 2 witnesses (1 informant) in 2 sources. Reviewed by a person: 0 of 2.',
        '- **External obstacles.** Found: 2 codings say it hinders (threshold 1); 0 say it was overcome; 2 witnesses (1 informant) in 2 sources. Reviewed by a person: 0 of 2.',
      ]);

      const p = new TmuxPane(ROOT, env);
      panes.push(p);
      p.start(`node bin/qia.js review ${q(study)} --coder rina --lang en; echo "exit=$?"; sleep 600`, 100, 30, { NO_COLOR: '1' });
      let screen = await p.waitFor(['segment 1 of 6', '0/9 proposals decided', 'coder rina']);
      // The SOP's "aplikasi atau laman kecamatan paling lambat" is no server trouble.
      expect(screen).toContain('[aplikasi atau laman kecamatan paling lambat]');
      expect(screen).toMatch(/▸ obstacle_internal\.server_system .* -1 {2}open/);
      p.keys('n');
      await p.waitFor(['segment 2 of 6', '✓ #1 rejected: obstacle_internal.server_system']);
      p.keys('y');
      screen = await p.waitFor('✓ #2 accepted: complexity.skills');
      expect(screen).toMatch(/▸ trialability\.trial .* \+1 {2}open/);
      // "Uji coba dilakukan di dua kelurahan" as the researcher reads it: flipped, to show the key works end to end.
      p.keys('v');
      await p.waitFor('✓ #3 valence of trialability.trial → -1');
      p.keys('y');
      await p.waitFor(['segment 3 of 6', '✓ #4 accepted: trialability.replication']);
      p.keys('y');
      screen = await p.waitFor(['segment 4 of 6', '✓ #5 accepted: relative_advantage.time_saving']);
      // "ibu saya tidak bisa pakai aplikasi" is about the mother, not the informant's skills.
      expect(screen).toMatch(/▸ complexity\.skills .* -1 {2}open/);
      p.keys('n');
      await p.waitFor('✓ #6 rejected: complexity.skills');
      p.keys('q');
      await p.waitFor('exit=0');

      const log = readFileSync(join(study, 'codings/rina.decisions.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Decision);
      expect(log.map((d) => [d.seq, d.op, d.code, d.valence, d.anchor.segment])).toEqual([
        [1, 'reject', 'obstacle_internal.server_system', undefined, 'documents/d01-contoh-sop:1'],
        [2, 'accept', 'complexity.skills', undefined, 'documents/d01-contoh-sop:2'],
        [3, 'valence', 'trialability.trial', -1, 'documents/d01-contoh-sop:2'],
        [4, 'accept', 'trialability.replication', undefined, 'documents/d01-contoh-sop:2'],
        [5, 'accept', 'relative_advantage.time_saving', undefined, 'interviews/w01-contoh-warga:3'],
        [6, 'reject', 'complexity.skills', undefined, 'interviews/w01-contoh-warga:5'],
      ]);

      run();
      expect(statuses()).toEqual([
        'documents/d01-contoh-sop:1 obstacle_internal.server_system - rule rejected',
        'documents/d01-contoh-sop:2 complexity.skills + rule accepted',
        'documents/d01-contoh-sop:2 trialability.replication + rule accepted',
        'documents/d01-contoh-sop:2 trialability.trial - rule changed',
        'interviews/w01-contoh-warga:3 relative_advantage.time_saving + rule accepted',
        'interviews/w01-contoh-warga:3 relative_advantage.time_saving + inline manual',
        'interviews/w01-contoh-warga:5 complexity.skills - rule rejected',
        'interviews/w01-contoh-warga:5 obstacle_external.network - rule auto',
        'interviews/w01-contoh-warga:7 obstacle_internal.server_system - rule auto',
        'observations/o01-contoh-ruang-layanan:2 obstacle_external.devices - rule auto',
      ]);
      expect(conclusions()).toEqual([
        // The accepted automatic coding and the inline tag are one piece of evidence, counted once.
        '- **Relative advantage.** Insufficient evidence: 1 coding, fewer than the minimum of 3. Reviewed by a person: 1 of 1.',
        '- **Compatibility.** Insufficient evidence: 0 codings, fewer than the minimum of 3.',
        '- **Complexity.** Insufficient evidence: 1 coding, fewer than the minimum of 3. Reviewed by a person: 1 of 1.',
        '- **Trialability.** Insufficient evidence: 2 codings, fewer than the minimum of 3. Reviewed by a person: 2 of 2.',
        '- **Observability.** Insufficient evidence: 0 codings, fewer than the minimum of 3.',
        '- **Internal obstacles.** Found: 1 coding say it hinders (threshold 1); 0 say it was overcome; 1 witness (1 informant) in 1 source. Reviewed by a person: 0 of 1.',
        '- **External obstacles.** Found: 2 codings say it hinders (threshold 1); 0 say it was overcome; 2 witnesses (1 informant) in 2 sources. Reviewed by a person: 0 of 2.',
      ]);
      // The audit still lists what was rejected.
      const audit = JSON.parse(readFileSync(join(study, 'out/audit.json'), 'utf8')) as {
        review: Record<string, number>;
        rejected: { segment: string; code: string; reviewer: string }[];
      };
      expect(audit.review).toEqual({ accepted: 3, auto: 3, changed: 1, manual: 1, rejected: 2 });
      expect(audit.rejected.map((r) => [r.segment, r.code, r.reviewer])).toEqual([
        ['documents/d01-contoh-sop:1', 'obstacle_internal.server_system', 'rina'],
        ['interviews/w01-contoh-warga:5', 'complexity.skills', 'rina'],
      ]);

      // verdicts.require_review: the obstacles nobody reviewed no longer count; codings.csv still lists them.
      writeFileSync(join(study, 'study.yaml'), readFileSync(join(study, 'study.yaml'), 'utf8') + 'verdicts:\n  require_review: true\n');
      run();
      expect(conclusions().slice(5)).toEqual([
        '- **Internal obstacles.** Not found: 0 codings say it hinders, fewer than the threshold of 1.',
        '- **External obstacles.** Not found: 0 codings say it hinders, fewer than the threshold of 1.',
      ]);
      expect(conclusions()[3]).toBe('- **Trialability.** Insufficient evidence: 2 codings, fewer than the minimum of 3. Reviewed by a person: 2 of 2.');
      expect(statuses()).toContain('interviews/w01-contoh-warga:7 obstacle_internal.server_system - rule auto');
    });
  });
}
