import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qia, ROOT } from '../helpers/cli.js';

/**
 * The whole `qia run` output of every bundled sample, checked in under test/golden/<sample>/
 * and compared byte for byte, so any change in behaviour (a codebook rule, a verdict
 * threshold, a renderer) shows up as a diff a reviewer can read. After a deliberate change:
 *   UPDATE_GOLDEN=1 npx vitest run test/golden
 * then read `git diff test/golden` before committing.
 */

const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const SAMPLES = ['lapak-asik', 'mobile-service', 'imigrasi-lampung', 'library-en'];
const work = mkdtempSync(join(tmpdir(), 'qia-golden-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What the terminal shows, with this machine's folders taken out. */
function printed(stdout: string, out: string): string {
  return stdout.replaceAll(out, '<out>').replaceAll(ROOT, '<root>/');
}

describe.each(SAMPLES)('qia run samples/%s', (sample) => {
  const goldenDir = join(ROOT, 'test/golden', sample);
  const out = join(work, sample);

  it('matches the checked-in output file for file, byte for byte', () => {
    const r = qia(['run', join(ROOT, 'samples', sample), '--out', out]);
    // The samples are clean studies: any diagnostic at all is a regression in them or in qia.
    expect(r.stderr, 'stderr').toBe('');
    expect(r.status).toBe(0);
    const produced = readdirSync(out).sort();
    if (UPDATE) {
      rmSync(goldenDir, { recursive: true, force: true });
      mkdirSync(goldenDir, { recursive: true });
      for (const f of produced) writeFileSync(join(goldenDir, f), readFileSync(join(out, f)));
      writeFileSync(join(goldenDir, 'stdout.txt'), printed(r.stdout, out));
      return;
    }
    expect(existsSync(goldenDir), `no golden folder for ${sample}; create it with UPDATE_GOLDEN=1`).toBe(true);
    const expected = readdirSync(goldenDir)
      .filter((f) => f !== 'stdout.txt')
      .sort();
    expect(produced).toEqual(expected);
    for (const f of produced) {
      const actual = readFileSync(join(out, f), 'utf8');
      expect(actual, `${sample}/${f} differs from test/golden; review, then UPDATE_GOLDEN=1 to accept`).toBe(readFileSync(join(goldenDir, f), 'utf8'));
    }
    expect(printed(r.stdout, out)).toBe(readFileSync(join(goldenDir, 'stdout.txt'), 'utf8'));
  });
});
