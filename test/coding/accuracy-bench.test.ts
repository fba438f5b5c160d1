import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

describe('bench/accuracy.js', () => {
  it('scores the automatic coder of the fixture study against a tiny gold file', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bench/accuracy.js'), '--study', join(ROOT, 'test/fixtures/coding/study'), '--gold', join(ROOT, 'test/fixtures/coding/gold.csv'), '--json'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const e = JSON.parse(r.stdout) as { segments: number; perCode: Record<string, number | string | null>[]; micro: Record<string, number>; macro: Record<string, number> };
    expect(e.segments).toBe(4);
    const by = Object.fromEntries(e.perCode.map((s) => [s['code'], s]));
    expect(by['relative_advantage']).toMatchObject({ tp: 1, fp: 0, fn: 0, tn: 3, f1: 1, kappa: 1 });
    expect(by['complexity']).toMatchObject({ tp: 1, fp: 1, fn: 0, tn: 2, precision: 0.5, recall: 1, kappa: 0.5 });
    expect(by['obstacle_internal']).toMatchObject({ tp: 1, fp: 0, fn: 1, tn: 2, precision: 1, recall: 0.5, kappa: 0.5 });
    expect(e.micro).toMatchObject({ tp: 3, fp: 1, fn: 1, tn: 7 });
    expect(e.micro['f1']).toBeCloseTo(0.75);
    expect(e.macro['f1']).toBeCloseTo((1 + 2 / 3 + 2 / 3) / 3);
  });

  it('--all scores the three gold studies (all read while tuning), and pools them', () => {
    const run = (...extra: string[]) => spawnSync(process.execPath, [join(ROOT, 'bench/accuracy.js'), '--all', '--json', ...extra], { encoding: 'utf8' });
    const r = run();
    expect(r.status).toBe(0);
    const e = JSON.parse(r.stdout) as { studies: { study: string; role: string; segments: number; macro: { f1: number } }[]; pooled: { segments: number; macro: { f1: number } } };
    expect(e.studies.map((s) => [s.study, s.role])).toEqual([
      ['samples/mobile-service', 'tuned'],
      ['samples/library-en', 'tuned'],
      ['samples/imigrasi-lampung', 'tuned'],
    ]);
    expect(e.pooled.segments).toBe(e.studies.reduce((n, s) => n + s.segments, 0));
    for (const s of [...e.studies, e.pooled]) expect(s.macro.f1).toBeGreaterThan(0);
    // Without question context the rules alone are scored; the figures move.
    const off = JSON.parse(run('--question-context', 'off').stdout) as typeof e;
    expect(off.pooled.segments).toBe(e.pooled.segments);
    expect(off.pooled.macro.f1).not.toBe(e.pooled.macro.f1);
    const bad = run('--question-context', 'maybe');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('usage:');
  });
});
