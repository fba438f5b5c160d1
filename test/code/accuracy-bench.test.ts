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
});
