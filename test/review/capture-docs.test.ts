import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { haveTmux } from './tmux.js';

/**
 * The screens in docs/coding-session.md are the real program's: scripts/capture-review.js
 * makes them again from the built binary, and with --check fails when the page shows anything
 * else (output changed and the page was not regenerated, or the capture is not deterministic).
 */

const TMUX = haveTmux();

if (!TMUX && process.env['CI'] === 'true') {
  describe('docs/coding-session.md screens', () => {
    it('needs tmux', () => {
      throw new Error('tmux is missing: CI must have it (apt-get install -y tmux; .ci/run does this)');
    });
  });
} else {
  if (!TMUX) console.warn('test/review/capture-docs.test.ts: tmux is not installed, so the coding-session screens are not checked');
  describe.skipIf(!TMUX)('docs/coding-session.md screens', () => {
    it('are what the built qia shows now (node scripts/capture-review.js --check)', () => {
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts/capture-review.js'), '--check'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('docs/coding-session.md is up to date\n');
      expect(r.status).toBe(0);
    });
  });
}
