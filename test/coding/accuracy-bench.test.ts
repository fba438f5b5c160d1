import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/cli.js';

describe('bench/accuracy.js', () => {
  it('scores the automatic coder of the fixture study against a tiny gold file', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bench/accuracy.js'), '--study', join(ROOT, 'test/fixtures/coding/study'), '--gold', join(ROOT, 'test/fixtures/coding/gold.csv'), '--json'],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const e = JSON.parse(r.stdout) as {
      segments: number;
      perCode: Record<string, number | string | null>[];
      micro: Record<string, number>;
      macro: Record<string, number>;
    };
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
    const e = JSON.parse(r.stdout) as {
      studies: { study: string; role: string; segments: number; macro: { f1: number } }[];
      pooled: { segments: number; macro: { f1: number } };
    };
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

describe('bench/lib/seeds.js: the coder judged as the authors of a study judge it', () => {
  // a plain JavaScript module of the bench, imported by URL (it has no type declarations)
  const SEEDS_LIB = pathToFileURL(join(ROOT, 'bench/lib/seeds.js')).href;
  type Item = { seg: { id: string; sourceId: string }; label: { codes: Map<string, number>; primary: string; names: boolean } };
  const item = (id: string, primary: string, codes: [string, number][] = [[primary, 1]]): Item => ({
    seg: { id, sourceId: id.slice(0, 3) },
    label: { codes: new Map(codes), primary, names: false },
  });
  const reading = (primary: string, codes: [string, number][]) => ({ primary, codes: new Map(codes.map(([c, v]) => [c, { valence: v, score: 0.5 }])) });

  it('takes the one attribute as the only label: a second code is a false positive, an obstacle passage is left out', async () => {
    const { scoreAsAuthors } = (await import(SEEDS_LIB)) as {
      scoreAsAuthors: (items: Item[], r: Map<string, unknown>) => { passages: number; top1: number; among: number; macroF1: number };
    };
    const items = [item('004:p001', 'relative_advantage'), item('004:p002', 'complexity'), item('004:p003', 'obstacle_internal'), item('004:p004', 'none', [])];
    const readings = new Map<string, unknown>([
      [
        '004:p001',
        reading('relative_advantage', [
          ['relative_advantage', 1],
          ['observability', 1],
        ]),
      ],
      [
        '004:p002',
        reading('compatibility', [
          ['compatibility', 1],
          ['complexity', 1],
        ]),
      ],
      ['004:p003', reading('obstacle_internal', [['obstacle_internal', -1]])],
      ['004:p004', reading('none', [])],
    ]);
    const s = scoreAsAuthors(items, readings);
    expect(s.passages).toBe(2);
    expect(s.top1).toBe(0.5);
    expect(s.among).toBe(1);
    // RA: tp 1 → F1 1; complexity: tp 1 → 1; observability fp 1 → 0; compatibility fp 1 → 0
    expect(s.macroF1).toBeCloseTo(0.5);
  });

  it("draws the five verdicts per document by qia's rule from the labels and from the coder", async () => {
    const { verdictCheck } = (await import(SEEDS_LIB)) as {
      verdictCheck: (
        items: Item[],
        r: Map<string, unknown>,
      ) => Promise<{ doc: string; same: number; rows: { code: string; labels: string; coder: string }[] }[]>;
    };
    const items = ['p1', 'p2', 'p3'].map((p) => item(`004:${p}`, 'relative_advantage'));
    const readings = new Map<string, unknown>(items.map((it, i) => [it.seg.id, reading('relative_advantage', [['relative_advantage', i === 0 ? -1 : 1]])]));
    const [doc] = await verdictCheck(items, readings);
    const ra = doc!.rows.find((r) => r.code === 'relative_advantage')!;
    expect(ra).toEqual({ code: 'relative_advantage', labels: 'favourable', coder: 'mixed' });
    expect(doc!.same).toBe(4); // the other four: insufficient on both sides
  });
});
